import { IdeaContributor } from '../../src/modules/moderation/idea-flag.entity';
import { Vote } from '../../src/modules/votes/vote.entity';
import { Actor, campaignInput, makeBusiness, makeOpenCampaign, registerUser } from '../support/factories';
import {
  ageAccounts,
  auditOf,
  captureEvents,
  counts,
  dataSourceOf,
  decide,
  flagsOf,
  ideaRow,
  KOPI_NEAR_COPY,
  KOPI_ORIGINAL,
  KOPI_SIMILAR,
  notificationsOf,
  reputationOf,
  setReputation,
  submitText,
  tallyMismatches,
  UNRELATED,
  upVote,
} from '../support/quality-factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('moderation', () => {
  let t: TestApp;
  let owner: Actor;
  let author: Actor;
  let other: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    [owner, author, other] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
  });
  afterAll(() => t.close());

  async function flagBy(users: Actor[], ideaId: string, reason = 'spam'): Promise<void> {
    for (const user of users) await t.http.post(`/api/ideas/${ideaId}/flags`).set(user.auth).send({ reason }).expect(201);
  }

  async function users(n: number): Promise<Actor[]> {
    return Promise.all(Array.from({ length: n }, () => registerUser(t)));
  }

  describe('decisions', () => {
    it('approves a held idea: published, author told, audited, one good outcome for the author', async () => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
      const published = captureEvents(t, 'idea.published');
      const idea = await submitText(t, author, campaignId, UNRELATED[0]!);
      const before = await reputationOf(t, author.id);
      t.clock.advance(1000);
      const res = await decide(t, owner, idea.id, { decision: 'approve' });
      expect(res).toMatchObject({ id: idea.id, status: 'published', statusReason: null, merge: null, qualityReport: { holdReasons: [] } });
      expect(published).toContainEqual(expect.objectContaining({ ideaId: idea.id, campaignId }));
      expect((await auditOf(t, idea.id)).map((a) => [a.decision, a.fromStatus, a.toStatus, a.actorId])).toEqual([
        ['hold', null, 'pending', null],
        ['approve', 'pending', 'published', owner.id],
      ]);
      expect(await reputationOf(t, author.id)).toEqual({ good: before.good + 1, bad: before.bad });
      expect(await notificationsOf(t, author)).toContainEqual(expect.objectContaining({ kind: 'idea.approved', payload: expect.objectContaining({ ideaId: idea.id }) }));
    });

    it('rejects only with a reason, which the contributor reads on the idea and in a notification', async () => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
      const idea = await submitText(t, author, campaignId, UNRELATED[1]!);
      const missing = await decide(t, owner, idea.id, { decision: 'reject' }, 400);
      expect(missing.details).toEqual([expect.objectContaining({ field: 'reason' })]);
      await decide(t, owner, idea.id, { decision: 'reject', reason: '   ' }, 400);
      expect((await ideaRow(t, idea.id)).status).toBe('pending');
      const reason = 'Ide ini di luar tantangan kemasan.';
      await decide(t, owner, idea.id, { decision: 'reject', reason });
      const seen = await t.http.get(`/api/ideas/${idea.id}`).set(author.auth).expect(200);
      expect(seen.body).toMatchObject({ status: 'rejected', statusReason: reason });
      expect(await notificationsOf(t, author)).toContainEqual({ id: expect.any(String), kind: 'idea.rejected', payload: expect.objectContaining({ ideaId: idea.id, reason }), createdAt: expect.any(String), readAt: null });
      expect((await auditOf(t, idea.id)).at(-1)).toMatchObject({ decision: 'reject', reason, actorId: owner.id });
    });

    it('refuses moves the status machine does not allow with 409 and changes nothing', async () => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
      const idea = await submitText(t, author, campaignId, UNRELATED[2]!);
      await decide(t, owner, idea.id, { decision: 'reject', reason: 'Bukan ide.' });
      const before = await counts(t, campaignId);
      for (const decision of ['approve', 'reject', 'duplicate']) {
        const res = await decide(t, owner, idea.id, { decision, reason: 'lagi', duplicateOfId: idea.id }, 409);
        expect(res.error).toBe('MODERATION_STATUS_CONFLICT');
      }
      const published = await submitText(t, other, await makeOpenCampaign(t, owner), KOPI_ORIGINAL);
      expect((await decide(t, owner, published.id, { decision: 'approve' }, 409)).error).toBe('MODERATION_STATUS_CONFLICT');
      expect(await counts(t, campaignId)).toEqual(before);
      expect((await ideaRow(t, idea.id)).status).toBe('rejected');
      await decide(t, owner, idea.id, { decision: 'publish' }, 400);
    });

    it('needs the duplicate’s original: another, earlier idea of the same campaign', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const original = await submitText(t, author, campaignId, KOPI_ORIGINAL);
      t.clock.advance(1000);
      const copy = await submitText(t, other, campaignId, KOPI_NEAR_COPY);
      t.clock.advance(1000);
      const later = await submitText(t, author, campaignId, UNRELATED[0]!);
      const elsewhere = await submitText(t, author, await makeOpenCampaign(t, owner), UNRELATED[1]!);
      for (const duplicateOfId of [undefined, copy.id, later.id, elsewhere.id, '00000000-0000-4000-8000-000000000000']) {
        const res = await decide(t, owner, copy.id, { decision: 'duplicate', duplicateOfId }, 400);
        expect(res.error).toBe('MODERATION_ORIGINAL_INVALID');
      }
      expect((await ideaRow(t, copy.id)).status).toBe('pending');
      await decide(t, owner, copy.id, { decision: 'duplicate', duplicateOfId: original.id });
      expect(await ideaRow(t, copy.id)).toMatchObject({ status: 'duplicate', duplicateOfId: original.id });
    });
  });

  describe('duplicate merge', () => {
    it('moves the duplicate’s votes to the original without counting anyone twice, in one transaction', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const [originalAuthor, copier, both, onlyB1, onlyB2, onlyA] = await users(6);
      const a = await submitText(t, originalAuthor!, campaignId, KOPI_ORIGINAL);
      t.clock.advance(1000);
      const b = await submitText(t, copier!, campaignId, UNRELATED[0]!);
      for (const voter of [both!, onlyA!]) await upVote(t, voter, a.id);
      for (const voter of [both!, onlyB1!, onlyB2!, originalAuthor!]) await upVote(t, voter, b.id);
      // The copier rewrites the idea into the original's words: it goes back to the queue, votes kept.
      const revised = await t.http.patch(`/api/ideas/${b.id}`).set(copier!.auth).send(KOPI_NEAR_COPY).expect(200);
      expect(revised.body).toMatchObject({ status: 'pending', qualityReport: { duplicateOf: { ideaId: a.id } }, tally: { up: 4 } });

      const res = await decide(t, owner, b.id, { decision: 'duplicate', duplicateOfId: a.id, reason: 'Sama dengan ide yang lebih dulu.' });
      expect(res).toMatchObject({ status: 'duplicate', duplicateOfId: a.id, tally: { up: 0, voters: 0 }, merge: { originalId: a.id, moved: 2, alreadyCounted: 1, selfVotes: 1 } });

      const original = (await t.http.get(`/api/ideas/${a.id}`).expect(200)).body;
      expect(original.tally).toMatchObject({ up: 4, voters: 4 });
      const rows = await dataSourceOf(t).getRepository(Vote).findBy({ campaignId });
      const validOn = (ideaId: string) => rows.filter((v) => v.ideaId === ideaId && v.valid).map((v) => v.voterId).sort();
      expect(validOn(a.id)).toEqual([both!.id, onlyA!.id, onlyB1!.id, onlyB2!.id].sort());
      expect(validOn(b.id)).toEqual([]);
      expect(rows.filter((v) => v.ideaId === b.id).map((v) => v.invalidReason)).toEqual(Array(4).fill(`merged into ${a.id}`));
      expect(await tallyMismatches(t, campaignId)).toEqual([]);

      const board = (await t.http.get(`/api/campaigns/${campaignId}/leaderboard`).expect(200)).body.items;
      expect(board.map((i: { id: string }) => i.id)).toEqual([a.id]);
      expect(await dataSourceOf(t).getRepository(IdeaContributor).findBy({ ideaId: a.id })).toEqual([expect.objectContaining({ userId: copier!.id, viaIdeaId: b.id })]);
      expect(await notificationsOf(t, copier!)).toContainEqual(expect.objectContaining({ kind: 'idea.duplicate', payload: expect.objectContaining({ ideaId: b.id, originalId: a.id }) }));
      expect(await notificationsOf(t, originalAuthor!)).toContainEqual(expect.objectContaining({ kind: 'idea.merged', payload: expect.objectContaining({ ideaId: a.id, duplicateId: b.id, coContributorId: copier!.id }) }));
      expect(await reputationOf(t, copier!.id)).toEqual({ good: 0, bad: 1 });
      // The moved votes are ordinary votes now: changeable and retractable, never doubled.
      await upVote(t, onlyB1!, a.id);
      await t.http.delete(`/api/ideas/${a.id}/vote`).set(onlyB2!.auth).expect(200);
      expect((await t.http.get(`/api/ideas/${a.id}`).expect(200)).body.tally).toMatchObject({ up: 3, voters: 3 });
      expect(await tallyMismatches(t, campaignId)).toEqual([]);
      await t.http.put(`/api/ideas/${b.id}/vote`).set(onlyA!.auth).send({ value: 1 }).expect(404);
    });
  });

  describe('flags', () => {
    it('hides an idea once six day-old accounts flag it (E = 0.5 each: 6 × 0.5 reaches the default 3)', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const [writer] = await users(1);
      const idea = await submitText(t, writer!, campaignId, UNRELATED[0]!);
      const flaggers = await users(6);
      await ageAccounts(t, flaggers);
      const queued = captureEvents(t, 'moderation.queue');
      await flagBy(flaggers.slice(0, 5), idea.id);
      await t.http.get(`/api/ideas/${idea.id}`).expect(200);
      await flagBy(flaggers.slice(5), idea.id, 'offensive');
      await t.http.get(`/api/ideas/${idea.id}`).expect(404);
      expect(await ideaRow(t, idea.id)).toMatchObject({ status: 'hidden', statusReason: 'flags: spam ×5, offensive ×1' });
      expect(queued).toContainEqual({ campaignId, ideaId: idea.id, reason: 'flags: spam ×5, offensive ×1', pending: 1 });
      expect((await auditOf(t, idea.id)).map((a) => [a.decision, a.fromStatus, a.toStatus, a.actorId])).toEqual([['hide', 'published', 'hidden', null]]);
      expect(await notificationsOf(t, writer!)).toContainEqual(expect.objectContaining({ kind: 'idea.hidden', payload: expect.objectContaining({ ideaId: idea.id }) }));
      const queue = (await t.http.get(`/api/campaigns/${campaignId}/moderation`).set(owner.auth).expect(200)).body.items;
      expect(queue).toEqual([expect.objectContaining({ id: idea.id, status: 'hidden', openFlags: { count: 6, weight: 3, reasons: { spam: 5, offensive: 1 } }, authorReputation: 0.5 })]);
      await t.http.get(`/api/campaigns/${campaignId}/leaderboard`).expect(200).expect((res) => expect(res.body.items).toEqual([]));
    });

    it('weighs a flag by the flagger’s reputation: four at E = 0.75 (r = 8, s = 2) hide, three do not', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const idea = await submitText(t, author, campaignId, UNRELATED[1]!);
      const trusted = await users(4);
      await ageAccounts(t, trusted);
      for (const user of trusted) await setReputation(t, user.id, 8, 2);
      await flagBy(trusted.slice(0, 3), idea.id);
      expect((await ideaRow(t, idea.id)).status).toBe('published');
      expect((await flagsOf(t, idea.id)).map((f) => f.weight)).toEqual([0.75, 0.75, 0.75]);
      await flagBy(trusted.slice(3), idea.id);
      expect((await ideaRow(t, idea.id)).status).toBe('hidden');
    });

    it('gives accounts younger than 24 hours no weight, however many flag', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const idea = await submitText(t, author, campaignId, UNRELATED[2]!);
      const fresh = await users(8);
      await ageAccounts(t, fresh, 23);
      await flagBy(fresh, idea.id);
      expect((await flagsOf(t, idea.id)).every((f) => f.weight === 0)).toBe(true);
      expect((await ideaRow(t, idea.id)).status).toBe('published');
    });

    it('takes one flag per person, never the author’s, and validates the reason', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const idea = await submitText(t, author, campaignId, KOPI_ORIGINAL);
      const res = await t.http.post(`/api/ideas/${idea.id}/flags`).set(other.auth).send({ reason: 'spam', note: 'Iklan terselubung.' }).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(String), ideaId: idea.id, reason: 'spam', note: 'Iklan terselubung.' });
      expect((await t.http.post(`/api/ideas/${idea.id}/flags`).set(other.auth).send({ reason: 'offensive' }).expect(409)).body.error).toBe('FLAG_CONFLICT');
      expect((await t.http.post(`/api/ideas/${idea.id}/flags`).set(author.auth).send({ reason: 'spam' }).expect(403)).body.error).toBe('FLAG_OWN_IDEA_FORBIDDEN');
      await t.http.post(`/api/ideas/${idea.id}/flags`).set(owner.auth).send({ reason: 'rude' }).expect(400);
      await t.http.post(`/api/ideas/${idea.id}/flags`).set(owner.auth).send({ reason: 'spam', weight: 5 }).expect(400);
      expect(await flagsOf(t, idea.id)).toHaveLength(1);
    });

    it('settles the flags with the decision: overturned flaggers lose, confirmed flaggers gain', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const wronged = await submitText(t, author, campaignId, UNRELATED[0]!);
      const spam = await submitText(t, other, campaignId, UNRELATED[1]!);
      const flaggers = await users(6);
      await ageAccounts(t, flaggers);
      await flagBy(flaggers, wronged.id);
      await flagBy(flaggers, spam.id);
      expect((await decide(t, owner, wronged.id, { decision: 'duplicate', duplicateOfId: spam.id }, 409)).error).toBe('MODERATION_STATUS_CONFLICT');
      await decide(t, owner, wronged.id, { decision: 'approve', reason: 'Tidak melanggar.' });
      expect(await reputationOf(t, flaggers[0]!.id)).toEqual({ good: 0, bad: 1 });
      expect((await t.http.get(`/api/ideas/${wronged.id}`).expect(200)).body).toMatchObject({ status: 'published', statusReason: null });
      await decide(t, owner, spam.id, { decision: 'reject', reason: 'Iklan, bukan ide.' });
      expect(await reputationOf(t, flaggers[0]!.id)).toEqual({ good: 1, bad: 1 });
      expect((await flagsOf(t, wronged.id)).map((f) => f.outcome)).toEqual(Array(6).fill('overturned'));
      expect((await flagsOf(t, spam.id)).map((f) => f.outcome)).toEqual(Array(6).fill('confirmed'));
      // Flags settled by a decision no longer count: the published idea needs six new flags to hide again.
      expect((await ideaRow(t, wronged.id)).status).toBe('published');
    });
  });

  describe('queue', () => {
    it('pages the held and hidden ideas oldest first', async () => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre', maxIdeasPerContributor: 5 } });
      const ids: string[] = [];
      for (const text of [...UNRELATED, KOPI_ORIGINAL]) {
        t.clock.advance(1000);
        ids.push((await submitText(t, author, campaignId, text)).id);
      }
      await decide(t, owner, ids[1]!, { decision: 'approve' });
      const first = await t.http.get(`/api/campaigns/${campaignId}/moderation?limit=2`).set(owner.auth).expect(200);
      const second = await t.http.get(`/api/campaigns/${campaignId}/moderation?limit=2&cursor=${first.body.nextCursor}`).set(owner.auth).expect(200);
      expect([...first.body.items, ...second.body.items].map((i: { id: string }) => i.id)).toEqual([ids[0], ids[2], ids[3]]);
      expect(second.body.nextCursor).toBeNull();
      expect(first.body.items[0].qualityReport.holdReasons).toEqual(['pre-moderation']);
      await t.http.get(`/api/campaigns/${campaignId}/moderation?limit=0`).set(owner.auth).expect(400);
    });
  });

  describe('notifications', () => {
    it('lists only the caller’s notifications, newest first, by pages', async () => {
      const me = await registerUser(t);
      const campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
      for (const text of [UNRELATED[0]!, KOPI_SIMILAR]) {
        const idea = await submitText(t, me, campaignId, text);
        t.clock.advance(1000);
        await decide(t, owner, idea.id, { decision: 'approve' });
      }
      const page = await t.http.get('/api/me/notifications?limit=1').set(me.auth).expect(200);
      expect(page.body.items).toEqual([expect.objectContaining({ kind: 'idea.approved', payload: expect.objectContaining({ title: KOPI_SIMILAR.title }) })]);
      const rest = await t.http.get(`/api/me/notifications?limit=1&cursor=${page.body.nextCursor}`).set(me.auth).expect(200);
      expect(rest.body.items[0].payload.title).toBe(UNRELATED[0]!.title);
      expect((await t.http.get('/api/me/notifications').set(other.auth).expect(200)).body.items.map((n: { payload: { ideaId: string } }) => n.payload.ideaId)).not.toContain(page.body.items[0].payload.ideaId);
    });
  });
});

