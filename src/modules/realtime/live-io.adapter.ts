import type { IncomingMessage } from 'node:http';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../../config/app-config';
import { LIVE_LIMITS } from './live-events';

/**
 * socket.io with the limits of the live channel: 16 KB messages, the configured browser origins and,
 * when REDIS_URL is set, the Redis adapter so an event emitted on one instance reaches clients of all.
 */
export class LiveIoAdapter extends IoAdapter {
  private readonly redisClients: Redis[] = [];

  constructor(app: INestApplicationContext, private readonly config: AppConfig) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = this.config.corsOrigins;
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: LIVE_LIMITS.maxMessageBytes,
      cors: { origin: origins.length > 0 ? origins : false },
      // CORS does not cover WebSocket upgrades, so browsers from other origins are refused here too;
      // clients that send no Origin (apps, servers) are not browsers and pass.
      allowRequest: (request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => {
        const origin = request.headers.origin;
        callback(null, origin === undefined || origins.includes(origin));
      },
    }) as Server;
    if (this.config.redisUrl) {
      const logger = new Logger('LiveIoAdapter');
      const pub = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 2 });
      const sub = pub.duplicate();
      for (const client of [pub, sub]) client.on('error', (error: Error) => logger.warn(error.message));
      // The adapter does not wait for its publishes; one failing while Redis is away must be logged,
      // not left as an unhandled rejection that would stop the process.
      const publish: (channel: string, message: string | Buffer) => Promise<number> = pub.publish.bind(pub);
      const guarded: typeof publish = (channel, message) =>
        publish(channel, message).catch((error: Error) => {
          logger.warn(`publish failed: ${error.message}`);
          return 0;
        });
      Object.defineProperty(pub, 'publish', { value: guarded });
      this.redisClients.push(pub, sub);
      server.adapter(createAdapter(pub, sub, { key: 'sayembara:live' }));
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.redisClients.map((client) => client.quit().catch(() => undefined)));
  }
}
