import {
  clampUnit,
  isNegligibleSpread,
  mean,
  median,
  pearsonCorrelation,
  populationVariance,
  sampleStandardDeviation,
  sampleVariance,
  sum,
} from './descriptive-statistics';

const GAINS = [20, 15, 15, 15, 5, 20, 5, 15, -5, 22];

describe('descriptive statistics', () => {
  it.each([
    ['mean', mean(GAINS), 12.7],
    ['median', median(GAINS), 15],
    ['sample sd', sampleStandardDeviation(GAINS), 8.472832],
    ['sample variance', sampleVariance(GAINS), 71.788889],
    ['population variance', populationVariance(GAINS), 64.61],
    ['median of an odd count', median([3, 1, 2]), 2],
    ['sum', sum(GAINS), 127],
  ])('computes the %s of the ALGORITHMS.md gains', (_name, actual, expected) => {
    expect(actual).toBeCloseTo(expected, 6);
  });

  it.each([
    ['mean', mean([])],
    ['median', median([])],
    ['sample variance of one value', sampleVariance([4])],
    ['sample sd of one value', sampleStandardDeviation([4])],
    ['population variance', populationVariance([])],
    ['correlation with a constant', pearsonCorrelation([1, 2, 3], [5, 5, 5])],
    ['correlation of one pair', pearsonCorrelation([1], [2])],
    ['correlation of unequal lengths', pearsonCorrelation([1, 2], [2, 3, 4])],
  ])('returns null, not NaN, for the %s of too little data', (_name, actual) => {
    expect(actual).toBeNull();
  });

  it('does not reorder its input when taking the median', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('computes Pearson r and keeps it in [−1, 1]', () => {
    expect(pearsonCorrelation([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 12);
    expect(pearsonCorrelation([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 12);
    expect(pearsonCorrelation([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
  });

  it('treats floating-point noise in a spread as zero', () => {
    const thirds = [100 / 3, 100 / 3, 100 / 3];
    expect(isNegligibleSpread(sampleStandardDeviation(thirds) as number, thirds)).toBe(true);
    expect(isNegligibleSpread(0.01, thirds)).toBe(false);
  });

  it.each([
    [-0.2, 0],
    [0.4, 0.4],
    [1.3, 1],
  ])('clamps %d to %d', (value, expected) => {
    expect(clampUnit(value)).toBe(expected);
  });
});
