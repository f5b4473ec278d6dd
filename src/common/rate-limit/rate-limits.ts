import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { REDIS } from '../../redis/redis.module';
import { RateLimitedError } from '../errors/common.errors';

export type RateBucket = 'login-failures' | 'submissions' | 'http';

/**
 * Counters for the limits of PRODUCT.md, in memory on one instance and in Redis when several share it,
 * so a limit reached through one instance holds on the others.
 */
@Injectable()
export class RateLimits {
  private readonly limiters: Record<RateBucket, RateLimiterAbstract>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, @Inject(REDIS) redis: Redis | null) {
    const limits = config.rateLimits;
    const make = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `${limits.redisPrefix}:${keyPrefix}`, points, duration, useRedisPackage: false })
        : new RateLimiterMemory({ keyPrefix, points, duration });
    this.limiters = {
      'login-failures': make('login', limits.loginFailures.points, limits.loginFailures.durationSeconds),
      submissions: make('submit', limits.submissions.points, limits.submissions.durationSeconds),
      http: make('http', limits.http.points, limits.http.durationSeconds),
    };
  }

  get httpLimitsEnabled(): boolean {
    return this.config.rateLimits.enabled;
  }

  /** Takes one point or throws a 429 with the seconds until the window frees one. */
  async consume(bucket: RateBucket, key: string, code?: string): Promise<void> {
    try {
      await this.limiters[bucket].consume(key);
    } catch (rejection) {
      throw this.toError(rejection, code);
    }
  }

  /** Throws when the bucket is already exhausted, without taking a point. */
  async assertNotBlocked(bucket: RateBucket, key: string, code?: string): Promise<void> {
    const state = await this.limiters[bucket].get(key);
    if (state && state.remainingPoints <= 0 && state.consumedPoints >= this.limiters[bucket].points) {
      throw this.toError(state, code);
    }
  }

  /** Records one failure; never throws for being over the limit (the next attempt is refused). */
  async recordFailure(bucket: RateBucket, key: string): Promise<void> {
    await this.limiters[bucket].penalty(key, 1);
  }

  async reset(bucket: RateBucket, key: string): Promise<void> {
    await this.limiters[bucket].delete(key);
  }

  private toError(rejection: unknown, code?: string): Error {
    if (rejection instanceof RateLimiterRes) {
      return new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), code);
    }
    return rejection instanceof Error ? rejection : new Error(String(rejection));
  }
}
