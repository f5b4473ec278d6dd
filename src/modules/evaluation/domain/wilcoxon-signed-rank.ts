import { twoSidedNormalPValue } from './distributions';

export type WilcoxonMethod = 'exact' | 'normal';

export interface WilcoxonResult {
  /** Sum of the ranks of the positive differences (average ranks for ties). */
  wPlus: number | null;
  /** Number of non-zero differences that were ranked. */
  m: number;
  p: number | null;
  method: WilcoxonMethod | null;
}

/** Above this many non-zero differences the normal approximation is used (ALGORITHMS.md §5). */
export const WILCOXON_EXACT_LIMIT = 50;

/** Ranks 1..n of the values with average ranks for ties, returned in the input order. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, index) => index).sort((a, b) => (values[a] as number) - (values[b] as number));
  const sortedValue = (position: number): number => values[order[position] as number] as number;
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && sortedValue(end + 1) === sortedValue(start)) end += 1;
    const averageRank = (start + end + 2) / 2;
    for (let position = start; position <= end; position += 1) ranks[order[position] as number] = averageRank;
    start = end + 1;
  }
  return ranks;
}

/**
 * Probability of every sum of positive doubled ranks when each sign is + or − with probability ½.
 * Doubling makes average ranks (multiples of ½) integers, so ties give the exact conditional
 * distribution; the values k/2^m stay exact in binary floating point for m ≤ 50.
 */
export function signedRankSumDistribution(doubledRanks: readonly number[]): number[] {
  const total = doubledRanks.reduce((acc, rank) => acc + rank, 0);
  let probabilities = new Array<number>(total + 1).fill(0);
  probabilities[0] = 1;
  for (const rank of doubledRanks) {
    const next = new Array<number>(total + 1).fill(0);
    probabilities.forEach((probability, sumSoFar) => {
      if (probability === 0) return;
      next[sumSoFar] = (next[sumSoFar] as number) + probability / 2;
      next[sumSoFar + rank] = (next[sumSoFar + rank] as number) + probability / 2;
    });
    probabilities = next;
  }
  return probabilities;
}

/** Two-sided exact p = P(|W − μ| ≥ |w − μ|); with doubled sums s and total S, |s − S/2| compares as |2s − S|. */
function exactTwoSidedP(doubledRanks: readonly number[], doubledWPlus: number): number {
  const distribution = signedRankSumDistribution(doubledRanks);
  const doubledTotal = distribution.length - 1;
  const observed = Math.abs(2 * doubledWPlus - doubledTotal);
  let p = 0;
  distribution.forEach((probability, doubledSum) => {
    if (Math.abs(2 * doubledSum - doubledTotal) >= observed) p += probability;
  });
  return Math.min(1, p);
}

/** Normal approximation with tie correction σ² = m(m+1)(2m+1)/24 − Σ(t³ − t)/48 and continuity correction ½. */
function normalTwoSidedP(ranks: readonly number[], wPlus: number): number {
  const m = ranks.length;
  const tieSizes = new Map<number, number>();
  for (const rank of ranks) tieSizes.set(rank, (tieSizes.get(rank) ?? 0) + 1);
  let tieCorrection = 0;
  for (const size of tieSizes.values()) tieCorrection += size ** 3 - size;
  const variance = (m * (m + 1) * (2 * m + 1)) / 24 - tieCorrection / 48;
  const deviation = Math.max(0, Math.abs(wPlus - (m * (m + 1)) / 4) - 0.5);
  return twoSidedNormalPValue(deviation / Math.sqrt(variance));
}

/** Wilcoxon signed-rank test on paired differences (zero differences dropped, Wilcoxon's convention). */
export function wilcoxonSignedRank(differences: readonly number[]): WilcoxonResult {
  if (differences.length === 0) return { wPlus: null, m: 0, p: null, method: null };
  const nonZero = differences.filter((difference) => difference !== 0);
  const ranks = averageRanks(nonZero.map(Math.abs));
  const wPlus = ranks.reduce((acc, rank, index) => ((nonZero[index] as number) > 0 ? acc + rank : acc), 0);
  if (nonZero.length > WILCOXON_EXACT_LIMIT) {
    return { wPlus, m: nonZero.length, p: normalTwoSidedP(ranks, wPlus), method: 'normal' };
  }
  const doubledRanks = ranks.map((rank) => Math.round(2 * rank));
  return { wPlus, m: nonZero.length, p: exactTwoSidedP(doubledRanks, Math.round(2 * wPlus)), method: 'exact' };
}
