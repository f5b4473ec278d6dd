import {
  aoiScore,
  aoiScores,
  bayesianAverage,
  bradleyTerry,
  crowdScore,
  CrowdTally,
  finalScore,
  judgeScore,
  juryScore,
  PairwiseRecord,
  pairwiseTotals,
  priorWeight,
  RankingEntry,
  rankIdeas,
  wilsonLowerBound,
} from './ranking';

describe('wilsonLowerBound (ALGORITHMS.md §3)', () => {
  it.each([
    [8, 10, 0.490162],
    [2, 2, 0.34238],
    [1, 1, 0.206549],
    [100, 101, 0.946033],
    [600, 1000, 0.569309],
    [0, 3, 0],
    [0, 0, 0],
  ])('%i/%i → %f', (pos, n, expected) => {
    expect(wilsonLowerBound(pos, n)).toBeCloseTo(expected, 6);
  });

  it('lies in [0, p] and ranks 1/1 below 90/100', () => {
    for (let n = 1; n <= 60; n++) {
      for (let pos = 0; pos <= n; pos++) {
        const lb = wilsonLowerBound(pos, n);
        expect(lb).toBeGreaterThanOrEqual(-1e-15);
        expect(lb).toBeLessThanOrEqual(pos / n + 1e-15);
      }
    }
    expect(wilsonLowerBound(1, 1)).toBeLessThan(wilsonLowerBound(90, 100));
  });

  it('takes z as a parameter: a wider interval gives a lower bound', () => {
    expect(wilsonLowerBound(8, 10, 2.575829)).toBeLessThan(wilsonLowerBound(8, 10));
  });
});

describe('bayesianAverage (C = 3.5, m = 10)', () => {
  it.each([
    [5, 2, 3.75],
    [4.2, 50, 4.083333],
    [0, 0, 3.5],
    [1, 10, 2.25],
  ])('R=%f, v=%i → %f', (R, v, expected) => {
    expect(bayesianAverage(R, v, 3.5, 10)).toBeCloseTo(expected, 6);
  });

  it('returns the prior when there is neither data nor weight', () => {
    expect(bayesianAverage(4, 0, 3.5, 0)).toBe(3.5);
  });
});

describe('priorWeight', () => {
  it.each([
    [[], 1],
    [[0, 0, 0], 1],
    [[3], 3],
    [[1, 9, 4], 4],
    [[10, 2, 4, 8], 6],
    [[0, 1], 1],
  ])('median of %j, at least 1 → %f', (counts, expected) => {
    expect(priorWeight(counts)).toBe(expected);
  });

  it('does not reorder its input', () => {
    const counts = [5, 1, 3];
    priorWeight(counts);
    expect(counts).toEqual([5, 1, 3]);
  });
});

describe('crowdScore', () => {
  it.each<[CrowdTally, number]>([
    [{ mode: 'up', up: 8, audience: 10 }, 0.490162],
    [{ mode: 'up', up: 8, audience: 3 }, wilsonLowerBound(8, 8)],
    [{ mode: 'up', up: 0, audience: 0 }, 0],
    [{ mode: 'updown', up: 600, down: 400 }, 0.569309],
    [{ mode: 'updown', up: 0, down: 0 }, 0],
    [{ mode: 'rating', mean: 5, count: 2, priorMean: 3.5, priorWeight: 10 }, (3.75 - 1) / 4],
    [{ mode: 'rating', mean: null, count: 0, priorMean: 3.5, priorWeight: 10 }, 0.625],
    [{ mode: 'rating', mean: 5, count: 1000, priorMean: 5, priorWeight: 1 }, 1],
    [{ mode: 'rating', mean: null, count: 0, priorMean: 0, priorWeight: 1 }, 0],
  ])('%j → %f', (tally, expected) => {
    expect(crowdScore(tally)).toBeCloseTo(expected, 6);
  });
});

