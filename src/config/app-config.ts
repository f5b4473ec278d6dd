import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { Logger } from '@nestjs/common';

/**
 * The one reader of process.env. A bad environment fails at boot with a message naming the variable.
 */
export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; schema?: string };

export interface RateLimitConfig {
  enabled: boolean;
  /** Failed logins per account before a lock-out, and the window in seconds. */
  loginFailures: { points: number; durationSeconds: number };
  /** Idea submissions per user across the platform (PRODUCT.md: 5 per 10 minutes). */
  submissions: { points: number; durationSeconds: number };
  /** Requests per client address per minute for the whole API. */
  http: { points: number; durationSeconds: number };
  /** Prefix of the counters' keys in Redis, shared by the instances that count together; a test app takes its own. */
  redisPrefix: string;
}

export interface AppConfig {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  database: DatabaseConfig;
  redisUrl: string | null;
  /** Prefix of the live channel's Redis keys and pub/sub channels; a test run takes its own. */
  liveRedisPrefix: string;
  /** Sockets without an account one instance holds at most (LIVE_ANONYMOUS_SOCKETS). */
  liveAnonymousSockets: number;
  jwt: { secret: string; issuer: string; audience: string; accessTtlSeconds: number; refreshTtlSeconds: number };
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  rateLimits: RateLimitConfig;
  corsOrigins: string[];
  /** Where people reach the service (PUBLIC_URL), for the links in shared pages; null: the request's own host. */
  publicUrl: string | null;
  /** Which proxies' X-Forwarded-* headers to believe (TRUST_PROXY): none, or their addresses. */
  trustProxy: TrustProxy;
  /** Deadlines are also enforced on access; the sweep only keeps statuses fresh for readers. */
  schedulerIntervalMs: number;
  bodyLimitBytes: number;
}

/** False: the peer of the connection is the client; a list: the proxies' addresses. */
export type TrustProxy = false | string[];

export class ConfigError extends Error {}

const MIN_SECRET_BYTES = 32;

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function readEnvName(env: NodeJS.ProcessEnv): AppConfig['env'] {
  const raw = env.NODE_ENV ?? 'development';
  if (raw === 'production' || raw === 'development' || raw === 'test') return raw;
  throw new ConfigError(`NODE_ENV must be production, development or test, got "${raw}"`);
}

function readDatabase(env: NodeJS.ProcessEnv): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('DATABASE_URL must start with postgres://');
    return { kind: 'postgres', url: withDefaultUser(url, env.PGUSER || env.USER || 'postgres') };
  }
  return { kind: 'sqlite', path: env.DATABASE_PATH || './data/sayembara.sqlite' };
}

/** A URL without a user name (postgres://127.0.0.1:5432/test) connects as PGUSER, the login user or postgres. */
function withDefaultUser(url: string, user: string): string {
  const parsed = new URL(url);
  if (!parsed.username) parsed.username = user;
  return parsed.toString();
}

function readJwtSecret(env: NodeJS.ProcessEnv, appEnv: AppConfig['env']): string {
  const secret = env.JWT_SECRET;
  if (secret && Buffer.byteLength(secret) >= MIN_SECRET_BYTES) return secret;
  if (appEnv === 'production') {
    throw new ConfigError(`JWT_SECRET must be set to ${MIN_SECRET_BYTES} bytes or more in production`);
  }
  if (secret) throw new ConfigError(`JWT_SECRET is shorter than ${MIN_SECRET_BYTES} bytes`);
  if (appEnv === 'development') {
    new Logger('Config').warn('JWT_SECRET is not set: generated a random one; tokens will not survive a restart');
  }
  return randomBytes(48).toString('base64url');
}

function readPublicUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.PUBLIC_URL;
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an http(s) origin such as https://sayembara.id, got "${raw}"`);
  }
  // The pages link to /c/…, /i/… and /api/… from the root, so the service cannot live under a path.
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search) {
    throw new ConfigError(`PUBLIC_URL must be an http(s) origin such as https://sayembara.id, got "${raw}"`);
  }
  return url.origin;
}

/** Names proxy-addr knows for whole address ranges. */
const TRUSTED_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (TRUSTED_RANGE_NAMES.has(entry) || isIP(entry) !== 0) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || prefix === undefined || rest.length > 0) return false;
  if (isIP(prefix) === version) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: X-Forwarded-For decides the client's address for the per-address rate limit and the
 * network a vote came from, so it is believed only from the proxies named here. Believing it from
 * anyone (Fastify's `true`) would let a client choose its own address with one header.
 */
export function readTrustProxy(env: NodeJS.ProcessEnv): TrustProxy {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false' || raw === '0') return false;
  // A count of hops cannot tell a proxy from a client that sends the header itself; Fastify trusts nobody given one.
  if (/^\d+$/.test(raw)) throw new ConfigError(`TRUST_PROXY takes the proxies' addresses (10.0.0.0/8, loopback, …), not a number of hops, got "${raw}"`);
  const entries = raw.split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  const invalid = entries.filter((entry) => !isAddressOrRange(entry));
  if (entries.length === 0 || invalid.length > 0) {
    throw new ConfigError(
      `TRUST_PROXY must name the proxies' addresses (127.0.0.1, 10.0.0.0/8, loopback, …), got "${raw}"`,
    );
  }
  return entries;
}

function readOrigins(env: NodeJS.ProcessEnv): string[] {
  return (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const appEnv = readEnvName(env);
  const rateLimitsOff = (env.RATE_LIMITS ?? '').toLowerCase() === 'off';
  return {
    env: appEnv,
    port: readInt(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    database: readDatabase(env),
    redisUrl: env.REDIS_URL || null,
    liveRedisPrefix: env.LIVE_REDIS_PREFIX || 'sayembara:live',
    liveAnonymousSockets: readInt(env, 'LIVE_ANONYMOUS_SOCKETS', 10_000, 0, 1_000_000),
    jwt: {
      secret: readJwtSecret(env, appEnv),
      issuer: 'sayembara',
      audience: 'sayembara-api',
      accessTtlSeconds: readInt(env, 'JWT_ACCESS_TTL_SECONDS', 15 * 60, 30, 24 * 3600),
      refreshTtlSeconds: readInt(env, 'JWT_REFRESH_TTL_SECONDS', 30 * 24 * 3600, 60, 365 * 24 * 3600),
    },
    // OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
    argon2: { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 },
    rateLimits: {
      enabled: !rateLimitsOff,
      loginFailures: { points: 5, durationSeconds: 60 },
      submissions: { points: readInt(env, 'SUBMISSIONS_PER_10_MIN', 5, 1, 10000), durationSeconds: 600 },
      http: { points: readInt(env, 'HTTP_REQUESTS_PER_MINUTE', 600, 1, 1_000_000), durationSeconds: 60 },
      redisPrefix: env.RATE_LIMIT_REDIS_PREFIX || 'sayembara',
    },
    corsOrigins: readOrigins(env),
    publicUrl: readPublicUrl(env),
    trustProxy: readTrustProxy(env),
    schedulerIntervalMs: readInt(env, 'SCHEDULER_INTERVAL_MS', 30_000, 100, 3_600_000),
    bodyLimitBytes: 100 * 1024,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
