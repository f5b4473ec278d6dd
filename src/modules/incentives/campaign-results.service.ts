import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { newId } from '../../common/ids';
import { insertRows } from '../../database/bulk-insert';
import { UnitOfWork } from '../../database/unit-of-work';
import { CampaignLifecycleService } from '../campaigns/campaign-lifecycle.service';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignsService } from '../campaigns/campaigns.service';
import { crowdScoreOf, tallyOf } from '../ideas/domain/idea-score';
import { IdeaOutcomesService } from '../ideas/idea-outcomes.service';
import { Idea } from '../ideas/idea.entity';
import { voteContextOf } from '../ideas/ideas.service';
import { IdeaReview } from '../jury/idea-review.entity';
import { UsersService } from '../users/users.service';
import { juryScore, rankIdeas, RankedIdea, RankingEntry } from '../votes/domain/ranking';
import { PrizeAward, splitPrizes } from './domain/awards';
import { Award, CampaignResult } from './incentives.entities';
import { IncentiveErrors } from './incentives.errors';
import { PointsLedgerService } from './points-ledger.service';

export interface FinalStanding {
  ideaId: string;
  rank: number;
  title: string;
  /** The author's display name; null once the account is gone. */
  authorName: string | null;
  status: string;
  tally: ReturnType<typeof tallyOf>;
  /** The prize in IDR, or null. */
  prize: number | null;
}

export interface ResultsResponse {
  campaignId: string;
  ranking: Array<{ ideaId: string; rank: number; crowdScore: number; juryScore: number | null; finalScore: number }>;
  /** Each prize with the winner's display name, as the challenge announces it. */
  awards: Array<{ rank: number; ideaId: string; userId: string; displayName: string | null; amount: number; currency: 'IDR' }>;
}

/**
 * The final ranking and the awards, written inside the transaction that closes the campaign. The
 * close is a conditional status update, so a second or concurrent close never reaches this step.
 */
