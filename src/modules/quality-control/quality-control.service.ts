import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { RateLimits } from '../../common/rate-limit/rate-limits';
import { checkContent, ContentViolation, findBlockedTerms } from './domain/content-rules';
import { decideAssessment, entersQueue, recheck, settledAt, unchangedFinalists } from './domain/assessment';
import { hashGrams } from './domain/gram-hashes';
import { NearDuplicateReport } from './domain/near-duplicates';
import { shinglesOf } from './domain/text-normalization';
import { ModerationLog } from './moderation-log.service';
import { NearDuplicateIndex } from './near-duplicate-index.service';
import { QualityErrors } from './quality-control.errors';
import { Assessment, AssessmentBasis, NewIdeaInput, RevisionInput, SubmissionInput, ViolationDetail } from './quality-report';
import { ReputationService } from './reputation.service';

const NOTHING_NEAR: NearDuplicateReport = { duplicateOf: null, similar: [] };

export interface RecordableIdea {
  id: string;
  campaignId: string;
  submittedAt: Date;
}

/**
 * The quality-control pipeline of PRODUCT.md for a new or revised idea: content rules (a hard 400 that
 * stores nothing), the platform-wide submission rate, the campaign index's near-duplicate candidates,
 * and the author's reputation; then, in the idea's own transaction, the exact comparison with those
 * candidates and with whatever was written meanwhile, and the idea's fingerprint and audit row.
 *
 * Usage inside a unit of work: `settle` before inserting or updating the idea (it fixes the status),
 * `recordIdea` as the transaction's last write, `afterCommit` once committed.
 */
@Injectable()
export class QualityControlService {
  constructor(
    private readonly index: NearDuplicateIndex,
    private readonly reputation: ReputationService,
    private readonly log: ModerationLog,
    private readonly rateLimits: RateLimits,
  ) {}

  /** A new idea: content rules, then one point of the author's submission rate, then the assessment. */
  async assessSubmission(input: NewIdeaInput): Promise<Assessment> {
    this.assertContent(input);
    await this.rateLimits.consume('submissions', input.authorId);
    return this.assess(input, null, input.ideaId);
  }

  /** A new idea that was assessed but not written (refused, or failed): the index forgets it. */
  forgetUnwritten(campaignId: string, ideaId: string): void {
    this.index.release(campaignId, ideaId);
  }

  /** A revision: the same rules; the idea itself and later ideas are never its original. */
  async assessRevision(input: RevisionInput): Promise<Assessment> {
    this.assertContent(input);
    return this.assess(input, { ignoreId: input.ideaIdToIgnore, submittedAt: input.submittedAt.getTime(), fromStatus: input.currentStatus });
  }

  /**
   * In the idea's transaction, before it is written: takes the campaign's next fingerprint version
   * (writers of one campaign take turns from here to commit), compares the idea exactly with the
   * index's finalists and re-checks it against every idea written since the assessment, so two
   * near-duplicates submitted at once cannot both pass.
   */
  async settle(manager: EntityManager, assessment: Assessment): Promise<Assessment> {
    const { campaignId, basis } = assessment;
    const { settled, stands, missedWrites } = settledAt(assessment, await this.index.nextVersion(manager, campaignId));
    if (stands) return settled;
    const written = missedWrites ? await this.index.writtenAfter(campaignId, basis.seenVersion, manager) : [];
    const finalists = await this.index.gramsFor(campaignId, unchangedFinalists(assessment, written), manager);
    return recheck(settled, written, finalists);
  }

