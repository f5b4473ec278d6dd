import type { IncomingMessage } from 'node:http';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../../config/app-config';
import { isOriginAllowed } from './domain/origin-policy';
import { LIVE_LIMITS } from './live-limits';

type AllowRequest = (request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => void;

/**
 * socket.io with the limits of the live channel: 16 KB messages, browsers only from this service's own
 * origin or the configured ones, and, when REDIS_URL is set, the Redis adapter so an event emitted on one
 * instance reaches the clients of all.
 */
export class LiveIoAdapter extends IoAdapter {
  private readonly logger = new Logger('LiveIoAdapter');
  private readonly redisClients: Redis[] = [];
  private readonly servers: Server[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = this.config.corsOrigins;
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: LIVE_LIMITS.maxMessageBytes,
      // CORS headers only decide what a browser page may read from polling; WebSocket upgrades ignore
      // them, so every handshake's Origin is checked here as well.
      cors: { origin: origins.length > 0 ? origins : false },
      allowRequest: allowOrigins(origins),
    }) as Server;
    if (this.config.redisUrl) server.adapter(createAdapter(...this.redisPair(this.config.redisUrl), { key: this.config.liveRedisPrefix }));
    this.servers.push(server);
    return server;
  }

  /** Closes every live connection; the clients reconnect, to another instance when this one is stopping. */
  disconnectClients(): void {
    for (const server of this.servers) server.engine.close();
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.redisClients.splice(0).map((client) => client.quit().catch(() => undefined)));
  }

  /** The adapter's own publisher and subscriber: a subscribed connection can send nothing else. */
  private redisPair(url: string): [Redis, Redis] {
    const pub = new Redis(url, { maxRetriesPerRequest: 2 });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on('error', (error: Error) => this.logger.warn(error.message));
    guardPublishes(pub, this.logger);
    this.redisClients.push(pub, sub);
    return [pub, sub];
  }
}

function allowOrigins(origins: readonly string[]): AllowRequest {
  return (request, callback) => callback(null, isOriginAllowed(request.headers.origin, request.headers.host, origins));
}

/**
 * The adapter does not wait for its publishes; one failing while Redis is away must be logged, not left
 * as an unhandled rejection that would stop the process.
 */
function guardPublishes(pub: Redis, logger: Logger): void {
  const publish: (channel: string, message: string | Buffer) => Promise<number> = pub.publish.bind(pub);
  const guarded: typeof publish = (channel, message) =>
    publish(channel, message).catch((error: Error) => {
      logger.warn(`publish failed: ${error.message}`);
      return 0;
    });
  Object.defineProperty(pub, 'publish', { value: guarded });
}
