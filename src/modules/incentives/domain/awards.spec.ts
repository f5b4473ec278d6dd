import {
  badgesEarned,
  capDailyPoints,
  ContributorStats,
  DEFAULT_POINTS_CONFIG,
  isDailyCapped,
  pointsFor,
  pointsToGrant,
  PrizeTier,
  RankedIdeaAuthor,
  splitPrizes,
  splitRupiah,
} from './awards';

const ranking: RankedIdeaAuthor[] = [
  { ideaId: 'i1', authorId: 'u1', rank: 1 },
  { ideaId: 'i2', authorId: 'u2', rank: 2 },
  { ideaId: 'i3', authorId: 'u1', rank: 3 },
  { ideaId: 'i4', authorId: 'u4', rank: 4 },
];

/** A pool of Rp10,000,000 split 50 % / 25 % / 15 % (ALGORITHMS.md §4). */
const pool: PrizeTier[] = [
  { rank: 1, amount: 5_000_000 },
  { rank: 2, amount: 2_500_000 },
  { rank: 3, amount: 1_500_000 },
];

describe('splitPrizes', () => {
  it('awards each prize to the author of the idea at its rank, in IDR', () => {
    expect(splitPrizes(pool, ranking)).toEqual([
      { rank: 1, ideaId: 'i1', userId: 'u1', amount: 5_000_000, currency: 'IDR' },
      { rank: 2, ideaId: 'i2', userId: 'u2', amount: 2_500_000, currency: 'IDR' },
      { rank: 3, ideaId: 'i3', userId: 'u1', amount: 1_500_000, currency: 'IDR' },
    ]);
  });

  it('gives everything to rank 1 when there is one prize (winner takes all)', () => {
    expect(splitPrizes([{ rank: 1, amount: 3_000_000 }], ranking).map((a) => [a.ideaId, a.amount])).toEqual([['i1', 3_000_000]]);
  });

  it('leaves prizes unawarded when fewer ideas are ranked', () => {
    expect(splitPrizes(pool, ranking.slice(0, 2)).map((a) => a.rank)).toEqual([1, 2]);
    expect(splitPrizes(pool, [])).toEqual([]);
    expect(splitPrizes([], ranking)).toEqual([]);
  });

  it('does not depend on the order of the ranking or of the prizes', () => {
    expect(splitPrizes([...pool].reverse(), [...ranking].reverse())).toEqual(splitPrizes(pool, ranking));
  });

  it('lets ideas tied at a rank share the prizes of the places they occupy, in whole rupiah', () => {
    const tied: RankedIdeaAuthor[] = [
      { ideaId: 'a', authorId: 'ua', rank: 1 },
      { ideaId: 'c', authorId: 'uc', rank: 2 },
      { ideaId: 'b', authorId: 'ub', rank: 2 },
    ];
    const prizes = [
      { rank: 1, amount: 5_000_000 },
      { rank: 2, amount: 2_500_001 },
      { rank: 3, amount: 1_500_000 },
    ];
    expect(splitPrizes(prizes, tied).map((a) => [a.rank, a.ideaId, a.amount])).toEqual([
      [1, 'a', 5_000_000],
      [2, 'b', 2_000_001],
      [2, 'c', 2_000_000],
    ]);
  });

  it('awards nothing for a zero prize', () => {
    expect(splitPrizes([{ rank: 1, amount: 0 }], ranking)).toEqual([]);
  });

  it.each([
    [[{ rank: 1, amount: 100.5 }]],
    [[{ rank: 1, amount: -1 }]],
    [[{ rank: 0, amount: 100 }]],
    [[{ rank: 1, amount: 100 }, { rank: 1, amount: 50 }]],
  ])('refuses invalid prizes %j', (prizes) => {
    expect(() => splitPrizes(prizes, ranking)).toThrow(RangeError);
  });

  it('never pays out more than the prizes, pays only ranked ideas, and only integers (invariant)', () => {
    let seed = 3;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 200; trial++) {
      const prizes = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) => ({ rank: i + 1, amount: Math.floor(random() * 10_000_000) }));
      const ideas = Array.from({ length: Math.floor(random() * 7) }, (_, i) => ({ ideaId: `i${i}`, authorId: `u${i % 3}`, rank: 1 + Math.floor(random() * 6) }));
      const awards = splitPrizes(prizes, ideas);
      const paid = awards.reduce((sum, a) => sum + a.amount, 0);
      expect(paid).toBeLessThanOrEqual(prizes.reduce((sum, p) => sum + p.amount, 0));
      for (const a of awards) {
        expect(Number.isInteger(a.amount)).toBe(true);
        expect(ideas.find((i) => i.ideaId === a.ideaId)?.authorId).toBe(a.userId);
      }
      expect(new Set(awards.map((a) => a.ideaId)).size).toBe(awards.length);
    }
  });
});