@Injectable()
export class CampaignResultsService implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lifecycle: CampaignLifecycleService,
    private readonly campaigns: CampaignsService,
    private readonly points: PointsLedgerService,
    private readonly outcomes: IdeaOutcomesService,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onClose((manager, campaign, closedAt) => this.writeResults(manager, campaign, closedAt));
  }

  private async writeResults(manager: EntityManager, campaign: Campaign, closedAt: Date): Promise<void> {
    const ideas = await manager.find(Idea, { where: { campaignId: campaign.id, status: In(['published', 'shortlisted']) } });
    const ranked = rankIdeas(await this.rankingEntries(manager, campaign, ideas), { crowd: campaign.rules.crowdWeight, jury: campaign.rules.juryWeight });
    const voters = new Map(ideas.map((idea) => [idea.id, idea.votersCount]));
    const rows = ranked.map(({ ideaId, rank, crowdScore, juryScore: jury, finalScore }) => ({ campaignId: campaign.id, ideaId, rank, crowdScore, juryScore: jury, finalScore, validVoters: voters.get(ideaId) ?? 0 }));
    await insertRows(manager, CampaignResult, rows);
    const awards = await this.award(manager, campaign, ideas, ranked, closedAt);
    // Last, so the notices read the winners' new status: every contributor hears how each idea ended.
    await this.outcomes.announceClose(manager, campaign, {
      ranks: new Map(ranked.map((r) => [r.ideaId, r.rank])),
      awards: new Map(awards.map((a) => [a.ideaId, { amount: a.amount, currency: a.currency }])),
    });
  }

  private async rankingEntries(manager: EntityManager, campaign: Campaign, ideas: Idea[]): Promise<RankingEntry[]> {
    const criteria = campaign.rules.criteria;
    const reviews = criteria.length > 0 ? await manager.find(IdeaReview, { where: { campaignId: campaign.id } }) : [];
    const byIdea = new Map<string, Array<Record<string, number>>>();
    for (const review of reviews) byIdea.set(review.ideaId, [...(byIdea.get(review.ideaId) ?? []), review.scores]);
    const context = voteContextOf(campaign);
    return ideas.map((idea) => ({
      ideaId: idea.id,
      crowdScore: crowdScoreOf(idea, context),
      juryScore: criteria.length > 0 ? juryScore(criteria, byIdea.get(idea.id) ?? []) : null,
      validVoters: idea.votersCount,
      submittedAt: idea.submittedAt.getTime(),
    }));
  }

  private async award(manager: EntityManager, campaign: Campaign, ideas: Idea[], ranked: RankedIdea[], closedAt: Date): Promise<PrizeAward[]> {
    const authorOf = new Map(ideas.map((idea) => [idea.id, idea.authorId]));
    const awards = splitPrizes(campaign.incentives.prizes, ranked.map((r) => ({ ideaId: r.ideaId, rank: r.rank, authorId: authorOf.get(r.ideaId)! })));
    for (const prize of awards) {
      await manager.insert(Award, { id: newId(), campaignId: campaign.id, ...prize, createdAt: closedAt });
      await manager.update(Idea, { id: prize.ideaId }, { status: 'winner', updatedAt: closedAt });
      await this.points.grant(manager, { userId: prize.userId, campaignId: campaign.id, ideaId: prize.ideaId, reason: 'idea-won', rank: prize.rank });
    }
    return awards;
  }

  /** Public once closed: read from the stored rows, never recomputed. */
  async results(campaignId: string, userId: string | undefined): Promise<ResultsResponse> {
    await this.closedCampaign(campaignId, userId);
    const [ranking, awards] = await Promise.all([
      this.uow.manager.find(CampaignResult, { where: { campaignId }, order: { rank: 'ASC' } }),
      this.uow.manager.find(Award, { where: { campaignId }, order: { rank: 'ASC' } }),
    ]);
    const names = await this.users.displayNames(awards.map((award) => award.userId));
    return {
      campaignId,
      ranking: ranking.map(({ ideaId, rank, crowdScore, juryScore: jury, finalScore }) => ({ ideaId, rank, crowdScore, juryScore: jury, finalScore })),
      awards: awards.map(({ rank, ideaId, userId: winner, amount, currency }) => ({ rank, ideaId, userId: winner, displayName: names.get(winner) ?? null, amount, currency })),
    };
  }

  /** The first `limit` places of the final ranking with each idea's title, status, tally and prize: a closed challenge's page. */
  async standings(campaignId: string, userId: string | undefined, limit: number): Promise<FinalStanding[]> {
    await this.closedCampaign(campaignId, userId);
    const [ranking, awards] = await Promise.all([
      this.uow.manager.find(CampaignResult, { where: { campaignId }, order: { rank: 'ASC' }, take: limit }),
      this.uow.manager.find(Award, { where: { campaignId } }),
    ]);
    const ideas = ranking.length ? await this.uow.manager.findBy(Idea, { id: In(ranking.map((r) => r.ideaId)) }) : [];
    const ideaById = new Map(ideas.map((idea) => [idea.id, idea]));
    const prizeOf = new Map(awards.map((award) => [award.ideaId, award.amount]));
    const names = await this.users.displayNames(ideas.map((idea) => idea.authorId));
    return ranking.flatMap(({ ideaId, rank }) => {
      const idea = ideaById.get(ideaId);
      if (!idea) return [];
      return [{ ideaId, rank, title: idea.title, authorName: names.get(idea.authorId) ?? null, status: idea.status, tally: tallyOf(idea), prize: prizeOf.get(ideaId) ?? null }];
    });
  }

  private async closedCampaign(campaignId: string, userId: string | undefined): Promise<Campaign> {
    const { campaign } = await this.campaigns.access(campaignId, userId);
    if (campaign.status !== 'closed') throw new DomainError(IncentiveErrors.RESULTS_NOT_CLOSED_CONFLICT, { status: campaign.status });
    return campaign;
  }
}
