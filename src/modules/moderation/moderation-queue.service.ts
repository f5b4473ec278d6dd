import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { decodeCursor, Page, toPage } from '../../common/pagination/cursor';
import { PageQuery } from '../../common/pagination/page-query';
import { UnitOfWork } from '../../database/unit-of-work';
import { CampaignsService } from '../campaigns/campaigns.service';
import { IdeaResponse } from '../ideas/dto/idea.response';
import { Idea } from '../ideas/idea.entity';
import { voteContextOf } from '../ideas/ideas.service';
import { QUEUE_STATUSES } from '../quality-control/moderation-log.service';
import { ReputationService } from '../quality-control/reputation.service';
import { UsersService } from '../users/users.service';
import { IdeaFlag } from './idea-flag.entity';

export interface OpenFlags {
  count: number;
  weight: number;
  reasons: Record<string, number>;
}

export type QueueItem = IdeaResponse & { openFlags: OpenFlags; authorReputation: number };

/** The owners' queue of a campaign: ideas held at submission or hidden by flags, oldest first. */
@Injectable()
export class ModerationQueueService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly campaigns: CampaignsService,
    private readonly reputation: ReputationService,
    private readonly users: UsersService,
  ) {}

  async list(campaignId: string, userId: string, query: PageQuery): Promise<Page<QueueItem>> {
    const campaign = await this.campaigns.accessAsOwner(campaignId, userId);
    const limit = query.limit ?? 20;
    const cursor = decodeCursor(query.cursor);
    const qb = this.uow.manager
      .createQueryBuilder(Idea, 'i')
      .where('i.campaignId = :campaignId', { campaignId })
      .andWhere('i.status IN (:...statuses)', { statuses: QUEUE_STATUSES });
    if (cursor) qb.andWhere('(i.submittedAt > :at OR (i.submittedAt = :at AND i.id > :id))', { at: new Date(Number(cursor.key)), id: cursor.id });
    const rows = await qb.orderBy('i.submittedAt', 'ASC').addOrderBy('i.id', 'ASC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const authors = [...new Set(page.map((i) => i.authorId))];
    const [flags, reputations, names] = await Promise.all([this.openFlagsOf(page.map((i) => i.id)), this.reputation.reputationsOf(authors), this.users.displayNames(authors)]);
    const context = voteContextOf(campaign);
    return toPage(
      rows,
      limit,
      (idea) => ({
        ...IdeaResponse.from(idea, context, names),
        openFlags: flags.get(idea.id) ?? { count: 0, weight: 0, reasons: {} },
        authorReputation: reputations.get(idea.authorId) ?? 0.5,
      }),
      (idea) => ({ key: idea.submittedAt.getTime(), id: idea.id }),
    );
  }

  private async openFlagsOf(ideaIds: string[]): Promise<Map<string, OpenFlags>> {
    const rows = ideaIds.length ? await this.uow.manager.find(IdeaFlag, { where: { ideaId: In(ideaIds), outcome: 'open' } }) : [];
    const byIdea = new Map<string, OpenFlags>();
    for (const flag of rows) {
      const entry = byIdea.get(flag.ideaId) ?? { count: 0, weight: 0, reasons: {} };
      entry.count += 1;
      entry.weight += flag.weight;
      entry.reasons[flag.reason] = (entry.reasons[flag.reason] ?? 0) + 1;
      byIdea.set(flag.ideaId, entry);
    }
    return byIdea;
  }
}
