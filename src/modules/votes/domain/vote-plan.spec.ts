import { plan, VoteOperation } from './vote-plan';

const cast = (value: number, invalidReason: string | null = null): VoteOperation => ({ kind: 'cast', value, networkHash: 'n', deviceHash: 'd', invalidReason });
const retract: VoteOperation = { kind: 'retract' };
const valid = (value: number) => ({ value, valid: true, invalidReason: null });
const invalid = (value: number, reason = 'sockpuppet') => ({ value, valid: false, invalidReason: reason });

describe('plan of a vote', () => {
  it('inserts a first vote that counts', () => {
    expect(plan(cast(1), null)).toEqual({ write: 'insert', before: null, after: 1, value: 1, valid: true, invalidReason: null });
  });

  it('changes a vote in place and counts the new value instead of the old', () => {
    expect(plan(cast(4), valid(2))).toMatchObject({ write: 'update', before: 2, after: 4, valid: true });
  });

  it('writes nothing when the same vote is cast again', () => {
    expect(plan(cast(1), valid(1))).toMatchObject({ write: 'none', before: 1, after: 1 });
  });

  it('deletes a valid vote on retract', () => {
    expect(plan(retract, valid(1))).toMatchObject({ write: 'delete', before: 1, after: null, value: null });
    expect(plan(retract, null)).toMatchObject({ write: 'none', before: null, after: null });
  });

  it('records a first vote of an excluded voter as invalid, with the reason, counting for nothing', () => {
    expect(plan(cast(1, 'one device'), null)).toEqual({ write: 'insert', before: null, after: null, value: 1, valid: false, invalidReason: 'one device' });
  });

  it('keeps an invalid vote as evidence on retract, and a re-cast stays invalid', () => {
    expect(plan(retract, invalid(1))).toMatchObject({ write: 'none', before: null, after: null });
    expect(plan(cast(-1), invalid(1))).toEqual({ write: 'update', before: null, after: null, value: -1, valid: false, invalidReason: 'sockpuppet' });
  });

  it('invalidates a valid vote met by an exclusion decided in between', () => {
    expect(plan(cast(1, 'late exclusion'), valid(1))).toEqual({ write: 'update', before: 1, after: null, value: 1, valid: false, invalidReason: 'late exclusion' });
  });
});
