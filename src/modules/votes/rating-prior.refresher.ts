import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work';
import { Campaign } from '../campaigns/campaign.entity';
import { rankKeyOf } from '../ideas/domain/idea-score';
import { Idea, VISIBLE_IDEA_STATUSES } from '../ideas/idea.entity';
import { voteContextOf } from '../ideas/ideas.service';
import { priorWeight } from './domain/ranking';
import { In } from 'typeorm';

/** How long rating votes are gathered before a campaign's prior is recomputed. */
const REFRESH_DELAY_MS = 2000;

/**
 * The Bayesian prior of a rating campaign (C the campaign mean, m the median ratings per idea) moves
 * with every rating, and with it every idea's key. Recomputing it per vote would touch every idea per
 * vote, so it is refreshed in the background, at most once per REFRESH_DELAY_MS per campaign.
 */
@Injectable()
export class RatingPriorRefresher implements OnModuleDestroy {
  private readonly logger = new Logger(RatingPriorRefresher.name);
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly uow: UnitOfWork) {}

  schedule(campaignId: string): void {
    if (this.pending.has(campaignId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(campaignId);
      this.refresh(campaignId).catch((error: unknown) => this.logger.error(`prior refresh of ${campaignId}: ${String(error)}`));
    }, REFRESH_DELAY_MS);
    timer.unref();
    this.pending.set(campaignId, timer);
  }

  async refresh(campaignId: string): Promise<void> {
    await this.uow.run(async (manager) => {
      const campaign = await manager.findOneBy(Campaign, { id: campaignId });
      if (!campaign || campaign.rules.voteMode !== 'rating') return;
      const ideas = await manager.find(Idea, { where: { campaignId, status: In([...VISIBLE_IDEA_STATUSES]) } });
      const mean = campaign.ratingsCount > 0 ? campaign.ratingsSum / campaign.ratingsCount : 0;
      const weight = priorWeight(ideas.map((idea) => idea.ratingCount));
      await manager.update(Campaign, { id: campaignId }, { ratingPriorMean: mean, ratingPriorWeight: weight });
      const context = voteContextOf({ ...campaign, ratingPriorMean: mean, ratingPriorWeight: weight });
      for (const idea of ideas) {
        const rankKey = rankKeyOf(idea, context);
        if (rankKey !== idea.rankKey) await manager.update(Idea, { id: idea.id }, { rankKey });
      }
    });
  }

  onModuleDestroy(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
