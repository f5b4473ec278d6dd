import { Actor, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';
import { decide, notificationsOf } from '../support/quality-factories';
import { createTestApp, TestApp } from '../support/test-app';

interface Notification {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  readAt: string | null;
}

describe('nobody is left in the dark: outcomes at close and cancel', () => {
  let t: TestApp;
  let owner: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await registerUser(t);
  });
  afterAll(() => t.close());

  const move = (id: string, status: string) => t.http.post(`/api/campaigns/${id}/status`).set(owner.auth).send({ status }).expect(200);

  async function myIdea(author: Actor, ideaId: string) {
    const res = await t.http.get('/api/me/ideas').set(author.auth).expect(200);
    return res.body.items.find((item: { id: string }) => item.id === ideaId);
  }

  async function upVotes(ideaId: string, count: number): Promise<void> {
    const voters = await Promise.all(Array.from({ length: count }, () => registerUser(t)));
    for (const voter of voters) await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
  }

  /** The notices a closed or cancelled campaign left for one author. */
  async function endingNotices(author: Actor, campaignId: string): Promise<Notification[]> {
    const all = (await notificationsOf(t, author)) as Notification[];
    return all.filter((n) => ['idea.won', 'idea.result'].includes(n.kind) && n.payload.campaignId === campaignId);
  }

  describe('close', () => {
    let campaignId: string;
    const authors: Record<'winner' | 'shortlisted' | 'notSelected' | 'rejected' | 'duplicate' | 'pending', Actor> = {} as never;
    const ideas: Record<keyof typeof authors, string> = {} as never;

    beforeAll(async () => {
      campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' }, incentives: { prizes: [{ rank: 1, amount: 500000 }] } });
      for (const key of Object.keys({ winner: 0, shortlisted: 0, notSelected: 0, rejected: 0, duplicate: 0, pending: 0 }) as Array<keyof typeof authors>) {
        authors[key] = await registerUser(t);
        t.clock.advance(1000);
        ideas[key] = await submitIdea(t, authors[key], campaignId);
      }
      for (const key of ['winner', 'shortlisted', 'notSelected'] as const) await decide(t, owner, ideas[key], { decision: 'approve' });
      await decide(t, owner, ideas.rejected, { decision: 'reject', reason: 'Iklan, bukan ide.' });
      await decide(t, owner, ideas.duplicate, { decision: 'duplicate', duplicateOfId: ideas.winner, reason: 'Sama dengan ide yang lebih dulu.' });
      await upVotes(ideas.winner, 3);
      await upVotes(ideas.shortlisted, 2);
      await move(campaignId, 'voting');
    });

    it('has no outcome while the campaign runs', async () => {
      for (const key of ['winner', 'rejected', 'pending'] as const) expect(await myIdea(authors[key], ideas[key])).toMatchObject({ campaignStatus: 'voting', outcome: null });
      expect(await endingNotices(authors.winner, campaignId)).toEqual([]);
    });

    it('tells the author of a shortlisted idea, in the shortlist itself', async () => {
      await t.http.post(`/api/ideas/${ideas.shortlisted}/shortlist`).set(owner.auth).expect(200);
      const notices = await notificationsOf(t, authors.shortlisted);
      expect(notices.filter((n) => n.kind === 'idea.shortlisted')).toEqual([
        expect.objectContaining({ payload: expect.objectContaining({ ideaId: ideas.shortlisted, campaignId, title: expect.any(String) }), readAt: null }),
      ]);
      // a refused shortlist tells nobody anything
      await t.http.post(`/api/ideas/${ideas.shortlisted}/shortlist`).set(owner.auth).expect(409);
      await t.http.post(`/api/ideas/${ideas.notSelected}/shortlist`).set(authors.winner.auth).expect(403);
      expect((await notificationsOf(t, authors.shortlisted)).filter((n) => n.kind === 'idea.shortlisted')).toHaveLength(1);
      expect((await notificationsOf(t, authors.notSelected)).filter((n) => n.kind === 'idea.shortlisted')).toEqual([]);
    });

    it('gives every idea a final status with its rank, award or reason on /api/me/ideas', async () => {
      await move(campaignId, 'judging');
      await move(campaignId, 'closed');
      const none = { reason: null, duplicateOf: null, award: null };
      const expected = {
        winner: { finalStatus: 'winner', rank: 1, of: 3, reason: null, duplicateOf: null, award: { amount: 500000, currency: 'IDR' } },
        shortlisted: { finalStatus: 'shortlisted', rank: 2, of: 3, ...none },
        notSelected: { finalStatus: 'not-selected', rank: 3, of: 3, ...none },
        rejected: { finalStatus: 'rejected', rank: null, of: null, reason: 'Iklan, bukan ide.', duplicateOf: null, award: null },
        duplicate: { finalStatus: 'duplicate', rank: null, of: null, reason: 'Sama dengan ide yang lebih dulu.', duplicateOf: ideas.winner, award: null },
        pending: { finalStatus: 'not-reviewed', rank: null, of: null, ...none },
      };
      for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
        const item = await myIdea(authors[key], ideas[key]);
        expect({ key, campaignStatus: item.campaignStatus, outcome: item.outcome }).toEqual({ key, campaignStatus: 'closed', outcome: expected[key] });
      }
    });

    it('notifies each author once per idea: a win with its prize, every other idea with its result', async () => {
      expect(await endingNotices(authors.winner, campaignId)).toEqual([
        expect.objectContaining({ kind: 'idea.won', payload: expect.objectContaining({ ideaId: ideas.winner, rank: 1, of: 3, amount: 500000, currency: 'IDR' }) }),
      ]);
      const results = {
        shortlisted: { finalStatus: 'shortlisted', rank: 2, of: 3, reason: null },
        notSelected: { finalStatus: 'not-selected', rank: 3, of: 3, reason: null },
        rejected: { finalStatus: 'rejected', rank: null, of: null, reason: 'Iklan, bukan ide.' },
        duplicate: { finalStatus: 'duplicate', rank: null, of: null, reason: 'Sama dengan ide yang lebih dulu.', duplicateOf: ideas.winner },
        pending: { finalStatus: 'not-reviewed', rank: null, of: null, reason: null },
      };
      for (const key of Object.keys(results) as Array<keyof typeof results>) {
        expect({ key, notices: await endingNotices(authors[key], campaignId) }).toEqual({
          key,
          notices: [expect.objectContaining({ kind: 'idea.result', readAt: null, payload: expect.objectContaining({ ideaId: ideas[key], campaignId, ...results[key] }) })],
        });
      }
    });
  });

  describe('cancel', () => {
    it('ends every idea of a cancelled campaign as cancelled, and tells each author', async () => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
      const [published, waiting] = await Promise.all([registerUser(t), registerUser(t)]);
      const publishedIdea = await submitIdea(t, published, campaignId);
      const waitingIdea = await submitIdea(t, waiting, campaignId);
      await decide(t, owner, publishedIdea, { decision: 'approve' });
      await move(campaignId, 'cancelled');
      for (const [author, ideaId] of [[published, publishedIdea], [waiting, waitingIdea]] as const) {
        expect(await myIdea(author, ideaId)).toMatchObject({ campaignStatus: 'cancelled', outcome: { finalStatus: 'cancelled', rank: null, of: null, reason: null, duplicateOf: null, award: null } });
        expect(await endingNotices(author, campaignId)).toEqual([
          expect.objectContaining({ kind: 'idea.result', payload: expect.objectContaining({ ideaId, finalStatus: 'cancelled', rank: null, of: null }) }),
        ]);
      }
    });
  });
});

