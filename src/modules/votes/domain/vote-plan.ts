export type VoteOperation =
  /** `invalidReason` is set when the voter is excluded from the campaign: the vote is kept, counting for nothing. */
  | { kind: 'cast'; value: number; networkHash: string; deviceHash: string; invalidReason: string | null }
  | { kind: 'retract' };

export interface StoredVote {
  value: number;
  valid: boolean;
  invalidReason: string | null;
}

export interface VotePlan {
  write: 'insert' | 'update' | 'delete' | 'none';
  /** The valid value before and after: what the tally counted and will count. */
  before: number | null;
  after: number | null;
  /** The voter's value after the operation, valid or not. */
  value: number | null;
  valid: boolean;
  invalidReason: string | null;
}

/**
 * The vote row's change and the valid value before and after it (invalid votes count for nothing).
 * An invalid vote is evidence for the owner: a retract leaves it in place and a re-cast stays invalid,
 * so an excluded voter cannot launder a vote by withdrawing and casting it again.
 */
export function plan(op: VoteOperation, existing: StoredVote | null): VotePlan {
  const before = existing?.valid ? existing.value : null;
  if (op.kind === 'retract') {
    if (!existing) return { write: 'none', before, after: null, value: null, valid: false, invalidReason: null };
    return existing.valid ? { write: 'delete', before, after: null, value: null, valid: false, invalidReason: null } : { write: 'none', before, after: null, value: null, valid: false, invalidReason: null };
  }
  if (!existing) {
    const valid = op.invalidReason === null;
    return { write: 'insert', before: null, after: valid ? op.value : null, value: op.value, valid, invalidReason: op.invalidReason };
  }
  const valid = existing.valid && op.invalidReason === null;
  const changed = existing.value !== op.value || valid !== existing.valid;
  return { write: changed ? 'update' : 'none', before, after: valid ? op.value : null, value: op.value, valid, invalidReason: valid ? null : (op.invalidReason ?? existing.invalidReason) };
}
