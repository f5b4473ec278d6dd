import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work';
import { CampaignsService } from '../campaigns/campaigns.service';
import { crowdScoreOf, tallyOf } from '../ideas/domain/idea-score';
import { Idea, VISIBLE_IDEA_STATUSES } from '../ideas/idea.entity';
import { voteContextOf } from '../ideas/ideas.service';

export interface LeaderboardEntry {
  id: string;
  title: string;
  authorId: string;
  rank: number;
  score: number;
  tally: ReturnType<typeof tallyOf>;
  status: string;
}

/**
 * The live crowd ranking: one indexed read of the stored ordering key, never a count of votes. Ties
 * go to more distinct voters, then to the earlier idea (ALGORITHMS.md §3).
 */
@Injectable()
export class LeaderboardService {
  constructor(private readonly uow: UnitOfWork, private readonly campaigns: CampaignsService) {}

  async top(campaignId: string, userId: string | undefined, limit = 50): Promise<{ campaignId: string; voteMode: string; items: LeaderboardEntry[] }> {
    const { campaign } = await this.campaigns.access(campaignId, userId);
    const ideas = await this.uow.manager
      .createQueryBuilder(Idea, 'i')
      .select(['i.id', 'i.title', 'i.authorId', 'i.status', 'i.upCount', 'i.downCount', 'i.ratingCount', 'i.ratingSum', 'i.votersCount', 'i.rankKey', 'i.submittedAt'])
      .where('i.campaignId = :campaignId', { campaignId })
      .andWhere('i.status IN (:...statuses)', { statuses: VISIBLE_IDEA_STATUSES })
      .orderBy('i.rankKey', 'DESC')
      .addOrderBy('i.votersCount', 'DESC')
      .addOrderBy('i.submittedAt', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .take(limit)
      .getMany();
    const context = voteContextOf(campaign);
    return {
      campaignId,
      voteMode: campaign.rules.voteMode,
      items: ideas.map((idea, index) => ({
        id: idea.id,
        title: idea.title,
        authorId: idea.authorId,
        rank: index + 1,
        score: crowdScoreOf(idea, context),
        tally: tallyOf(idea),
        status: idea.status,
      })),
    };
  }
}
