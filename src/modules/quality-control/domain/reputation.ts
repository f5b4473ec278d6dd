/**
 * Contributor reputation (trust), ALGORITHMS.md §2: the beta reputation system of Jøsang & Ismail
 * (2002). It is kept apart from points (incentive): points buy nothing in moderation.
 */

export const REPUTATION_OUTCOMES = [
  'idea-published',
  'idea-shortlisted',
  'idea-won',
  'flag-confirmed',
  'idea-rejected-as-spam',
  'idea-rejected-as-duplicate',
  'flag-overturned',
  'vote-invalidated-for-fraud',
] as const;
export type ReputationOutcome = (typeof REPUTATION_OUTCOMES)[number];

export interface ReputationEvidence {
  /** r: weighted good outcomes. */
  good: number;
  /** s: weighted bad outcomes. */
  bad: number;
}

/** ALGORITHMS.md §2: how much each outcome adds to r (good) or s (bad). */
export const OUTCOME_EVIDENCE: Readonly<Record<ReputationOutcome, ReputationEvidence>> = {
  'idea-published': { good: 1, bad: 0 },
  'idea-shortlisted': { good: 2, bad: 0 },
  'idea-won': { good: 3, bad: 0 },
  'flag-confirmed': { good: 1, bad: 0 },
  'idea-rejected-as-spam': { good: 0, bad: 1 },
  'idea-rejected-as-duplicate': { good: 0, bad: 1 },
  'flag-overturned': { good: 0, bad: 1 },
  'vote-invalidated-for-fraud': { good: 0, bad: 3 },
};

/** r and s summed over a contributor's outcomes. */
export function accumulateEvidence(outcomes: Iterable<ReputationOutcome>): ReputationEvidence {
  let good = 0;
  let bad = 0;
  for (const outcome of outcomes) {
    good += OUTCOME_EVIDENCE[outcome].good;
    bad += OUTCOME_EVIDENCE[outcome].bad;
  }
  return { good, bad };
}

/** E = (r + 1)/(r + s + 2): the mean of Beta(r + 1, s + 1); a newcomer starts at 0.5. */
export function betaReputation(good: number, bad: number): number {
  if (good < 0 || bad < 0) throw new RangeError(`evidence must be non-negative, got r=${good}, s=${bad}`);
  return (good + 1) / (good + bad + 2);
}

export interface PreModerationPolicy {
  /** Authors below this reputation go to pre-moderation… */
  threshold: number;
  /** …once this much weighted evidence (r + s) exists, so one early mistake does not condemn a newcomer. */
  minDecisions: number;
}

export const DEFAULT_PRE_MODERATION_POLICY: PreModerationPolicy = { threshold: 0.3, minDecisions: 3 };

/** ALGORITHMS.md §2: E < 0.3 after at least 3 decisions sends ideas to pre-moderation, whatever the campaign's mode. */
export function requiresPreModeration(good: number, bad: number, policy: PreModerationPolicy = DEFAULT_PRE_MODERATION_POLICY): boolean {
  return good + bad >= policy.minDecisions && betaReputation(good, bad) < policy.threshold;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A flag weighs the flagger's reputation; accounts younger than a day weigh nothing (cheap sock puppets). */
export function flagWeight(reputation: number, accountAgeMs: number, minAccountAgeMs: number = DAY_MS): number {
  if (accountAgeMs < minAccountAgeMs) return 0;
  return Math.min(1, Math.max(0, reputation));
}

/** An idea is hidden pending review once the flags' weights reach the threshold [default 3]. */
export function shouldHide(sumOfWeights: number, threshold = 3): boolean {
  return sumOfWeights >= threshold;
}
