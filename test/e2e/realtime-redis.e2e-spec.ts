import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import { loadConfig } from '../../src/config/app-config';
import { createTestApp, TestApp } from '../support/test-app';
import { makeOpenCampaign, registerUser, submitIdea } from '../support/factories';

/** Collected only when REDIS_URL is set (see jest.config.js): two instances sharing one database and one Redis. */
async function sharedDatabase(): Promise<{ database: TestApp['config']['database']; drop: () => Promise<void> }> {
  const configured = loadConfig({ ...process.env, NODE_ENV: 'test' }).database;
  if (configured.kind === 'sqlite') {
    return { database: { kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'sayembara-two-')), 'db.sqlite') }, drop: () => Promise.resolve() };
  }
  const schema = `t_two_${Date.now().toString(36)}`;
  const client = new Client({ connectionString: configured.url });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
  return {
    database: { kind: 'postgres', url: configured.url, schema },
    drop: async () => {
      const c = new Client({ connectionString: configured.url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
}

describe('two instances on one Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let drop: () => Promise<void>;
  let socket: Socket | undefined;

  beforeAll(async () => {
    const shared = await sharedDatabase();
    drop = shared.drop;
    const env = { JWT_SECRET: 'two-instances-share-this-secret-0123456789abcdef' };
    a = await createTestApp({ listen: true, database: shared.database, env });
    b = await createTestApp({ listen: true, database: shared.database, env });
  });
  afterAll(async () => {
    socket?.disconnect();
    await a.close();
    await b.close();
    await drop();
  });

  it('delivers a vote cast through A to a client connected to B', async () => {
    const [owner, author, voter] = await Promise.all([registerUser(a), registerUser(a), registerUser(a)]);
    const campaignId = await makeOpenCampaign(a, owner);
    const ideaId = await submitIdea(a, author, campaignId);
    const port = (b.app.getHttpServer().address() as { port: number }).port;
    socket = io(`http://127.0.0.1:${port}/live`, { transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve) => socket!.once('connect', () => resolve()));
    expect(await socket.timeout(2000).emitWithAck('join', { room: `campaign:${campaignId}` })).toEqual({ ok: true });
    const received = new Promise<{ ideaId: string; tally: { up: number } }>((resolve) => socket!.once('tally.updated', resolve));
    await a.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
    expect(await received).toMatchObject({ ideaId, tally: { up: 1 } });
  });

  it('caps one user at five sockets across both instances', async () => {
    const user = await registerUser(a);
    const open = (app: TestApp) =>
      new Promise<Socket>((resolve, reject) => {
        const port = (app.app.getHttpServer().address() as { port: number }).port;
        const s = io(`http://127.0.0.1:${port}/live`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: user.token } });
        s.once('connect', () => setTimeout(() => (s.connected ? resolve(s) : reject(new Error('refused'))), 150));
        s.once('connect_error', reject);
      });
    const sockets = [await open(a), await open(a), await open(a), await open(b), await open(b)];
    await expect(open(b)).rejects.toThrow();
    sockets[0]!.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 150));
    sockets.push(await open(b));
    for (const s of sockets) s.disconnect();
  });

  it('keeps a login lock-out reached through A on B', async () => {
    const email = `lock-${Date.now()}@contoh.id`;
    await a.http.post('/api/auth/register').send({ displayName: 'Kunci', email, password: 'rahasia-kuat-123' }).expect(201);
    for (let i = 0; i < 5; i++) await a.http.post('/api/auth/login').send({ login: email, password: 'salah-sekali-123' }).expect(401);
    const locked = await b.http.post('/api/auth/login').send({ login: email, password: 'rahasia-kuat-123' }).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });
});
