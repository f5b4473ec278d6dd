import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { UnitOfWork } from '../../database/unit-of-work';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignsService } from '../campaigns/campaigns.service';
import { crowdScoreOf, tallyOf } from '../ideas/domain/idea-score';
import { Idea, VISIBLE_STATUS_SQL } from '../ideas/idea.entity';
import { orderByRank, voteContextOf } from '../ideas/ideas.service';
import { UsersService } from '../users/users.service';

export interface LeaderboardEntry {
  id: string;
  title: string;
  authorId: string;
  /** The author's display name; null once the account is gone. */
  authorName: string | null;
  rank: number;
  score: number;
  tally: ReturnType<typeof tallyOf>;
  status: string;
}

/**
 * The live crowd ranking: one indexed read of the stored ordering key, never a count of votes. Ties
 * go to more distinct voters, then to the earlier idea (ALGORITHMS.md §3).
 */
export interface Leaderboard {
  campaignId: string;
  voteMode: string;
  items: LeaderboardEntry[];
}

/** How long a public leaderboard may be served from memory when no vote arrived in between. */
const CACHE_TTL_MS = 1000;
const CACHE_MAX_ENTRIES = 2000;

@Injectable()
export class LeaderboardService {
  /**
   * Public leaderboards of open campaigns, the page every customer from a shared link opens: kept for
   * a second and dropped on every vote on this instance, so a burst of readers costs one query.
   */
  private readonly publicCache = new Map<string, { storedAt: number; value: Leaderboard; json?: string }>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly campaigns: CampaignsService,
    private readonly users: UsersService,
  ) {}

  @OnEvent('vote.cast')
  @OnEvent('idea.published')
  @OnEvent('idea.updated')
  @OnEvent('campaign.status')
  forget(event: { campaignId: string }): void {
    for (const key of this.publicCache.keys()) if (key.startsWith(`${event.campaignId}:`)) this.publicCache.delete(key);
  }

  async top(campaignId: string, userId: string | undefined, limit = 50): Promise<Leaderboard> {
    const key = `${campaignId}:${limit}`;
    const cached = this.fresh(key);
    if (cached) return cached.value;
    const { campaign, isOwner } = await this.campaigns.access(campaignId, userId);
    const value = await this.read(campaign, limit);
    if (!isOwner && campaign.visibility === 'public' && campaign.status !== 'draft') {
      if (this.publicCache.size >= CACHE_MAX_ENTRIES) this.publicCache.delete(this.publicCache.keys().next().value!);
      this.publicCache.set(key, { storedAt: performance.now(), value });
    }
    return value;
  }

  /**
   * The same board as JSON text for the HTTP route: a cached board is also serialised once, which
   * for fifty entries costs more than the rest of the request.
   */
  async topAsJson(campaignId: string, userId: string | undefined, limit = 50): Promise<string> {
    const key = `${campaignId}:${limit}`;
    const board = await this.top(campaignId, userId, limit);
    const cached = this.fresh(key);
    if (cached?.value !== board) return JSON.stringify(board);
    cached.json ??= JSON.stringify(board);
    return cached.json;
  }

  private fresh(key: string): { value: Leaderboard; json?: string } | undefined {
    const cached = this.publicCache.get(key);
    return cached && performance.now() - cached.storedAt < CACHE_TTL_MS ? cached : undefined;
  }

  private async read(campaign: Campaign, limit: number): Promise<Leaderboard> {
    const campaignId = campaign.id;
    const qb = this.uow.manager
      .createQueryBuilder(Idea, 'i')
      .select(['i.id', 'i.title', 'i.authorId', 'i.status', 'i.upCount', 'i.downCount', 'i.ratingCount', 'i.ratingSum', 'i.votersCount', 'i.rankKey', 'i.submittedAt'])
      .where('i.campaignId = :campaignId', { campaignId })
      .andWhere(`i.status IN ${VISIBLE_STATUS_SQL}`);
    const ideas = await orderByRank(qb).take(limit).getMany();
    const context = voteContextOf(campaign);
    const names = await this.users.displayNames(ideas.map((idea) => idea.authorId));
    return {
      campaignId,
      voteMode: campaign.rules.voteMode,
      items: ideas.map((idea, index) => ({
        id: idea.id,
        title: idea.title,
        authorId: idea.authorId,
        authorName: names.get(idea.authorId) ?? null,
        rank: index + 1,
        score: crowdScoreOf(idea, context),
        tally: tallyOf(idea),
        status: idea.status,
      })),
    };
  }
}