describe('moderation role matrix', () => {
  let t: TestApp;
  let owner: Actor;
  let otherOwner: Actor;
  let contributor: Actor;
  let voter: Actor;
  let campaignId: string;
  let held: { id: string };
  let published: { id: string };
  beforeAll(async () => {
    t = await createTestApp();
    [owner, otherOwner, contributor, voter] = await Promise.all([registerUser(t), registerUser(t), registerUser(t), registerUser(t)]);
    await makeOpenCampaign(t, otherOwner);
    campaignId = await makeOpenCampaign(t, owner);
    const someone = await registerUser(t);
    await submitText(t, someone, campaignId, KOPI_ORIGINAL);
    t.clock.advance(1000);
    held = await submitText(t, contributor, campaignId, KOPI_NEAR_COPY);
    published = await submitText(t, contributor, campaignId, UNRELATED[0]!);
    await upVote(t, voter, published.id);
  });
  afterAll(() => t.close());

  const anonymous = { auth: {} as Record<string, string> };

  it('GET /api/campaigns/:id/moderation: only owners', async () => {
    for (const [actor, status] of [[otherOwner, 403], [contributor, 403], [voter, 403], [anonymous, 401]] as const) {
      await t.http.get(`/api/campaigns/${campaignId}/moderation`).set(actor.auth).expect(status);
    }
    const draft = await t.http.post('/api/campaigns').set(owner.auth).send(campaignInput(await makeBusiness(t, owner), t)).expect(201);
    for (const actor of [otherOwner, voter]) await t.http.get(`/api/campaigns/${draft.body.id}/moderation`).set(actor.auth).expect(404);
    await t.http.get(`/api/campaigns/${draft.body.id}/moderation`).set(owner.auth).expect(200);
  });

  it('POST /api/ideas/:id/moderation: only owners, and a refused call changes nothing', async () => {
    const before = await counts(t, campaignId);
    for (const [actor, status] of [[otherOwner, 404], [contributor, 403], [voter, 404], [anonymous, 401]] as const) {
      await t.http.post(`/api/ideas/${held.id}/moderation`).set(actor.auth).send({ decision: 'reject', reason: 'bukan pemilik' }).expect(status);
    }
    for (const [actor, status] of [[otherOwner, 403], [contributor, 403], [voter, 403], [anonymous, 401]] as const) {
      await t.http.post(`/api/ideas/${published.id}/moderation`).set(actor.auth).send({ decision: 'approve' }).expect(status);
    }
    expect(await counts(t, campaignId)).toEqual(before);
    expect((await ideaRow(t, held.id)).status).toBe('pending');
  });

  it('POST /api/ideas/:id/flags: not the author, not anonymous, not an idea one cannot see', async () => {
    const before = await counts(t, campaignId);
    await t.http.post(`/api/ideas/${published.id}/flags`).set(contributor.auth).send({ reason: 'spam' }).expect(403);
    await t.http.post(`/api/ideas/${published.id}/flags`).send({ reason: 'spam' }).expect(401);
    for (const actor of [otherOwner, voter]) await t.http.post(`/api/ideas/${held.id}/flags`).set(actor.auth).send({ reason: 'spam' }).expect(404);
    expect((await t.http.post(`/api/ideas/${held.id}/flags`).set(owner.auth).send({ reason: 'spam' }).expect(409)).body.error).toBe('FLAG_STATUS_CONFLICT');
    expect(await counts(t, campaignId)).toEqual(before);
  });

  it('GET /api/me/notifications: an account, and only one’s own', async () => {
    await t.http.get('/api/me/notifications').expect(401);
    await decide(t, owner, held.id, { decision: 'reject', reason: 'Salinan ide lain.' });
    expect((await notificationsOf(t, contributor)).map((n) => n.kind)).toContain('idea.rejected');
    for (const actor of [otherOwner, voter, owner]) expect(await notificationsOf(t, actor)).toEqual([]);
  });
});
