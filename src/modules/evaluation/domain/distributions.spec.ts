import { studentTQuantile, twoSidedNormalPValue, twoSidedStudentTPValue } from './distributions';

describe('distributions', () => {
  it.each([
    [4.739965, 9, 0.00105898],
    [2.10372, 14.736542, 0.053004],
    [0, 5, 1],
    [-2.262157162798205, 9, 0.05],
  ])('two-sided Student p for t %d, df %d is %d', (t, df, p) => {
    expect(twoSidedStudentTPValue(t, df)).toBeCloseTo(p, 6);
  });

  it.each([
    [0.975, 9, 2.262157162798205],
    [0.975, 1, 12.706204736174707],
    [0.975, 30, 2.0422724563012373],
    [0.025, 9, -2.262157162798205],
  ])('the %d quantile with df %d is %d (SciPy t.ppf)', (probability, df, quantile) => {
    expect(studentTQuantile(probability, df)).toBeCloseTo(quantile, 7);
  });

  it.each([
    [1.959963984540054, 0.05],
    [0, 1],
    [-2.5758293035489, 0.01],
  ])('two-sided normal p for z %d is %d', (z, p) => {
    expect(twoSidedNormalPValue(z)).toBeCloseTo(p, 9);
  });

  it('keeps p-values in [0, 1] for extreme statistics', () => {
    for (const t of [-1e6, -40, 40, 1e6]) {
      const p = twoSidedStudentTPValue(t, 3);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });
});