describe('POST /api/me/notifications/read', () => {
  let t: TestApp;
  let owner: Actor;
  let me: Actor;
  let other: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    [owner, me, other] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
    // Each approval of a held idea leaves its author one notification.
    const campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
    for (const author of [me, me, me, other, other]) {
      t.clock.advance(1000);
      await decide(t, owner, await submitIdea(t, author, campaignId), { decision: 'approve' });
    }
  });
  afterAll(() => t.close());

  const read = (who: Actor, body: Record<string, unknown>, expected = 200) => t.http.post('/api/me/notifications/read').set(who.auth).send(body).expect(expected);
  const unreadOf = async (who: Actor): Promise<Notification[]> => (await t.http.get('/api/me/notifications?unread=true').set(who.auth).expect(200)).body.items;

  it('marks the caller’s given notifications read, once, and lists the rest as unread', async () => {
    const [first, ...rest] = await unreadOf(me);
    expect(rest).toHaveLength(2);
    expect((await read(me, { ids: [first!.id] })).body).toEqual({ updated: 1 });
    expect((await read(me, { ids: [first!.id.toUpperCase()] })).body).toEqual({ updated: 0 });
    expect((await unreadOf(me)).map((n) => n.id)).toEqual(rest.map((n) => n.id));
    const all: Notification[] = (await t.http.get('/api/me/notifications').set(me.auth).expect(200)).body.items;
    expect(all.find((n) => n.id === first!.id)!.readAt).toBe(t.clock.now().toISOString());
  });

  it('never touches another user’s notifications, and does not say whether they exist', async () => {
    const theirs = await unreadOf(other);
    expect(theirs).toHaveLength(2);
    expect((await read(me, { ids: theirs.map((n) => n.id) })).body).toEqual({ updated: 0 });
    expect(await unreadOf(other)).toEqual(theirs);
  });

  it('marks all of the caller’s notifications read when no ids are given, and none for an empty list', async () => {
    expect((await read(me, { ids: [] })).body).toEqual({ updated: 0 });
    expect((await read(me, {})).body).toEqual({ updated: 2 });
    expect(await unreadOf(me)).toEqual([]);
    expect(await unreadOf(other)).toHaveLength(2);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const refused = await read(other, { ids: ['not-a-uuid'] }, 400);
    expect(refused.body.error).toBe('VALIDATION_INVALID');
    await read(other, { ids: Array.from({ length: 201 }, () => '00000000-0000-4000-8000-000000000000') }, 400);
    await read(other, { ids: 'all' }, 400);
    await read(other, { everything: true }, 400);
    await t.http.get('/api/me/notifications?unread=maybe').set(other.auth).expect(400);
    expect(await unreadOf(other)).toHaveLength(2);
  });

  it('needs an account', async () => {
    await t.http.post('/api/me/notifications/read').send({}).expect(401);
    expect(await unreadOf(other)).toHaveLength(2);
  });
});
