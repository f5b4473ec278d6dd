import type { AssessedStatus, Assessment, AssessmentBasis, HoldReason, QualityReport } from '../quality-report';
import { HASH_COLLISION_MARGIN, HashedJaccardQuery } from './gram-hashes';
import { ExistingIdeaGrams, findNearDuplicates, NearDuplicateOptions, NearDuplicateReport } from './near-duplicates';

/** ALGORITHMS.md §1: the top 3 similar ideas are shown. */
const MAX_SIMILAR = 3;

/** The near-duplicate options an assessment was made with; a revision's original must be older than the idea. */
export function nearOptionsOf(basis: AssessmentBasis): Partial<NearDuplicateOptions> {
  const { duplicateThreshold, similarThreshold } = basis.thresholds;
  return { duplicateThreshold, similarThreshold, maxSimilar: MAX_SIMILAR, ...(basis.submittedAt !== null ? { candidateSubmittedAt: basis.submittedAt } : {}) };
}

/**
 * PRODUCT.md and ALGORITHMS.md §1–2: a likely duplicate, a pre-moderated campaign or a low-reputation
 * author sends the idea to the queue. A revision is judged like a new idea, but an idea already in
 * the queue (pending, or hidden by flags) stays there until a moderator decides.
 */
export function decideAssessment(
  basis: AssessmentBasis,
  near: NearDuplicateReport,
  fromStatus: string | null,
  who: Pick<Assessment, 'campaignId' | 'authorId'>,
): Assessment {
  const holdReasons: HoldReason[] = [];
  if (basis.thresholds.moderation === 'pre') holdReasons.push('pre-moderation');
  if (near.duplicateOf) holdReasons.push('duplicate');
  if (basis.lowReputation) holdReasons.push('low-reputation');
  const report: QualityReport = { duplicateOf: near.duplicateOf, similar: near.similar, violations: [], holdReasons };
  let status: AssessedStatus = holdReasons.length > 0 ? 'pending' : 'published';
  if (fromStatus === 'pending' || fromStatus === 'hidden') status = fromStatus;
  return { campaignId: who.campaignId, authorId: who.authorId, status, report, fromStatus, basis };
}

/**
 * Settling an assessment in the idea's transaction, which took fingerprint `version`. It stands as it
 * is when the index proposed nothing and nothing was written since it was made (the transaction took
 * the next version after the one assessed); otherwise `recheck` compares it exactly with the index's
 * finalists and, when writes were missed, with what was written since.
 */
export function settledAt(assessment: Assessment, version: number): { settled: Assessment; stands: boolean; missedWrites: boolean } {
  const settled = { ...assessment, basis: { ...assessment.basis, version } };
  const missedWrites = version !== assessment.basis.seenVersion + 1;
  return { settled, stands: !missedWrites && assessment.basis.finalists.length === 0, missedWrites };
}

/** The index's finalists that were not rewritten since the assessment: their stored grams are read in the transaction. */
export function unchangedFinalists(assessment: Assessment, writtenSince: readonly ExistingIdeaGrams[]): string[] {
  const rewritten = new Set(writtenSince.map((idea) => idea.id));
  return assessment.basis.finalists.filter((id) => !rewritten.has(id));
}

/** The assessment judged exactly against the index's finalists and the ideas written since it was made. */
export function recheck(settled: Assessment, writtenSince: readonly ExistingIdeaGrams[], finalists: readonly ExistingIdeaGrams[]): Assessment {
  const { basis } = settled;
  // Under a burst every submission re-checks dozens of ideas written meanwhile, nearly all far apart:
  // their hashes rule those out before the exact Jaccard on strings.
  const floor = Math.max(0, basis.thresholds.similarThreshold - HASH_COLLISION_MARGIN);
  const hashes = new HashedJaccardQuery(basis.hashes);
  const existing = [...finalists, ...writtenSince].filter(
    (idea) => idea.id !== basis.ignoreId && (!idea.hashes || hashes.similarityAtLeast(idea.hashes, floor) !== null),
  );
  const grams = new Set(existing.length > 0 ? (JSON.parse(basis.gramsJson) as string[]) : []);
  const near = findNearDuplicates(grams, existing, nearOptionsOf(basis));
  return decideAssessment(basis, near, settled.fromStatus, settled);
}

/** A new idea held for moderation, or a published one sent back by its revision: owners get an audit row and a signal. */
export function entersQueue(assessment: Assessment): boolean {
  return assessment.status === 'pending' && assessment.fromStatus !== 'pending';
}
