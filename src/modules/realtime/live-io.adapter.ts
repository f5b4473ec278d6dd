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
    }) as Server;
    if (this.config.redisUrl) {
      const pub = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 2 });
      const sub = pub.duplicate();
      for (const client of [pub, sub]) client.on('error', (error: Error) => new Logger('LiveIoAdapter').warn(error.message));
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
