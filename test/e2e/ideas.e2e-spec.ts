import { NearDuplicateIndex } from '../../src/modules/quality-control/near-duplicate-index.service';
import { QualityControlService } from '../../src/modules/quality-control/quality-control.service';
import { createTestApp, TestApp } from '../support/test-app';
import { Actor, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';

const validIdea = { title: 'Kemasan standing pouch zipper', description: 'Gunakan standing pouch dengan zipper agar keripik tetap renyah setelah dibuka berkali-kali.' };

describe('ideas', () => {
  let t: TestApp;
  let owner: Actor;
  let author: Actor;
  let other: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    [owner, author, other] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
  });
  afterAll(() => t.close());

  describe('submit', () => {
    it('publishes at once in a post-moderated campaign, with the contract shape', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const res = await t.http.post(`/api/campaigns/${campaignId}/ideas`).set(author.auth).send({ ...validIdea, tags: ['Kemasan', 'kemasan '] }).expect(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        campaignId,
        authorId: author.id,
        status: 'published',
        tags: ['kemasan'],
        tally: { up: 0, down: 0, ratings: 0, mean: null, voters: 0 },
        score: 0,
        qualityReport: { duplicateOf: null, similar: [], violations: [] },
      });
    });

    it('tells the near-duplicate index the fingerprint it committed, so the next catch-up need not read its hashes', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const remembered = jest.spyOn(t.app.get(NearDuplicateIndex), 'rememberWritten');
      const res = await t.http.post(`/api/campaigns/${campaignId}/ideas`).set(author.auth).send(validIdea).expect(201);
      expect(remembered).toHaveBeenCalledWith(res.body.id, expect.any(Number), expect.any(Uint32Array));
      remembered.mockRestore();
    });

    it('holds ideas for review in a pre-moderated campaign and hides them from the public', async () => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
      const res = await t.http.post(`/api/campaigns/${campaignId}/ideas`).set(author.auth).send(validIdea).expect(201);
      expect(res.body.status).toBe('pending');
      await t.http.get(`/api/ideas/${res.body.id}`).expect(404);
      await t.http.get(`/api/ideas/${res.body.id}`).set(other.auth).expect(404);
      await t.http.get(`/api/ideas/${res.body.id}`).set(author.auth).expect(200);
      await t.http.get(`/api/ideas/${res.body.id}`).set(owner.auth).expect(200);
      expect((await t.http.get(`/api/campaigns/${campaignId}/ideas`).expect(200)).body.items).toHaveLength(0);
    });

    it('enforces the per-contributor limit with 409 and stores nothing more', async () => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { maxIdeasPerContributor: 2 } });
      await submitIdea(t, author, campaignId);
      await submitIdea(t, author, campaignId);
      // The near-duplicate index entered the refused idea with its check: it is taken out again.
      const released = jest.spyOn(t.app.get(NearDuplicateIndex), 'release');
      const res = await t.http.post(`/api/campaigns/${campaignId}/ideas`).set(author.auth).send(validIdea).expect(409);
      expect(res.body.error).toBe('IDEA_LIMIT_CONFLICT');
      expect(released).toHaveBeenCalledTimes(1);
      expect(released).toHaveBeenCalledWith(campaignId, expect.any(String));
      released.mockRestore();
      expect((await t.http.get(`/api/campaigns/${campaignId}/ideas`).expect(200)).body.items).toHaveLength(2);
    });

    it('refuses an idea whose campaign stopped taking ideas while it was being checked, and stores nothing', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const quality = t.app.get(QualityControlService);
      const assess = quality.assessSubmission.bind(quality);
      // The owner moves the campaign to voting after the request passed the status check, before its transaction.
      const moved = jest.spyOn(quality, 'assessSubmission').mockImplementationOnce(async (input) => {
        const assessment = await assess(input);
        await t.http.post(`/api/campaigns/${campaignId}/status`).set(owner.auth).send({ status: 'voting' }).expect(200);
        return assessment;
      });
      const res = await t.http.post(`/api/campaigns/${campaignId}/ideas`).set(author.auth).send(validIdea).expect(409);
      moved.mockRestore();
      expect(res.body.error).toBe('IDEA_SUBMISSIONS_CLOSED_CONFLICT');
      expect((await t.http.get(`/api/campaigns/${campaignId}/ideas`).expect(200)).body.items).toHaveLength(0);
      expect((await t.http.get('/api/me/ideas').set(author.auth).expect(200)).body.items.filter((idea: { campaignId: string }) => idea.campaignId === campaignId)).toEqual([]);
    });

    it('refuses an exact duplicate (after normalisation) in the same campaign', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      await t.http.post(`/api/campaigns/${campaignId}/ideas`).set(author.auth).send(validIdea).expect(201);
      const shouted = { title: validIdea.title.toUpperCase() + '!!', description: `  ${validIdea.description}` };
      expect((await t.http.post(`/api/campaigns/${campaignId}/ideas`).set(other.auth).send(shouted).expect(409)).body.error).toBe('IDEA_EXACT_DUPLICATE_CONFLICT');
    });

    it.each([
      [{ title: 'Pendek', description: validIdea.description }, 'title'],
      [{ title: validIdea.title, description: 'terlalu pendek' }, 'description'],
      [{ title: validIdea.title, description: 'x'.repeat(4001) }, 'description'],
    ])('refuses content outside the campaign limits (%#) naming %s', async (body, field) => {
      const campaignId = await makeOpenCampaign(t, owner);
      const res = await t.http.post(`/api/campaigns/${campaignId}/ideas`).set(author.auth).send(body).expect(400);
      expect(res.body.error).toBe('IDEA_CONTENT_INVALID');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it.each([
      [{ title: 5, description: validIdea.description }, 'title'],
      [{ description: validIdea.description }, 'title'],
      [{ ...validIdea, status: 'winner' }, 'status'],
      [{ ...validIdea, tally: { up: 99 } }, 'tally'],
      [{ ...validIdea, tags: 'kemasan' }, 'tags'],
    ])('refuses bad input %# naming %s', async (body, field) => {
      const campaignId = await makeOpenCampaign(t, owner);
      const res = await t.http.post(`/api/campaigns/${campaignId}/ideas`).set(author.auth).send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('needs an account (401), refuses the campaign owner (403) and a draft or missing campaign (404)', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      await t.http.post(`/api/campaigns/${campaignId}/ideas`).send(validIdea).expect(401);
      expect((await t.http.post(`/api/campaigns/${campaignId}/ideas`).set(owner.auth).send(validIdea).expect(403)).body.error).toBe('IDEA_OWN_CAMPAIGN_FORBIDDEN');
      await t.http.post('/api/campaigns/00000000-0000-4000-8000-000000000000/ideas').set(author.auth).send(validIdea).expect(404);
    });
  });

  describe('revise', () => {
    it('lets the author revise while open and keeps every revision', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const id = await submitIdea(t, author, campaignId);
      const res = await t.http.patch(`/api/ideas/${id}`).set(author.auth).send({ title: 'Judul yang sudah diperbaiki' }).expect(200);
      expect(res.body).toMatchObject({ title: 'Judul yang sudah diperbaiki', revision: 2 });
      const revisions = await t.http.get(`/api/ideas/${id}/revisions`).expect(200);
      expect(revisions.body.items.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
      await t.http.patch(`/api/ideas/${id}`).set(other.auth).send({ title: 'Judul dari orang lain' }).expect(403);
      await t.http.patch(`/api/ideas/${id}`).send({ title: 'Judul tanpa akun' }).expect(401);
      await t.http.patch(`/api/ideas/${id}`).set(author.auth).send({ authorId: other.id }).expect(400);
    });

    it('refuses revisions once submissions close', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const id = await submitIdea(t, author, campaignId);
      await t.http.post(`/api/campaigns/${campaignId}/status`).set(owner.auth).send({ status: 'voting' }).expect(200);
      await t.http.patch(`/api/ideas/${id}`).set(author.auth).send({ title: 'Judul yang terlambat' }).expect(409);
    });
  });

  describe('feedback', () => {
    it('lets only owners give it, and only author and owners read it', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const id = await submitIdea(t, author, campaignId);
      await t.http.post(`/api/ideas/${id}/feedback`).set(owner.auth).send({ body: 'Bagus, coba hitung biaya kemasannya.' }).expect(201);
      await t.http.post(`/api/ideas/${id}/feedback`).set(other.auth).send({ body: 'Saya bukan pemilik.' }).expect(403);
      await t.http.post(`/api/ideas/${id}/feedback`).set(owner.auth).send({}).expect(400);
      const mine = await t.http.get('/api/me/ideas').set(author.auth).expect(200);
      expect(mine.body.items.find((i: { id: string }) => i.id === id).latestFeedback).toBe('Bagus, coba hitung biaya kemasannya.');
      const read = await t.http.get(`/api/ideas/${id}/feedback`).set(author.auth).expect(200);
      expect(read.body.items).toEqual([expect.objectContaining({ body: 'Bagus, coba hitung biaya kemasannya.', authorId: owner.id })]);
      await t.http.get(`/api/ideas/${id}/feedback`).set(other.auth).expect(403);
    });
  });

  describe('list', () => {
    it('pages newest first and never shows an email or phone', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const contributors = await Promise.all([registerUser(t, { phone: '081299990001' }), registerUser(t), registerUser(t)]);
      for (const contributor of contributors) {
        t.clock.advance(1000);
        await submitIdea(t, contributor, campaignId);
      }
      const first = await t.http.get(`/api/campaigns/${campaignId}/ideas?sort=new&limit=2`).expect(200);
      expect(first.body.items).toHaveLength(2);
      const second = await t.http.get(`/api/campaigns/${campaignId}/ideas?sort=new&limit=2&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      const all = JSON.stringify([first.body, second.body]);
      expect(all).not.toMatch(/@contoh\.id|6281299990001|passwordHash/);
      await t.http.get(`/api/campaigns/${campaignId}/ideas?sort=best`).expect(400);
    });

    it('names each idea’s author by display name wherever ideas are listed, and nothing more of them', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const rina = await registerUser(t, { displayName: 'Rina Keripik', phone: '081299990002' });
      const id = await submitIdea(t, rina, campaignId);
      const named = expect.objectContaining({ id, authorId: rina.id, authorName: 'Rina Keripik' });
      const reads = [
        await t.http.get(`/api/ideas/${id}`).expect(200),
        await t.http.get(`/api/campaigns/${campaignId}/ideas?sort=top`).expect(200),
        await t.http.get(`/api/campaigns/${campaignId}/leaderboard`).expect(200),
        await t.http.get('/api/me/ideas').set(rina.auth).expect(200),
      ];
      expect(reads[0]!.body).toEqual(named);
      expect(reads[1]!.body.items).toEqual([named]);
      expect(reads[2]!.body.items).toEqual([expect.objectContaining({ id, authorId: rina.id, authorName: 'Rina Keripik' })]);
      expect(reads[3]!.body.items).toEqual([named]);
      expect(JSON.stringify(reads.map((read) => read.body))).not.toMatch(/@contoh\.id|6281299990002|passwordHash/);
      const page = await t.http.get(`/i/${id}`).expect(200);
      expect(page.text).toContain('oleh Rina Keripik');
    });

    it('lists the caller’s own ideas across campaigns at /api/me/ideas', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const me = await registerUser(t);
      const id = await submitIdea(t, me, campaignId);
      const res = await t.http.get('/api/me/ideas').set(me.auth).expect(200);
      expect(res.body.items).toEqual([expect.objectContaining({ id, campaignId, campaignStatus: 'open' })]);
      await t.http.get('/api/me/ideas').expect(401);
    });
  });
});
