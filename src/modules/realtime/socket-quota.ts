import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../../redis/redis.module';
import { LIVE_LIMITS } from './live-events';

/** Counts an abandoned instance's sockets out after a while instead of locking its users out for good. */
const REDIS_COUNT_TTL_SECONDS = 3600;

/**
 * Open sockets per user: in memory on one instance, in Redis when several share it, so the cap of
 * five holds across instances too.
 */
@Injectable()
export class SocketQuota {
  private readonly local = new Map<string, number>();

  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  /** Takes a place for the user; false (and nothing taken) when the user is at the cap. */
  async take(userId: string): Promise<boolean> {
    if (!this.redis) {
      const open = this.local.get(userId) ?? 0;
      if (open >= LIVE_LIMITS.socketsPerUser) return false;
      this.local.set(userId, open + 1);
      return true;
    }
    const key = this.key(userId);
    const open = await this.redis.incr(key);
    await this.redis.expire(key, REDIS_COUNT_TTL_SECONDS);
    if (open <= LIVE_LIMITS.socketsPerUser) return true;
    await this.redis.decr(key);
    return false;
  }

  async release(userId: string): Promise<void> {
    if (!this.redis) {
      const left = (this.local.get(userId) ?? 1) - 1;
      if (left > 0) this.local.set(userId, left);
      else this.local.delete(userId);
      return;
    }
    await this.redis.decr(this.key(userId)).catch(() => undefined);
  }

  private key(userId: string): string {
    return `sayembara:live:sockets:${userId}`;
  }
}
