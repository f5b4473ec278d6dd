import { CampaignsService } from '../../src/modules/campaigns/campaigns.service';
import { createTestApp, TestApp } from '../support/test-app';
import { Actor, campaignInput, makeBusiness, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';

const DAY = 24 * 3600 * 1000;

describe('businesses and campaigns', () => {
  let t: TestApp;
  let owner: Actor;
  let stranger: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await registerUser(t);
    stranger = await registerUser(t);
  });
  afterAll(() => t.close());

  describe('businesses', () => {
    it('makes the creator an owner and shows the profile publicly', async () => {
      const id = await makeBusiness(t, owner);
      const res = await t.http.get(`/api/businesses/${id}`).expect(200);
      expect(res.body).toMatchObject({ id, sector: 'kuliner', scale: 'mikro', ownerIds: [owner.id] });
      const me = await t.http.get('/api/me').set(owner.auth).expect(200);
      expect(me.body.roles).toContain('owner');
    });

    it.each([
      [{ name: 'X Usaha', sector: 'tambang', scale: 'mikro', region: 'Bantul' }, 'sector'],
      [{ name: 'X Usaha', sector: 'kuliner', scale: 'raksasa', region: 'Bantul' }, 'scale'],
      [{ sector: 'kuliner', scale: 'mikro', region: 'Bantul' }, 'name'],
    ])('refuses %j naming %s', async (body, field) => {
      const res = await t.http.post('/api/businesses').set(owner.auth).send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('needs an account to create one', async () => {
      await t.http.post('/api/businesses').send({ name: 'X Usaha', sector: 'kuliner', scale: 'mikro', region: 'Bantul' }).expect(401);
    });

    it('lets only an owner add another owner', async () => {
      const id = await makeBusiness(t, owner);
      await t.http.post(`/api/businesses/${id}/owners`).set(stranger.auth).send({ userId: stranger.id }).expect(403);
      await t.http.post(`/api/businesses/${id}/owners`).set(owner.auth).send({ userId: stranger.id }).expect(201);
      await t.http.post(`/api/businesses/${id}/owners`).set(owner.auth).send({ userId: stranger.id }).expect(409);
    });
  });

  describe('create', () => {
    it('creates a draft with the default rules and incentives filled in', async () => {
      const businessId = await makeBusiness(t, owner);
      const res = await t.http.post('/api/campaigns').set(owner.auth).send(campaignInput(businessId, t)).expect(201);
      expect(res.body).toMatchObject({
        status: 'draft',
        rules: { moderation: 'post', maxIdeasPerContributor: 3, voteMode: 'up', crowdWeight: 1, juryWeight: 0, criteria: [] },
        incentives: { currency: 'IDR', prizes: [], points: { published: 10, shortlisted: 20, winner: 50 } },
      });
    });

    it('uses 0.4 crowd / 0.6 jury when criteria are given without weights', async () => {
      const businessId = await makeBusiness(t, owner);
      const criteria = [{ key: 'novelty', weight: 0.5 }, { key: 'feasibility', weight: 0.5 }];
      const res = await t.http.post('/api/campaigns').set(owner.auth).send(campaignInput(businessId, t, { rules: { criteria } })).expect(201);
      expect(res.body.rules).toMatchObject({ crowdWeight: 0.4, juryWeight: 0.6, criteria });
    });

    it('refuses a campaign for somebody else’s business with 403 and creates nothing', async () => {
      const businessId = await makeBusiness(t, owner);
      await t.http.post('/api/campaigns').set(stranger.auth).send(campaignInput(businessId, t)).expect(403);
      const list = await t.http.get(`/api/campaigns?businessId=${businessId}`).set(owner.auth).expect(200);
      expect(list.body.items).toHaveLength(0);
    });

    it.each([
      [{ kind: 'lottery' }, 'kind'],
      [{ rules: { voteMode: 'stars' } }, 'rules.voteMode'],
      [{ rules: { crowdWeight: 'half' } }, 'rules.crowdWeight'],
      [{ incentives: { prizes: [{ rank: 1, amount: -5 }] } }, 'incentives.prizes.0.amount'],
      [{ tally: { up: 100 } }, 'tally'],
      [{ status: 'open' }, 'status'],
    ])('refuses %j naming %s', async (overrides, field) => {
      const businessId = await makeBusiness(t, owner);
      const res = await t.http.post('/api/campaigns').set(owner.auth).send(campaignInput(businessId, t, overrides)).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('refuses deadlines out of order and weights that do not sum to 1', async () => {
      const businessId = await makeBusiness(t, owner);
      const now = t.clock.now().getTime();
      const late = { submissionClosesAt: new Date(now + 9 * DAY).toISOString(), votingClosesAt: new Date(now + 2 * DAY).toISOString() };
      expect((await t.http.post('/api/campaigns').set(owner.auth).send(campaignInput(businessId, t, late)).expect(400)).body.error).toBe('CAMPAIGN_DEADLINES_INVALID');
      const weights = { rules: { crowdWeight: 0.5, juryWeight: 0.6 } };
      expect((await t.http.post('/api/campaigns').set(owner.auth).send(campaignInput(businessId, t, weights)).expect(400)).body.error).toBe('CAMPAIGN_RULES_INVALID');
    });

    it('accepts a 120-character title of emoji', async () => {
      const businessId = await makeBusiness(t, owner);
      const title = '🍌'.repeat(60) + '❤️'.repeat(30);
      const res = await t.http.post('/api/campaigns').set(owner.auth).send(campaignInput(businessId, t, { title })).expect(201);
      expect((await t.http.get(`/api/campaigns/${res.body.id}`).set(owner.auth).expect(200)).body.title).toBe(title);
    });
  });

  describe('visibility', () => {
    it('keeps a draft private to its owners (404 for others) and lists open campaigns publicly', async () => {
      const businessId = await makeBusiness(t, owner);
      const draft = await t.http.post('/api/campaigns').set(owner.auth).send(campaignInput(businessId, t)).expect(201);
      await t.http.get(`/api/campaigns/${draft.body.id}`).expect(404);
      await t.http.get(`/api/campaigns/${draft.body.id}`).set(stranger.auth).expect(404);
      await t.http.get(`/api/campaigns/${draft.body.id}`).set(owner.auth).expect(200);
      await t.http.post(`/api/campaigns/${draft.body.id}/status`).set(owner.auth).send({ status: 'open' }).expect(200);
      await t.http.get(`/api/campaigns/${draft.body.id}`).expect(200);
      const list = await t.http.get('/api/campaigns?status=open&kind=product').expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toContain(draft.body.id);
    });

    it('pages through campaigns with a cursor, without repeats', async () => {
      const businessId = await makeBusiness(t, owner);
      for (let i = 0; i < 5; i++) {
        t.clock.advance(1000);
        await t.http.post('/api/campaigns').set(owner.auth).send(campaignInput(businessId, t, { title: `Sayembara nomor ${i}` })).expect(201);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await t.http
          .get(`/api/campaigns?businessId=${businessId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set(owner.auth)
          .expect(200);
        seen.push(...res.body.items.map((c) => c.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
      await t.http.get('/api/campaigns?cursor=garbage!').expect(400);
      await t.http.get('/api/campaigns?limit=1000').expect(400);
    });
  });

  describe('members', () => {
    it('lets an owner invite a jury member once; others get 403, bad roles 400', async () => {
      const id = await makeOpenCampaign(t, owner);
      const judge = await registerUser(t);
      const res = await t.http.post(`/api/campaigns/${id}/members`).set(owner.auth).send({ userId: judge.id, role: 'jury' }).expect(201);
      expect(res.body).toEqual({ campaignId: id, userId: judge.id, role: 'jury' });
      await t.http.post(`/api/campaigns/${id}/members`).set(owner.auth).send({ userId: judge.id, role: 'jury' }).expect(409);
      await t.http.post(`/api/campaigns/${id}/members`).set(stranger.auth).send({ userId: stranger.id, role: 'jury' }).expect(403);
      await t.http.post(`/api/campaigns/${id}/members`).send({ userId: judge.id, role: 'jury' }).expect(401);
      await t.http.post(`/api/campaigns/${id}/members`).set(owner.auth).send({ userId: judge.id, role: 'king' }).expect(400);
      await t.http.post(`/api/campaigns/${id}/members`).set(owner.auth).send({ userId: '00000000-0000-4000-8000-000000000000', role: 'member' }).expect(404);
    });

    it('refuses an owner of the business as a juror of its own campaign, and stores nothing', async () => {
      const id = await makeOpenCampaign(t, owner);
      const { body: campaign } = await t.http.get(`/api/campaigns/${id}`).expect(200);
      const coOwner = await registerUser(t);
      await t.http.post(`/api/businesses/${campaign.businessId}/owners`).set(owner.auth).send({ userId: coOwner.id }).expect(201);
      for (const candidate of [owner, coOwner]) {
        const res = await t.http.post(`/api/campaigns/${id}/members`).set(owner.auth).send({ userId: candidate.id, role: 'jury' }).expect(409);
        expect(res.body.error).toBe('CAMPAIGN_OWNER_JURY_CONFLICT');
      }
      expect(await t.app.get(CampaignsService).memberIds(id, 'jury')).toEqual([]);
      // An owner may still be a member of a private campaign's circle: only the jury is refused.
      await t.http.post(`/api/campaigns/${id}/members`).set(owner.auth).send({ userId: coOwner.id, role: 'member' }).expect(201);
    });

    it('shows a private campaign only to its owners and invited members', async () => {
      const member = await registerUser(t);
      const id = await makeOpenCampaign(t, owner, { visibility: 'private' });
      await t.http.get(`/api/campaigns/${id}`).expect(404);
      await t.http.get(`/api/campaigns/${id}`).set(member.auth).expect(404);
      await t.http.post(`/api/campaigns/${id}/members`).set(owner.auth).send({ userId: member.id, role: 'member' }).expect(201);
      await t.http.get(`/api/campaigns/${id}`).set(member.auth).expect(200);
      const list = await t.http.get('/api/campaigns?status=open').expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    });
  });

  describe('users', () => {
    it('shows a public profile without contact details', async () => {
      const res = await t.http.get(`/api/users/${owner.id}`).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(['displayName', 'id', 'roles']);
      await t.http.get('/api/users/00000000-0000-4000-8000-000000000000').set(owner.auth).expect(404);
    });
  });

  describe('status machine', () => {
    it('lets only an owner move it, and refuses illegal moves with 409', async () => {
      const id = await makeOpenCampaign(t, owner);
      await t.http.post(`/api/campaigns/${id}/status`).set(stranger.auth).send({ status: 'voting' }).expect(403);
      await t.http.post(`/api/campaigns/${id}/status`).send({ status: 'voting' }).expect(401);
      const bad = await t.http.post(`/api/campaigns/${id}/status`).set(owner.auth).send({ status: 'closed' }).expect(409);
      expect(bad.body.error).toBe('CAMPAIGN_STATUS_CONFLICT');
      await t.http.post(`/api/campaigns/${id}/status`).set(owner.auth).send({ status: 'launched' }).expect(400);
      await t.http.post(`/api/campaigns/${id}/status`).set(owner.auth).send({ status: 'voting' }).expect(200);
      await t.http.post(`/api/campaigns/${id}/status`).set(owner.auth).send({ status: 'cancelled' }).expect(409);
      const history = await t.http.get(`/api/campaigns/${id}/history`).expect(200);
      expect(history.body.items.map((h: { to: string }) => h.to)).toEqual(['open', 'voting']);
    });

    it('walks a campaign from draft to closed by its deadlines under a fixed clock', async () => {
      const businessId = await makeBusiness(t, owner);
      const start = t.clock.now().getTime();
      const input = campaignInput(businessId, t, {
        submissionClosesAt: new Date(start + 2 * DAY).toISOString(),
        votingClosesAt: new Date(start + 4 * DAY).toISOString(),
        judgingClosesAt: new Date(start + 5 * DAY).toISOString(),
      });
      const { body } = await t.http.post('/api/campaigns').set(owner.auth).send(input).expect(201);
      await t.http.post(`/api/campaigns/${body.id}/status`).set(owner.auth).send({ status: 'open' }).expect(200);
      const author = await registerUser(t);
      const voter = await registerUser(t);
      const ideaId = await submitIdea(t, author, body.id);

      t.clock.set(new Date(start + 2 * DAY + 1));
      // nobody asked: the next access sees the deadline and moves on, so a late idea is refused
      const late = await t.http.post(`/api/campaigns/${body.id}/ideas`).set(author.auth).send({ title: 'Ide yang terlambat datang', description: 'Deskripsi ide yang datang setelah tenggat pengiriman berakhir.' }).expect(409);
      expect(late.body.error).toBe('IDEA_SUBMISSIONS_CLOSED_CONFLICT');
      expect((await t.http.get(`/api/campaigns/${body.id}`).expect(200)).body.status).toBe('voting');
      await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(200);

      t.clock.set(new Date(start + 4 * DAY + 1));
      expect((await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(409)).body.error).toBe('VOTE_CLOSED_CONFLICT');
      expect((await t.http.get(`/api/campaigns/${body.id}`).expect(200)).body.status).toBe('judging');

      t.clock.set(new Date(start + 5 * DAY + 1));
      const lifecycle = t.app.get((await import('../../src/modules/campaigns/campaign-lifecycle.service')).CampaignLifecycleService);
      expect(await lifecycle.sweepDeadlines()).toBe(1);
      const history = await t.http.get(`/api/campaigns/${body.id}/history`).expect(200);
      expect(history.body.items.map((h: { to: string; cause: string }) => `${h.to}:${h.cause}`)).toEqual(['open:owner', 'voting:deadline', 'judging:deadline', 'closed:deadline']);
    });

    it('freezes the rules that shape the outcome once voting starts', async () => {
      const id = await makeOpenCampaign(t, owner);
      await t.http.patch(`/api/campaigns/${id}`).set(owner.auth).send({ rules: { voteMode: 'updown' } }).expect(200);
      await t.http.post(`/api/campaigns/${id}/status`).set(owner.auth).send({ status: 'voting' }).expect(200);
      const frozen = await t.http.patch(`/api/campaigns/${id}`).set(owner.auth).send({ rules: { voteMode: 'rating' } }).expect(409);
      expect(frozen.body.error).toBe('CAMPAIGN_RULES_FROZEN_CONFLICT');
      await t.http.patch(`/api/campaigns/${id}`).set(owner.auth).send({ incentives: { prizes: [{ rank: 1, amount: 500000 }] } }).expect(409);
      await t.http.patch(`/api/campaigns/${id}`).set(owner.auth).send({ title: 'Judul baru yang lebih jelas' }).expect(200);
      await t.http.patch(`/api/campaigns/${id}`).set(stranger.auth).send({ title: 'Judul dari orang lain' }).expect(403);
      expect((await t.http.get(`/api/campaigns/${id}`).expect(200)).body.rules.voteMode).toBe('updown');
    });
  });
});
