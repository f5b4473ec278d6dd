import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import { RateLimits } from '../../src/common/rate-limit/rate-limits';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { Actor, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';
import { connect, eventually, join, record, sleep } from '../support/realtime-sockets';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Two instances sharing one database and the Redis at REDIS_URL. Collected only when REDIS_URL is set
 * (jest.config.js). The run's live-channel keys carry their own prefix, deleted afterwards, so parallel
 * runs on one Redis never meet.
 */
interface Shared {
  database: AppConfig['database'];
  drop: () => Promise<void>;
}

async function sharedDatabase(): Promise<Shared> {
  const configured = loadConfig({ ...process.env, NODE_ENV: 'test' }).database;
  if (configured.kind === 'sqlite') {
    const dir = mkdtempSync(joinPath(tmpdir(), 'sayembara-two-'));
    return { database: { kind: 'sqlite', path: joinPath(dir, 'db.sqlite') }, drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
  }
  const schema = `t_two_${randomUUID().slice(0, 8)}`;
  const sql = (statement: string) => withPg(configured.url, (client) => client.query(statement));
  await sql(`CREATE SCHEMA "${schema}"`);
  return { database: { kind: 'postgres', url: configured.url, schema }, drop: () => sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).then(() => undefined) };
}

async function withPg<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Deletes this run's keys only: SCAN by prefix, never FLUSHDB. */
async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 100);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

describe('two instances on one Redis', () => {
  const prefix = `sayembara-test:${randomUUID()}:live`;
  const redis = new Redis(process.env.REDIS_URL ?? '');
  let a: TestApp;
  let b: TestApp;
  let shared: Shared;
  const sockets: Socket[] = [];
  const lockedLogins: string[] = [];

  beforeAll(async () => {
    shared = await sharedDatabase();
    // One deployment of two instances: they share the live channel and count limits together.
    const env = { JWT_SECRET: 'two-instances-share-this-secret-0123456789abcdef', LIVE_REDIS_PREFIX: prefix, RATE_LIMIT_REDIS_PREFIX: prefix };
    a = await createTestApp({ listen: true, database: shared.database, env });
    b = await createTestApp({ listen: true, database: shared.database, env });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(async () => {
    await Promise.all(lockedLogins.map((login) => a.app.get(RateLimits).reset('login-failures', login)));
    await a.close();
    await b.close();
    await deleteKeys(redis, prefix);
    await redis.quit();
    await shared.drop();
  });

  const open = async (app: TestApp, token?: string) => {
    const socket = await connect(app, { token });
    sockets.push(socket);
    return socket;
  };

  it('delivers a vote cast through A to a client connected to B', async () => {
    const [owner, author, voter] = await Promise.all([registerUser(a), registerUser(a), registerUser(a)]);
    const campaignId = await makeOpenCampaign(a, owner);
    const ideaId = await submitIdea(a, author, campaignId);
    const listener = await open(b);
    expect(await join(listener, `campaign:${campaignId}`)).toEqual({ ok: true });
    const tallies = record(listener, 'tally.updated');
    const vote = await a.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
    await eventually(() => tallies.length > 0);
    expect(tallies).toEqual([[{ ideaId, tally: vote.body.tally, score: vote.body.score }]]);
  });

  it('sends an owner on B the moderation queue of a submission through A, and a stranger on B nothing', async () => {
    const [owner, author, stranger] = await Promise.all([registerUser(a), registerUser(a), registerUser(a)]);
    const campaignId = await makeOpenCampaign(a, owner, { rules: { moderation: 'pre' } });
    const [ownerSocket, strangerSocket] = await Promise.all([open(b, owner.token), open(b, stranger.token)]);
    await join(ownerSocket, `campaign:${campaignId}`);
    await join(strangerSocket, `campaign:${campaignId}`);
    const ownerEvents = record(ownerSocket, 'moderation.queue');
    const strangerEvents = record(strangerSocket, 'moderation.queue');
    await submitIdea(a, author, campaignId);
    await eventually(() => ownerEvents.length > 0);
    await sleep(100);
    expect(ownerEvents).toHaveLength(1);
    expect(strangerEvents).toEqual([]);
  });

  it('caps one user at five sockets across both instances, and frees a place on close', async () => {
    const user: Actor = await registerUser(a);
    const refusal = (app: TestApp) => connect(app, { token: user.token }).then((socket) => (sockets.push(socket), 'connected'), (error: Error) => error.message);
    const first = await open(a, user.token);
    for (const app of [a, a, b, b]) await open(app, user.token);
    expect(await refusal(b)).toBe('TOO_MANY_SOCKETS');
    expect(await refusal(a)).toBe('TOO_MANY_SOCKETS');
    first.disconnect();
    await sleep(150);
    expect(await refusal(b)).toBe('connected');
  });

  it('keeps a login lock-out reached through A on B', async () => {
    const email = `lock-${randomUUID()}@contoh.id`;
    lockedLogins.push(email);
    await a.http.post('/api/auth/register').send({ displayName: 'Kunci', email, password: 'rahasia-kuat-123' }).expect(201);
    for (let k = 0; k < 5; k++) await a.http.post('/api/auth/login').send({ login: email, password: 'salah-sekali-123' }).expect(401);
    const locked = await b.http.post('/api/auth/login').send({ login: email, password: 'rahasia-kuat-123' }).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });
});
