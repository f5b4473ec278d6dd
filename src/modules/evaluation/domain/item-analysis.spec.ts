import { analyseItems, extremeGroupSize, kuderRichardson20, splitExtremeGroups } from './item-analysis';

const MATRIX = [
  [1, 1, 1, 1, 1],
  [1, 1, 1, 0, 1],
  [1, 1, 0, 1, 1],
  [1, 0, 1, 1, 0],
  [1, 1, 1, 0, 0],
  [1, 0, 0, 1, 0],
  [0, 1, 1, 0, 0],
  [1, 0, 0, 0, 1],
  [0, 0, 1, 0, 0],
  [0, 0, 0, 1, 0],
];

describe('analyseItems', () => {
  const analysis = analyseItems(MATRIX, 5);

  it.each([
    [1, 0.7, 0.666667, 0.436436],
    [2, 0.5, 1, 0.408248],
    [3, 0.6, 0.333333, -0.100335],
    [4, 0.5, 0.333333, -0.160128],
    [5, 0.4, 0.666667, 0.3656],
  ])('item %i has p %d, D %d and item–rest r %d (ALGORITHMS.md)', (item, p, d, r) => {
    const stats = analysis.items[item - 1];
    expect(stats?.difficulty).toBeCloseTo(p, 6);
    expect(stats?.discrimination).toBeCloseTo(d, 6);
    expect(stats?.itemRest).toBeCloseTo(r, 6);
  });

  it('reproduces KR-20 with the population variance of totals', () => {
    expect(analysis.kr20).toBeCloseTo(0.326087, 6);
    expect(analysis.groupSize).toBe(3);
  });

  it('keeps p in [0, 1] and D in [−1, 1] for every item', () => {
    for (const item of analysis.items) {
      expect(item.difficulty).toBeGreaterThanOrEqual(0);
      expect(item.difficulty).toBeLessThanOrEqual(1);
      expect(Math.abs(item.discrimination as number)).toBeLessThanOrEqual(1);
    }
  });

  it('gives a null item–rest r for an item everyone answers correctly', () => {
    const result = analyseItems([[1, 1, 0], [1, 0, 0], [1, 1, 1]], 3);
    expect(result.items[0]?.itemRest).toBeNull();
    expect(result.items[0]?.difficulty).toBe(1);
  });

  it('returns nulls, not NaN, with no examinees', () => {
    const result = analyseItems([], 3);
    expect(result.kr20).toBeNull();
    expect(result.items).toEqual([
      { difficulty: null, discrimination: null, itemRest: null },
      { difficulty: null, discrimination: null, itemRest: null },
      { difficulty: null, discrimination: null, itemRest: null },
    ]);
  });

  it('has no discrimination with a single examinee', () => {
    expect(analyseItems([[1, 0]], 2).items[0]?.discrimination).toBeNull();
  });
});

describe('extreme groups', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [3, 1],
    [10, 3],
    [11, 3],
    [100, 27],
  ])('%i examinees give groups of %i', (n, size) => {
    expect(extremeGroupSize(n)).toBe(size);
  });

  it('breaks ties at the boundary by input order', () => {
    expect(splitExtremeGroups([5, 4, 4, 3, 3, 2, 2, 2, 1, 1])).toEqual({ upper: [0, 1, 2], lower: [7, 8, 9] });
  });
});

describe('kuderRichardson20', () => {
  it('is null when totals do not vary or there is one item', () => {
    expect(kuderRichardson20([0.5, 0.5], [1, 1, 1])).toBeNull();
    expect(kuderRichardson20([0.5], [0, 1])).toBeNull();
  });
});
