import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { JwtService } from '@nestjs/jwt';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayDisconnect, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { AccessTokenClaims } from '../../common/auth/auth-user';
import type { DomainEventMap } from '../../common/events/domain-events';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { FloodMeter, TallyCoalescer } from './domain/tally-coalescer';
import { JoinAck, LIVE_LIMITS, LiveClientEvents, LiveServerEvents } from './live-events';
import { ownersRoom, RoomAccessService } from './room-access.service';
import { SocketQuota } from './socket-quota';

type LiveSocket = Socket<LiveClientEvents, LiveServerEvents, Record<string, never>, { userId?: string }>;
type TallyUpdate = Parameters<LiveServerEvents['tally.updated']>[0];

/**
 * The `/live` namespace. It listens to domain events emitted after commit and forwards them to the
 * rooms allowed to see them; nothing imports it.
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveGateway implements OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  @WebSocketServer() private readonly namespace!: Namespace<LiveClientEvents, LiveServerEvents>;
  private readonly logger = new Logger(LiveGateway.name);
  private readonly tallies = new TallyCoalescer<TallyUpdate>(LIVE_LIMITS.tallyIntervalMs);
  private closing = false;

  constructor(private readonly jwt: JwtService, private readonly rooms: RoomAccessService, private readonly quota: SocketQuota, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Events still arriving while the app shuts down have nobody left to reach. */
  onModuleDestroy(): void {
    this.closing = true;
  }

  /** A bad or expired token is refused; no token is an anonymous listener of public campaigns. */
  async handleConnection(socket: LiveSocket): Promise<void> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (token !== undefined) {
      const userId = typeof token === 'string' ? await this.verify(token) : null;
      if (!userId || !(await this.quota.take(userId).catch(() => false))) {
        socket.disconnect(true);
        return;
      }
      socket.data.userId = userId;
    }
    const meter = new FloodMeter(LIVE_LIMITS.floodEvents, LIVE_LIMITS.floodWindowMs);
    socket.use((_packet, next) => (meter.hit(Date.now()) ? socket.disconnect(true) : next()));
  }

  async handleDisconnect(socket: LiveSocket): Promise<void> {
    if (socket.data.userId) await this.quota.release(socket.data.userId);
  }

  @SubscribeMessage('join')
  async join(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const room = typeof (body as { room?: unknown } | null)?.room === 'string' ? (body as { room: string }).room : '';
    const grant = await this.rooms.grant(room, socket.data.userId);
    if (!grant) return { ok: false, error: 'ROOM_FORBIDDEN' };
    await socket.join(grant.rooms);
    return { ok: true };
  }

  @SubscribeMessage('leave')
  async leave(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const room = typeof (body as { room?: unknown } | null)?.room === 'string' ? (body as { room: string }).room.toLowerCase() : '';
    if (!socket.rooms.has(room)) return { ok: false, error: 'ROOM_NOT_JOINED' };
    await socket.leave(room);
    if (room.startsWith('campaign:')) await socket.leave(`${room}:owners`);
    return { ok: true };
  }

  @OnEvent('vote.cast')
  onVote(event: DomainEventMap['vote.cast']): void {
    const room = `campaign:${event.campaignId}`;
    const delay = this.tallies.offer(room, { ideaId: event.ideaId, tally: event.tally, score: event.score }, Date.now());
    if (delay === null) return;
    setTimeout(() => {
      for (const update of this.tallies.flush(room, Date.now())) this.broadcast(room, 'tally.updated', update);
    }, delay).unref();
  }

  @OnEvent('idea.published')
  onIdeaPublished(event: DomainEventMap['idea.published']): void {
    this.broadcast(`campaign:${event.campaignId}`, 'idea.published', event);
  }

  @OnEvent('idea.updated')
  onIdeaUpdated(event: DomainEventMap['idea.updated']): void {
    this.broadcast(`campaign:${event.campaignId}`, 'idea.updated', event);
  }

  @OnEvent('campaign.status')
  onCampaignStatus(event: DomainEventMap['campaign.status']): void {
    this.broadcast(`campaign:${event.campaignId}`, 'campaign.status', event);
  }

  @OnEvent('moderation.queue')
  onModerationQueue(event: DomainEventMap['moderation.queue']): void {
    this.broadcast(ownersRoom(event.campaignId), 'moderation.queue', event);
  }

  @OnEvent('responses.count')
  onResponsesCount(event: DomainEventMap['responses.count']): void {
    this.broadcast(`cohort:${event.cohortId}`, 'responses.count', event);
  }

  /**
   * A lost Redis connection or a namespace already shut down must not turn a committed vote into a
   * crashed process: a broadcast that fails is logged and dropped (clients catch up on reconnect).
   */
  private broadcast<E extends keyof LiveServerEvents>(room: string, event: E, payload: Parameters<LiveServerEvents[E]>[0]): void {
    if (this.closing) return;
    try {
      (this.namespace.to(room).emit as (e: E, p: Parameters<LiveServerEvents[E]>[0]) => boolean)(event, payload);
    } catch (error) {
      this.logger.warn(`dropped ${event} for ${room}: ${(error as Error).message}`);
    }
  }

  private async verify(token: string): Promise<string | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        secret: this.config.jwt.secret,
        algorithms: ['HS256'],
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
      });
      return typeof claims.sub === 'string' ? claims.sub : null;
    } catch (error) {
      this.logger.debug(`refused a socket: ${(error as Error).message}`);
      return null;
    }
  }
}
