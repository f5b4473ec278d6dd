import type { CampaignStatus } from '../../campaigns/domain/lifecycle';

/** The idea statuses of PRODUCT.md (the entity's list; domain/ does not import entities). */
export type IdeaStatusAtEnd = 'pending' | 'published' | 'rejected' | 'duplicate' | 'hidden' | 'shortlisted' | 'winner';

/** What a contributor reads about an idea once its campaign has ended. */
export const FINAL_STATUSES = ['winner', 'shortlisted', 'not-selected', 'rejected', 'duplicate', 'hidden', 'not-reviewed', 'cancelled'] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];

export interface OutcomeAward {
  amount: number;
  currency: string;
}

export interface IdeaOutcome {
  finalStatus: FinalStatus;
  /** The idea's place in the final ranking and the number of ranked ideas; null when it was not ranked. */
  rank: number | null;
  of: number | null;
  /** Why the idea was rejected, hidden or marked a duplicate, as the owner or the flags gave it. */
  reason: string | null;
  duplicateOf: string | null;
  award: OutcomeAward | null;
}

export interface OutcomeFacts {
  ideaStatus: IdeaStatusAtEnd;
  campaignStatus: CampaignStatus;
  statusReason: string | null;
  duplicateOfId: string | null;
  /** The idea's row in the campaign's final results, when it was ranked. */
  standing: { rank: number; of: number } | null;
  award: OutcomeAward | null;
}

/** The final status of an idea in a closed campaign; only published ideas take part in the ranking. */
function finalStatusAtClose(status: IdeaStatusAtEnd): FinalStatus {
  switch (status) {
    case 'winner':
    case 'shortlisted':
    case 'rejected':
    case 'duplicate':
    case 'hidden':
      return status;
    case 'published':
      return 'not-selected';
    case 'pending':
      // Nobody moderated it before the close: the contributor is told so rather than left waiting.
      return 'not-reviewed';
  }
}

const CARRIES_REASON: readonly FinalStatus[] = ['rejected', 'duplicate', 'hidden'];

/**
 * PRODUCT.md "nobody is left in the dark": once a campaign has closed or been cancelled, every idea
 * has a final status with its rank, its award or the reason it went no further. Null while the
 * campaign still runs, because nothing is final yet.
 */
export function ideaOutcomeOf(facts: OutcomeFacts): IdeaOutcome | null {
  if (facts.campaignStatus === 'cancelled') {
    return { finalStatus: 'cancelled', rank: null, of: null, reason: null, duplicateOf: null, award: null };
  }
  if (facts.campaignStatus !== 'closed') return null;
  const finalStatus = finalStatusAtClose(facts.ideaStatus);
  return {
    finalStatus,
    rank: facts.standing?.rank ?? null,
    of: facts.standing?.of ?? null,
    reason: CARRIES_REASON.includes(finalStatus) ? facts.statusReason : null,
    duplicateOf: finalStatus === 'duplicate' ? facts.duplicateOfId : null,
    award: finalStatus === 'winner' ? facts.award : null,
  };
}
