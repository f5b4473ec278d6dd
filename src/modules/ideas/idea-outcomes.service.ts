import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { UnitOfWork } from '../../database/unit-of-work';
import { CampaignLifecycleService } from '../campaigns/campaign-lifecycle.service';
import { Campaign } from '../campaigns/campaign.entity';
import { Award, CampaignResult } from '../incentives/incentives.entities';
import { Notice, NotificationsService } from '../notifications/notifications.service';
import { IdeaOutcome, ideaOutcomeOf, OutcomeAward } from './domain/idea-outcome';
import { Idea } from './idea.entity';

/** What the close decided, as the step that ranked and awarded the ideas knows it. */
export interface ClosingStandings {
  /** Final rank by idea id; its size is the number of ranked ideas. */
  ranks: ReadonlyMap<string, number>;
  awards: ReadonlyMap<string, OutcomeAward>;
}

interface Standings {
  of: ReadonlyMap<string, number>;
  ranks: ReadonlyMap<string, number>;
  awards: ReadonlyMap<string, OutcomeAward>;
}

type EndingIdea = Pick<Idea, 'id' | 'campaignId' | 'authorId' | 'title' | 'status' | 'statusReason' | 'duplicateOfId'>;

const ENDING_IDEA_COLUMNS = { id: true, campaignId: true, authorId: true, title: true, status: true, statusReason: true, duplicateOfId: true } as const;

function outcomeOf(idea: EndingIdea, campaign: Campaign, standings: Standings): IdeaOutcome | null {
  const rank = standings.ranks.get(idea.id);
  const of = standings.of.get(idea.campaignId);
  return ideaOutcomeOf({
    ideaStatus: idea.status,
    campaignStatus: campaign.status,
    statusReason: idea.statusReason,
    duplicateOfId: idea.duplicateOfId,
    standing: rank !== undefined && of !== undefined ? { rank, of } : null,
    award: standings.awards.get(idea.id) ?? null,
  });
}

/**
 * PRODUCT.md "nobody is left in the dark": when a campaign ends every contributor learns the final
 * status of each idea, in the transaction that ends it, and reads it again on their list of ideas.
 */
@Injectable()
export class IdeaOutcomesService implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lifecycle: CampaignLifecycleService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onCancel((manager, campaign) => this.announce(manager, campaign, { of: new Map(), ranks: new Map(), awards: new Map() }));
  }

  /** Called by the close step once ranks and awards are written, so winners already carry their status. */
  async announceClose(manager: EntityManager, campaign: Campaign, closing: ClosingStandings): Promise<void> {
    await this.announce(manager, campaign, { ...closing, of: new Map([[campaign.id, closing.ranks.size]]) });
  }

  /** One notice per idea of the campaign, whatever became of it. */
  private async announce(manager: EntityManager, campaign: Campaign, standings: Standings): Promise<void> {
    const ideas: EndingIdea[] = await manager.find(Idea, { select: ENDING_IDEA_COLUMNS, where: { campaignId: campaign.id } });
    const notices: Notice[] = [];
    for (const idea of ideas) {
      const outcome = outcomeOf(idea, campaign, standings);
      if (outcome) notices.push(noticeOf(idea, campaign, outcome));
    }
    await this.notifications.notifyAll(manager, notices);
  }

  /** The outcomes of a page of ideas, in three queries whatever the page's size. */
  async outcomesOf(ideas: readonly Idea[], campaigns: ReadonlyMap<string, Campaign>): Promise<Map<string, IdeaOutcome | null>> {
    const standings = await this.storedStandings(ideas.filter((idea) => campaigns.get(idea.campaignId)?.status === 'closed'));
    return new Map(ideas.map((idea) => [idea.id, outcomeOf(idea, campaigns.get(idea.campaignId)!, standings)]));
  }

  /** Read from the rows written at close, never recomputed. */
  private async storedStandings(ideas: readonly Idea[]): Promise<Standings> {
    if (ideas.length === 0) return { of: new Map(), ranks: new Map(), awards: new Map() };
    const campaignIds = [...new Set(ideas.map((idea) => idea.campaignId))];
    const where = { campaignId: In(campaignIds), ideaId: In(ideas.map((idea) => idea.id)) };
    const manager = this.uow.manager;
    const [results, counts, awards] = await Promise.all([
      manager.find(CampaignResult, { select: { ideaId: true, rank: true }, where }),
      manager
        .createQueryBuilder(CampaignResult, 'r')
        .select('r.campaignId', 'campaignId')
        .addSelect('COUNT(*)', 'ranked')
        .where('r.campaignId IN (:...campaignIds)', { campaignIds })
        .groupBy('r.campaignId')
        .getRawMany<{ campaignId: string; ranked: number | string }>(),
      manager.find(Award, { where }),
    ]);
    return {
      of: new Map(counts.map((row) => [row.campaignId, Number(row.ranked)])),
      ranks: new Map(results.map((row) => [row.ideaId, row.rank])),
      awards: new Map(awards.map((award) => [award.ideaId, { amount: award.amount, currency: award.currency }])),
    };
  }
}

/** A win is its own kind (a prize to claim); every other ending is a result with its status. */
function noticeOf(idea: EndingIdea, campaign: Campaign, outcome: IdeaOutcome): Notice {
  const about = { ideaId: idea.id, campaignId: campaign.id, campaignTitle: campaign.title, title: idea.title, rank: outcome.rank, of: outcome.of };
  if (outcome.finalStatus === 'winner') {
    return { userId: idea.authorId, kind: 'idea.won', payload: { ...about, amount: outcome.award?.amount ?? null, currency: outcome.award?.currency ?? null } };
  }
  return { userId: idea.authorId, kind: 'idea.result', payload: { ...about, finalStatus: outcome.finalStatus, reason: outcome.reason, duplicateOf: outcome.duplicateOf } };
}
