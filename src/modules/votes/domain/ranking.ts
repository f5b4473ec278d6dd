import type { Criterion, VoteMode } from '../../campaigns/domain/campaign-rules';

/** z for a 95 % two-sided interval (ALGORITHMS.md §3). */
export const WILSON_Z_95 = 1.959963984540054;

/**
 * Lower bound of the Wilson score interval (Wilson 1927; Evan Miller, "How Not To Sort By Average
 * Rating"): a share of 1/1 ranks below 90/100 because one vote proves little. 0 when n = 0.
 */
export function wilsonLowerBound(pos: number, n: number, z: number = WILSON_Z_95): number {
  if (n <= 0) return 0;
  const p = pos / n;
  const z2 = z * z;
  return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
}

/** WR = (v·R + m·C)/(v + m): an idea's mean rating R over v ratings, shrunk towards the campaign mean C with weight m. */
export function bayesianAverage(R: number, v: number, C: number, m: number): number {
  if (v + m <= 0) return C;
  return (v * R + m * C) / (v + m);
}

/** The prior weight m: the median number of ratings per idea, at least 1 (ALGORITHMS.md §3). */
export function priorWeight(ratingCounts: readonly number[]): number {
  if (ratingCounts.length === 0) return 1;
  const sorted = [...ratingCounts].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.max(1, median);
}

/** What the crowd score needs for each vote mode. */
export type CrowdTally =
  /** `audience`: distinct people who saw the campaign and could vote, or else the campaign's distinct voters. */
  | { mode: Extract<VoteMode, 'up'>; up: number; audience: number }
  | { mode: Extract<VoteMode, 'updown'>; up: number; down: number }
  /** `mean` null when the idea has no ratings; `priorMean` C and `priorWeight` m are the campaign's. */
  | { mode: Extract<VoteMode, 'rating'>; mean: number | null; count: number; priorMean: number; priorWeight: number };

/** Crowd score in [0, 1] (ALGORITHMS.md §3): Wilson's lower bound, or the Bayesian average mapped by (WR − 1)/4. */
export function crowdScore(tally: CrowdTally): number {
  switch (tally.mode) {
    case 'up':
      // Everyone who up-voted saw the page, so the audience is never smaller than the up-votes.
      return wilsonLowerBound(tally.up, Math.max(tally.audience, tally.up));
    case 'updown':
      return wilsonLowerBound(tally.up, tally.up + tally.down);
    case 'rating': {
      const average = bayesianAverage(tally.mean ?? 0, tally.count, tally.priorMean, tally.priorWeight);
      return clampUnit((average - 1) / 4);
    }
  }
}

