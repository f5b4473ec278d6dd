import { averageRanks, signedRankSumDistribution, wilcoxonSignedRank } from './wilcoxon-signed-rank';

const PRE = [40, 55, 30, 65, 50, 45, 70, 35, 60, 50];
const POST = [60, 70, 45, 80, 55, 65, 75, 50, 55, 72];
const POST_WITH_ZERO_AT_9 = [60, 70, 45, 80, 55, 65, 75, 50, 60, 72];
const differences = (post: number[]) => post.map((y, index) => y - (PRE[index] as number));

describe('wilcoxonSignedRank', () => {
  it.each([
    ['the ALGORITHMS.md vector (tied ranks)', differences(POST), 10, 53, 0.0078125],
    ['a zero difference at participant 9', differences(POST_WITH_ZERO_AT_9), 9, 45, 0.00390625],
    ['no ties, all positive', [1, 2, 3, 4, 5], 5, 15, 0.0625],
    ['no ties, mixed signs (SciPy 0.09375)', [1, -2, 3, 4, 5, 6], 6, 19, 0.09375],
    ['symmetric differences', [-1, 1], 2, 1.5, 1],
  ])('gives the exact conditional p for %s', (_name, diffs, m, wPlus, p) => {
    const result = wilcoxonSignedRank(diffs);
    expect(result.method).toBe('exact');
    expect(result.m).toBe(m);
    expect(result.wPlus).toBeCloseTo(wPlus, 9);
    expect(result.p).toBeCloseTo(p, 9);
  });

  it('matches brute-force enumeration of all 2^m sign patterns when ranks tie', () => {
    const diffs = [3, -3, 1, 4, -1, 5, 5, -2, 4];
    const ranks = averageRanks(diffs.map(Math.abs));
    const total = ranks.reduce((a, b) => a + b, 0);
    const observed = wilcoxonSignedRank(diffs).wPlus as number;
    let extreme = 0;
    for (let signs = 0; signs < 2 ** ranks.length; signs += 1) {
      const w = ranks.reduce((acc, rank, index) => ((signs >> index) & 1 ? acc + rank : acc), 0);
      if (Math.abs(w - total / 2) >= Math.abs(observed - total / 2) - 1e-12) extreme += 1;
    }
    expect(wilcoxonSignedRank(diffs).p).toBe(extreme / 2 ** ranks.length);
  });

  it('averages the ranks of ties', () => {
    expect(averageRanks([20, 15, 15, 15, 5, 20, 5, 15, 5, 22])).toEqual([8.5, 5.5, 5.5, 5.5, 2, 8.5, 2, 5.5, 2, 10]);
  });

  it('builds a distribution of doubled sums that is symmetric and sums to one', () => {
    const distribution = signedRankSumDistribution([2, 4, 6, 6]);
    expect(distribution.reduce((a, b) => a + b, 0)).toBe(1);
    expect(distribution).toEqual([...distribution].reverse());
  });

  it('gives p = 1 when every difference is zero', () => {
    expect(wilcoxonSignedRank([0, 0, 0])).toEqual({ wPlus: 0, m: 0, p: 1, method: 'exact' });
  });

  it('reports nulls for an empty sample', () => {
    expect(wilcoxonSignedRank([])).toEqual({ wPlus: null, m: 0, p: null, method: null });
  });

  it('switches to the tie- and continuity-corrected normal approximation above 50', () => {
    const diffs = Array.from({ length: 60 }, (_, index) => (index % 4 === 0 ? -1 : 1) * (1 + (index % 7)));
    const result = wilcoxonSignedRank(diffs);
    expect(result.method).toBe('normal');
    expect(result.m).toBe(60);
    // SciPy: wilcoxon(diffs, method='approx', correction=True).pvalue
    expect(result.wPlus).toBe(1386);
    expect(result.p).toBeCloseTo(0.0005161081507923274, 10);
  });

  it('agrees with the normal approximation at the boundary, where both are close', () => {
    const diffs = Array.from({ length: 50 }, (_, index) => (index % 3 === 0 ? -1 : 1) * (index + 1));
    const exact = wilcoxonSignedRank(diffs);
    const approx = wilcoxonSignedRank([...diffs, 0.5]);
    expect(exact.method).toBe('exact');
    expect(approx.method).toBe('normal');
    expect(Math.abs((exact.p as number) - (approx.p as number))).toBeLessThan(0.02);
  });

  it('keeps p in (0, 1] and W⁺ in [0, m(m+1)/2]', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const diffs = Array.from({ length: 12 }, (_, index) => ((seed * 7 + index * 13) % 11) - 4);
      const { wPlus, m, p } = wilcoxonSignedRank(diffs);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(wPlus).toBeGreaterThanOrEqual(0);
      expect(wPlus).toBeLessThanOrEqual((m * (m + 1)) / 2);
    }
  });
});
