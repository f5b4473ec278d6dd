import {
  analysePairedScores,
  classifyNormalizedGain,
  computeAverageIndividualGain,
  computeNormalizedGain,
  type PairedAnalysis,
} from './paired-analysis';

const PRE = [40, 55, 30, 65, 50, 45, 70, 35, 60, 50];
const POST = [60, 70, 45, 80, 55, 65, 75, 50, 55, 72];

function allNumbersAreFiniteOrNull(analysis: PairedAnalysis): boolean {
  const values = [
    ...Object.values(analysis).filter((value) => typeof value !== 'object' || value === null),
    ...Object.values(analysis.tTest),
    analysis.wilcoxon.wPlus,
    analysis.wilcoxon.p,
  ];
  return values.every((value) => value === null || (typeof value === 'number' && Number.isFinite(value)));
}

describe('analysePairedScores', () => {
  const analysis = analysePairedScores(PRE, POST);

  it.each([
    ['pre mean', analysis.preMean, 50.0],
    ['post mean', analysis.postMean, 62.7],
    ['mean gain', analysis.meanGain, 12.7],
    ['median gain', analysis.medianGain, 15.0],
    ['sd of the gains', analysis.sdGain, 8.472832],
    ['class-average normalised gain ⟨g⟩', analysis.normalizedGain, 0.254],
    ['average individual gain g_ave', analysis.averageIndividualGain, 0.24856],
    ['d_z', analysis.dz, 1.498908],
    ['d_av', analysis.dav, 1.039358],
    ['t', analysis.tTest.t, 4.739965],
    ['df', analysis.tTest.df, 9],
    ['p', analysis.tTest.p, 0.00105898],
    ['CI low', analysis.tTest.ciLow, 6.638901],
    ['CI high', analysis.tTest.ciHigh, 18.761099],
    ['Wilcoxon W⁺', analysis.wilcoxon.wPlus, 53],
    ['Wilcoxon exact conditional p', analysis.wilcoxon.p, 0.0078125],
  ])('reproduces the ALGORITHMS.md %s', (_name, actual, expected) => {
    expect(actual).toBeCloseTo(expected, 6);
  });

  it('names the Wilcoxon method and counts the pairs', () => {
    expect(analysis.n).toBe(10);
    expect(analysis.wilcoxon.method).toBe('exact');
  });

  it('puts the mean gain inside its confidence interval', () => {
    expect(analysis.tTest.ciLow).toBeLessThan(analysis.meanGain as number);
    expect(analysis.tTest.ciHigh).toBeGreaterThan(analysis.meanGain as number);
  });

  it.each([
    ['no pairs', [], []],
    ['one pair', [40], [60]],
  ])('returns null, never NaN, for what %s cannot support', (_name, pre, post) => {
    const result = analysePairedScores(pre, post);
    expect(allNumbersAreFiniteOrNull(result)).toBe(true);
    expect(result.sdGain).toBeNull();
    expect(result.dz).toBeNull();
    expect(result.dav).toBeNull();
    expect(result.tTest).toEqual({ t: null, df: null, p: null, ciLow: null, ciHigh: null });
  });

  it('keeps the means of a single pair', () => {
    const result = analysePairedScores([40], [60]);
    expect(result.meanGain).toBe(20);
    expect(result.normalizedGain).toBeCloseTo(1 / 3, 12);
  });

  it('gives null effect sizes and t when every participant gains the same', () => {
    const result = analysePairedScores([100 / 3, 50, 60], [100 / 3 + 10, 60, 70]);
    expect(result.dz).toBeNull();
    expect(result.tTest.t).toBeNull();
    expect(result.tTest.p).toBeNull();
    expect(result.tTest.df).toBe(2);
    expect(result.tTest.ciLow).toBeCloseTo(10, 9);
    expect(result.dav).not.toBeNull();
    expect(allNumbersAreFiniteOrNull(result)).toBe(true);
  });

  it('gives null d_av when no score varies before or after', () => {
    const result = analysePairedScores([50, 50], [60, 60]);
    expect(result.dav).toBeNull();
    expect(allNumbersAreFiniteOrNull(result)).toBe(true);
  });

  it('excludes a participant at 100 % pre from g_ave', () => {
    expect(computeAverageIndividualGain([100, 50], [90, 75])).toBeCloseTo(0.5, 12);
    expect(computeAverageIndividualGain([100, 100], [90, 100])).toBeNull();
  });

  it('has no ⟨g⟩ when everyone starts at 100 %', () => {
    const result = analysePairedScores([100, 100, 100], [100, 90, 80]);
    expect(result.normalizedGain).toBeNull();
    expect(result.averageIndividualGain).toBeNull();
    expect(allNumbersAreFiniteOrNull(result)).toBe(true);
  });

  it('rejects unpaired input', () => {
    expect(() => analysePairedScores([1, 2], [1])).toThrow(RangeError);
  });

  it.each([
    [45, 70, 0.454545],
    [30, 42, 0.171429],
    [60, 85, 0.625],
    [50, 58, 0.16],
  ])('computes ⟨g⟩ for a topic %d → %d as %d', (pre, post, gain) => {
    expect(computeNormalizedGain(pre, post)).toBeCloseTo(gain, 6);
  });

  it.each([
    [0.16, 'low'],
    [0.3, 'medium'],
    [0.7, 'medium'],
    [0.71, 'high'],
    [null, null],
  ])('classifies ⟨g⟩ %s as %s (Hake 1998)', (gain, label) => {
    expect(classifyNormalizedGain(gain)).toBe(label);
  });
});
