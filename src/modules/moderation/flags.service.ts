import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { newId } from '../../common/ids';
import { isUniqueViolation } from '../../database/unique-violation';
import { UnitOfWork } from '../../database/unit-of-work';
import { IdeasService } from '../ideas/ideas.service';
import { shouldHide } from '../quality-control/domain/reputation';
import { ReputationService } from '../quality-control/reputation.service';
import { flagReasonSummary } from './domain/moderation-transitions';
import { FlagDto } from './dto/moderation.dto';
import { FlagReason, IdeaFlag } from './idea-flag.entity';
import { AfterCommit, ModerationTransitions } from './moderation-transitions.service';
import { ModerationErrors } from './moderation.errors';
import { lockIdea } from './lock-idea';

export interface FlagResponse {
  id: string;
  ideaId: string;
  reason: FlagReason;
  note: string | null;
  createdAt: string;
}

/**
 * Flags (ALGORITHMS.md §2): one per person per idea; each weighs the flagger's reputation, nothing for
 * an account younger than a day; when the open flags of a published idea weigh the campaign's
 * threshold, the idea is hidden pending review and its owners are told.
 */
@Injectable()
export class FlagsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ideas: IdeasService,
    private readonly reputation: ReputationService,
    private readonly transitions: ModerationTransitions,
    private readonly clock: Clock,
  ) {}

  async flag(ideaId: string, userId: string, input: FlagDto): Promise<FlagResponse> {
    const { idea, campaign, isAuthor } = await this.ideas.access(ideaId, userId);
    if (isAuthor) throw new DomainError(ModerationErrors.FLAG_OWN_IDEA_FORBIDDEN);
    if (idea.status !== 'published') throw new DomainError(ModerationErrors.FLAG_STATUS_CONFLICT, { status: idea.status });
    const weight = await this.reputation.flagWeightOf(userId);
    const flag = Object.assign(new IdeaFlag(), {
      id: newId(), ideaId, campaignId: idea.campaignId, flaggerId: userId, reason: input.reason, note: input.note?.trim() ?? null,
      weight, outcome: 'open', createdAt: this.clock.now(), resolvedAt: null,
    });
    let after: AfterCommit | null;
    try {
      after = await this.uow.run((manager) => this.record(manager, flag, campaign.rules.flagHideThreshold));
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ModerationErrors.FLAG_CONFLICT);
      throw error;
    }
    if (after) await this.transitions.publish(after);
    return { id: flag.id, ideaId, reason: flag.reason, note: flag.note, createdAt: flag.createdAt.toISOString() };
  }

  /** The flag, and the hiding when the open flags reach the threshold; concurrent flags queue on the idea's row. */
  private async record(manager: EntityManager, flag: IdeaFlag, threshold: number): Promise<AfterCommit | null> {
    const idea = await lockIdea(manager, this.uow, flag.ideaId);
    if (idea.status !== 'published' && idea.status !== 'hidden') throw new DomainError(ModerationErrors.FLAG_STATUS_CONFLICT, { status: idea.status });
    if (await manager.existsBy(IdeaFlag, { ideaId: flag.ideaId, flaggerId: flag.flaggerId })) throw new DomainError(ModerationErrors.FLAG_CONFLICT);
    await manager.insert(IdeaFlag, flag);
    if (idea.status !== 'published') return null;
    const open = await manager.find(IdeaFlag, { select: { weight: true, reason: true }, where: { ideaId: flag.ideaId, outcome: 'open' } });
    const total = open.reduce((sum, f) => sum + f.weight, 0);
    if (!shouldHide(total, threshold)) return null;
    return this.transitions.apply(manager, { idea, to: 'hidden', decision: 'hide', actorId: null, reason: flagReasonSummary(open.map((f) => f.reason)) });
  }
}

