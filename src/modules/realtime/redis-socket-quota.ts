import { Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { SocketQuota } from './socket-quota';

/**
 * Each user's sockets as a sorted set in Redis, so the cap holds across instances: member = socket id,
 * score = when its lease ends. Every instance renews its own sockets' leases; an instance that dies
 * without releasing stops renewing, and its places free themselves once their leases end. Time is
 * Redis's own (TIME), so instances with drifting clocks agree.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

const RENEW = `
local t = redis.call('TIME')
local ends = t[1] * 1000 + math.floor(t[2] / 1000) + tonumber(ARGV[1])
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', ends, ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 0`;

export class RedisSocketQuota extends SocketQuota implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SocketQuota');
  /** This instance's sockets (socket id → user id): the leases it renews. */
  private readonly local = new Map<string, string>();
  private renewal: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limit: number,
    private readonly leaseMs: number,
  ) {
    super();
  }

  onModuleInit(): void {
    this.renewal = setInterval(() => void this.renew(), this.leaseMs / 3);
    this.renewal.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.renewal);
  }

  /**
   * With Redis away the cap cannot be counted; the socket is let in rather than every signed-in user
   * being locked out of the live channel (the cap protects against abuse, not a correctness rule).
   */
  async acquire(userId: string, socketId: string): Promise<boolean> {
    try {
      const taken = await this.redis.eval(ACQUIRE, 1, this.key(userId), this.limit, socketId, this.leaseMs);
      if (taken !== 1) return false;
    } catch (error) {
      this.logger.warn(`socket count unavailable, letting the socket in: ${(error as Error).message}`);
    }
    this.local.set(socketId, userId);
    return true;
  }

  async release(userId: string, socketId: string): Promise<void> {
    if (!this.local.delete(socketId)) return;
    await this.redis.zrem(this.key(userId), socketId).catch((error: Error) => this.logger.warn(`release failed: ${error.message}`));
  }

  private async renew(): Promise<void> {
    const byUser = new Map<string, string[]>();
    for (const [socketId, userId] of this.local) byUser.set(userId, [...(byUser.get(userId) ?? []), socketId]);
    if (byUser.size === 0) return;
    const pipeline = this.redis.pipeline();
    for (const [userId, socketIds] of byUser) pipeline.eval(RENEW, 1, this.key(userId), this.leaseMs, ...socketIds);
    await pipeline.exec().catch((error: Error) => this.logger.warn(`lease renewal failed: ${error.message}`));
  }

  private key(userId: string): string {
    return `${this.prefix}:sockets:${userId}`;
  }
}
