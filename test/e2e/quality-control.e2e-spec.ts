import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { CoreSchema1763830000000 } from '../../src/database/migrations/1763830000000-core-schema';
import { Business } from '../../src/modules/businesses/business.entity';
import { Campaign } from '../../src/modules/campaigns/campaign.entity';
import { DEFAULT_INCENTIVES, DEFAULT_RULES } from '../../src/modules/campaigns/domain/campaign-rules';
import { Idea } from '../../src/modules/ideas/idea.entity';
import { contentHash } from '../../src/modules/quality-control/domain/text-normalization';
import { NearDuplicateIndex } from '../../src/modules/quality-control/near-duplicate-index.service';
import { User } from '../../src/modules/users/user.entity';
import { Actor, makeOpenCampaign, registerUser } from '../support/factories';
import {
  auditOf,
  captureEvents,
  counts,
  decide,
  KOPI_NEAR_COPY,
  KOPI_ORIGINAL,
  KOPI_SIMILAR,
  KOPI_SIMILARITY,
  setReputation,
  submitText,
  UNRELATED,
} from '../support/quality-factories';
import { createTestApp, TestApp } from '../support/test-app';

const PROBLEM = 'Kemasan kami cepat lembek setelah dibuka; kami butuh kemasan yang menjaga kerenyahan dan menarik di rak warung.';

