import { DataSource } from 'typeorm';
import { Vote } from '../../src/modules/votes/vote.entity';
import { Actor, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The client's address decides the per-address request budget and the network a vote is counted
 * from (vote integrity's network clusters). X-Forwarded-For is a header anyone can send, so it is
 * believed only from the proxies TRUST_PROXY names; the tests' client connects from 127.0.0.1.
 */
/** A service for the enclosing describe, started with `env`. */
function serviceWith(env: Record<string, string>): () => TestApp {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env });
  });
  afterAll(() => t.close());
  return () => t;
}

describe('the client address behind proxies', () => {
  async function networksOfVotes(t: TestApp, ideaId: string): Promise<Set<string | null>> {
    const votes = await t.app.get(DataSource).getRepository(Vote).findBy({ ideaId });
    return new Set(votes.map((vote) => vote.networkHash));
  }

  async function votesFromForwardedAddresses(t: TestApp): Promise<string> {
    const [owner, author] = await Promise.all([registerUser(t), registerUser(t)]);
    const ideaId = await submitIdea(t, author, await makeOpenCampaign(t, owner));
    const voters: Actor[] = await Promise.all(Array.from({ length: 3 }, () => registerUser(t)));
    for (const [i, voter] of voters.entries()) {
      await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).set('x-forwarded-for', `203.0.113.${10 + i}`).send({ value: 1 }).expect(200);
    }
    return ideaId;
  }

  describe('without TRUST_PROXY (the default)', () => {
    const service = serviceWith({ TRUST_PROXY: '' });

    it('counts votes sent with different X-Forwarded-For headers from one connection address as one network', async () => {
      const ideaId = await votesFromForwardedAddresses(service());
      expect((await networksOfVotes(service(), ideaId)).size).toBe(1);
    });

    it('takes the page address from Host, never from X-Forwarded-Host or X-Forwarded-Proto', async () => {
      const t = service();
      const campaignId = await makeOpenCampaign(t, await registerUser(t));
      const page = await t.http
        .get(`/c/${campaignId}`)
        .set('host', 'sayembara.example')
        .set('x-forwarded-host', 'attacker.example')
        .set('x-forwarded-proto', 'https')
        .expect(200);
      expect(page.text).toContain(`http://sayembara.example/c/${campaignId}`);
      expect(page.text).not.toContain('attacker.example');
    });
  });

  describe('with the per-address request budget on', () => {
    const service = serviceWith({ RATE_LIMITS: 'on', HTTP_REQUESTS_PER_MINUTE: '3', TRUST_PROXY: '' });

    it('cannot be escaped by sending a new X-Forwarded-For with each request', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await service().http.get('/health').set('x-forwarded-for', `198.51.100.${i}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    });
  });

  describe('with TRUST_PROXY naming the proxy', () => {
    const service = serviceWith({ TRUST_PROXY: 'loopback' });

    it('counts each forwarded client address as its own network', async () => {
      const ideaId = await votesFromForwardedAddresses(service());
      expect((await networksOfVotes(service(), ideaId)).size).toBe(3);
    });

    it('takes the page address the proxy forwards', async () => {
      const t = service();
      const campaignId = await makeOpenCampaign(t, await registerUser(t));
      const page = await t.http.get(`/c/${campaignId}`).set('host', 'internal:3000').set('x-forwarded-host', 'sayembara.example').set('x-forwarded-proto', 'https').expect(200);
      expect(page.text).toContain(`https://sayembara.example/c/${campaignId}`);
    });
  });
});
