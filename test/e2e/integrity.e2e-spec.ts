import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../support/test-app';
import { Actor, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';

describe('vote integrity', () => {
  let t: TestApp;
  let owner: Actor;
  let stranger: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    [owner, stranger] = await Promise.all([registerUser(t), registerUser(t)]);
  });
  afterAll(() => t.close());

  it('reports a burst of fresh accounts from one device, and excluding them stops their votes counting', async () => {
    const id = await makeOpenCampaign(t, owner);
    const [honest, gamed] = [await submitIdea(t, await registerUser(t), id), await submitIdea(t, await registerUser(t), id)];
    t.clock.advance(3 * 24 * 3600 * 1000);
    const regulars = await Promise.all(Array.from({ length: 3 }, () => registerUser(t)));
    t.clock.advance(2 * 24 * 3600 * 1000);
    for (const v of regulars) await t.http.put(`/api/ideas/${honest}/vote`).set(v.auth).send({ value: 1 }).expect(200);
    const sockpuppets = await Promise.all(Array.from({ length: 8 }, () => registerUser(t)));
    for (const v of sockpuppets) {
      t.clock.advance(20_000);
      await t.http.put(`/api/ideas/${gamed}/vote`).set(v.auth).set('X-Device-Id', 'same-phone').send({ value: 1 }).expect(200);
    }
    expect((await t.http.get(`/api/campaigns/${id}/leaderboard`).expect(200)).body.items[0].id).toBe(gamed);

    const report = await t.http.get(`/api/campaigns/${id}/integrity`).set(owner.auth).expect(200);
    const burst = report.body.bursts.find((b: { ideaId: string }) => b.ideaId === gamed);
    expect(burst).toMatchObject({ suspicious: true });
    expect(burst.p).toBeLessThan(1e-4);
    expect(report.body.bursts.some((b: { ideaId: string }) => b.ideaId === honest)).toBe(false);
    const cluster = report.body.clusters.find((c: { kind: string; ideaId: string }) => c.kind === 'device' && c.ideaId === gamed);
    expect(cluster.accounts).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(report.body)).not.toMatch(/127\.0\.0\.1|same-phone/);

    await t.http.post(`/api/campaigns/${id}/integrity/exclusions`).set(stranger.auth).send({ voterIds: sockpuppets.map((s) => s.id), reason: 'sockpuppets' }).expect(403);
    await t.http.post(`/api/campaigns/${id}/integrity/exclusions`).set(owner.auth).send({ voterIds: ['nope'], reason: 'x' }).expect(400);
    const excluded = await t.http.post(`/api/campaigns/${id}/integrity/exclusions`).set(owner.auth).send({ voterIds: sockpuppets.map((s) => s.id), reason: 'one device, new accounts' }).expect(200);
    expect(excluded.body.invalidated).toBe(8);
    const board = await t.http.get(`/api/campaigns/${id}/leaderboard`).expect(200);
    expect(board.body.items.map((i: { id: string }) => i.id)).toEqual([honest, gamed]);
    expect(board.body.items[1].tally).toMatchObject({ up: 0, voters: 0 });
    // kept with the reason, never deleted; a repeated vote by an excluded voter still counts for nothing
    const db = t.app.get(DataSource);
    const p = db.options.type === 'postgres' ? '$1' : '?';
    const [kept] = await db.query(`SELECT COUNT(*) AS n FROM "votes" WHERE "ideaId" = ${p} AND "invalidReason" IS NOT NULL`, [gamed]);
    expect(Number(kept.n)).toBe(8);
    await t.http.put(`/api/ideas/${gamed}/vote`).set(sockpuppets[0]!.auth).send({ value: 1 }).expect(200);
    expect((await t.http.get(`/api/ideas/${gamed}`).expect(200)).body.tally.up).toBe(0);

    // the exclusion holds for the rest of the campaign: a vote on another idea is kept but does not count
    await t.http.put(`/api/ideas/${honest}/vote`).set(sockpuppets[1]!.auth).send({ value: 1 }).expect(200);
    expect((await t.http.get(`/api/ideas/${honest}`).expect(200)).body.tally).toMatchObject({ up: 3, voters: 3 });
    const [onHonest] = await db.query(`SELECT "valid", "invalidReason" FROM "votes" WHERE "ideaId" = ${p} AND "voterId" = ${db.options.type === 'postgres' ? '$2' : '?'}`, [honest, sockpuppets[1]!.id]);
    expect(onHonest.invalidReason).toBe('one device, new accounts');
    expect([false, 0]).toContain(onHonest.valid);
    // withdrawing and casting again does not launder the vote; the evidence stays
    await t.http.delete(`/api/ideas/${gamed}/vote`).set(sockpuppets[2]!.auth).expect(200);
    await t.http.put(`/api/ideas/${gamed}/vote`).set(sockpuppets[2]!.auth).send({ value: 1 }).expect(200);
    expect((await t.http.get(`/api/ideas/${gamed}`).expect(200)).body.tally).toMatchObject({ up: 0, voters: 0 });
    const [stillKept] = await db.query(`SELECT COUNT(*) AS n FROM "votes" WHERE "ideaId" = ${p} AND "invalidReason" IS NOT NULL`, [gamed]);
    expect(Number(stillKept.n)).toBe(8);
    // excluding again changes nothing and is not an error
    const again = await t.http.post(`/api/campaigns/${id}/integrity/exclusions`).set(owner.auth).send({ voterIds: [sockpuppets[0]!.id], reason: 'again' }).expect(200);
    expect(again.body.invalidated).toBe(0);
  }, 60_000);

  it('refuses an exclusion naming someone who never voted here, and then excludes nobody', async () => {
    const id = await makeOpenCampaign(t, owner);
    const idea = await submitIdea(t, await registerUser(t), id);
    const voter = await registerUser(t);
    await t.http.put(`/api/ideas/${idea}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
    const refused = await t.http.post(`/api/campaigns/${id}/integrity/exclusions`).set(owner.auth).send({ voterIds: [voter.id, stranger.id], reason: 'mixed list' }).expect(400);
    expect(refused.body.details).toMatchObject({ notVoters: [stranger.id] });
    expect((await t.http.get(`/api/ideas/${idea}`).expect(200)).body.tally.up).toBe(1);
    const other = await submitIdea(t, await registerUser(t), id);
    await t.http.put(`/api/ideas/${other}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
    expect((await t.http.get(`/api/ideas/${other}`).expect(200)).body.tally.up).toBe(1);
  });

  it('keeps the report and exclusions to owners', async () => {
    const id = await makeOpenCampaign(t, owner);
    await t.http.get(`/api/campaigns/${id}/integrity`).set(stranger.auth).expect(403);
    await t.http.get(`/api/campaigns/${id}/integrity`).expect(401);
    const privateId = await makeOpenCampaign(t, owner, { visibility: 'private' });
    await t.http.get(`/api/campaigns/${privateId}/integrity`).set(stranger.auth).expect(404);
    await t.http.post(`/api/campaigns/${id}/integrity/exclusions`).set(owner.auth).send({ voterIds: [stranger.id], reason: 'did not vote' }).expect(400);
  });
});