describe('quality control', () => {
  let t: TestApp;
  let owner: Actor;
  let first: Actor;
  let second: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    [owner, first, second] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
  });
  afterAll(() => t.close());

  describe('near-duplicates', () => {
    it('holds a near-copy by another contributor for moderation and names the original', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const queued = captureEvents(t, 'moderation.queue');
      const original = await submitText(t, first, campaignId, KOPI_ORIGINAL);
      t.clock.advance(1000);
      const copy = await submitText(t, second, campaignId, KOPI_NEAR_COPY);
      expect(original.status).toBe('published');
      expect(copy.status).toBe('pending');
      expect(copy.qualityReport).toMatchObject({ duplicateOf: { ideaId: original.id, similarity: expect.any(Number) }, violations: [], holdReasons: ['duplicate'] });
      expect(copy.qualityReport.duplicateOf.similarity).toBeCloseTo(0.818182, 6);
      expect(queued).toContainEqual({ campaignId, ideaId: copy.id, reason: 'duplicate', pending: 1 });
      await t.http.get(`/api/ideas/${copy.id}`).expect(404);
      expect((await auditOf(t, copy.id)).map((a) => [a.decision, a.fromStatus, a.toStatus, a.actorId, a.duplicateOfId])).toEqual([['hold', null, 'pending', null, original.id]]);
      const queue = await t.http.get(`/api/campaigns/${campaignId}/moderation`).set(owner.auth).expect(200);
      expect(queue.body.items.map((i: { id: string }) => i.id)).toEqual([copy.id]);
      expect(queue.body.items[0].qualityReport.duplicateOf.ideaId).toBe(original.id);
    });

    it('accepts a similar idea (ALGORITHMS.md kopi bubuk pair) and returns the similar ideas with their similarity', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const original = await submitText(t, first, campaignId, KOPI_ORIGINAL);
      await submitText(t, first, campaignId, UNRELATED[0]!);
      t.clock.advance(1000);
      const similar = await submitText(t, second, campaignId, KOPI_SIMILAR);
      expect(similar.status).toBe('published');
      expect(similar.qualityReport).toEqual({ duplicateOf: null, similar: [{ ideaId: original.id, similarity: KOPI_SIMILARITY }], violations: [], holdReasons: [] });
      const stored = await t.http.get(`/api/ideas/${similar.id}`).expect(200);
      expect(stored.body.qualityReport.similar).toEqual([{ ideaId: original.id, similarity: KOPI_SIMILARITY }]);
    });

    it('holds one of two near-copies submitted at the same moment: the re-check in the transaction sees the other', async () => {
      for (let round = 0; round < 3; round++) {
        const campaignId = await makeOpenCampaign(t, owner);
        const ideas = await Promise.all([submitText(t, first, campaignId, KOPI_ORIGINAL), submitText(t, second, campaignId, KOPI_NEAR_COPY)]);
        expect(ideas.map((i) => i.status).sort()).toEqual(['pending', 'published']);
        const [kept, held] = ideas[0].status === 'published' ? ideas : [ideas[1], ideas[0]];
        expect(held.qualityReport.duplicateOf.ideaId).toBe(kept.id);
      }
    });

    it('still refuses an exact duplicate (after normalisation) with 409 and records no fingerprint', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      await submitText(t, first, campaignId, KOPI_ORIGINAL);
      const before = await counts(t, campaignId);
      const res = await submitText(t, second, campaignId, { title: 'KEMASAN KOPI BUBUK', description: 'dengan zipper — agar tetap segar' }, 409);
      expect(res.error).toBe('IDEA_EXACT_DUPLICATE_CONFLICT');
      expect(await counts(t, campaignId)).toEqual(before);
    });

    it('sends a published idea back to the queue when a revision makes it a near-copy of an earlier idea', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const original = await submitText(t, first, campaignId, KOPI_ORIGINAL);
      t.clock.advance(1000);
      const later = await submitText(t, second, campaignId, UNRELATED[1]!);
      const revised = await t.http.patch(`/api/ideas/${later.id}`).set(second.auth).send(KOPI_NEAR_COPY).expect(200);
      expect(revised.body).toMatchObject({ status: 'pending', revision: 2, qualityReport: { duplicateOf: { ideaId: original.id } } });
      // The original is never a duplicate of the later idea, however it is revised.
      const back = await t.http.patch(`/api/ideas/${original.id}`).set(first.auth).send({ description: 'dengan zipper, agar kopi tetap segar dan harum!' }).expect(200);
      expect(back.body).toMatchObject({ status: 'published', qualityReport: { duplicateOf: null, similar: [expect.objectContaining({ ideaId: later.id })] } });
    });
  });

  describe('content rules', () => {
    it.each([
      ['a blocked term', { title: 'Promosi judi online di warung', description: 'Tempel poster judi online di setiap warung agar pembeli ramai datang.' }, 'blocked-term', 'title'],
      ['more links than allowed', { title: 'Tautan katalog di status', description: 'Bagikan https://a.co/1 lalu https://b.co/2 dan juga https://c.co/3 setiap pagi.' }, 'too-many-links', 'description'],
      ['a copy of the problem statement', { title: 'Kemasan tidak cepat lembek', description: PROBLEM }, 'restates-problem-statement', 'description'],
      ['a short title', { title: 'Pendek', description: 'Gunakan standing pouch dengan zipper agar keripik tetap renyah.' }, 'title-length', 'title'],
    ])('refuses %s with 400, names the rule and stores nothing', async (_name, body, rule, field) => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { blockedTerms: ['judi online'] }, problemStatement: PROBLEM });
      const before = await counts(t, campaignId);
      const res = await t.http.post(`/api/campaigns/${campaignId}/ideas`).set(first.auth).send(body).expect(400);
      expect(res.body.error).toBe('IDEA_CONTENT_INVALID');
      expect(res.body.details).toEqual([expect.objectContaining({ rule, field, message: expect.any(String) })]);
      expect(await counts(t, campaignId)).toEqual(before);
      expect((await t.http.get(`/api/campaigns/${campaignId}/ideas`).expect(200)).body.items).toHaveLength(0);
    });

    it('applies the same rules to a revision and leaves the idea as it was', async () => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { blockedTerms: ['judi online'] } });
      const idea = await submitText(t, first, campaignId, UNRELATED[2]!);
      const res = await t.http.patch(`/api/ideas/${idea.id}`).set(first.auth).send({ description: 'Ajak pelanggan main judi online tiap Jumat sambil memesan ulang.' }).expect(400);
      expect(res.body.details[0].rule).toBe('blocked-term');
      expect((await t.http.get(`/api/ideas/${idea.id}`).expect(200)).body).toMatchObject({ revision: 1, description: UNRELATED[2]!.description });
    });
  });

  describe('moderation modes and reputation', () => {
    it('holds every idea of a pre-moderated campaign until an owner approves it', async () => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
      const idea = await submitText(t, first, campaignId, UNRELATED[0]!);
      expect(idea).toMatchObject({ status: 'pending', qualityReport: { holdReasons: ['pre-moderation'] } });
      await t.http.get(`/api/ideas/${idea.id}`).expect(404);
      await decide(t, owner, idea.id, { decision: 'approve' });
      expect((await t.http.get(`/api/ideas/${idea.id}`).expect(200)).body.status).toBe('published');
    });

    it('sends a low-reputation author (E < 0.3 after 3 decisions) to pre-moderation in a post-moderated campaign', async () => {
      const spammer = await registerUser(t);
      const held = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
      // Three rejections: r = 0, s = 3, E = 1/5 = 0.2.
      for (const text of UNRELATED) {
        const idea = await submitText(t, spammer, held, text);
        await decide(t, owner, idea.id, { decision: 'reject', reason: 'Promosi, bukan ide.' });
      }
      const campaignId = await makeOpenCampaign(t, owner);
      const idea = await submitText(t, spammer, campaignId, KOPI_ORIGINAL);
      expect(idea).toMatchObject({ status: 'pending', qualityReport: { holdReasons: ['low-reputation'] } });
      const newcomer = await submitText(t, second, campaignId, UNRELATED[0]!);
      expect(newcomer.status).toBe('published');
    });

    it('does not hold an author after only two bad decisions (E = 0.25 but too little evidence)', async () => {
      const author = await registerUser(t);
      await setReputation(t, author.id, 0, 2);
      const campaignId = await makeOpenCampaign(t, owner);
      expect((await submitText(t, author, campaignId, UNRELATED[1]!)).status).toBe('published');
      await setReputation(t, author.id, 0, 3);
      expect((await submitText(t, author, campaignId, UNRELATED[2]!)).status).toBe('pending');
    });
  });
});

