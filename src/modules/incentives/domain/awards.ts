/**
 * Incentive rules of ALGORITHMS.md §4: prizes by rank (several prizes suit risk-averse contributors
 * with scarce time; Moldovanu & Sela 2001, Terwiesch & Xu 2008), points for ideas that pass
 * moderation, shortlisting and winning but never for mere participation (Deci, Koestner & Ryan 1999),
 * and badges at meaningful thresholds. Amounts are integer rupiah.
 */

export interface PrizeTier {
  rank: number;
  amount: number;
}

export interface RankedIdeaAuthor {
  ideaId: string;
  authorId: string;
  rank: number;
}

export interface PrizeAward {
  rank: number;
  ideaId: string;
  userId: string;
  amount: number;
  currency: 'IDR';
}

function assertValidPrizes(prizes: readonly PrizeTier[]): void {
  const ranks = new Set<number>();
  for (const { rank, amount } of prizes) {
    if (!Number.isInteger(rank) || rank < 1) throw new RangeError(`a prize rank must be a positive integer, got ${rank}`);
    if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`a prize must be a whole, non-negative number of rupiah, got ${amount}`);
    if (ranks.has(rank)) throw new RangeError(`two prizes for rank ${rank}`);
    ranks.add(rank);
  }
}

/**
 * Integer rupiah split equally; the leftover rupiah go one each to the first shares, so the parts
 * always add up to the total.
 */
export function splitRupiah(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const leftover = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < leftover ? 1 : 0));
}

/**
 * Awards for a final ranking. Ideas tied at one rank occupy as many places and share the prizes of
 * those places equally (the usual rule of tournaments); the ranking of ALGORITHMS.md §3 breaks every
 * tie, so this only matters for rankings from elsewhere. A prize with no idea at its place stays
 * unawarded; a zero amount awards nothing.
 */
export function splitPrizes(prizes: readonly PrizeTier[], ranking: readonly RankedIdeaAuthor[]): PrizeAward[] {
  assertValidPrizes(prizes);
  const amountAt = new Map(prizes.map((p) => [p.rank, p.amount]));
  const ordered = [...ranking].sort((a, b) => a.rank - b.rank || (a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0));
  const awards: PrizeAward[] = [];
  let place = 1;
  for (const group of groupByRank(ordered)) {
    const pool = group.reduce((sum, _, i) => sum + (amountAt.get(place + i) ?? 0), 0);
    splitRupiah(pool, group.length).forEach((amount, i) => {
      const idea = group[i];
      if (idea && amount > 0) awards.push({ rank: idea.rank, ideaId: idea.ideaId, userId: idea.authorId, amount, currency: 'IDR' });
    });
    place += group.length;
  }
  return awards;
}

function groupByRank(ordered: readonly RankedIdeaAuthor[]): RankedIdeaAuthor[][] {
  const groups: RankedIdeaAuthor[][] = [];
  for (const idea of ordered) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.rank === idea.rank) last.push(idea);
    else groups.push([idea]);
  }
  return groups;
}

export type PointsReason = 'idea-published' | 'idea-shortlisted' | 'idea-won';

export interface PointsConfig {
  published: number;
  shortlisted: number;
  winner: number;
  /** Added to `winner` by final rank; ranks not listed get no bonus. */
  winnerRankBonus: Readonly<Record<number, number>>;
  /** The most participation points one user earns in a day. */
  dailyCap: number;
}

/** ALGORITHMS.md §4 defaults; the rank bonus (+30/+20/+10 for ranks 1–3) and the cap (five ideas' worth) are ours. */
export const DEFAULT_POINTS_CONFIG: PointsConfig = {
  published: 10,
  shortlisted: 20,
  winner: 50,
  winnerRankBonus: { 1: 30, 2: 20, 3: 10 },
  dailyCap: 50,
};

/** Points a reason is worth before the daily cap; a win needs the final rank. */
export function pointsFor(reason: PointsReason, rank: number | null = null, config: PointsConfig = DEFAULT_POINTS_CONFIG): number {
  switch (reason) {
    case 'idea-published':
      return config.published;
    case 'idea-shortlisted':
      return config.shortlisted;
    case 'idea-won':
      return config.winner + (rank === null ? 0 : (config.winnerRankBonus[rank] ?? 0));
  }
}

/** What a proposed entry may still grant today: never more than the cap minus what was earned today, never negative. */
export function capDailyPoints(alreadyToday: number, proposed: number, cap: number = DEFAULT_POINTS_CONFIG.dailyCap): number {
  return Math.max(0, Math.min(proposed, cap - alreadyToday));
}

/** The daily cap counts the participation points of the last 24 hours, a window that moves with the clock. */
export const DAILY_CAP_WINDOW_MS = 24 * 3600 * 1000;

/**
 * Only participation points are capped: the cap stops publishing for points, while shortlisting and
 * winning are decided by the owner and the jury and cannot be farmed.
 */
export function isDailyCapped(reason: PointsReason): boolean {
  return reason === 'idea-published';
}

/** The points a ledger entry grants, given the capped points the user already earned that day. */
export function pointsToGrant(reason: PointsReason, rank: number | null, cappedPointsToday: number, config: PointsConfig = DEFAULT_POINTS_CONFIG): number {
  const points = pointsFor(reason, rank, config);
  return isDailyCapped(reason) ? capDailyPoints(cappedPointsToday, points, config.dailyCap) : points;
}

export interface ContributorStats {
  publishedIdeas: number;
  shortlistedIdeas: number;
  wins: number;
}

export const BADGES = [
  { key: 'first-published-idea', earned: (s: ContributorStats) => s.publishedIdeas >= 1 },
  { key: 'five-published-ideas', earned: (s: ContributorStats) => s.publishedIdeas >= 5 },
  { key: 'first-shortlist', earned: (s: ContributorStats) => s.shortlistedIdeas >= 1 },
  { key: 'first-win', earned: (s: ContributorStats) => s.wins >= 1 },
] as const;

export type BadgeKey = (typeof BADGES)[number]['key'];

/** Badges whose threshold the stats cross between `before` and `after`, in BADGES order. */
export function badgesEarned(before: ContributorStats, after: ContributorStats): BadgeKey[] {
  return BADGES.filter((badge) => badge.earned(after) && !badge.earned(before)).map((badge) => badge.key);
}