  /** The idea's fingerprint and, when it enters the queue, its audit row; the transaction's last writes. */
  async recordIdea(manager: EntityManager, idea: RecordableIdea, assessment: Assessment): Promise<void> {
    const { basis, report } = assessment;
    if (basis.version === null) throw new Error('recordIdea needs a settled assessment');
    if (entersQueue(assessment)) {
      await this.log.append(manager, {
        ideaId: idea.id, campaignId: idea.campaignId, actorId: null, fromStatus: assessment.fromStatus, toStatus: 'pending',
        decision: 'hold', reason: report.holdReasons.join(', '), duplicateOfId: report.duplicateOf?.ideaId ?? null,
      });
    }
    // Last: on SQLite a read on the shared connection can see it before the commit, so nothing that could still fail may follow it.
    await this.index.write(manager, {
      ideaId: idea.id, campaignId: idea.campaignId, version: basis.version, grams: JSON.parse(basis.gramsJson) as string[], hashes: basis.hashes, submittedAt: idea.submittedAt,
    });
  }

  /** Once committed: owners hear that their queue grew, and the index learns the fingerprint without reading it back. */
  async afterCommit(ideaId: string, assessment: Assessment): Promise<void> {
    const { basis } = assessment;
    if (basis.version !== null) this.index.rememberWritten(ideaId, basis.version, basis.hashes);
    if (entersQueue(assessment)) await this.log.announceQueued(assessment.campaignId, ideaId, assessment.report.holdReasons.join(', '));
  }

  private assertContent(input: SubmissionInput): void {
    const { rules, problemStatement, title, description } = input;
    const limits = { titleLength: rules.titleLength, descriptionLength: rules.descriptionLength, maxLinks: rules.maxLinks, blockedTerms: rules.blockedTerms };
    const violations = checkContent({ title, description, problemStatement }, limits);
    if (violations.length === 0) return;
    const details = violations.map((v): ViolationDetail => ({ ...v, field: fieldOf(v, title) }));
    throw new DomainError(QualityErrors.IDEA_CONTENT_INVALID, { rules: details.map(summary).join('; ') }, details);
  }

  private async assess(
    input: SubmissionInput,
    revision: { ignoreId: string; submittedAt: number; fromStatus: string } | null,
    newIdeaId?: string,
  ): Promise<Assessment> {
    const grams = shinglesOf(`${input.title} ${input.description}`);
    const hashes = hashGrams(grams);
    const gramsJson = JSON.stringify([...grams]);
    const ignoreId = revision?.ignoreId ?? null;
    const [proposals, lowReputation] = await Promise.all([
      this.index.propose(input.campaignId, { hashes, similarThreshold: input.rules.similarThreshold, ignoreId, reserveAs: newIdeaId }),
      this.reputation.requiresPreModeration(input.authorId),
    ]);
    const basis: AssessmentBasis = {
      gramsJson, hashes, finalists: proposals.finalists, seenVersion: proposals.seenVersion, ignoreId, submittedAt: revision?.submittedAt ?? null,
      coverage: proposals.coverage,
      reservation: proposals.reservation,
      thresholds: { duplicateThreshold: input.rules.duplicateThreshold, similarThreshold: input.rules.similarThreshold, moderation: input.rules.moderation },
      lowReputation, version: null,
    };
    // Near-duplicates are found when the transaction settles the assessment: the finalists are compared there.
    return decideAssessment(basis, NOTHING_NEAR, revision?.fromStatus ?? null, { campaignId: input.campaignId, authorId: input.authorId });
  }
}

/** The form field a violation points at; link and blocked-term rules read title and description together. */
function fieldOf(violation: ContentViolation, title: string): ViolationDetail['field'] {
  switch (violation.rule) {
    case 'title-length':
      return 'title';
    case 'blocked-term':
      return findBlockedTerms(title, [String(violation.params.term)]).length > 0 ? 'title' : 'description';
    case 'description-length':
    case 'too-many-links':
    case 'restates-problem-statement':
      return 'description';
  }
}

/** A short, language-neutral list for the localised message; details carry the full violations. */
function summary(detail: ViolationDetail): string {
  const p = detail.params;
  switch (detail.rule) {
    case 'title-length':
    case 'description-length':
      return `${detail.field} ${p.min}–${p.max}`;
    case 'too-many-links':
      return `links ≤ ${p.max}`;
    case 'blocked-term':
      return `"${p.term}"`;
    case 'restates-problem-statement':
      return 'problem statement';
  }
}
