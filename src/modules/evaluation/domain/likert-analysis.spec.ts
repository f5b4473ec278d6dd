import { completeCases, cronbachAlpha, summarizeLikertItem } from './likert-analysis';

const SCALE = [
  [4, 5, 4, 4],
  [3, 3, 2, 3],
  [5, 5, 5, 4],
  [2, 2, 3, 2],
  [4, 4, 4, 5],
  [3, 4, 3, 3],
];

describe('cronbachAlpha', () => {
  it('reproduces the ALGORITHMS.md 6 × 4 vector', () => {
    expect(cronbachAlpha(SCALE, 4)).toBeCloseTo(0.931034, 6);
  });

  it('drops incomplete rows before computing', () => {
    expect(cronbachAlpha([...SCALE, [5, null, 1, 1], [1, 2, 3]], 4)).toBeCloseTo(0.931034, 6);
    expect(completeCases([[1, null], [1, 2]], 2)).toEqual([[1, 2]]);
  });

  it.each([
    ['one item', [[1], [2], [3]], 1],
    ['one respondent', [[1, 2, 3]], 3],
    ['constant totals', [[1, 5], [5, 1], [3, 3]], 2],
  ])('is null for %s', (_name, rows, items) => {
    expect(cronbachAlpha(rows, items)).toBeNull();
  });

  it('is 1 for perfectly parallel items', () => {
    expect(cronbachAlpha([[1, 1, 1], [3, 3, 3], [5, 5, 5]], 3)).toBeCloseTo(1, 12);
  });
});

describe('summarizeLikertItem', () => {
  it.each([
    ['item 1', [4, 3, 5, 2, 4, 3], 3.5, [0, 1, 2, 2, 1], 50, 3.5, 1.048809],
    ['item 2', [5, 3, 5, 2, 4, 4], 4, [0, 1, 1, 2, 2], 66.666667, 3.833333, 1.169045],
    ['all agree', [5, 5], 5, [0, 0, 0, 0, 2], 100, 5, 0],
  ])('summarises %s', (_name, answers, med, distribution, topTwoBox, average, sd) => {
    const summary = summarizeLikertItem(answers);
    expect(summary.median).toBe(med);
    expect(summary.distribution).toEqual(distribution);
    expect(summary.topTwoBox).toBeCloseTo(topTwoBox, 6);
    expect(summary.mean).toBeCloseTo(average, 6);
    expect(summary.sd).toBeCloseTo(sd, 6);
  });

  it('ignores answers outside 1–5 and keeps counts consistent with n', () => {
    const summary = summarizeLikertItem([0, 6, 2.5, null, 'x', 3, 4]);
    expect(summary.n).toBe(2);
    expect(summary.distribution.reduce((a, b) => a + b, 0)).toBe(summary.n);
  });

  it('returns nulls with no answers', () => {
    expect(summarizeLikertItem([])).toEqual({ n: 0, median: null, distribution: [0, 0, 0, 0, 0], topTwoBox: null, mean: null, sd: null });
  });
});
