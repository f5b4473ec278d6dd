import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import { parseRoom, roomsToLeave } from './domain/room-name';
import { LiveAdmission, LiveSocket } from './live-admission';
import type { LiveClientEvents, LiveServerEvents, LiveSocketData, RoomAck } from './live-events';
import { RoomAccessService } from './room-access.service';

type LiveNamespace = Namespace<LiveClientEvents, LiveServerEvents, Record<string, never>, LiveSocketData>;

/** Where a broadcast goes: a room, minus the sockets of another (owners, who get their own version). */
export interface Audience {
  room: string;
  except?: string;
}

/**
 * The `/live` namespace: admits sockets, lets them join and leave rooms, and broadcasts what the
 * realtime listener hands it. Rooms are joined only through `join`, so a socket never receives the
 * events of a room it was not authorised for.
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveGateway implements OnGatewayInit<LiveNamespace>, OnModuleDestroy {
  @WebSocketServer() private readonly namespace!: LiveNamespace;
  private readonly logger = new Logger(LiveGateway.name);
  private closing = false;

  constructor(
    private readonly admission: LiveAdmission,
    private readonly rooms: RoomAccessService,
  ) {}

  /** Refusals happen before the connection is accepted: the client gets `connect_error` with the reason. */
  afterInit(namespace: LiveNamespace): void {
    namespace.use((socket, next) => {
      this.admission.admit(socket).then(
        () => next(),
        (error: Error) => next(error),
      );
    });
  }

  /** Events still arriving while the app shuts down have nobody left to reach. */
  onModuleDestroy(): void {
    this.closing = true;
  }

  @SubscribeMessage('join')
  async join(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<RoomAck> {
    const grant = await this.rooms.grant(roomOf(body), socket.data.userId);
    if (!grant.ok) return grant;
    await socket.join(grant.rooms);
    return { ok: true };
  }

  /** Leaving a campaign room also leaves its owners' room. */
  @SubscribeMessage('leave')
  async leave(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<RoomAck> {
    const room = parseRoom(roomOf(body));
    if (!room) return { ok: false, error: 'ROOM_INVALID' };
    const joined = roomsToLeave(room).filter((name) => socket.rooms.has(name));
    if (joined.length === 0) return { ok: false, error: 'ROOM_NOT_JOINED' };
    for (const name of joined) await socket.leave(name);
    return { ok: true };
  }

  /**
   * A lost Redis connection or a namespace already shut down must not turn a committed vote into a
   * crashed process: a broadcast that fails is logged and dropped (clients catch up on reconnect).
   */
  broadcast<E extends keyof LiveServerEvents>(audience: Audience, event: E, ...args: Parameters<LiveServerEvents[E]>): void {
    if (this.closing) return;
    try {
      const target = this.namespace.to(audience.room);
      (audience.except ? target.except(audience.except) : target).emit(event, ...args);
    } catch (error) {
      this.logger.warn(`dropped ${event} for ${audience.room}: ${(error as Error).message}`);
    }
  }
}

function roomOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null ? (body as { room?: unknown }).room : undefined;
}
