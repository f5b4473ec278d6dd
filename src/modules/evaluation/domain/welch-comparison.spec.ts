import { countsAsRealChange, hedgesG, welchTTest } from './welch-comparison';

const A = [20, 15, 15, 15, 5, 20, 5, 15, -5, 22];
const B = [5, 10, 0, 8, 12, -2, 6, 9];

describe('welchTTest', () => {
  const result = welchTTest(A, B);

  it.each([
    ['t', result.t, 2.10372],
    ['df', result.df, 14.736542],
    ['p', result.p, 0.053004],
  ])('reproduces the ALGORITHMS.md %s', (_name, actual, expected) => {
    expect(actual).toBeCloseTo(expected, 6);
  });

  it('is antisymmetric in its samples', () => {
    const reversed = welchTTest(B, A);
    expect(reversed.t).toBeCloseTo(-(result.t as number), 12);
    expect(reversed.df).toBeCloseTo(result.df as number, 12);
    expect(reversed.p).toBeCloseTo(result.p as number, 12);
  });

  it.each([
    ['a sample of one', [3], B],
    ['two constant samples', [4, 4], [4, 4, 4]],
    ['an empty sample', [], B],
  ])('returns nulls for %s', (_name, a, b) => {
    expect(welchTTest(a, b)).toEqual({ t: null, df: null, p: null });
  });
});

describe('hedgesG', () => {
  it('applies the small-sample correction to Cohen d on the pooled SD', () => {
    expect(hedgesG(A, B)).toBeCloseTo(0.895655, 6);
  });

  it('is null when there is no spread or too little data', () => {
    expect(hedgesG([4, 4], [4, 4, 4])).toBeNull();
    expect(hedgesG([1], [2, 3])).toBeNull();
  });
});

describe('countsAsRealChange', () => {
  it.each([
    [0.053004, 0.895655, false],
    [0.01, 0.29, false],
    [0.01, -0.3, true],
    [0.049, 0.5, true],
    [null, 0.5, false],
    [0.01, null, false],
  ])('p %s and g %s: real %s', (p, g, real) => {
    expect(countsAsRealChange(p, g)).toBe(real);
  });
});