function clampUnit(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** One judge's rubric: criterion key → score 1–5. */
export type RubricScores = Readonly<Record<string, number>>;

/**
 * A judge's score E_j = Σ ω_c (score_c − 1)/4 in [0, 1] (ALGORITHMS.md §3). Divided by Σ ω_c, which
 * is 1 for a valid campaign, so a rounding drift in stored weights cannot push it outside [0, 1].
 */
export function judgeScore(criteria: readonly Criterion[], scores: RubricScores): number {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (criteria.length === 0 || totalWeight <= 0) throw new RangeError('a rubric needs criteria with positive weights');
  let weighted = 0;
  for (const { key, weight } of criteria) {
    const score = scores[key];
    if (score === undefined || !(score >= 1 && score <= 5)) throw new RangeError(`criterion ${key} needs a score from 1 to 5, got ${String(score)}`);
    weighted += weight * ((score - 1) / 4);
  }
  return weighted / totalWeight;
}

/** An idea's jury score: the mean of its judges' scores; null when no judge reviewed it. */
export function juryScore(criteria: readonly Criterion[], reviews: readonly RubricScores[]): number | null {
  if (reviews.length === 0) return null;
  return reviews.reduce((sum, review) => sum + judgeScore(criteria, review), 0) / reviews.length;
}

export interface ScoreWeights {
  crowd: number;
  jury: number;
}

/** ALGORITHMS.md §3 defaults when a campaign has a jury; without one the crowd weighs 1. */
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { crowd: 0.4, jury: 0.6 };

/** F = w_crowd·Crowd + w_jury·Jury; with no jury score F = Crowd (ALGORITHMS.md §3). */
export function finalScore(crowd: number, jury: number | null, weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS): number {
  if (jury === null) return crowd;
  return weights.crowd * crowd + weights.jury * jury;
}

export interface RankingEntry {
  ideaId: string;
  crowdScore: number;
  juryScore: number | null;
  /** Distinct voters whose votes are valid: the second tie-break. */
  validVoters: number;
  /** Epoch milliseconds: earlier wins the last tie-break. */
  submittedAt: number;
}

export interface RankedIdea {
  ideaId: string;
  rank: number;
  crowdScore: number;
  juryScore: number | null;
  finalScore: number;
}

/** Scores closer than this are a tie: 0.4·0.62 + 0.6·0.8 and its rounding twins must not differ. */
const SCORE_TIE_EPSILON = 1e-12;

function compareRanked(a: RankingEntry & { finalScore: number }, b: RankingEntry & { finalScore: number }): number {
  if (Math.abs(a.finalScore - b.finalScore) > SCORE_TIE_EPSILON) return b.finalScore - a.finalScore;
  const juryA = a.juryScore ?? -1;
  const juryB = b.juryScore ?? -1;
  if (Math.abs(juryA - juryB) > SCORE_TIE_EPSILON) return juryB - juryA;
  return b.validVoters - a.validVoters || a.submittedAt - b.submittedAt || (a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0);
}

/**
 * The final ranking (ALGORITHMS.md §3): F descending; ties to the higher jury score, then more
 * distinct valid voters, then the earlier submission, then the id so the order is total. Ranks 1..n.
 * When some ideas were judged, an unjudged one counts a jury score of 0: otherwise skipping the jury
 * would lift it to F = Crowd above judged ideas. When none was judged, F = Crowd for all.
 */
export function rankIdeas(entries: readonly RankingEntry[], weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS): RankedIdea[] {
  const judged = weights.jury > 0 && entries.some((e) => e.juryScore !== null);
  const scored = entries.map((e) => ({ ...e, finalScore: judged ? finalScore(e.crowdScore, e.juryScore ?? 0, weights) : e.crowdScore }));
  return scored.sort(compareRanked).map((e, index) => ({
    ideaId: e.ideaId,
    rank: index + 1,
    crowdScore: e.crowdScore,
    juryScore: e.juryScore,
    finalScore: e.finalScore,
  }));
}

/** All Our Ideas score (Salganik & Levy 2015): (wins + 1)/(wins + losses + 2), the chance to beat a random rival. */
export function aoiScore(wins: number, losses: number): number {
  return (wins + 1) / (wins + losses + 2);
}

/** One pair's head-to-head record: `a` beat `b` aWins times and lost bWins times. */
export interface PairwiseRecord {
  a: string;
  b: string;
  aWins: number;
  bWins: number;
}

export interface PairwiseTotal {
  wins: number;
  losses: number;
}

/** Wins and losses per idea over every record, in order of first appearance. */
export function pairwiseTotals(records: readonly PairwiseRecord[]): Map<string, PairwiseTotal> {
  const totals = new Map<string, PairwiseTotal>();
  const add = (id: string, wins: number, losses: number) => {
    const total = totals.get(id) ?? { wins: 0, losses: 0 };
    totals.set(id, { wins: total.wins + wins, losses: total.losses + losses });
  };
  for (const { a, b, aWins, bWins } of records) {
    if (a === b) throw new RangeError(`an idea cannot be compared with itself: ${a}`);
    add(a, aWins, bWins);
    add(b, bWins, aWins);
  }
  return totals;
}

/** AOI scores of every idea in the records. */
export function aoiScores(records: readonly PairwiseRecord[]): Map<string, number> {
  return new Map([...pairwiseTotals(records)].map(([id, { wins, losses }]) => [id, aoiScore(wins, losses)]));
}

export interface BradleyTerryOptions {
  tolerance: number;
  maxIterations: number;
}

export const DEFAULT_BRADLEY_TERRY_OPTIONS: BradleyTerryOptions = { tolerance: 1e-12, maxIterations: 10_000 };

/**
 * Bradley–Terry strengths by Hunter's (2004) MM iteration, p_i ← W_i / Σ_j n_ij/(p_i + p_j), then
 * normalised to sum 1. The maximum likelihood exists only when every idea beat and lost to the rest
 * through some chain; otherwise the iteration runs towards its limit (0 for an idea without a win).
 */
export function bradleyTerry(records: readonly PairwiseRecord[], options: Partial<BradleyTerryOptions> = {}): Map<string, number> {
  const { tolerance, maxIterations } = { ...DEFAULT_BRADLEY_TERRY_OPTIONS, ...options };
  const totals = pairwiseTotals(records);
  let strengths = new Map([...totals.keys()].map((id) => [id, 1 / totals.size]));
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const next = mmStep(strengths, totals, records);
    const change = Math.max(0, ...[...next].map(([id, p]) => Math.abs(p - (strengths.get(id) ?? 0))));
    strengths = next;
    if (change < tolerance) break;
  }
  return strengths;
}

/** One minorisation–maximisation update of every strength, renormalised to sum 1. */
function mmStep(strengths: ReadonlyMap<string, number>, totals: ReadonlyMap<string, PairwiseTotal>, records: readonly PairwiseRecord[]): Map<string, number> {
  const strength = (id: string) => strengths.get(id) ?? 0;
  const denominators = new Map<string, number>();
  for (const { a, b, aWins, bWins } of records) {
    const pairSum = strength(a) + strength(b);
    if (aWins + bWins === 0 || pairSum === 0) continue;
    const share = (aWins + bWins) / pairSum;
    denominators.set(a, (denominators.get(a) ?? 0) + share);
    denominators.set(b, (denominators.get(b) ?? 0) + share);
  }
  const raw = new Map([...strengths].map(([id, p]) => {
    const denominator = denominators.get(id) ?? 0;
    return [id, denominator > 0 ? (totals.get(id)?.wins ?? 0) / denominator : p];
  }));
  const sum = [...raw.values()].reduce((acc, x) => acc + x, 0);
  return sum > 0 ? new Map([...raw].map(([id, x]) => [id, x / sum])) : new Map(strengths);
}
