import { applyVoteChange, countsOf, isValidVoteValue, tallyDelta, withVoteChange } from './vote-values';

describe('vote values', () => {
  it.each([
    ['up', 1, true],
    ['up', -1, false],
    ['up', 2, false],
    ['updown', -1, true],
    ['updown', 0, false],
    ['rating', 5, true],
    ['rating', 0, false],
    ['rating', 6, false],
  ] as const)('%s accepts %i: %s', (mode, value, ok) => {
    expect(isValidVoteValue(mode, value)).toBe(ok);
  });

  it.each([
    ['updown', null, 1, { up: 1, down: 0, ratingCount: 0, ratingSum: 0, voters: 1 }],
    ['updown', 1, -1, { up: -1, down: 1, ratingCount: 0, ratingSum: 0, voters: 0 }],
    ['updown', -1, null, { up: 0, down: -1, ratingCount: 0, ratingSum: 0, voters: -1 }],
    ['rating', 2, 5, { up: 0, down: 0, ratingCount: 0, ratingSum: 3, voters: 0 }],
    ['rating', null, 4, { up: 0, down: 0, ratingCount: 1, ratingSum: 4, voters: 1 }],
    ['up', 1, 1, { up: 0, down: 0, ratingCount: 0, ratingSum: 0, voters: 0 }],
  ] as const)('%s from %s to %s changes the tally by %j', (mode, before, after, delta) => {
    expect(tallyDelta(mode, before, after)).toEqual(delta);
  });

  it('cast then retract sums to nothing', () => {
    for (const mode of ['up', 'updown', 'rating'] as const) {
      const cast = tallyDelta(mode, null, 1);
      const retract = tallyDelta(mode, 1, null);
      for (const key of Object.keys(cast) as Array<keyof typeof cast>) expect(cast[key] + retract[key]).toBe(0);
    }
  });
});

describe('withVoteChange', () => {
  const empty = { upCount: 0, downCount: 0, ratingCount: 0, ratingSum: 0, votersCount: 0 };

  it('turns an up-vote into a down-vote without changing the voter count', () => {
    const up = withVoteChange(empty, 'updown', null, 1);
    expect(withVoteChange(up, 'updown', 1, -1)).toEqual({ upCount: 0, downCount: 1, ratingCount: 0, ratingSum: 0, votersCount: 1 });
  });

  it('moves a rating and takes it back out exactly', () => {
    const rated = withVoteChange(withVoteChange(empty, 'rating', null, 4), 'rating', null, 2);
    expect(rated).toEqual({ upCount: 0, downCount: 0, ratingCount: 2, ratingSum: 6, votersCount: 2 });
    expect(withVoteChange(rated, 'rating', 4, null)).toEqual({ upCount: 0, downCount: 0, ratingCount: 1, ratingSum: 2, votersCount: 1 });
  });

  it('copies only the tally columns of an idea', () => {
    expect(countsOf({ ...empty, upCount: 3, votersCount: 3, title: 'x' } as typeof empty)).toEqual({ ...empty, upCount: 3, votersCount: 3 });
  });
});

describe('applyVoteChange', () => {
  const counts = { upCount: 2, downCount: 1, ratingCount: 0, ratingSum: 0, votersCount: 3 };

  it('reports no change for the same value again, so the idea is not rewritten', () => {
    expect(applyVoteChange(counts, 'updown', 1, 1)).toEqual({ counts, changed: false, ratingDelta: { count: 0, sum: 0 } });
  });

  it('carries a new rating into the tally and into what the campaign sums must follow', () => {
    const rated = { ...counts, upCount: 0, downCount: 0, ratingCount: 3, ratingSum: 10 };
    expect(applyVoteChange(rated, 'rating', 2, 5)).toEqual({ counts: { ...rated, ratingSum: 13 }, changed: true, ratingDelta: { count: 0, sum: 3 } });
    expect(applyVoteChange(rated, 'rating', null, 4).ratingDelta).toEqual({ count: 1, sum: 4 });
  });
});