describe('jury scores', () => {
  const criteria = [
    { key: 'feasibility', weight: 0.5 },
    { key: 'impact', weight: 0.3 },
    { key: 'novelty', weight: 0.2 },
  ];

  it.each([
    [{ feasibility: 5, impact: 5, novelty: 5 }, 1],
    [{ feasibility: 1, impact: 1, novelty: 1 }, 0],
    [{ feasibility: 4, impact: 3, novelty: 5 }, 0.5 * 0.75 + 0.3 * 0.5 + 0.2 * 1],
    [{ feasibility: 3, impact: 3, novelty: 3 }, 0.5],
  ])('a judge scoring %j → %f', (scores, expected) => {
    expect(judgeScore(criteria, scores)).toBeCloseTo(expected, 12);
  });

  it('averages over judges and is null without reviews', () => {
    expect(juryScore(criteria, [{ feasibility: 5, impact: 5, novelty: 5 }, { feasibility: 3, impact: 3, novelty: 3 }])).toBeCloseTo(0.75, 12);
    expect(juryScore(criteria, [])).toBeNull();
  });

  it.each([
    [{ feasibility: 5, impact: 5 }],
    [{ feasibility: 0, impact: 5, novelty: 5 }],
    [{ feasibility: 6, impact: 5, novelty: 5 }],
    [{ feasibility: Number.NaN, impact: 5, novelty: 5 }],
  ])('refuses an incomplete or out-of-range rubric %j', (scores) => {
    expect(() => judgeScore(criteria, scores)).toThrow(RangeError);
  });

  it('refuses a rubric without criteria', () => {
    expect(() => judgeScore([], {})).toThrow(RangeError);
  });
});

describe('finalScore', () => {
  it.each([
    [0.62, 0.8, 0.728],
    [0.62, null, 0.62],
    [0, 0, 0],
    [1, 1, 1],
  ])('crowd %f, jury %p → %f with 0.4/0.6', (crowd, jury, expected) => {
    expect(finalScore(crowd, jury)).toBeCloseTo(expected, 12);
  });

  it('uses the campaign weights', () => {
    expect(finalScore(0.5, 1, { crowd: 0.7, jury: 0.3 })).toBeCloseTo(0.65, 12);
  });
});

describe('rankIdeas', () => {
  const entry = (ideaId: string, crowd: number, jury: number | null, validVoters = 0, submittedAt = 0): RankingEntry => ({
    ideaId,
    crowdScore: crowd,
    juryScore: jury,
    validVoters,
    submittedAt,
  });
  const order = (entries: RankingEntry[], weights?: { crowd: number; jury: number }) => rankIdeas(entries, weights).map((r) => r.ideaId);

  it('sorts by F and gives ranks 1..n with the scores', () => {
    const ranked = rankIdeas([entry('b', 0.5, 0.5), entry('a', 0.62, 0.8)]);
    expect(ranked).toEqual([
      { ideaId: 'a', rank: 1, crowdScore: 0.62, juryScore: 0.8, finalScore: expect.closeTo(0.728, 12) },
      { ideaId: 'b', rank: 2, crowdScore: 0.5, juryScore: 0.5, finalScore: expect.closeTo(0.5, 12) },
    ]);
  });

  it('breaks a tie in F by the higher jury score', () => {
    // 0.4·0.9 + 0.6·0.5 = 0.66 = 0.4·0.6 + 0.6·0.7
    expect(order([entry('crowd-favourite', 0.9, 0.5), entry('jury-favourite', 0.6, 0.7)])).toEqual(['jury-favourite', 'crowd-favourite']);
  });

  it('then by more distinct valid voters, then by earlier submission, then by id', () => {
    expect(order([entry('few', 0.5, null, 3, 0), entry('many', 0.5, null, 9, 50)])).toEqual(['many', 'few']);
    expect(order([entry('late', 0.5, null, 3, 50), entry('early', 0.5, null, 3, 10)])).toEqual(['early', 'late']);
    expect(order([entry('b', 0.5, null, 3, 10), entry('a', 0.5, null, 3, 10)])).toEqual(['a', 'b']);
  });

  it('scores F = Crowd when no idea was judged', () => {
    const ranked = rankIdeas([entry('a', 0.3, null), entry('b', 0.7, null)]);
    expect(ranked.map((r) => [r.ideaId, r.finalScore])).toEqual([
      ['b', 0.7],
      ['a', 0.3],
    ]);
  });

  it('does not lift an unjudged idea above judged ones when the campaign has a jury', () => {
    const ranked = rankIdeas([entry('unjudged', 0.9, null), entry('judged', 0.6, 0.7)]);
    expect(ranked.map((r) => r.ideaId)).toEqual(['judged', 'unjudged']);
    expect(ranked[1]?.finalScore).toBeCloseTo(0.36, 12);
    expect(ranked[1]?.juryScore).toBeNull();
  });

  it('is a permutation with ranks 1..n in order, independent of input order (invariant)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const entries = Array.from({ length: 200 }, (_, i) =>
      entry(`idea-${i}`, Math.round(random() * 10) / 10, random() < 0.3 ? null : Math.round(random() * 4) / 4, Math.floor(random() * 5), Math.floor(random() * 3)),
    );
    const ranked = rankIdeas(entries);
    expect(ranked.map((r) => r.ideaId).sort()).toEqual(entries.map((e) => e.ideaId).sort());
    expect(ranked.map((r) => r.rank)).toEqual(entries.map((_, i) => i + 1));
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.finalScore).toBeLessThanOrEqual(ranked[i - 1]!.finalScore + 1e-12);
    for (const r of ranked) {
      expect(r.finalScore).toBeGreaterThanOrEqual(0);
      expect(r.finalScore).toBeLessThanOrEqual(1);
    }
    expect(order([...entries].reverse())).toEqual(ranked.map((r) => r.ideaId));
    expect(rankIdeas([])).toEqual([]);
  });
});

