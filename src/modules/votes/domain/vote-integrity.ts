/**
 * The vote-integrity report of ALGORITHMS.md §3: bursts of votes on one idea that a Poisson model of
 * its own recent pace cannot explain, and clusters of accounts sharing a device or network. The report
 * lists; the owner decides. Times are epoch milliseconds.
 */

/** ln Γ(x) for x > 0 by Lanczos' approximation (g = 7, n = 9), accurate to ~1e-15 relative. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const shifted = x - 1;
  let series = LANCZOS[0] ?? 1;
  for (let i = 1; i < LANCZOS.length; i++) series += (LANCZOS[i] ?? 0) / (shifted + i);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
}

/** P(X = k) for X ~ Poisson(λ), in log space so that large k or λ never overflow. */
function poissonPmf(k: number, lambda: number): number {
  return Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));
}

/**
 * P(X ≥ k | Poisson λ). The smaller tail is summed term by term (never 1 − CDF for a tiny upper
 * tail, which would cancel to 0): upwards from k when k > λ, else 1 − the sum downwards from k − 1.
 */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  if (k > lambda) {
    let term = poissonPmf(k, lambda);
    let sum = 0;
    for (let i = k; term > sum * 1e-17; i++) {
      sum += term;
      term *= lambda / (i + 1);
    }
    return Math.min(1, sum);
  }
  let term = poissonPmf(k - 1, lambda);
  let lower = 0;
  for (let i = k - 1; i >= 0 && term > 0; i--) {
    lower += term;
    term *= i / lambda;
  }
  return Math.max(0, 1 - lower);
}

export interface VoteEvent {
  voteId: string;
  ideaId: string;
  voterId: string;
  at: number;
  voterCreatedAt: number;
  deviceHash?: string | null;
  networkHash?: string | null;
}