describe('the platform-wide submission rate', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SUBMISSIONS_PER_10_MIN: '5' } });
  });
  afterAll(() => t.close());

  it('refuses the 6th idea in 10 minutes with 429 and Retry-After, per user and not per address', async () => {
    const owner = await registerUser(t);
    const [busy, neighbour] = await Promise.all([registerUser(t), registerUser(t)]);
    const campaigns = [await makeOpenCampaign(t, owner), await makeOpenCampaign(t, owner)];
    const texts = [...UNRELATED, KOPI_ORIGINAL, KOPI_SIMILAR, KOPI_NEAR_COPY];
    // A refused text costs no point.
    await t.http.post(`/api/campaigns/${campaigns[0]}/ideas`).set(busy.auth).send({ title: 'Pendek', description: UNRELATED[0]!.description }).expect(400);
    for (let i = 0; i < 5; i++) await submitText(t, busy, campaigns[i % 2]!, texts[i]!);
    const refused = await t.http.post(`/api/campaigns/${campaigns[1]}/ideas`).set(busy.auth).send(texts[5]).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.error).toBe('RATE_LIMITED');
    // Same address (every supertest request comes from 127.0.0.1), another account: accepted.
    await submitText(t, neighbour, campaigns[1]!, texts[5]!);
  });
});

describe('the near-duplicate index across instances', () => {
  const secret = 'shared-secret-for-two-instances-0123456789';
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const database = process.env.DATABASE_URL ? undefined : { kind: 'sqlite' as const, path: join(mkdtempSync(join(tmpdir(), 'sayembara-qc-')), 'shared.sqlite') };
    a = await createTestApp({ env: { JWT_SECRET: secret }, ...(database ? { database } : {}) });
    b = await createTestApp({ env: { JWT_SECRET: secret }, database: a.config.database });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('sees ideas written by another instance, and rebuilds from the fingerprints after a restart', async () => {
    const owner = await registerUser(a);
    const [first, second, third] = await Promise.all([registerUser(a), registerUser(a), registerUser(a)]);
    const campaignId = await makeOpenCampaign(a, owner);
    // Instance b builds its index of the campaign first, then a records the original.
    await submitText(b, first, campaignId, UNRELATED[0]!);
    b.clock.advance(1000);
    const original = await submitText(a, second, campaignId, KOPI_ORIGINAL);
    a.clock.advance(2000);
    b.clock.advance(2000);
    const copy = await submitText(b, third, campaignId, KOPI_NEAR_COPY);
    expect(copy).toMatchObject({ status: 'pending', qualityReport: { duplicateOf: { ideaId: original.id } } });

    const restarted = await createTestApp({ env: { JWT_SECRET: secret }, database: a.config.database, now: '2026-03-01T09:00:00.000Z' });
    try {
      // The recently active campaign is indexed at start, before anyone submits.
      const index = restarted.app.get(NearDuplicateIndex);
      await index.warmRecentCampaigns();
      expect(index.indexedIdeas(campaignId)).toBe(3);
      const similar = await submitText(restarted, first, campaignId, KOPI_SIMILAR);
      expect(similar.qualityReport.similar).toContainEqual({ ideaId: original.id, similarity: KOPI_SIMILARITY });
    } finally {
      await restarted.close();
    }
    // A month later nothing of it is warmed: an idle campaign is indexed when it is next checked.
    const later = await createTestApp({ env: { JWT_SECRET: secret }, database: a.config.database, now: '2026-04-15T09:00:00.000Z' });
    try {
      const index = later.app.get(NearDuplicateIndex);
      await index.warmRecentCampaigns();
      expect(index.indexedIdeas(campaignId)).toBe(0);
    } finally {
      await later.close();
    }
    // Three starts of the service, each starting its near-duplicate thread (compiled on the fly under the test runner).
  }, 30_000);
});

