import { bayesianAverage, wilsonLowerBound } from '../../votes/domain/ranking';

export type VoteMode = 'up' | 'updown' | 'rating';

export interface IdeaCounts {
  upCount: number;
  downCount: number;
  ratingCount: number;
  ratingSum: number;
  votersCount: number;
}

export interface CampaignVoteContext {
  voteMode: VoteMode;
  /** Distinct voters of the campaign: Wilson's n for up-only campaigns (ALGORITHMS.md §3). */
  votersCount: number;
  ratingPriorMean: number;
  ratingPriorWeight: number;
}

function ratingMean(counts: IdeaCounts): number | null {
  return counts.ratingCount > 0 ? counts.ratingSum / counts.ratingCount : null;
}

/**
 * The leaderboard's ordering key, stored with the tally. For up-only campaigns every idea shares the
 * campaign's n, so Wilson's bound orders exactly as the up-vote count does and the count is the key.
 */
export function rankKeyOf(counts: IdeaCounts, context: CampaignVoteContext): number {
  switch (context.voteMode) {
    case 'up':
      return counts.upCount;
    case 'updown':
      return wilsonLowerBound(counts.upCount, counts.upCount + counts.downCount);
    case 'rating':
      return bayesianAverage(ratingMean(counts) ?? 0, counts.ratingCount, context.ratingPriorMean, context.ratingPriorWeight);
  }
}

/** The crowd score in [0, 1] shown to people: Wilson's bound, or the Bayesian average mapped by (WR − 1)/4. */
export function crowdScoreOf(counts: IdeaCounts, context: CampaignVoteContext): number {
  switch (context.voteMode) {
    case 'up':
      return wilsonLowerBound(counts.upCount, Math.max(context.votersCount, counts.upCount));
    case 'updown':
      return wilsonLowerBound(counts.upCount, counts.upCount + counts.downCount);
    case 'rating': {
      if (counts.ratingCount === 0 && context.ratingPriorMean === 0) return 0;
      const average = bayesianAverage(ratingMean(counts) ?? 0, counts.ratingCount, context.ratingPriorMean, context.ratingPriorWeight);
      return Math.min(1, Math.max(0, (average - 1) / 4));
    }
  }
}

export function tallyOf(counts: IdeaCounts): { up: number; down: number; ratings: number; mean: number | null; voters: number } {
  return { up: counts.upCount, down: counts.downCount, ratings: counts.ratingCount, mean: ratingMean(counts), voters: counts.votersCount };
}
