import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { closeGracefully } from '../../src/app.factory';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { createTestApp, TestApp } from '../support/test-app';
import { Actor, makeOpenCampaign, randomIdeaText, registerUser, submitIdea } from '../support/factories';
import { auditOf, counts, KOPI_NEAR_COPY, KOPI_ORIGINAL, submitText, UNRELATED } from '../support/quality-factories';

/**
 * The other suites run on in-memory SQLite (or PostgreSQL); a database file is what the service runs
 * on by default, with votes committed by the write thread and the WAL copied back by the checkpoint
 * thread while the main connection writes everything else. This suite always runs on a file.
 */
/** One secret for every start of the service on the file, so accounts signed in earlier stay signed in. */
const SERVICE_ENV = { JWT_SECRET: 'one-secret-for-every-start-of-this-suite' };

describe('a SQLite database file (write and checkpoint threads)', () => {
  let dir: string;
  let path: string;
  let t: TestApp;
  let owner: Actor;
  let author: Actor;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayembara-file-'));
    path = join(dir, 'sayembara.sqlite');
    t = await createTestApp({ database: { kind: 'sqlite', path }, env: SERVICE_ENV });
    [owner, author] = await Promise.all([registerUser(t), registerUser(t)]);
  });

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function tallies(app: TestApp, ideaIds: string[]): Promise<Array<{ stored: number; rows: number }>> {
    const db = app.app.get(DataSource);
    return Promise.all(
      ideaIds.map(async (id) => {
        const [idea] = await db.query('SELECT "votersCount" FROM "ideas" WHERE "id" = ?', [id]);
        const [count] = await db.query('SELECT COUNT(*) AS n FROM "votes" WHERE "ideaId" = ? AND "valid" = 1', [id]);
        return { stored: Number(idea.votersCount), rows: Number(count.n) };
      }),
    );
  }

  it('keeps one row for 200 concurrent identical votes', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const ideaId = await submitIdea(t, author, campaignId);
    const voter = await registerUser(t);
    const results = await Promise.all(Array.from({ length: 200 }, () => t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 })));
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    expect(await tallies(t, [ideaId])).toEqual([{ stored: 1, rows: 1 }]);
  });

  it('keeps every tally equal to its rows while submissions write beside the votes', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const ideaIds = await Promise.all(Array.from({ length: 4 }, async () => submitIdea(t, await registerUser(t), campaignId)));
    const voters = await Promise.all(Array.from({ length: 150 }, () => registerUser(t)));
    const contributors = await Promise.all(Array.from({ length: 10 }, () => registerUser(t)));
    const votes = voters.flatMap((v) => ideaIds.map((id) => t.http.put(`/api/ideas/${id}/vote`).set(v.auth).send({ value: 1 })));
    const submissions = contributors.map((c, i) => t.http.post(`/api/campaigns/${campaignId}/ideas`).set(c.auth).send(randomIdeaText(9000 + i)));
    const results = await Promise.all([...votes, ...submissions]);
    expect(results.filter((r) => r.status >= 300).map((r) => [r.status, r.body])).toEqual([]);
    expect(await tallies(t, ideaIds)).toEqual(ideaIds.map(() => ({ stored: 150, rows: 150 })));
    expect((await t.http.get(`/api/campaigns/${campaignId}`).expect(200)).body.votersCount).toBe(150);
    expect((await t.http.get(`/api/campaigns/${campaignId}/ideas?limit=50`).expect(200)).body.items).toHaveLength(14);
  }, 120_000);

  it('holds votes back while a transaction of the main connection is open, so neither overwrites the other', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const ideaId = await submitIdea(t, author, campaignId);
    const voter = await registerUser(t);
    let vote: Promise<{ status: number }> | undefined;
    // Reads, lets a vote arrive, then writes: had the vote committed in between, SQLite would refuse
    // this write (its snapshot is stale) and the request behind it would fail.
    await t.app.get(UnitOfWork).run(async (manager) => {
      await manager.query('SELECT "status" FROM "campaigns" WHERE "id" = ?', [campaignId]);
      vote = t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await manager.query('UPDATE "campaigns" SET "title" = ? WHERE "id" = ?', ['Diperbarui', campaignId]);
    });
    expect((await vote!).status).toBe(200);
    expect((await t.http.get(`/api/campaigns/${campaignId}`).expect(200)).body.title).toBe('Diperbarui');
    expect(await tallies(t, [ideaId])).toEqual([{ stored: 1, rows: 1 }]);
  });

  describe('submissions, committed by the write thread', () => {
    it('holds one of two near-copies sent at once, naming the other, with its audit row', async () => {
      for (let round = 0; round < 3; round++) {
        const campaignId = await makeOpenCampaign(t, owner);
        const [first, second] = await Promise.all([registerUser(t), registerUser(t)]);
        const ideas = await Promise.all([submitText(t, first, campaignId, KOPI_ORIGINAL), submitText(t, second, campaignId, KOPI_NEAR_COPY)]);
        expect(ideas.map((i) => i.status).sort()).toEqual(['pending', 'published']);
        const [kept, held] = ideas[0].status === 'published' ? ideas : [ideas[1], ideas[0]];
        expect(held.qualityReport).toMatchObject({ duplicateOf: { ideaId: kept.id }, holdReasons: ['duplicate'] });
        expect((await auditOf(t, held.id)).map((a) => [a.decision, a.toStatus, a.duplicateOfId])).toEqual([['hold', 'pending', kept.id]]);
        expect(await auditOf(t, kept.id)).toEqual([]);
        expect(await counts(t, campaignId)).toMatchObject({ ideas: 2, fingerprints: 2 });
      }
    });

    it('refuses the contributor over the limit and an exact copy with 409, writing nothing', async () => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { maxIdeasPerContributor: 2 } });
      const [writer, copier] = await Promise.all([registerUser(t), registerUser(t)]);
      await Promise.all([submitText(t, writer, campaignId, KOPI_ORIGINAL), submitText(t, writer, campaignId, UNRELATED[0]!)]);
      const before = await counts(t, campaignId);
      expect((await submitText(t, writer, campaignId, UNRELATED[1]!, 409)).error).toBe('IDEA_LIMIT_CONFLICT');
      expect((await submitText(t, copier, campaignId, { title: 'KEMASAN KOPI BUBUK', description: 'dengan zipper — agar tetap segar' }, 409)).error).toBe('IDEA_EXACT_DUPLICATE_CONFLICT');
      expect(await counts(t, campaignId)).toEqual(before);
    });

    it('grants the published idea its points with the balance, and keeps the first revision', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const writer = await registerUser(t);
      const ideas = await Promise.all(UNRELATED.slice(0, 3).map((text) => submitText(t, writer, campaignId, text)));
      expect(ideas.map((i) => i.status)).toEqual(['published', 'published', 'published']);
      const points = await t.http.get(`/api/users/${writer.id}/points`).expect(200);
      expect(points.body.entries.map((e: { ideaId: string; reason: string }) => [e.ideaId, e.reason]).sort()).toEqual(ideas.map((i) => [i.id, 'idea-published']).sort());
      expect(points.body.balance).toBe(points.body.entries.reduce((sum: number, e: { points: number }) => sum + e.points, 0));
      expect(points.body.balance).toBeGreaterThan(0);
      const revisions = await t.http.get(`/api/ideas/${ideas[0]!.id}/revisions`).expect(200);
      expect(revisions.body.items).toEqual([{ revision: 1, title: UNRELATED[0]!.title, description: UNRELATED[0]!.description, tags: [], createdAt: ideas[0]!.submittedAt }]);
    });
  });

  it('stops without failing a request it has taken: each is answered, and every idea it acknowledged is stored', async () => {
    await t.close();
    const serving = await createTestApp({ database: { kind: 'sqlite', path }, listen: true, env: SERVICE_ENV });
    const owner = await registerUser(serving);
    const campaignId = await makeOpenCampaign(serving, owner);
    const authors = await Promise.all(Array.from({ length: 40 }, () => registerUser(serving)));
    const server = serving.app.getHttpServer();
    let taken = 0;
    server.on('request', () => taken++);
    const { port } = server.address() as AddressInfo;
    const startedWith = taken;
    const sent = authors.map((author, i) =>
      fetch(`http://127.0.0.1:${port}/api/campaigns/${campaignId}/ideas`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: author.auth.Authorization },
        body: JSON.stringify(randomIdeaText(7000 + i)),
      }).then(async (res) => ({ status: res.status, id: res.status === 201 ? ((await res.json()) as { id: string }).id : null }), () => ({ status: 0, id: null })),
    );
    // Stops once ten submissions have been taken, while they are being checked and written.
    while (taken - startedWith < 10) await new Promise((resolve) => setImmediate(resolve));
    const takenBeforeStopping = taken - startedWith;
    await closeGracefully(serving.app);
    const answers = await Promise.all(sent);
    // A request arriving after the stop is refused (503) or never reaches the service (status 0 here); none fails.
    expect(answers.filter((a) => ![201, 503, 0].includes(a.status))).toEqual([]);
    const acknowledged = answers.flatMap((a) => (a.id ? [a.id] : []));
    expect(acknowledged.length).toBeGreaterThanOrEqual(takenBeforeStopping);
    t = await createTestApp({ database: { kind: 'sqlite', path }, env: SERVICE_ENV });
    for (const id of acknowledged) await t.http.get(`/api/ideas/${id}`).expect(200);
  }, 60_000);

  it('loses no acknowledged vote when the service stops and starts again on the file', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const ideaId = await submitIdea(t, author, campaignId);
    const voters = await Promise.all(Array.from({ length: 40 }, () => registerUser(t)));
    const results = await Promise.all(voters.map((v) => t.http.put(`/api/ideas/${ideaId}/vote`).set(v.auth).send({ value: 1 })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    await t.close();
    t = await createTestApp({ database: { kind: 'sqlite', path }, env: SERVICE_ENV });
    expect((await t.http.get(`/api/ideas/${ideaId}`).expect(200)).body.tally).toMatchObject({ up: 40, voters: 40 });
    expect(await tallies(t, [ideaId])).toEqual([{ stored: 40, rows: 40 }]);
  });
});
