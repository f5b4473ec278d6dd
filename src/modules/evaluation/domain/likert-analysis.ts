import { mean, median, sampleStandardDeviation, sampleVariance, sum } from './descriptive-statistics';

export interface LikertSummary {
  n: number;
  median: number | null;
  /** Counts of the answers 1, 2, 3, 4 and 5, in that order. */
  distribution: number[];
  /** Share of answers 4 or 5, in percent (0–100). */
  topTwoBox: number | null;
  mean: number | null;
  sd: number | null;
}

const SCALE_POINTS = [1, 2, 3, 4, 5] as const;

export function isLikertAnswer(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Per-item summary of a 1–5 Likert item; answers outside 1–5 are ignored. */
export function summarizeLikertItem(answers: readonly unknown[]): LikertSummary {
  const values = answers.filter(isLikertAnswer);
  const topTwo = values.filter((value) => value >= 4).length;
  return {
    n: values.length,
    median: median(values),
    distribution: SCALE_POINTS.map((point) => values.filter((value) => value === point).length),
    topTwoBox: values.length === 0 ? null : (100 * topTwo) / values.length,
    mean: mean(values),
    sd: sampleStandardDeviation(values),
  };
}

/** Rows with an answer to every item; α needs complete cases. */
export function completeCases(rows: readonly (readonly (number | null)[])[], itemCount: number): number[][] {
  return rows
    .filter((row) => row.length === itemCount && row.every((value) => value !== null && Number.isFinite(value)))
    .map((row) => row as number[]);
}

/** Cronbach (1951): α = k/(k−1)·(1 − Σ s_j²/s_T²) with sample variances; null when undefined. */
export function cronbachAlpha(rows: readonly (readonly (number | null)[])[], itemCount: number): number | null {
  const complete = completeCases(rows, itemCount);
  if (itemCount < 2 || complete.length < 2) return null;
  const itemVariances = Array.from({ length: itemCount }, (_, item) => sampleVariance(complete.map((row) => row[item] as number)) as number);
  const totalVariance = sampleVariance(complete.map(sum)) as number;
  if (totalVariance === 0) return null;
  return (itemCount / (itemCount - 1)) * (1 - sum(itemVariances) / totalVariance);
}
