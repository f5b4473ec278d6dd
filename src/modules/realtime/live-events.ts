import type { DomainEventMap, IdeaTally } from '../../common/events/domain-events';

/** One idea's new numbers, as the leaderboard shows them. */
export interface TallyUpdate {
  ideaId: string;
  tally: IdeaTally;
  score: number;
}

/**
 * An idea's change. `title` is present only while the idea is visible to the room it reaches: the
 * public room learns that a pending, rejected or hidden idea changed, never what it is called.
 */
export interface IdeaUpdate {
  campaignId: string;
  ideaId: string;
  status: string;
  title?: string;
}

/**
 * Every event a `/live` client can receive, with its payload: the one client-event map.
 *
 * `tally.updated` is coalesced per room: one message at most every 250 ms, carrying the latest update of
 * every idea that changed since the last one, each as its own argument (one argument when one idea
 * changed). Handle it as `socket.on('tally.updated', (...updates) => updates.forEach(apply))`.
 */
export interface LiveServerEvents {
  'idea.published': (payload: DomainEventMap['idea.published']) => void;
  'idea.updated': (payload: IdeaUpdate) => void;
  'tally.updated': (...updates: TallyUpdate[]) => void;
  'campaign.status': (payload: DomainEventMap['campaign.status']) => void;
  /** Owners of the campaign only. */
  'moderation.queue': (payload: DomainEventMap['moderation.queue']) => void;
  /** Trainers of the cohort only. */
  'responses.count': (payload: DomainEventMap['responses.count']) => void;
}

/** Why a join or leave was refused; codes, so each client shows them in its user's language. */
export type RoomError = 'ROOM_INVALID' | 'ROOM_FORBIDDEN' | 'ROOM_NOT_JOINED' | 'ROOM_UNAVAILABLE';

export type RoomAck = { ok: true } | { ok: false; error: RoomError };

/** What a client may send: join and leave, each acknowledged. */
export interface LiveClientEvents {
  join: (request: { room: string }, ack: (result: RoomAck) => void) => void;
  leave: (request: { room: string }, ack: (result: RoomAck) => void) => void;
}

/**
 * Why a connection was refused, as the client's `connect_error` message. A browser of an origin that is
 * not allowed is turned away earlier, at the HTTP handshake (403), and sees a transport error.
 */
/** Why a socket was not admitted: a bad token, a user's sixth socket, or no place left for one more listener without an account. */
export type ConnectionRefusal = 'UNAUTHORIZED' | 'TOO_MANY_SOCKETS' | 'TOO_MANY_LISTENERS';

/** What the server keeps on each socket. */
export interface LiveSocketData {
  userId?: string;
}
