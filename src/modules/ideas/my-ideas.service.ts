import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { decodeCursor, Page, toPage } from '../../common/pagination/cursor';
import { UnitOfWork } from '../../database/unit-of-work';
import { Campaign } from '../campaigns/campaign.entity';
import { UsersService } from '../users/users.service';
import { IdeaOutcome } from './domain/idea-outcome';
import { ListIdeasQuery } from './dto/idea.dto';
import { IdeaResponse } from './dto/idea.response';
import { IdeaOutcomesService } from './idea-outcomes.service';
import { Idea, IdeaFeedback } from './idea.entity';
import { voteContextOf } from './ideas.service';

export type MyIdeaResponse = IdeaResponse & {
  campaignTitle: string;
  campaignStatus: string;
  latestFeedback: string | null;
  /** Null until the campaign has closed or been cancelled. */
  outcome: IdeaOutcome | null;
};

/** A contributor's own ideas across campaigns, each with the owner's latest feedback and its outcome. */
@Injectable()
export class MyIdeasService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outcomes: IdeaOutcomesService,
    private readonly users: UsersService,
  ) {}

  /** Newest first; a page costs the same few queries whatever its size. */
  async list(userId: string, query: ListIdeasQuery): Promise<Page<MyIdeaResponse>> {
    const limit = query.limit ?? 20;
    const cursor = decodeCursor(query.cursor);
    const qb = this.uow.manager.createQueryBuilder(Idea, 'i').where('i.authorId = :userId', { userId });
    if (cursor) qb.andWhere('(i.submittedAt < :at OR (i.submittedAt = :at AND i.id < :id))', { at: new Date(Number(cursor.key)), id: cursor.id });
    const rows = await qb.orderBy('i.submittedAt', 'DESC').addOrderBy('i.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const campaigns = page.length ? await this.uow.manager.findBy(Campaign, { id: In([...new Set(page.map((r) => r.campaignId))]) }) : [];
    const byId = new Map(campaigns.map((c) => [c.id, c]));
    const feedback = page.length ? await this.uow.manager.find(IdeaFeedback, { where: { ideaId: In(page.map((r) => r.id)) }, order: { createdAt: 'ASC' } }) : [];
    const latestFeedback = new Map(feedback.map((f) => [f.ideaId, f.body]));
    const outcomes = await this.outcomes.outcomesOf(page, byId);
    const names = await this.users.displayNames(page.map((idea) => idea.authorId));
    return toPage(
      rows,
      limit,
      (idea) => {
        const campaign = byId.get(idea.campaignId)!;
        return {
          ...IdeaResponse.from(idea, voteContextOf(campaign), names),
          campaignTitle: campaign.title,
          campaignStatus: campaign.status,
          latestFeedback: latestFeedback.get(idea.id) ?? null,
          outcome: outcomes.get(idea.id) ?? null,
        };
      },
      (idea) => ({ key: idea.submittedAt.getTime(), id: idea.id }),
    );
  }
}
