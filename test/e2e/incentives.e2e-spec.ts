import { randomUUID } from 'node:crypto';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { PointsLedgerService } from '../../src/modules/incentives/points-ledger.service';
import { grantPointsOnSqlite } from '../../src/modules/incentives/sqlite-points-write';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { createTestApp, TestApp } from '../support/test-app';
import { Actor, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';
import { decide } from '../support/quality-factories';

describe('jury, results, awards and points', () => {
  let t: TestApp;
  let owner: Actor;
  let stranger: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    [owner, stranger] = await Promise.all([registerUser(t), registerUser(t)]);
  });
  afterAll(() => t.close());

  async function vote(ideaId: string, count: number): Promise<void> {
    const voters = await Promise.all(Array.from({ length: count }, () => registerUser(t)));
    for (const v of voters) await t.http.put(`/api/ideas/${ideaId}/vote`).set(v.auth).send({ value: 1 }).expect(200);
  }

  const move = (id: string, status: string, who: Actor = owner) => t.http.post(`/api/campaigns/${id}/status`).set(who.auth).send({ status });

  it('closes once: 50 concurrent closes give one 200, the rest 409, and one set of awards', async () => {
    const id = await makeOpenCampaign(t, owner, { incentives: { prizes: [{ rank: 1, amount: 600000 }, { rank: 2, amount: 300000 }] } });
    const names = [`Ani ${id.slice(0, 8)}`, `Budi ${id.slice(0, 8)}`, `Citra ${id.slice(0, 8)}`] as const;
    const authors = await Promise.all([registerUser(t, { displayName: names[0] }), registerUser(t, { displayName: names[1] }), registerUser(t, { displayName: names[2] })]);
    const ideas = [];
    for (const a of authors) ideas.push(await submitIdea(t, a, id));
    await vote(ideas[1]!, 3);
    await vote(ideas[0]!, 1);
    await move(id, 'voting').expect(200);
    await move(id, 'judging').expect(200);
    expect((await t.http.get(`/api/campaigns/${id}/results`).expect(409)).body.error).toBe('RESULTS_NOT_CLOSED_CONFLICT');
    const closes = await Promise.all(Array.from({ length: 50 }, () => move(id, 'closed')));
    expect(closes.filter((r) => r.status === 200)).toHaveLength(1);
    expect(closes.filter((r) => r.status === 409)).toHaveLength(49);
    const results = await t.http.get(`/api/campaigns/${id}/results`).expect(200);
    expect(results.body.ranking.map((r: { ideaId: string }) => r.ideaId)).toEqual([ideas[1], ideas[0], ideas[2]]);
    expect(results.body.awards).toEqual([
      { rank: 1, ideaId: ideas[1], userId: authors[1].id, displayName: names[1], amount: 600000, currency: 'IDR' },
      { rank: 2, ideaId: ideas[0], userId: authors[0].id, displayName: names[0], amount: 300000, currency: 'IDR' },
    ]);
    const db = t.app.get(DataSource);
    const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM "awards" WHERE "campaignId" = ${db.options.type === 'postgres' ? '$1' : '?'}`, [id]);
    expect(Number(n)).toBe(2);
    expect((await t.http.get(`/api/ideas/${ideas[1]}`).expect(200)).body.status).toBe('winner');
    const mine = await t.http.get('/api/me/ideas').set(authors[2].auth).expect(200);
    expect(mine.body.items[0]).toMatchObject({ id: ideas[2], status: 'published', campaignStatus: 'closed' });
    const points = await t.http.get(`/api/users/${authors[1].id}/points`).expect(200);
    expect(points.body.entries.map((e: { reason: string }) => e.reason).sort()).toEqual(['idea-published', 'idea-won']);
    expect(points.body.balance).toBe(10 + 50 + 30);
    expect(points.body.badges).toEqual(['first-published-idea', 'first-win']);
    const board = await t.http.get(`/api/leaderboards/contributors?campaignId=${id}`).set(authors[2].auth).expect(200);
    expect(board.body.items[0]).toMatchObject({ userId: authors[1].id, displayName: names[1], balance: 90, rank: 1 });
    expect(board.body.me).toMatchObject({ userId: authors[2].id, displayName: names[2], balance: 10 });
    await t.http.get('/api/leaderboards/contributors?campaignId=nope').expect(400);
  });

  it('lets the jury change the winner when the weights say so', async () => {
    const judge = await registerUser(t);
    const criteria = [{ key: 'novelty', weight: 0.5 }, { key: 'feasibility', weight: 0.5 }];
    const id = await makeOpenCampaign(t, owner, { rules: { criteria }, incentives: { prizes: [{ rank: 1, amount: 100000 }] } });
    await t.http.post(`/api/campaigns/${id}/members`).set(owner.auth).send({ userId: judge.id, role: 'jury' }).expect(201);
    const [a, b] = [await submitIdea(t, await registerUser(t), id), await submitIdea(t, await registerUser(t), id)];
    await vote(a, 4);
    await vote(b, 2);
    await move(id, 'voting').expect(200);
    const early = await t.http.post(`/api/ideas/${a}/reviews`).set(judge.auth).send({ scores: { novelty: 3, feasibility: 3 } }).expect(409);
    expect(early.body.error).toBe('REVIEW_CLOSED_CONFLICT');
    await move(id, 'judging').expect(200);
    await t.http.post(`/api/ideas/${a}/reviews`).set(stranger.auth).send({ scores: { novelty: 3, feasibility: 3 } }).expect(403);
    await t.http.post(`/api/ideas/${a}/reviews`).send({ scores: { novelty: 3, feasibility: 3 } }).expect(401);
    await t.http.post(`/api/ideas/${a}/reviews`).set(judge.auth).send({ scores: { novelty: 6, feasibility: 3 } }).expect(400);
    await t.http.post(`/api/ideas/${a}/reviews`).set(judge.auth).send({ scores: { novelty: 3 } }).expect(400);
    await t.http.post(`/api/ideas/${a}/reviews`).set(judge.auth).send({ scores: 'good' }).expect(400);
    await t.http.post(`/api/ideas/${a}/reviews`).set(judge.auth).send({ scores: { novelty: 5, feasibility: 5 } }).expect(200);
    // changed until close: the later review replaces the first
    await t.http.post(`/api/ideas/${a}/reviews`).set(judge.auth).send({ scores: { novelty: 1, feasibility: 1 } }).expect(200);
    await t.http.post(`/api/ideas/${b}/reviews`).set(judge.auth).send({ scores: { novelty: 5, feasibility: 5 } }).expect(200);
    expect((await t.http.get(`/api/ideas/${a}/reviews`).set(owner.auth).expect(200)).body.items).toHaveLength(1);
    await t.http.get(`/api/ideas/${a}/reviews`).set(stranger.auth).expect(403);
    await move(id, 'closed').expect(200);
    const results = await t.http.get(`/api/campaigns/${id}/results`).expect(200);
    expect(results.body.ranking[0]).toMatchObject({ ideaId: b, juryScore: 1 });
    expect(results.body.ranking[1]).toMatchObject({ ideaId: a, juryScore: 0 });
    expect(results.body.awards[0].ideaId).toBe(b);
  }, 60_000);

  it('lets only an owner shortlist, once, with shortlist points', async () => {
    const id = await makeOpenCampaign(t, owner);
    const author = await registerUser(t);
    const idea = await submitIdea(t, author, id);
    await t.http.post(`/api/ideas/${idea}/shortlist`).set(owner.auth).expect(409);
    await move(id, 'voting').expect(200);
    await t.http.post(`/api/ideas/${idea}/shortlist`).set(stranger.auth).expect(403);
    await t.http.post(`/api/ideas/${idea}/shortlist`).set(author.auth).expect(403);
    await t.http.post(`/api/ideas/${idea}/shortlist`).set(owner.auth).expect(200);
    await t.http.post(`/api/ideas/${idea}/shortlist`).set(owner.auth).expect(409);
    expect((await t.http.get(`/api/users/${author.id}/points`).expect(200)).body.balance).toBe(30);
  });

  it('grants the points of a published idea in the transaction that publishes it, not through the event bus', async () => {
    // With nobody listening, points that depended on an event would never be written.
    const emitter = t.app.get(EventEmitter2);
    const listeners = emitter.listeners('idea.published');
    emitter.removeAllListeners('idea.published');
    try {
      const open = await makeOpenCampaign(t, owner);
      const held = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
      const author = await registerUser(t);
      await submitIdea(t, author, open);
      expect((await t.http.get(`/api/users/${author.id}/points`).expect(200)).body.balance).toBe(10);
      const pending = await t.http.post(`/api/campaigns/${held}/ideas`).set(author.auth).send({ title: 'Kemasan ulang', description: 'Kemasan isi ulang untuk pelanggan tetap di pasar kecamatan.' }).expect(201);
      expect(pending.body.status).toBe('pending');
      expect((await t.http.get(`/api/users/${author.id}/points`).expect(200)).body.balance).toBe(10);
      await decide(t, owner, pending.body.id, { decision: 'approve' });
      const points = await t.http.get(`/api/users/${author.id}/points`).expect(200);
      expect(points.body.balance).toBe(20);
      expect(points.body.entries.map((e: { reason: string; ideaId: string }) => [e.reason, e.ideaId])).toContainEqual(['idea-published', pending.body.id]);
    } finally {
      for (const listener of listeners) emitter.on('idea.published', listener as (...args: unknown[]) => void);
    }
  });

  it('hides the results of a campaign the caller cannot see', async () => {
    const id = await makeOpenCampaign(t, owner, { visibility: 'private' });
    await t.http.get(`/api/campaigns/${id}/results`).expect(404);
    await t.http.get(`/api/campaigns/${id}/results`).set(stranger.auth).expect(404);
  });

  it('ranks contributors by balance with the caller’s own rank', async () => {
    const res = await t.http.get('/api/leaderboards/contributors').set(stranger.auth).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items[0].rank).toBe(1);
    expect(res.body.me).toMatchObject({ userId: stranger.id, balance: 0 });
    expect(res.body.items.every((row: { displayName: unknown }) => typeof row.displayName === 'string')).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/@contoh\.id|passwordHash/);
    expect(res.body.me.rank).toBeGreaterThan(res.body.items.length - 1);
  });

  it('caps participation points at 50 in any 24 hours, on the service path and the SQLite write path alike', async () => {
    const ledger = t.app.get(PointsLedgerService);
    const uow = t.app.get(UnitOfWork);
    const viaService = (userId: string) => uow.run((manager) => ledger.grant(manager, { userId, campaignId: randomUUID(), ideaId: randomUUID(), reason: 'idea-published' }));
    const viaSqlite = (userId: string) =>
      grantPointsOnSqlite(uow.sqliteHandle, { id: randomUUID(), userId, campaignId: randomUUID(), ideaId: randomUUID(), reason: 'idea-published', rank: null, at: t.clock.now() });
    const paths: Array<(userId: string) => Promise<number> | number> = uow.isSqlite ? [viaService, viaSqlite] : [viaService];
    for (const grant of paths) {
      const { id: userId } = await registerUser(t);
      const granted = [];
      for (let i = 0; i < 7; i++) {
        granted.push(await grant(userId));
        t.clock.advance(3600_000);
      }
      expect(granted).toEqual([10, 10, 10, 10, 10, 0, 0]);
      // 24 hours after the first entry it leaves the window: 10 points of room again, then none.
      t.clock.advance(17 * 3600_000 + 1);
      expect([await grant(userId), await grant(userId)]).toEqual([10, 0]);
      expect((await t.http.get(`/api/users/${userId}/points`).expect(200)).body.balance).toBe(60);
    }
  });

  it('keeps every balance equal to the sum of its ledger rows after 10,000 random events', async () => {
    const users = await Promise.all(Array.from({ length: 8 }, () => registerUser(t)));
    const ideas = Array.from({ length: 300 }, () => randomUUID());
    const ledger = t.app.get(PointsLedgerService);
    const uow = t.app.get(UnitOfWork);
    const reasons = ['idea-published', 'idea-shortlisted', 'idea-won'] as const;
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let batch = 0; batch < 100; batch++) {
      await uow.run(async (manager) => {
        for (let i = 0; i < 100; i++) {
          await ledger.grant(manager, { userId: users[next(users.length)]!.id, campaignId: randomUUID(), ideaId: ideas[next(ideas.length)]!, reason: reasons[next(3)]!, rank: next(4) + 1 });
        }
      });
    }
    const db = t.app.get(DataSource);
    const rows: Array<{ userId: string; balance: number; total: number | string }> = await db.query(
      'SELECT b."userId", b."balance", (SELECT COALESCE(SUM(p."points"), 0) FROM "points_ledger" p WHERE p."userId" = b."userId") AS "total" FROM "points_balances" b',
    );
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows) expect(Number(row.balance)).toBe(Number(row.total));
  }, 120_000);
});
