import { isNegligibleSpread, mean, median, sampleStandardDeviation } from './descriptive-statistics';
import { studentTQuantile, twoSidedStudentTPValue } from './distributions';
import { wilcoxonSignedRank, type WilcoxonResult } from './wilcoxon-signed-rank';

export interface PairedTTest {
  t: number | null;
  df: number | null;
  p: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface PairedAnalysis {
  n: number;
  preMean: number | null;
  postMean: number | null;
  meanGain: number | null;
  medianGain: number | null;
  sdGain: number | null;
  /** Hake's class-average ⟨g⟩ = (mean y − mean x)/(100 − mean x): gain of the class averages. */
  normalizedGain: number | null;
  /** g_ave = mean of (y_i − x_i)/(100 − x_i) over participants with x_i < 100: average of individual gains. */
  averageIndividualGain: number | null;
  dz: number | null;
  dav: number | null;
  tTest: PairedTTest;
  wilcoxon: WilcoxonResult;
}

export type HakeClass = 'low' | 'medium' | 'high';

const FULL_SCORE = 100;

/** Hake (1998): ⟨g⟩ = (post − pre)/(100 − pre); undefined when the class starts at the ceiling. */
export function computeNormalizedGain(preMean: number | null, postMean: number | null): number | null {
  if (preMean === null || postMean === null || preMean >= FULL_SCORE) return null;
  return (postMean - preMean) / (FULL_SCORE - preMean);
}

/** Hake's bands: low < 0.3, medium 0.3–0.7, high > 0.7. */
export function classifyNormalizedGain(gain: number | null): HakeClass | null {
  if (gain === null) return null;
  if (gain < 0.3) return 'low';
  return gain > 0.7 ? 'high' : 'medium';
}

/** g_ave over participants who did not start at 100 % (their individual gain is undefined). */
export function computeAverageIndividualGain(pre: readonly number[], post: readonly number[]): number | null {
  const individual: number[] = [];
  pre.forEach((x, index) => {
    if (x < FULL_SCORE) individual.push(((post[index] as number) - x) / (FULL_SCORE - x));
  });
  return mean(individual);
}

/** Student's paired t-test on the differences with a two-sided 95 % confidence interval of the mean gain. */
export function pairedTTest(differences: readonly number[], confidence = 0.95): PairedTTest {
  const n = differences.length;
  const meanGain = mean(differences);
  const sd = sampleStandardDeviation(differences);
  if (meanGain === null || sd === null) return { t: null, df: null, p: null, ciLow: null, ciHigh: null };
  // Identical gains: t is 0/0 or ±∞, but the interval is the single observed gain.
  if (isNegligibleSpread(sd, differences)) return { t: null, df: n - 1, p: null, ciLow: meanGain, ciHigh: meanGain };
  const standardError = sd / Math.sqrt(n);
  const halfWidth = studentTQuantile(1 - (1 - confidence) / 2, n - 1) * standardError;
  const t = meanGain / standardError;
  return { t, df: n - 1, p: twoSidedStudentTPValue(t, n - 1), ciLow: meanGain - halfWidth, ciHigh: meanGain + halfWidth };
}

/** Lakens (2013): d_z = mean(d)/sd(d) and d_av = mean(d)/((sd_x + sd_y)/2); null when the spread is zero. */
export function pairedEffectSizes(pre: readonly number[], post: readonly number[]): { dz: number | null; dav: number | null } {
  const differences = post.map((y, index) => y - (pre[index] as number));
  const meanGain = mean(differences);
  const sdGain = sampleStandardDeviation(differences);
  const sdPre = sampleStandardDeviation(pre);
  const sdPost = sampleStandardDeviation(post);
  if (meanGain === null || sdGain === null || sdPre === null || sdPost === null) return { dz: null, dav: null };
  const averageSd = (sdPre + sdPost) / 2;
  return {
    dz: isNegligibleSpread(sdGain, differences) ? null : meanGain / sdGain,
    dav: isNegligibleSpread(averageSd, [...pre, ...post]) ? null : meanGain / averageSd,
  };
}

/** The learning-level statistics of ALGORITHMS.md §5 on paired pre/post percentages (complete cases). */
export function analysePairedScores(pre: readonly number[], post: readonly number[]): PairedAnalysis {
  if (pre.length !== post.length) throw new RangeError('pre and post must be paired one to one');
  const differences = post.map((y, index) => y - (pre[index] as number));
  const preMean = mean(pre);
  const postMean = mean(post);
  return {
    n: pre.length,
    preMean,
    postMean,
    meanGain: mean(differences),
    medianGain: median(differences),
    sdGain: sampleStandardDeviation(differences),
    normalizedGain: computeNormalizedGain(preMean, postMean),
    averageIndividualGain: computeAverageIndividualGain(pre, post),
    ...pairedEffectSizes(pre, post),
    tTest: pairedTTest(differences),
    wilcoxon: wilcoxonSignedRank(differences),
  };
}