describe('pairwise (All Our Ideas, Bradley–Terry)', () => {
  const records: PairwiseRecord[] = [
    { a: 'A', b: 'B', aWins: 7, bWins: 3 },
    { a: 'A', b: 'C', aWins: 6, bWins: 4 },
    { a: 'B', b: 'C', aWins: 5, bWins: 5 },
  ];

  it.each([
    [13, 7, 0.63636364],
    [8, 12, 0.40909091],
    [9, 11, 0.45454545],
    [0, 0, 0.5],
  ])('AOI score with %i wins and %i losses → %f', (wins, losses, expected) => {
    expect(aoiScore(wins, losses)).toBeCloseTo(expected, 8);
  });

  it('AOI scores ×100 of the ALGORITHMS.md §3 example → (63.636364, 40.909091, 45.454545)', () => {
    const scores = aoiScores(records);
    expect((scores.get('A') ?? 0) * 100).toBeCloseTo(63.636364, 6);
    expect((scores.get('B') ?? 0) * 100).toBeCloseTo(40.909091, 6);
    expect((scores.get('C') ?? 0) * 100).toBeCloseTo(45.454545, 6);
  });

  it('totals wins and losses per idea', () => {
    expect([...pairwiseTotals(records)]).toEqual([
      ['A', { wins: 13, losses: 7 }],
      ['B', { wins: 8, losses: 12 }],
      ['C', { wins: 9, losses: 11 }],
    ]);
    expect(() => pairwiseTotals([{ a: 'A', b: 'A', aWins: 1, bWins: 0 }])).toThrow(RangeError);
  });

  it.each([
    ['A', 0.481068],
    ['B', 0.241639],
    ['C', 0.277293],
  ])('Bradley–Terry strength of %s → %f', (id, expected) => {
    expect(bradleyTerry(records).get(id)).toBeCloseTo(expected, 6);
  });

  it('satisfies the likelihood equations: expected wins equal actual wins for every idea', () => {
    const p = bradleyTerry(records);
    const strength = (id: string) => p.get(id) ?? 0;
    for (const [id, { wins }] of pairwiseTotals(records)) {
      const expected = records.reduce((sum, r) => {
        if (r.a === id) return sum + (r.aWins + r.bWins) * (strength(r.a) / (strength(r.a) + strength(r.b)));
        if (r.b === id) return sum + (r.aWins + r.bWins) * (strength(r.b) / (strength(r.a) + strength(r.b)));
        return sum;
      }, 0);
      expect(expected).toBeCloseTo(wins, 8);
    }
  });

  it('sums to 1, is non-negative and orders as the records do (invariant)', () => {
    const chain: PairwiseRecord[] = [
      { a: 'w', b: 'x', aWins: 8, bWins: 2 },
      { a: 'x', b: 'y', aWins: 7, bWins: 3 },
      { a: 'y', b: 'z', aWins: 6, bWins: 4 },
      { a: 'z', b: 'w', aWins: 1, bWins: 9 },
    ];
    const p = bradleyTerry(chain);
    expect([...p.values()].reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    for (const x of p.values()) expect(x).toBeGreaterThanOrEqual(0);
    expect([...p].sort((a, b) => b[1] - a[1]).map(([id]) => id)).toEqual(['w', 'x', 'y', 'z']);
  });

  it('drives an idea that never won towards 0 and handles no records', () => {
    const p = bradleyTerry([
      { a: 'A', b: 'B', aWins: 3, bWins: 2 },
      { a: 'A', b: 'C', aWins: 4, bWins: 0 },
      { a: 'B', b: 'C', aWins: 2, bWins: 0 },
    ]);
    expect(p.get('C')).toBeLessThan(1e-3);
    expect(bradleyTerry([]).size).toBe(0);
  });
});
