/**
 * Descriptive statistics. Every function returns null rather than NaN or Infinity when the
 * statistic is undefined for the sample, so reports never carry non-finite numbers.
 */

/** Relative tolerance under which a spread counts as zero: sums of percentages such as 100/3 leave ~1e-14 noise. */
const ZERO_SPREAD_TOLERANCE = 1e-10;

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

function sumOfSquaredDeviations(values: readonly number[], centre: number): number {
  let total = 0;
  for (const value of values) total += (value - centre) ** 2;
  return total;
}

/** Variance with the n − 1 denominator (Bessel's correction); null below two values. */
export function sampleVariance(values: readonly number[]): number | null {
  const centre = mean(values);
  if (centre === null || values.length < 2) return null;
  return sumOfSquaredDeviations(values, centre) / (values.length - 1);
}

/** Variance with the n denominator, as KR-20 uses for the totals. */
export function populationVariance(values: readonly number[]): number | null {
  const centre = mean(values);
  if (centre === null) return null;
  return sumOfSquaredDeviations(values, centre) / values.length;
}

export function sampleStandardDeviation(values: readonly number[]): number | null {
  const variance = sampleVariance(values);
  return variance === null ? null : Math.sqrt(variance);
}

/** True when a spread is zero up to floating-point noise relative to the data's magnitude. */
export function isNegligibleSpread(spread: number, values: readonly number[]): boolean {
  const magnitude = values.reduce((largest, value) => Math.max(largest, Math.abs(value)), 1);
  return spread <= ZERO_SPREAD_TOLERANCE * magnitude;
}

/** Pearson's product-moment correlation; null when either variable has no spread. */
export function pearsonCorrelation(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length || xs.length < 2) return null;
  const meanX = mean(xs) as number;
  const meanY = mean(ys) as number;
  let products = 0;
  let squaresX = 0;
  let squaresY = 0;
  xs.forEach((x, index) => {
    const dx = x - meanX;
    const dy = (ys[index] as number) - meanY;
    products += dx * dy;
    squaresX += dx * dx;
    squaresY += dy * dy;
  });
  if (isNegligibleSpread(Math.sqrt(squaresX), xs) || isNegligibleSpread(Math.sqrt(squaresY), ys)) return null;
  return products / Math.sqrt(squaresX * squaresY);
}

/** Clamps to [0, 1]; used for priorities and shares. */
export function clampUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}
