import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { EntityManager, In, LessThanOrEqual } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { DomainEvents } from '../../common/events/domain-events';
import { newId } from '../../common/ids';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { UnitOfWork } from '../../database/unit-of-work';
import { Campaign, CampaignTransition } from './campaign.entity';
import { lockCampaignGate } from './campaign-gate-lock';
import { CampaignErrors } from './campaigns.errors';
import { canTransition, CampaignStatus, dueDeadlineSteps } from './domain/lifecycle';

/** Work that must commit in the same transaction as a campaign closing (awards, final statuses). */
export type CloseStep = (manager: EntityManager, campaign: Campaign, closedAt: Date) => Promise<void>;
/** Work that must commit in the same transaction as a campaign being cancelled (telling its contributors). */
export type CancelStep = (manager: EntityManager, campaign: Campaign, cancelledAt: Date) => Promise<void>;

interface Move {
  from: CampaignStatus;
  to: CampaignStatus;
  at: Date;
  cause: 'owner' | 'deadline';
  actorId: string | null;
}

/**
 * Moves campaigns along the status machine: on an owner's request, when a deadline passes (a periodic
 * sweep), and on every access, so a sleeping server never accepts a late idea or vote.
 */
@Injectable()
export class CampaignLifecycleService implements OnModuleInit {
  private readonly logger = new Logger(CampaignLifecycleService.name);
  private readonly closeSteps: CloseStep[] = [];
  private readonly cancelSteps: CancelStep[] = [];

  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const timer = setInterval(() => void this.sweepDeadlines().catch((error: unknown) => this.logger.error(String(error))), this.config.schedulerIntervalMs);
    timer.unref();
    this.scheduler.addInterval('campaign-deadlines', timer);
  }

  /** Modules that act at close (incentives) register here instead of being imported by campaigns. */
  onClose(step: CloseStep): void {
    this.closeSteps.push(step);
  }

  /** Likewise for a cancellation, which has no results but still ends every idea of the campaign. */
  onCancel(step: CancelStep): void {
    this.cancelSteps.push(step);
  }

  /** Loads a campaign with every deadline that has passed already applied. */
  async loadFresh(id: string): Promise<Campaign | null> {
    const campaign = await this.uow.manager.findOneBy(Campaign, { id });
    if (!campaign) return null;
    return this.applyDueDeadlines(campaign);
  }

  async applyDueDeadlines(campaign: Campaign): Promise<Campaign> {
    const steps = dueDeadlineSteps(campaign.status, campaign, this.clock.now());
    if (steps.length === 0) return campaign;
    const moves = steps.map((step) => ({ ...step, cause: 'deadline' as const, actorId: null }));
    await this.applyMoves(campaign, moves).catch((error: unknown) => {
      // Another request applied the same deadline first; the reload below shows its result.
      if (!(error instanceof DomainError)) throw error;
    });
    return (await this.uow.manager.findOneBy(Campaign, { id: campaign.id })) ?? campaign;
  }

  /** An owner's move; 409 when the machine does not allow it (including a second, concurrent close). */
  async moveByOwner(campaign: Campaign, to: CampaignStatus, actorId: string): Promise<Campaign> {
    if (!canTransition(campaign.status, to)) {
      throw new DomainError(CampaignErrors.CAMPAIGN_STATUS_CONFLICT, { from: campaign.status, to });
    }
    await this.applyMoves(campaign, [{ from: campaign.status, to, at: this.clock.now(), cause: 'owner', actorId }]);
    return (await this.uow.manager.findOneByOrFail(Campaign, { id: campaign.id }));
  }

  private async applyMoves(campaign: Campaign, moves: Move[]): Promise<void> {
    await this.uow.run(async (manager) => {
      // Votes under way finish first; a later one reads the campaign as these moves leave it.
      await lockCampaignGate(manager, campaign.id, 'exclusive');
      for (const move of moves) await this.applyMove(manager, campaign, move);
    });
    for (const move of moves) {
      this.events.emit('campaign.status', { campaignId: campaign.id, from: move.from, to: move.to, at: move.at.toISOString(), cause: move.cause });
    }
  }

  /** The conditional update is the guard: of two racing moves from the same status, one changes a row. */
  private async applyMove(manager: EntityManager, campaign: Campaign, move: Move): Promise<void> {
    const result = await manager.update(Campaign, { id: campaign.id, status: move.from }, { status: move.to, updatedAt: this.clock.now() });
    if (!result.affected) throw new DomainError(CampaignErrors.CAMPAIGN_STATUS_CONFLICT, { from: move.from, to: move.to });
    await manager.insert(CampaignTransition, {
      id: newId(),
      campaignId: campaign.id,
      fromStatus: move.from,
      toStatus: move.to,
      actorId: move.actorId,
      cause: move.cause,
      at: move.at,
    });
    if (move.to === 'closed') {
      const closing = Object.assign(new Campaign(), campaign, { status: 'closed' });
      for (const step of this.closeSteps) await step(manager, closing, move.at);
    }
    if (move.to === 'cancelled') {
      const cancelling = Object.assign(new Campaign(), campaign, { status: 'cancelled' });
      for (const step of this.cancelSteps) await step(manager, cancelling, move.at);
    }
  }

  async history(campaignId: string): Promise<CampaignTransition[]> {
    return this.uow.manager.find(CampaignTransition, { where: { campaignId }, order: { at: 'ASC' } });
  }

  /** The periodic sweep: every campaign whose next deadline has passed moves on. */
  async sweepDeadlines(): Promise<number> {
    const now = this.clock.now();
    const due = await this.uow.manager.find(Campaign, {
      where: [
        { status: 'open', submissionClosesAt: LessThanOrEqual(now) },
        { status: 'voting', votingClosesAt: LessThanOrEqual(now) },
        { status: 'judging', judgingClosesAt: LessThanOrEqual(now) },
      ],
      take: 200,
    });
    for (const campaign of due) {
      await this.applyDueDeadlines(campaign).catch((error: unknown) => this.logger.error(`deadline sweep of ${campaign.id}: ${String(error)}`));
    }
    return due.length;
  }

  async countActive(): Promise<number> {
    return this.uow.manager.count(Campaign, { where: { status: In(['open', 'voting', 'judging']) } });
  }
}
