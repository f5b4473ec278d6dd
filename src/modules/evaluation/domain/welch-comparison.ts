import { isNegligibleSpread, mean, sampleVariance } from './descriptive-statistics';
import { twoSidedStudentTPValue } from './distributions';

export interface WelchTTest {
  t: number | null;
  df: number | null;
  p: number | null;
}

export interface RealChangeThresholds {
  maxP: number;
  minAbsoluteHedgesG: number;
}

/** ALGORITHMS.md §5 [default]: a change counts as real only with p < 0.05 and |g| ≥ 0.3. */
export const DEFAULT_REAL_CHANGE: RealChangeThresholds = { maxP: 0.05, minAbsoluteHedgesG: 0.3 };

const NO_WELCH: WelchTTest = { t: null, df: null, p: null };

/** Welch's unequal-variance t-test of mean(a) − mean(b), df by Welch–Satterthwaite, two-sided. */
export function welchTTest(a: readonly number[], b: readonly number[]): WelchTTest {
  const varianceA = sampleVariance(a);
  const varianceB = sampleVariance(b);
  if (varianceA === null || varianceB === null) return NO_WELCH;
  const squaredErrorA = varianceA / a.length;
  const squaredErrorB = varianceB / b.length;
  const standardError = Math.sqrt(squaredErrorA + squaredErrorB);
  if (isNegligibleSpread(standardError, [...a, ...b])) return NO_WELCH;
  const t = ((mean(a) as number) - (mean(b) as number)) / standardError;
  const df = (squaredErrorA + squaredErrorB) ** 2 / (squaredErrorA ** 2 / (a.length - 1) + squaredErrorB ** 2 / (b.length - 1));
  return { t, df, p: twoSidedStudentTPValue(t, df) };
}

/**
 * Hedges' g: Cohen's d on the pooled sample SD times the small-sample correction
 * J = 1 − 3/(4(n_a + n_b) − 9) (Hedges & Olkin 1985).
 */
export function hedgesG(a: readonly number[], b: readonly number[]): number | null {
  const varianceA = sampleVariance(a);
  const varianceB = sampleVariance(b);
  if (varianceA === null || varianceB === null) return null;
  const pooledDf = a.length + b.length - 2;
  const pooledSd = Math.sqrt(((a.length - 1) * varianceA + (b.length - 1) * varianceB) / pooledDf);
  if (isNegligibleSpread(pooledSd, [...a, ...b])) return null;
  const cohensD = ((mean(a) as number) - (mean(b) as number)) / pooledSd;
  return cohensD * (1 - 3 / (4 * (a.length + b.length) - 9));
}

export function countsAsRealChange(
  p: number | null,
  g: number | null,
  thresholds: RealChangeThresholds = DEFAULT_REAL_CHANGE,
): boolean {
  return p !== null && g !== null && p < thresholds.maxP && Math.abs(g) >= thresholds.minAbsoluteHedgesG;
}
