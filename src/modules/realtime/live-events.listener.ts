import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { DomainEventMap } from '../../common/events/domain-events';
import { VISIBLE_IDEA_STATUSES } from '../ideas/idea.entity';
import { campaignRoom, cohortRoom, ownersRoom } from './domain/room-name';
import { Scheduler, TallyCoalescer } from './domain/tally-coalescer';
import type { TallyUpdate } from './live-events';
import { LIVE_LIMITS } from './live-limits';
import { LiveGateway } from './live.gateway';

const timers: Scheduler = { after: (ms, run) => void setTimeout(run, ms).unref() };

/**
 * Turns domain events, emitted after their transaction commits, into live events for the rooms allowed
 * to see them. Handlers run asynchronously (`async: true`) so a broadcast never lengthens the request
 * that caused it, and never throw into it.
 */
@Injectable()
export class LiveEventsListener implements OnModuleDestroy {
  private readonly tallies: TallyCoalescer<TallyUpdate>;

  constructor(private readonly gateway: LiveGateway) {
    this.tallies = new TallyCoalescer<TallyUpdate>(LIVE_LIMITS.tallyIntervalMs, timers, (room, updates) =>
      this.gateway.broadcast({ room }, 'tally.updated', ...updates),
    );
  }

  onModuleDestroy(): void {
    this.tallies.clear();
  }

  @OnEvent('vote.cast')
  onVote({ campaignId, ideaId, tally, score }: DomainEventMap['vote.cast']): void {
    this.tallies.offer(campaignRoom(campaignId), { ideaId, tally, score });
  }

  @OnEvent('idea.published', { async: true })
  onIdeaPublished(event: DomainEventMap['idea.published']): void {
    this.gateway.broadcast({ room: campaignRoom(event.campaignId) }, 'idea.published', event);
  }

  /** Owners see every change in full; everyone else sees the title only of ideas the public may see. */
  @OnEvent('idea.updated', { async: true })
  onIdeaUpdated(event: DomainEventMap['idea.updated']): void {
    const { campaignId, ideaId, status } = event;
    if ((VISIBLE_IDEA_STATUSES as readonly string[]).includes(status)) {
      this.gateway.broadcast({ room: campaignRoom(campaignId) }, 'idea.updated', event);
      return;
    }
    this.gateway.broadcast({ room: ownersRoom(campaignId) }, 'idea.updated', event);
    this.gateway.broadcast({ room: campaignRoom(campaignId), except: ownersRoom(campaignId) }, 'idea.updated', { campaignId, ideaId, status });
  }

  @OnEvent('campaign.status', { async: true })
  onCampaignStatus(event: DomainEventMap['campaign.status']): void {
    this.gateway.broadcast({ room: campaignRoom(event.campaignId) }, 'campaign.status', event);
  }

  @OnEvent('moderation.queue', { async: true })
  onModerationQueue(event: DomainEventMap['moderation.queue']): void {
    this.gateway.broadcast({ room: ownersRoom(event.campaignId) }, 'moderation.queue', event);
  }

  @OnEvent('responses.count', { async: true })
  onResponsesCount(event: DomainEventMap['responses.count']): void {
    this.gateway.broadcast({ room: cohortRoom(event.cohortId) }, 'responses.count', event);
  }
}