export interface IntegrityOptions {
  /** Length of the window a burst is counted in. */
  windowMs: number;
  /** The expected rate is the idea's votes in this span before the window, scaled to one window. */
  trailingMs: number;
  /** λ never drops below this: a quiet idea would otherwise make any two votes a burst. */
  rateFloor: number;
  /** A window is a burst when P(X ≥ k | λ) is below this. */
  burstPValue: number;
  /** Accounts younger than this at the time of their vote are fresh. */
  freshAccountMs: number;
  /** A burst whose voters are at least this share fresh is suspicious. */
  freshShare: number;
  /** Span in which accounts sharing a device or network are counted. */
  clusterWindowMs: number;
  deviceClusterAccounts: number;
  /** Higher than for devices: mobile carriers put many people behind one address. */
  networkClusterAccounts: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export const DEFAULT_INTEGRITY_OPTIONS: IntegrityOptions = {
  windowMs: 10 * MINUTE_MS,
  trailingMs: DAY_MS,
  rateFloor: 0.5,
  burstPValue: 1e-4,
  freshAccountMs: DAY_MS,
  freshShare: 0.5,
  clusterWindowMs: DAY_MS,
  deviceClusterAccounts: 4,
  networkClusterAccounts: 8,
};

export interface VoteBurst {
  ideaId: string;
  windowStart: number;
  /** Exclusive: windowStart + windowMs. */
  windowEnd: number;
  votes: number;
  /** λ: the idea's expected votes per window from its trailing pace. */
  expected: number;
  p: number;
  freshShare: number;
  suspicious: boolean;
  voteIds: string[];
}

export interface AccountCluster {
  ideaId: string;
  kind: 'device' | 'network';
  hash: string;
  accounts: number;
  voteIds: string[];
}

export interface IntegrityReport {
  bursts: VoteBurst[];
  clusters: AccountCluster[];
}

/** Items grouped by key in ascending key order, keeping their order within a group; no key, no group. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null || key === undefined || key === '') continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return new Map([...groups].sort(([a], [b]) => compareStrings(a, b)));
}

function byTime(a: VoteEvent, b: VoteEvent): number {
  return a.at - b.at || compareStrings(a.voteId, b.voteId);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * λ for a window starting at `start`: the idea's votes in the trailing span before it (24 h by
 * default), divided by the number of windows in that span (144), floored at `rateFloor`.
 */
export function trailingExpectedRate(votesInTrailingSpan: number, options: Pick<IntegrityOptions, 'windowMs' | 'trailingMs' | 'rateFloor'> = DEFAULT_INTEGRITY_OPTIONS): number {
  return Math.max(options.rateFloor, votesInTrailingSpan / (options.trailingMs / options.windowMs));
}

interface CandidateWindow {
  first: number;
  end: number;
  expected: number;
  p: number;
}

/**
 * Every window [t, t + W) starting at a vote's time, with its count's Poisson tail under the pace of
 * the trailing span [t − trailingMs, t). Pointers only move forward: linear in the idea's votes.
 */
function scoreWindows(votes: readonly VoteEvent[], options: IntegrityOptions): CandidateWindow[] {
  const windows: CandidateWindow[] = [];
  let end = 0;
  let trailingStart = 0;
  votes.forEach((vote, first) => {
    if (first > 0 && votes[first - 1]?.at === vote.at) return;
    while (end < votes.length && (votes[end]?.at ?? Infinity) < vote.at + options.windowMs) end++;
    while ((votes[trailingStart]?.at ?? Infinity) < vote.at - options.trailingMs) trailingStart++;
    const expected = trailingExpectedRate(first - trailingStart, options);
    windows.push({ first, end, expected, p: poissonUpperTail(end - first, expected) });
  });
  return windows;
}

/** Non-overlapping burst windows of one idea: the most improbable first, then the next that does not overlap. */
function burstsOfIdea(ideaId: string, votes: readonly VoteEvent[], options: IntegrityOptions): VoteBurst[] {
  const significant = scoreWindows(votes, options)
    .filter((w) => w.p < options.burstPValue)
    .sort((a, b) => a.p - b.p || a.first - b.first);
  const chosen: CandidateWindow[] = [];
  for (const window of significant) {
    if (chosen.every((c) => window.end <= c.first || window.first >= c.end)) chosen.push(window);
  }
  return chosen.sort((a, b) => a.first - b.first).map((w) => describeBurst(ideaId, votes.slice(w.first, w.end), w, options));
}

function describeBurst(ideaId: string, votes: readonly VoteEvent[], window: CandidateWindow, options: IntegrityOptions): VoteBurst {
  const windowStart = votes[0]?.at ?? 0;
  const voterFresh = new Map<string, boolean>();
  for (const v of votes) voterFresh.set(v.voterId, (voterFresh.get(v.voterId) ?? false) || v.at - v.voterCreatedAt < options.freshAccountMs);
  const fresh = [...voterFresh.values()].filter(Boolean).length;
  const freshShare = voterFresh.size > 0 ? fresh / voterFresh.size : 0;
  return {
    ideaId,
    windowStart,
    windowEnd: windowStart + options.windowMs,
    votes: votes.length,
    expected: window.expected,
    p: window.p,
    freshShare,
    suspicious: freshShare >= options.freshShare,
    voteIds: votes.map((v) => v.voteId),
  };
}

/**
 * For one idea, one kind and one hash: the span of `clusterWindowMs` with the most distinct accounts,
 * reported when it reaches the kind's threshold. A sliding window with per-account counts keeps it linear.
 */
function clusterOfHash(ideaId: string, kind: AccountCluster['kind'], hash: string, votes: readonly VoteEvent[], options: IntegrityOptions): AccountCluster | null {
  const threshold = kind === 'device' ? options.deviceClusterAccounts : options.networkClusterAccounts;
  const votesPerAccount = new Map<string, number>();
  let best = { first: 0, end: 0, accounts: 0 };
  let end = 0;
  votes.forEach((vote, first) => {
    for (; end < votes.length && (votes[end]?.at ?? Infinity) < vote.at + options.clusterWindowMs; end++) {
      const voterId = votes[end]?.voterId ?? '';
      votesPerAccount.set(voterId, (votesPerAccount.get(voterId) ?? 0) + 1);
    }
    if (votesPerAccount.size > best.accounts) best = { first, end, accounts: votesPerAccount.size };
    const remaining = (votesPerAccount.get(vote.voterId) ?? 1) - 1;
    if (remaining > 0) votesPerAccount.set(vote.voterId, remaining);
    else votesPerAccount.delete(vote.voterId);
  });
  if (best.accounts < threshold) return null;
  return { ideaId, kind, hash, accounts: best.accounts, voteIds: votes.slice(best.first, best.end).map((v) => v.voteId) };
}

function clustersOfIdea(ideaId: string, votes: readonly VoteEvent[], options: IntegrityOptions): AccountCluster[] {
  const clusters: AccountCluster[] = [];
  for (const kind of ['device', 'network'] as const) {
    const byHash = groupBy(votes, (vote) => (kind === 'device' ? vote.deviceHash : vote.networkHash));
    for (const [hash, hashVotes] of byHash) {
      const cluster = clusterOfHash(ideaId, kind, hash, hashVotes, options);
      if (cluster) clusters.push(cluster);
    }
  }
  return clusters;
}

/** The report over a campaign's votes, ordered by idea, then time (bursts) or kind and hash (clusters). */
export function buildIntegrityReport(events: readonly VoteEvent[], options: Partial<IntegrityOptions> = {}): IntegrityReport {
  const settings: IntegrityOptions = { ...DEFAULT_INTEGRITY_OPTIONS, ...options };
  const bursts: VoteBurst[] = [];
  const clusters: AccountCluster[] = [];
  const inTimeOrder = [...events].sort(byTime);
  for (const [ideaId, votes] of groupBy(inTimeOrder, (vote) => vote.ideaId)) {
    bursts.push(...burstsOfIdea(ideaId, votes, settings));
    clusters.push(...clustersOfIdea(ideaId, votes, settings));
  }
  return { bursts, clusters };
}
