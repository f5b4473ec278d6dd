/**
 * The ideas that count towards a contributor's limit per campaign: every idea still in play or held,
 * and merged duplicates (merging must not hand back a slot); rejected ideas do not count.
 */
export const STATUSES_COUNTED_IN_LIMIT = ['pending', 'published', 'hidden', 'shortlisted', 'winner', 'duplicate'] as const;
