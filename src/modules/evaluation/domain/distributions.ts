import { jStat } from 'jstat';

/**
 * Student t and normal tail probabilities through jstat, whose t CDF is the regularised
 * incomplete beta (ALGORITHMS.md §5). Tails are taken as 2·F(−|x|) rather than 2·(1 − F(|x|)) so
 * that small p-values keep their precision.
 */

export function twoSidedStudentTPValue(t: number, degreesOfFreedom: number): number {
  return Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(t), degreesOfFreedom));
}

export function twoSidedNormalPValue(z: number): number {
  return Math.min(1, 2 * jStat.normal.cdf(-Math.abs(z), 0, 1));
}

/**
 * The t quantile. jstat's inverse is only good to ~1e-8 (worse for large df), so two Newton steps
 * on its own CDF bring it to the CDF's precision; confidence limits then match SciPy to 1e-9.
 */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  let quantile = jStat.studentt.inv(probability, degreesOfFreedom);
  for (let step = 0; step < 2; step += 1) {
    const density = jStat.studentt.pdf(quantile, degreesOfFreedom);
    if (!(density > 0)) break;
    quantile -= (jStat.studentt.cdf(quantile, degreesOfFreedom) - probability) / density;
  }
  return quantile;
}
