import type { ReputationOutcome } from '../../quality-control/domain/reputation';

/** What a moderator may decide (PRODUCT.md API: `{decision: approve|reject|duplicate}`). */
export const MODERATION_DECISIONS = ['approve', 'reject', 'duplicate'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

export type ModeratedStatus = 'published' | 'rejected' | 'duplicate';

/**
 * ALGORITHMS.md §2 as a transition table: `pending → published | rejected | duplicate`, and an idea
 * hidden by flags `→ published | rejected`. Every other (status, decision) pair is a conflict.
 */
export const MODERATION_TRANSITIONS: Readonly<Record<string, Partial<Record<ModerationDecision, ModeratedStatus>>>> = {
  pending: { approve: 'published', reject: 'rejected', duplicate: 'duplicate' },
  hidden: { approve: 'published', reject: 'rejected' },
};

/** The status a decision moves an idea to, or null when the machine does not allow it. */
export function moderationTarget(from: string, decision: ModerationDecision): ModeratedStatus | null {
  return MODERATION_TRANSITIONS[from]?.[decision] ?? null;
}

/** A flag is confirmed when the idea is taken down, overturned when it is published again. */
export function flagOutcomeOf(decision: ModerationDecision): 'confirmed' | 'overturned' {
  return decision === 'approve' ? 'overturned' : 'confirmed';
}

/** Reputation flaggers earn from the decision on the idea they flagged (ALGORITHMS.md §2). */
export function flaggerOutcomeOf(decision: ModerationDecision): ReputationOutcome {
  return decision === 'approve' ? 'flag-overturned' : 'flag-confirmed';
}

/**
 * Reputation the author earns. Publishing a held idea is a good outcome; publishing again an idea that
 * flags had hidden is not a new one (the flaggers bear that decision). Every rejection counts as spam:
 * the reason is free text the contributor reads, not a category the service could tell apart.
 */
export function authorOutcomeOf(from: string, decision: ModerationDecision): ReputationOutcome | null {
  switch (decision) {
    case 'approve':
      return from === 'pending' ? 'idea-published' : null;
    case 'reject':
      return 'idea-rejected-as-spam';
    case 'duplicate':
      return 'idea-rejected-as-duplicate';
  }
}

/** The reason a hidden idea's author sees: the flags' reasons with their counts, most frequent first. */
export function flagReasonSummary(reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const parts = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reason, n]) => `${reason} ×${n}`);
  return `flags: ${parts.join(', ')}`;
}