describe('upgrading a database that already holds ideas', () => {
  const secret = 'shared-secret-for-the-upgraded-database-0123';
  const configured = loadConfig({ ...process.env, NODE_ENV: 'test' }).database;
  let database: ReturnType<typeof loadConfig>['database'];
  beforeAll(async () => {
    database = configured.kind === 'sqlite'
      ? { kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'sayembara-upgrade-')), 'old.sqlite') }
      : { kind: 'postgres', url: configured.url, schema: `up_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}` };
    if (database.kind === 'postgres') await runOnPostgres(database.url, `CREATE SCHEMA "${database.schema}"`);
  });
  afterAll(async () => {
    if (database.kind === 'postgres') await runOnPostgres(database.url, `DROP SCHEMA IF EXISTS "${database.schema}" CASCADE`);
  });

  it('fingerprints the ideas stored before quality control, so a later near-copy names them', async () => {
    const at = new Date('2026-02-20T08:00:00.000Z');
    const old = await new DataSource({ ...buildDataSourceOptions(database), migrations: [CoreSchema1763830000000] }).initialize();
    await old.runMigrations();
    const [ownerId, authorId, businessId, campaignId, ideaId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const id of [ownerId, authorId]) {
      await old.manager.insert(User, { id, displayName: 'Lama', email: `${id}@contoh.id`, phone: null, passwordHash: 'x', roles: ['user'], locale: 'id', createdAt: at });
    }
    await old.manager.insert(Business, { id: businessId, name: 'Kopi Lama', sector: 'kuliner', scale: 'mikro', region: 'Bantul', description: null, communityId: null, createdAt: at });
    await old.manager.insert(Campaign, {
      id: campaignId, businessId, kind: 'product', title: 'Kemasan kopi', problemStatement: 'Kopi bubuk kami cepat apek setelah dibuka.', category: 'kemasan', status: 'open',
      visibility: 'public', submissionClosesAt: new Date('2026-04-01T00:00:00Z'), votingClosesAt: new Date('2026-04-15T00:00:00Z'), judgingClosesAt: new Date('2026-04-22T00:00:00Z'),
      rules: DEFAULT_RULES, incentives: DEFAULT_INCENTIVES, programId: null, cohortId: null, createdById: ownerId,
      votersCount: 0, ratingsCount: 0, ratingsSum: 0, ratingPriorMean: 0, ratingPriorWeight: 1, createdAt: at, updatedAt: at,
    });
    await old.manager.insert(Idea, {
      id: ideaId, campaignId, authorId, ...KOPI_ORIGINAL, tags: [], status: 'published', contentHash: contentHash(KOPI_ORIGINAL.title, KOPI_ORIGINAL.description),
      revision: 1, upCount: 0, downCount: 0, ratingCount: 0, ratingSum: 0, votersCount: 0, rankKey: 0, qualityReport: { duplicateOf: null, similar: [], violations: [] },
      duplicateOfId: null, statusReason: null, submittedAt: at, updatedAt: at,
    });
    await old.destroy();

    const upgraded = await createTestApp({ env: { JWT_SECRET: secret }, database });
    try {
      const copy = await submitText(upgraded, await registerUser(upgraded), campaignId, KOPI_NEAR_COPY);
      expect(copy).toMatchObject({ status: 'pending', qualityReport: { duplicateOf: { ideaId } } });
    } finally {
      await upgraded.close();
    }
  });
});

async function runOnPostgres(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}
