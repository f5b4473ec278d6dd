import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Socket } from 'socket.io';
import type { AccessTokenClaims } from '../../common/auth/auth-user';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { FloodMeter } from './domain/flood-meter';
import type { ConnectionRefusal, LiveClientEvents, LiveServerEvents, LiveSocketData } from './live-events';
import { LIVE_LIMITS } from './live-limits';
import { SocketQuota } from './socket-quota';

export type LiveSocket = Socket<LiveClientEvents, LiveServerEvents, Record<string, never>, LiveSocketData>;

/** A refusal the client reads as its `connect_error` message. */
export class LiveConnectionRefused extends Error {
  constructor(readonly refusal: ConnectionRefusal) {
    super(refusal);
  }
}

/**
 * Who may open a socket on `/live`, decided before the connection is accepted: no token makes an
 * anonymous listener (public campaign rooms only) while the instance holds fewer than its limit of
 * them; a token must be a valid, unexpired access token (HS256, our issuer and audience) of a user
 * with a free socket place. Every admitted socket is also metered for floods.
 */
@Injectable()
export class LiveAdmission {
  private readonly logger = new Logger('LiveAdmission');
  /**
   * Anonymous sockets open on this instance. Listeners without an account cannot be counted per person,
   * and not per address either (a village's phones share one carrier address), so one client could
   * otherwise open sockets until the process runs out of memory; the limit keeps room for signed-in users.
   */
  private anonymousOpen = 0;
  private listenersRefused = 0;
  private lastRefusalWarning = -Infinity;

  constructor(
    private readonly jwt: JwtService,
    private readonly quota: SocketQuota,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async admit(socket: LiveSocket): Promise<void> {
    const token: unknown = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (token !== undefined && token !== null) await this.admitUser(socket, token);
    else this.admitListener(socket);
    this.meterFloods(socket);
  }

  private admitListener(socket: LiveSocket): void {
    if (this.anonymousOpen >= this.config.liveAnonymousSockets) {
      this.warnListenersRefused();
      throw new LiveConnectionRefused('TOO_MANY_LISTENERS');
    }
    this.anonymousOpen++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.anonymousOpen--;
    };
    if (socket.conn.readyState !== 'open') return release();
    socket.once('disconnect', release);
    socket.conn.once('close', release);
  }

  /** Once a minute at most: a client hammering a full instance must not flood the log as well. */
  private warnListenersRefused(): void {
    this.listenersRefused++;
    const now = performance.now();
    if (now - this.lastRefusalWarning < 60_000) return;
    this.logger.warn(`refused ${this.listenersRefused} anonymous socket(s): ${this.anonymousOpen} are open, the limit (LIVE_ANONYMOUS_SOCKETS)`);
    this.listenersRefused = 0;
    this.lastRefusalWarning = now;
  }

  private async admitUser(socket: LiveSocket, token: unknown): Promise<void> {
    const userId = typeof token === 'string' ? await this.verify(token) : null;
    if (!userId) throw new LiveConnectionRefused('UNAUTHORIZED');
    if (!(await this.quota.acquire(userId, socket.id))) throw new LiveConnectionRefused('TOO_MANY_SOCKETS');
    socket.data.userId = userId;
    const release = () => void this.quota.release(userId, socket.id);
    // A client gone while its place was being taken never connects, so 'disconnect' would never come.
    if (socket.conn.readyState !== 'open') return release();
    socket.once('disconnect', release);
    socket.conn.once('close', release);
  }

  /**
   * Elapsed time comes from the process's monotonic clock, not the injected Clock: that one tells
   * business time, which tests freeze, and a frozen window would count a polite socket as a flood.
   */
  private meterFloods(socket: LiveSocket): void {
    const meter = new FloodMeter(LIVE_LIMITS.floodEvents, LIVE_LIMITS.floodWindowMs);
    socket.use((_packet, next) => {
      if (!meter.hit(performance.now())) return next();
      this.logger.warn(`disconnected a socket that sent more than ${LIVE_LIMITS.floodEvents} messages in ${LIVE_LIMITS.floodWindowMs / 1000} s`);
      socket.disconnect(true);
    });
  }

  private async verify(token: string): Promise<string | null> {
    try {
      const { secret, issuer, audience } = this.config.jwt;
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { secret, issuer, audience, algorithms: ['HS256'] });
      return typeof claims.sub === 'string' && claims.sub.length > 0 ? claims.sub : null;
    } catch (error) {
      this.logger.debug(`refused a token: ${(error as Error).message}`);
      return null;
    }
  }
}
