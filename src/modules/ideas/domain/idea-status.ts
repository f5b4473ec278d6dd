export const IDEA_STATUSES = ['pending', 'published', 'rejected', 'duplicate', 'hidden', 'shortlisted', 'winner'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];
/** Statuses whose ideas the public sees and may vote on. */
export const VISIBLE_IDEA_STATUSES: readonly IdeaStatus[] = ['published', 'shortlisted', 'winner'];
/**
 * The same set as a literal SQL list: the partial indexes of the public orderings are defined with it,
 * and a query can use them only when it repeats the predicate literally (not as bound parameters).
 */
export const VISIBLE_STATUS_SQL = "('published', 'shortlisted', 'winner')";
