/** The campaign status machine of PRODUCT.md as a transition table. */
export const CAMPAIGN_STATUSES = ['draft', 'open', 'voting', 'judging', 'closed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const TRANSITIONS: Readonly<Record<CampaignStatus, readonly CampaignStatus[]>> = {
  draft: ['open', 'cancelled'],
  open: ['voting', 'cancelled'],
  voting: ['judging'],
  judging: ['closed'],
  closed: [],
  cancelled: [],
};

export function canTransition(from: CampaignStatus, to: CampaignStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface CampaignDeadlines {
  submissionClosesAt: Date;
  votingClosesAt: Date;
  judgingClosesAt: Date;
}

export interface DeadlineStep {
  from: CampaignStatus;
  to: CampaignStatus;
  /** When the step became due; recorded as the transition time. */
  at: Date;
}

/**
 * The moves deadlines have made due by `now`. A draft never opens by itself (the owner publishes it);
 * an open campaign passes through voting and judging to closed as each deadline passes.
 */
export function dueDeadlineSteps(status: CampaignStatus, deadlines: CampaignDeadlines, now: Date): DeadlineStep[] {
  const schedule: Array<[CampaignStatus, CampaignStatus, Date]> = [
    ['open', 'voting', deadlines.submissionClosesAt],
    ['voting', 'judging', deadlines.votingClosesAt],
    ['judging', 'closed', deadlines.judgingClosesAt],
  ];
  const steps: DeadlineStep[] = [];
  let current = status;
  for (const [from, to, at] of schedule) {
    if (current === from && at.getTime() <= now.getTime()) {
      steps.push({ from, to, at });
      current = to;
    }
  }
  return steps;
}

/** Submissions are accepted only while open; votes while open or voting (PRODUCT.md: until voting ends). */
export function acceptsIdeas(status: CampaignStatus): boolean {
  return status === 'open';
}

export function acceptsVotes(status: CampaignStatus): boolean {
  return status === 'open' || status === 'voting';
}

/** A campaign is visible to the public from the moment it opens, cancelled ones included. */
export function isPubliclyVisible(status: CampaignStatus): boolean {
  return status !== 'draft';
}

/** Deadlines must come in order: submissions, then voting, then judging. */
export function deadlinesInOrder(deadlines: CampaignDeadlines): boolean {
  return (
    deadlines.submissionClosesAt.getTime() < deadlines.votingClosesAt.getTime() &&
    deadlines.votingClosesAt.getTime() <= deadlines.judgingClosesAt.getTime()
  );
}
