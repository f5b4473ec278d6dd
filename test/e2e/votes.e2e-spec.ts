import { Response } from 'supertest';
import { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { Campaign } from '../../src/modules/campaigns/campaign.entity';
import { CampaignLifecycleService } from '../../src/modules/campaigns/campaign-lifecycle.service';
import { lockCampaignGate } from '../../src/modules/campaigns/campaign-gate-lock';
import { Vote, VoteExclusion } from '../../src/modules/votes/vote.entity';
import { createTestApp, TestApp } from '../support/test-app';
import { Actor, campaignInput, makeBusiness, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';

/** A promise with its resolver, to hold a transaction open at a chosen point. */
function signal(): { promise: Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function voteRows(t: TestApp, ideaId: string): Promise<Array<{ valid: boolean; invalidReason: string | null }>> {
  const db = t.app.get(DataSource);
  const rows: Array<{ valid: boolean | number; invalidReason: string | null }> = await db.query(
    `SELECT "valid", "invalidReason" FROM "votes" WHERE "ideaId" = ${db.options.type === 'postgres' ? '$1' : '?'}`,
    [ideaId],
  );
  return rows.map((row) => ({ valid: row.valid === true || row.valid === 1, invalidReason: row.invalidReason }));
}

async function tallyMatchesRows(t: TestApp, ideaIds: string[]): Promise<Array<{ id: string; stored: number; rows: number }>> {
  const db = t.app.get(DataSource);
  const out = [];
  for (const id of ideaIds) {
    const [idea] = await db.query('SELECT "upCount", "votersCount" FROM "ideas" WHERE "id" = $1'.replace('$1', db.options.type === 'postgres' ? '$1' : '?'), [id]);
    const [count] = await db.query(`SELECT COUNT(*) AS n FROM "votes" WHERE "ideaId" = ${db.options.type === 'postgres' ? '$1' : '?'} AND "valid" = ${db.options.type === 'postgres' ? 'true' : '1'}`, [id]);
    out.push({ id, stored: Number(idea.votersCount), rows: Number(count.n) });
  }
  return out;
}

describe('votes and ranking', () => {
  let t: TestApp;
  let owner: Actor;
  let author: Actor;
  let voter: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    [owner, author, voter] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
  });
  afterAll(() => t.close());

  it('casts, repeats idempotently, and retracts an up-vote', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const ideaId = await submitIdea(t, author, campaignId);
    const first = await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
    expect(first.body).toMatchObject({ ideaId, value: 1, tally: { up: 1, down: 0, voters: 1 } });
    expect(first.body.score).toBeCloseTo(0.206549, 6); // Wilson 1/1
    const again = await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
    expect(again.body.tally).toEqual(first.body.tally);
    const gone = await t.http.delete(`/api/ideas/${ideaId}/vote`).set(voter.auth).expect(200);
    expect(gone.body.tally).toMatchObject({ up: 0, voters: 0 });
    await t.http.delete(`/api/ideas/${ideaId}/vote`).set(voter.auth).expect(200);
    expect((await t.http.get(`/api/ideas/${ideaId}`).expect(200)).body.tally).toMatchObject({ up: 0, voters: 0 });
  });

  it('refuses self-votes, the owner’s votes, anonymous votes and values outside the mode', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const ideaId = await submitIdea(t, author, campaignId);
    expect((await t.http.put(`/api/ideas/${ideaId}/vote`).set(author.auth).send({ value: 1 }).expect(403)).body.error).toBe('VOTE_SELF_FORBIDDEN');
    expect((await t.http.put(`/api/ideas/${ideaId}/vote`).set(owner.auth).send({ value: 1 }).expect(403)).body.error).toBe('VOTE_OWN_CAMPAIGN_FORBIDDEN');
    await t.http.put(`/api/ideas/${ideaId}/vote`).send({ value: 1 }).expect(401);
    expect((await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: -1 }).expect(400)).body.error).toBe('VOTE_VALUE_INVALID');
    await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 'up' }).expect(400);
    await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1, voterId: author.id }).expect(400);
    await t.http.put('/api/ideas/00000000-0000-4000-8000-000000000000/vote').set(voter.auth).send({ value: 1 }).expect(404);
    expect((await t.http.get(`/api/ideas/${ideaId}`).expect(200)).body.tally.voters).toBe(0);
  });

  it('refuses a co-owner’s vote on the business’s campaign', async () => {
    const businessOwner = await registerUser(t);
    const coOwner = await registerUser(t);
    const businessId = await makeBusiness(t, businessOwner);
    await t.http.post(`/api/businesses/${businessId}/owners`).set(businessOwner.auth).send({ userId: coOwner.id }).expect(201);
    const created = await t.http.post('/api/campaigns').set(businessOwner.auth).send(campaignInput(businessId, t)).expect(201);
    await t.http.post(`/api/campaigns/${created.body.id}/status`).set(coOwner.auth).send({ status: 'open' }).expect(200);
    const ideaId = await submitIdea(t, author, created.body.id);
    expect((await t.http.put(`/api/ideas/${ideaId}/vote`).set(coOwner.auth).send({ value: 1 }).expect(403)).body.error).toBe('VOTE_OWN_CAMPAIGN_FORBIDDEN');
    await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
  });

  it('changes an up/down vote and ranks by Wilson’s bound', async () => {
    const campaignId = await makeOpenCampaign(t, owner, { rules: { voteMode: 'updown' } });
    const [a, b] = [await submitIdea(t, author, campaignId), await submitIdea(t, author, campaignId)];
    const voters = await Promise.all(Array.from({ length: 4 }, () => registerUser(t)));
    for (const v of voters) await t.http.put(`/api/ideas/${a}/vote`).set(v.auth).send({ value: 1 }).expect(200);
    await t.http.put(`/api/ideas/${b}/vote`).set(voters[0]!.auth).send({ value: 1 }).expect(200);
    const flipped = await t.http.put(`/api/ideas/${b}/vote`).set(voters[0]!.auth).send({ value: -1 }).expect(200);
    expect(flipped.body.tally).toMatchObject({ up: 0, down: 1, voters: 1 });
    const board = await t.http.get(`/api/campaigns/${campaignId}/leaderboard`).expect(200);
    expect(board.body.items.map((i: { id: string }) => i.id)).toEqual([a, b]);
    expect(board.body.items[0]).toMatchObject({ rank: 1, tally: { up: 4, down: 0 } });
    expect(board.body.items[1]).toMatchObject({ rank: 2, score: 0 });
  });

  it('ranks ratings by the Bayesian average', async () => {
    const campaignId = await makeOpenCampaign(t, owner, { rules: { voteMode: 'rating' } });
    const ideaId = await submitIdea(t, author, campaignId);
    await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 0 }).expect(400);
    await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 6 }).expect(400);
    const res = await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 4 }).expect(200);
    expect(res.body.tally).toMatchObject({ ratings: 1, mean: 4, voters: 1 });
    const changed = await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 2 }).expect(200);
    expect(changed.body.tally).toMatchObject({ ratings: 1, mean: 2 });
  });

  it('orders up-vote campaigns by votes, ties to more voters then the earlier idea', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000);
      ids.push(await submitIdea(t, author, campaignId));
    }
    const voters = await Promise.all(Array.from({ length: 3 }, () => registerUser(t)));
    for (const v of voters) await t.http.put(`/api/ideas/${ids[2]}/vote`).set(v.auth).expect(200);
    await t.http.put(`/api/ideas/${ids[1]}/vote`).set(voters[0]!.auth).expect(200);
    const board = await t.http.get(`/api/campaigns/${campaignId}/leaderboard?limit=10`).expect(200);
    expect(board.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1], ids[0]]);
    // Wilson with n = 3 distinct campaign voters: 3/3 and 1/3
    expect(board.body.items[0].score).toBeGreaterThan(board.body.items[1].score);
    const top = await t.http.get(`/api/campaigns/${campaignId}/ideas?sort=top&limit=2`).expect(200);
    expect(top.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
    const rest = await t.http.get(`/api/campaigns/${campaignId}/ideas?sort=top&limit=2&cursor=${top.body.nextCursor}`).expect(200);
    expect(rest.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
  });

  it('keeps one row for 200 concurrent identical votes, and the tally equals the rows', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const ideaId = await submitIdea(t, author, campaignId);
    const results = await Promise.all(Array.from({ length: 200 }, () => t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await tallyMatchesRows(t, [ideaId])).toEqual([{ id: ideaId, stored: 1, rows: 1 }]);
    expect((await t.http.get(`/api/campaigns/${campaignId}`).expect(200)).body.votersCount).toBe(1);
  });

  it('keeps every tally equal to its rows under 2,000 concurrent votes by many voters', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const ideaIds = await Promise.all(Array.from({ length: 4 }, async () => submitIdea(t, await registerUser(t), campaignId)));
    const voters = await Promise.all(Array.from({ length: 500 }, () => registerUser(t)));
    const requests = voters.flatMap((v) => ideaIds.map((id) => t.http.put(`/api/ideas/${id}/vote`).set(v.auth).send({ value: 1 })));
    const results = await Promise.all(requests);
    expect(results.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([]);
    const check = await tallyMatchesRows(t, ideaIds);
    for (const row of check) expect(row).toEqual({ id: row.id, stored: 500, rows: 500 });
    expect((await t.http.get(`/api/campaigns/${campaignId}`).expect(200)).body.votersCount).toBe(500);
  }, 120_000);

  describe('decided in the vote’s own transaction', () => {
    it('refuses a vote that arrives while the campaign is being cancelled, once the cancellation commits', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const ideaId = await submitIdea(t, author, campaignId);
      const inside = signal();
      const hold = signal();
      // A cancel step runs inside the cancelling transaction, after the status has changed.
      t.app.get(CampaignLifecycleService).onCancel(async (_manager, campaign) => {
        if (campaign.id !== campaignId) return;
        inside.release();
        await hold.promise;
      });
      const cancelling = t.http.post(`/api/campaigns/${campaignId}/status`).set(owner.auth).send({ status: 'cancelled' }).then((r) => r);
      await inside.promise;
      const voting = t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).then((r) => r);
      await settle(300);
      hold.release();
      expect((await cancelling).status).toBe(200);
      const vote = await voting;
      expect(vote.status).toBe(409);
      expect(vote.body.error).toBe('VOTE_CLOSED_CONFLICT');
      expect(vote.body.message).toContain('cancelled');
      expect(await voteRows(t, ideaId)).toEqual([]);
      expect(await tallyMatchesRows(t, [ideaId])).toEqual([{ id: ideaId, stored: 0, rows: 0 }]);
    });

    /**
     * A transaction that takes the campaign's voting lock (`exclusive` as a status move or an exclusion
     * does, `shared` as a vote does), then waits. `requestDuring` sends `request` while it waits, lets it
     * do `work` and commit, and returns the request's answer. Nothing has been written yet when the
     * request comes in: a decision read outside its own transaction would see the campaign as it was.
     */
    async function requestDuring(
      campaignId: string,
      lock: { mode: 'shared' | 'exclusive'; work: (manager: EntityManager) => Promise<unknown> },
      request: () => Promise<Response>,
    ): Promise<Response> {
      const inside = signal();
      const hold = signal();
      const holding = t.app.get(UnitOfWork).run(async (manager) => {
        await lockCampaignGate(manager, campaignId, lock.mode);
        inside.release();
        await hold.promise;
        await lock.work(manager);
      });
      await inside.promise;
      const answer = request().then((r) => r);
      await settle(300);
      hold.release();
      await holding;
      return answer;
    }

    const voteDuring = (campaignId: string, change: (manager: EntityManager) => Promise<unknown>, vote: () => Promise<Response>) =>
      requestDuring(campaignId, { mode: 'exclusive', work: change }, vote);

    it('reads the campaign after a change that began before the vote and commits after it', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const ideaId = await submitIdea(t, author, campaignId);
      const vote = await voteDuring(
        campaignId,
        (manager) => manager.update(Campaign, { id: campaignId }, { status: 'cancelled' }),
        () => t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).then((r) => r),
      );
      expect(vote.status).toBe(409);
      expect(await voteRows(t, ideaId)).toEqual([]);
    });

    it('lets an exclusion wait for a vote under way, so that vote is invalidated with the others', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const [first, second] = [await submitIdea(t, author, campaignId), await submitIdea(t, author, campaignId)];
      const suspect = await registerUser(t);
      await t.http.put(`/api/ideas/${first}/vote`).set(suspect.auth).send({ value: 1 }).expect(200);
      // A vote's transaction under way: it holds the campaign's voting lock shared, as every vote does, and commits later.
      const castLate = (manager: EntityManager) => {
        const at = new Date();
        return manager.insert(Vote, { ideaId: second, voterId: suspect.id, campaignId, value: 1, valid: true, invalidReason: null, networkHash: null, deviceHash: null, createdAt: at, updatedAt: at });
      };
      const excluding = await requestDuring(campaignId, { mode: 'shared', work: castLate }, () =>
        t.http.post(`/api/campaigns/${campaignId}/integrity/exclusions`).set(owner.auth).send({ voterIds: [suspect.id], reason: 'bought votes' }),
      );
      expect(excluding.status).toBe(200);
      expect(await voteRows(t, second)).toEqual([{ valid: false, invalidReason: 'bought votes' }]);
      expect(await voteRows(t, first)).toEqual([{ valid: false, invalidReason: 'bought votes' }]);
    });

    it('stores invalid the vote of a voter excluded while the vote was on its way', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const ideaId = await submitIdea(t, author, campaignId);
      const latecomer = await registerUser(t);
      const exclusion = { campaignId, voterId: latecomer.id, reason: 'one device, many accounts', excludedById: owner.id, createdAt: new Date() };
      const vote = await voteDuring(
        campaignId,
        (manager) => manager.insert(VoteExclusion, exclusion),
        () => t.http.put(`/api/ideas/${ideaId}/vote`).set(latecomer.auth).send({ value: 1 }).then((r) => r),
      );
      expect(vote.status).toBe(200);
      expect(await voteRows(t, ideaId)).toEqual([{ valid: false, invalidReason: 'one device, many accounts' }]);
      expect(await tallyMatchesRows(t, [ideaId])).toEqual([{ id: ideaId, stored: 0, rows: 0 }]);
    });
  });
});
