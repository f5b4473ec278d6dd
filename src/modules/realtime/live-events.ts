import type { DomainEventMap } from '../../common/events/domain-events';

/** Every event a `/live` client can receive, with its payload. */
export interface LiveServerEvents {
  'idea.published': (payload: DomainEventMap['idea.published']) => void;
  'idea.updated': (payload: DomainEventMap['idea.updated']) => void;
  'tally.updated': (payload: Pick<DomainEventMap['vote.cast'], 'ideaId' | 'tally' | 'score'>) => void;
  'campaign.status': (payload: DomainEventMap['campaign.status']) => void;
  'moderation.queue': (payload: DomainEventMap['moderation.queue']) => void;
  'responses.count': (payload: DomainEventMap['responses.count']) => void;
}

export type JoinAck = { ok: true } | { ok: false; error: string };

/** What a client may send: join and leave, each acknowledged. */
export interface LiveClientEvents {
  join: (request: { room: string }, ack: (result: JoinAck) => void) => void;
  leave: (request: { room: string }, ack: (result: JoinAck) => void) => void;
}

export const LIVE_LIMITS = {
  maxMessageBytes: 16 * 1024,
  floodEvents: 20,
  floodWindowMs: 10_000,
  socketsPerUser: 5,
  tallyIntervalMs: 250,
} as const;
