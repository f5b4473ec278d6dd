import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { DomainEvents } from '../../common/events/domain-events';
import { UnitOfWork } from '../../database/unit-of-work';
import { Idea } from '../ideas/idea.entity';
import { IdeasService } from '../ideas/ideas.service';
import { PointsLedgerService } from '../incentives/points-ledger.service';
import { NotificationsService } from '../notifications/notifications.service';
import { IdeaReview } from './idea-review.entity';
import { JuryErrors } from './jury.errors';

export interface ReviewResponse {
  ideaId: string;
  judgeId: string;
  scores: Record<string, number>;
  comment: string | null;
  updatedAt: string;
}

const toResponse = (r: IdeaReview): ReviewResponse => ({ ideaId: r.ideaId, judgeId: r.judgeId, scores: r.scores, comment: r.comment, updatedAt: r.updatedAt.toISOString() });

/** Rubric reviews by the invited jury while a campaign is judged, and the owner's shortlist. */
@Injectable()
export class JuryService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ideas: IdeasService,
    private readonly points: PointsLedgerService,
    private readonly notifications: NotificationsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** One review per judge per idea; a second one replaces the first until the campaign closes. */
  async review(ideaId: string, judgeId: string, input: { scores: Record<string, unknown>; comment?: string }): Promise<ReviewResponse> {
    const { idea, campaign, isJury } = await this.ideas.access(ideaId, judgeId);
    if (!isJury) throw new DomainError(JuryErrors.REVIEW_FORBIDDEN);
    const criteria = campaign.rules.criteria;
    if (criteria.length === 0) throw new DomainError(JuryErrors.REVIEW_NO_CRITERIA_CONFLICT);
    if (campaign.status !== 'judging') throw new DomainError(JuryErrors.REVIEW_CLOSED_CONFLICT, { status: campaign.status });
    const keys = criteria.map((c) => c.key);
    const valid = Object.keys(input.scores).length === keys.length && keys.every((k) => Number.isInteger(input.scores[k]) && (input.scores[k] as number) >= 1 && (input.scores[k] as number) <= 5);
    if (!valid) throw new DomainError(JuryErrors.REVIEW_SCORES_INVALID, { criteria: keys.join(', ') }, keys.map((key) => ({ field: `scores.${key}`, rule: 'score-1-5' })));
    const now = this.clock.now();
    const row = Object.assign(new IdeaReview(), { ideaId, judgeId, campaignId: idea.campaignId, scores: input.scores as Record<string, number>, comment: input.comment ?? null, createdAt: now, updatedAt: now });
    await this.uow.run(async (manager) => {
      const existing = await manager.findOneBy(IdeaReview, { ideaId, judgeId });
      if (existing) await manager.update(IdeaReview, { ideaId, judgeId }, { scores: row.scores, comment: row.comment, updatedAt: now });
      else await manager.insert(IdeaReview, row);
    });
    return toResponse(row);
  }

  async reviews(ideaId: string, userId: string): Promise<{ items: ReviewResponse[] }> {
    const { isOwner, isJury } = await this.ideas.access(ideaId, userId);
    if (!isOwner && !isJury) throw new DomainError(JuryErrors.REVIEW_READ_FORBIDDEN);
    const rows = await this.uow.manager.find(IdeaReview, { where: { ideaId }, order: { createdAt: 'ASC' } });
    return { items: rows.map(toResponse) };
  }

  /** Owners shortlist published ideas while voting or judging; the author earns shortlist points and is told. */
  async shortlist(ideaId: string, userId: string): Promise<{ ideaId: string; status: 'shortlisted' }> {
    const { idea, campaign, isOwner } = await this.ideas.access(ideaId, userId);
    if (!isOwner) throw new DomainError(JuryErrors.SHORTLIST_FORBIDDEN);
    if (idea.status !== 'published' || !['voting', 'judging'].includes(campaign.status)) {
      throw new DomainError(JuryErrors.SHORTLIST_CONFLICT, { status: idea.status, campaignStatus: campaign.status });
    }
    await this.uow.run(async (manager) => {
      const moved = await manager.update(Idea, { id: ideaId, status: 'published' }, { status: 'shortlisted', updatedAt: this.clock.now() });
      if (!moved.affected) throw new DomainError(JuryErrors.SHORTLIST_CONFLICT, { status: 'shortlisted', campaignStatus: campaign.status });
      await this.points.grant(manager, { userId: idea.authorId, campaignId: campaign.id, ideaId, reason: 'idea-shortlisted' });
      await this.notifications.notify(manager, idea.authorId, 'idea.shortlisted', { ideaId, campaignId: campaign.id, campaignTitle: campaign.title, title: idea.title });
    });
    this.events.emit('idea.updated', { campaignId: campaign.id, ideaId, status: 'shortlisted', title: idea.title });
    return { ideaId, status: 'shortlisted' };
  }
}
