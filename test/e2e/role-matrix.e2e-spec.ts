import { createTestApp, TestApp } from '../support/test-app';
import { Actor, makeBusiness, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';

/**
 * Every route of quality control, moderation, jury, integrity and incentives that acts on behalf of a
 * campaign's owner or jury, tried by each actor that must not act: the answer is 401, 403 or 404 and
 * nothing changes.
 */
const SOMEONE = '00000000-0000-4000-8000-000000000001';

describe('role matrix', () => {
  let t: TestApp;
  let owner: Actor;
  let judge: Actor;
  let actors: Record<'otherOwner' | 'contributor' | 'voter' | 'anonymous', Actor | null>;
  let campaignId: string;
  let pendingIdea: string;
  let publishedIdea: string;

  beforeAll(async () => {
    t = await createTestApp();
    [owner, judge] = await Promise.all([registerUser(t), registerUser(t)]);
    const otherOwner = await registerUser(t);
    await makeBusiness(t, otherOwner);
    const [contributor, voter] = await Promise.all([registerUser(t), registerUser(t)]);
    actors = { otherOwner, contributor, voter, anonymous: null };
    campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre', criteria: [{ key: 'novelty', weight: 1 }] } });
    await t.http.post(`/api/campaigns/${campaignId}/members`).set(owner.auth).send({ userId: judge.id, role: 'jury' }).expect(201);
    pendingIdea = await submitIdea(t, contributor, campaignId);
    publishedIdea = await submitIdea(t, contributor, campaignId);
    await t.http.post(`/api/ideas/${publishedIdea}/moderation`).set(owner.auth).send({ decision: 'approve' }).expect(200);
    await t.http.put(`/api/ideas/${publishedIdea}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
    await t.http.post(`/api/campaigns/${campaignId}/status`).set(owner.auth).send({ status: 'voting' }).expect(200);
  });
  afterAll(() => t.close());

  const routes: Array<[string, 'get' | 'post', (ids: { campaign: string; pending: string; published: string }) => string, Record<string, unknown> | undefined]> = [
    ['moderation queue', 'get', (i) => `/api/campaigns/${i.campaign}/moderation`, undefined],
    ['moderation decision', 'post', (i) => `/api/ideas/${i.pending}/moderation`, { decision: 'reject', reason: 'tidak sesuai' }],
    ['jury review', 'post', (i) => `/api/ideas/${i.published}/reviews`, { scores: { novelty: 5 } }],
    ['jury reviews read', 'get', (i) => `/api/ideas/${i.published}/reviews`, undefined],
    ['shortlist', 'post', (i) => `/api/ideas/${i.published}/shortlist`, undefined],
    ['integrity report', 'get', (i) => `/api/campaigns/${i.campaign}/integrity`, undefined],
    ['exclusions', 'post', (i) => `/api/campaigns/${i.campaign}/integrity/exclusions`, { voterIds: [SOMEONE], reason: 'coba-coba' }],
    ['feedback', 'post', (i) => `/api/ideas/${i.published}/feedback`, { body: 'Saran dari orang lain' }],
    ['campaign status', 'post', (i) => `/api/campaigns/${i.campaign}/status`, { status: 'judging' }],
    ['members', 'post', (i) => `/api/campaigns/${i.campaign}/members`, { userId: SOMEONE, role: 'jury' }],
  ];

  it.each(routes)('refuses %s to everyone but the owner or jury, and changes nothing', async (_name, method, path, body) => {
    const ids = { campaign: campaignId, pending: pendingIdea, published: publishedIdea };
    const before = await Promise.all([t.http.get(`/api/ideas/${publishedIdea}`).set(owner.auth), t.http.get(`/api/ideas/${pendingIdea}`).set(owner.auth), t.http.get(`/api/campaigns/${campaignId}`).set(owner.auth)]);
    const wrong: string[] = [];
    for (const [who, actor] of Object.entries(actors)) {
      let call = t.http[method](path(ids));
      if (actor) call = call.set(actor.auth);
      const res = body ? await call.send(body) : await call;
      if (!(actor ? [403, 404] : [401]).includes(res.status)) wrong.push(`${who}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
    const after = await Promise.all([t.http.get(`/api/ideas/${publishedIdea}`).set(owner.auth), t.http.get(`/api/ideas/${pendingIdea}`).set(owner.auth), t.http.get(`/api/campaigns/${campaignId}`).set(owner.auth)]);
    expect(after.map((r) => r.body)).toEqual(before.map((r) => r.body));
  });
});
