import { mean, pearsonCorrelation, populationVariance, sum } from './descriptive-statistics';

/** One examinee's answers, 1 = correct and 0 = wrong, in item order. */
export type ScoredRow = readonly number[];

export interface ItemStatistics {
  /** p_j: share of examinees answering correctly (0–1). */
  difficulty: number | null;
  /** D_j = p_upper − p_lower with the top and bottom 27 % by total score. */
  discrimination: number | null;
  /** Pearson r between the item and the total of the other items; null when either has no spread. */
  itemRest: number | null;
}

export interface ItemAnalysis {
  items: ItemStatistics[];
  kr20: number | null;
  /** Examinees in each of the upper and lower groups. */
  groupSize: number;
}

/** Kelley's 27 % extreme groups. */
const EXTREME_GROUP_SHARE = 0.27;

function column(rows: readonly ScoredRow[], item: number): number[] {
  return rows.map((row) => row[item] ?? 0);
}

/**
 * Size of the upper and lower groups: 27 % of n rounded to the nearest integer (10 → 3), at least
 * one, and never more than half so the groups do not overlap; 0 below two examinees.
 */
export function extremeGroupSize(examinees: number): number {
  if (examinees < 2) return 0;
  return Math.min(Math.floor(examinees / 2), Math.max(1, Math.round(EXTREME_GROUP_SHARE * examinees)));
}

/**
 * Upper and lower groups. Examinees are ordered by total score, highest first, with ties kept in
 * input order (a stable sort); the upper group is the first g and the lower group the last g of
 * that order. So among tied totals at a boundary the earlier examinee goes up and the later one
 * down, which is what reproduces the ALGORITHMS.md vector (examinee 8 of the three with total 2
 * lands in the lower group).
 */
export function splitExtremeGroups(totals: readonly number[]): { upper: number[]; lower: number[] } {
  const order = totals.map((_, index) => index).sort((a, b) => (totals[b] as number) - (totals[a] as number));
  const size = extremeGroupSize(totals.length);
  return { upper: order.slice(0, size), lower: order.slice(order.length - size) };
}

function shareCorrect(rows: readonly ScoredRow[], examinees: readonly number[], item: number): number {
  return sum(examinees.map((examinee) => rows[examinee]?.[item] ?? 0)) / examinees.length;
}

/** KR-20 = k/(k−1)·(1 − Σ p_j(1 − p_j)/σ²_T), σ²_T the population variance of the totals (Kuder & Richardson 1937). */
export function kuderRichardson20(difficulties: readonly number[], totals: readonly number[]): number | null {
  const k = difficulties.length;
  const totalVariance = populationVariance(totals);
  if (k < 2 || totalVariance === null || totalVariance === 0) return null;
  const itemVariances = sum(difficulties.map((p) => p * (1 - p)));
  return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}

/** Classical test theory item analysis of a 0/1 matrix (examinees × items). */
export function analyseItems(rows: readonly ScoredRow[], itemCount: number): ItemAnalysis {
  const totals = rows.map((row) => sum(Array.from({ length: itemCount }, (_, item) => row[item] ?? 0)));
  const { upper, lower } = splitExtremeGroups(totals);
  const items = Array.from({ length: itemCount }, (_, item): ItemStatistics => {
    const scores = column(rows, item);
    const rest = totals.map((total, examinee) => total - (scores[examinee] as number));
    return {
      difficulty: mean(scores),
      discrimination: upper.length === 0 ? null : shareCorrect(rows, upper, item) - shareCorrect(rows, lower, item),
      itemRest: pearsonCorrelation(scores, rest),
    };
  });
  const difficulties = items.map((item) => item.difficulty).filter((p): p is number => p !== null);
  return { items, kr20: kuderRichardson20(difficulties, totals), groupSize: upper.length };
}