describe('splitRupiah', () => {
  it.each([
    [10, 3, [4, 3, 3]],
    [9, 3, [3, 3, 3]],
    [1, 2, [1, 0]],
    [0, 2, [0, 0]],
  ])('Rp%i into %i parts → %j', (total, parts, expected) => {
    expect(splitRupiah(total, parts)).toEqual(expected);
  });
});

describe('points', () => {
  it.each([
    ['idea-published', null, 10],
    ['idea-shortlisted', null, 20],
    ['idea-won', 1, 80],
    ['idea-won', 2, 70],
    ['idea-won', 3, 60],
    ['idea-won', 4, 50],
    ['idea-won', null, 50],
  ] as const)('%s (rank %p) is worth %i', (reason, rank, points) => {
    expect(pointsFor(reason, rank)).toBe(points);
  });

  it('takes a campaign’s own amounts', () => {
    const config = { ...DEFAULT_POINTS_CONFIG, published: 5, winner: 100, winnerRankBonus: {} };
    expect(pointsFor('idea-published', null, config)).toBe(5);
    expect(pointsFor('idea-won', 1, config)).toBe(100);
  });

  it.each([
    [0, 10, 50, 10],
    [40, 10, 50, 10],
    [45, 10, 50, 5],
    [50, 10, 50, 0],
    [70, 10, 50, 0],
    [0, 80, 50, 50],
  ])('with %i already today, %i proposed and a cap of %i → %i', (already, proposed, cap, expected) => {
    expect(capDailyPoints(already, proposed, cap)).toBe(expected);
  });

  it('caps participation points only: a sixth published idea in a day earns nothing, a win still counts in full', () => {
    expect(isDailyCapped('idea-published')).toBe(true);
    expect(pointsToGrant('idea-published', null, 50)).toBe(0);
    expect(pointsToGrant('idea-published', null, 40)).toBe(10);
    expect(pointsToGrant('idea-won', 1, 50)).toBe(80);
    expect(pointsToGrant('idea-shortlisted', null, 500)).toBe(20);
  });

  it('never lets a day’s capped points exceed the cap (invariant)', () => {
    let today = 0;
    for (let i = 0; i < 20; i++) today += pointsToGrant('idea-published', null, today);
    expect(today).toBe(DEFAULT_POINTS_CONFIG.dailyCap);
  });
});

describe('badgesEarned', () => {
  const stats = (publishedIdeas: number, shortlistedIdeas = 0, wins = 0): ContributorStats => ({ publishedIdeas, shortlistedIdeas, wins });

  it.each([
    [stats(0), stats(1), ['first-published-idea']],
    [stats(1), stats(2), []],
    [stats(4), stats(5), ['five-published-ideas']],
    [stats(0), stats(5), ['first-published-idea', 'five-published-ideas']],
    [stats(3, 0), stats(3, 1), ['first-shortlist']],
    [stats(3, 1, 0), stats(3, 2, 1), ['first-win']],
    [stats(5, 1, 1), stats(6, 2, 2), []],
    [stats(0), stats(0), []],
  ])('from %j to %j earns %j', (before, after, expected) => {
    expect(badgesEarned(before, after)).toEqual(expected);
  });

  it('earns each badge once along any growing history (invariant)', () => {
    const history = [stats(0), stats(1), stats(2, 1), stats(5, 1), stats(7, 2, 1), stats(9, 3, 2)];
    const earned = history.slice(1).flatMap((after, i) => badgesEarned(history[i]!, after));
    expect(earned.sort()).toEqual(['first-published-idea', 'first-shortlist', 'first-win', 'five-published-ideas']);
  });
});
