import { campaignRoom, cohortRoom, ownersRoom, parseRoom, roomsToLeave } from './room-name';

const ID = '0b8f3c1e-5a2d-4c3b-9e1f-2a3b4c5d6e7f';

describe('parseRoom', () => {
  it.each([
    [`campaign:${ID}`, { kind: 'campaign', id: ID }],
    [`cohort:${ID}`, { kind: 'cohort', id: ID }],
    [`Campaign:${ID.toUpperCase()}`, { kind: 'campaign', id: ID }],
    [`campaign:${ID}:owners`, null],
    ['campaign:42', null],
    ['lobby', null],
    [`program:${ID}`, null],
    ['', null],
    [42, null],
    [undefined, null],
    [{ room: `campaign:${ID}` }, null],
    [`campaign:${ID}${' '.repeat(200)}`, null],
  ])('reads %p as %p', (name, expected) => {
    expect(parseRoom(name)).toEqual(expected);
  });

  it('names back what it parses (the round trip is the identity on lower-case names)', () => {
    for (const name of [campaignRoom(ID), cohortRoom(ID)]) {
      const room = parseRoom(name)!;
      expect(room.kind === 'campaign' ? campaignRoom(room.id) : cohortRoom(room.id)).toBe(name);
    }
  });

  it('leaves the owners’ room together with its campaign room', () => {
    expect(roomsToLeave({ kind: 'campaign', id: ID })).toEqual([campaignRoom(ID), ownersRoom(ID)]);
    expect(roomsToLeave({ kind: 'cohort', id: ID })).toEqual([cohortRoom(ID)]);
  });
});
