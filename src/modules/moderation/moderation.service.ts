import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { UnitOfWork } from '../../database/unit-of-work';
import { IdeaResponse } from '../ideas/dto/idea.response';
import { Idea } from '../ideas/idea.entity';
import { IdeasService } from '../ideas/ideas.service';
import { VoteMergeOutcome, VoteMergeService } from '../votes/vote-merge.service';
import { moderationTarget, ModeratedStatus } from './domain/moderation-transitions';
import { ModerationDecisionDto } from './dto/moderation.dto';
import { IdeaContributor } from './idea-flag.entity';
import { lockIdea } from './lock-idea';
import { AfterCommit, ModerationTransitions } from './moderation-transitions.service';
import { ModerationErrors } from './moderation.errors';

export interface MergeSummary {
  originalId: string;
  moved: number;
  alreadyCounted: number;
  selfVotes: number;
}

export type ModerationResponse = IdeaResponse & { duplicateOfId: string | null; merge: MergeSummary | null };

interface Decided {
  idea: Idea;
  after: AfterCommit;
  merge: VoteMergeOutcome | null;
}

/** Statuses an original may have: it must be able to carry the merged votes. */
const ORIGINAL_STATUSES = ['pending', 'published', 'hidden', 'shortlisted', 'winner'];

/**
 * A campaign owner's decision on an idea in the queue (PRODUCT.md API, ALGORITHMS.md §2): the status
 * machine is checked again on the row locked in the transaction, so of two concurrent decisions one
 * wins and the other is a 409 that changes nothing.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ideas: IdeasService,
    private readonly transitions: ModerationTransitions,
    private readonly merges: VoteMergeService,
    private readonly clock: Clock,
  ) {}

  async decide(ideaId: string, actorId: string, input: ModerationDecisionDto): Promise<ModerationResponse> {
    const { idea, campaign, isOwner } = await this.ideas.access(ideaId, actorId);
    if (!isOwner) throw new DomainError(ModerationErrors.MODERATION_FORBIDDEN);
    const reason = input.reason?.trim() || null;
    if (input.decision === 'reject' && !reason) {
      throw new DomainError(ModerationErrors.MODERATION_REASON_INVALID, {}, [{ field: 'reason', rule: 'required-for-reject' }]);
    }
    this.assertAllowed(idea.status, input);
    if (input.decision === 'duplicate' && ['closed', 'cancelled'].includes(campaign.status)) {
      throw new DomainError(ModerationErrors.MODERATION_MERGE_CLOSED_CONFLICT, { status: campaign.status });
    }
    const decided = await this.uow.run((manager) => this.applyDecision(manager, idea.id, actorId, input, reason));
    await this.transitions.publish(decided.after);
    const merge = decided.merge && { originalId: input.duplicateOfId!.toLowerCase(), moved: decided.merge.moved, alreadyCounted: decided.merge.alreadyCounted, selfVotes: decided.merge.selfVotes };
    return { ...(await this.ideas.responseOf(decided.idea, campaign)), duplicateOfId: decided.idea.duplicateOfId, merge };
  }

  private assertAllowed(status: string, input: ModerationDecisionDto): ModeratedStatus {
    const to = moderationTarget(status, input.decision);
    if (!to) throw new DomainError(ModerationErrors.MODERATION_STATUS_CONFLICT, { decision: input.decision, status });
    if (input.decision === 'duplicate' && !input.duplicateOfId) {
      throw new DomainError(ModerationErrors.MODERATION_ORIGINAL_INVALID, {}, [{ field: 'duplicateOfId', rule: 'required-for-duplicate' }]);
    }
    return to;
  }

  private async applyDecision(manager: EntityManager, ideaId: string, actorId: string, input: ModerationDecisionDto, reason: string | null): Promise<Decided> {
    const idea = await lockIdea(manager, this.uow, ideaId);
    const to = this.assertAllowed(idea.status, input);
    let original: Idea | undefined;
    let merge: VoteMergeOutcome | null = null;
    if (input.decision === 'duplicate') {
      original = await this.originalOf(manager, idea, input.duplicateOfId!.toLowerCase());
      merge = await this.merges.mergeInto(manager, { duplicateId: idea.id, originalId: original.id, at: this.clock.now() });
      await this.creditCoContributor(manager, original, idea);
    }
    const after = await this.transitions.apply(manager, { idea, to, decision: input.decision, actorId, reason, original });
    const updated = await manager.findOneByOrFail(Idea, { id: idea.id });
    return { idea: updated, after, merge };
  }

  /** ALGORITHMS.md §1: the earlier idea is always the original; it must be another idea of the same campaign. */
  private async originalOf(manager: EntityManager, duplicate: Idea, originalId: string): Promise<Idea> {
    const original = await manager.findOneBy(Idea, { id: originalId });
    const valid = original && original.id !== duplicate.id && original.campaignId === duplicate.campaignId && original.submittedAt.getTime() <= duplicate.submittedAt.getTime();
    if (!valid) throw new DomainError(ModerationErrors.MODERATION_ORIGINAL_INVALID, {}, [{ field: 'duplicateOfId', rule: 'earlier-idea-same-campaign' }]);
    if (!ORIGINAL_STATUSES.includes(original.status)) throw new DomainError(ModerationErrors.MODERATION_ORIGINAL_CONFLICT, { status: original.status });
    return original;
  }

  /** The duplicate's author is credited on the original (once, and never as a co-contributor of their own idea). */
  private async creditCoContributor(manager: EntityManager, original: Idea, duplicate: Idea): Promise<void> {
    if (duplicate.authorId === original.authorId) return;
    if (await manager.existsBy(IdeaContributor, { ideaId: original.id, userId: duplicate.authorId })) return;
    await manager.insert(IdeaContributor, { ideaId: original.id, userId: duplicate.authorId, viaIdeaId: duplicate.id, createdAt: this.clock.now() });
  }
}
