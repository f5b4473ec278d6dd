import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';

export interface IdeaTally {
  up: number;
  down: number;
  ratings: number;
  mean: number | null;
  voters: number;
}

/**
 * Every domain event with its payload. Services emit them after their transaction commits; listeners
 * (realtime, incentives) never run inside someone else's transaction.
 */
export interface DomainEventMap {
  'idea.published': { campaignId: string; ideaId: string; title: string; authorId: string };
  'idea.updated': { campaignId: string; ideaId: string; status: string; title: string };
  'idea.submitted': { campaignId: string; ideaId: string; authorId: string; status: string };
  'vote.cast': { campaignId: string; ideaId: string; voterId: string; tally: IdeaTally; score: number };
  'campaign.status': { campaignId: string; from: string; to: string; at: string; cause: 'owner' | 'deadline' };
  'moderation.queue': { campaignId: string; ideaId: string; reason: string; pending: number };
  'responses.count': { cohortId: string; instrumentId: string; count: number };
}

export type DomainEventName = keyof DomainEventMap;

@Injectable()
export class DomainEvents {
  constructor(private readonly emitter: EventEmitter2) {}

  emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }
}
