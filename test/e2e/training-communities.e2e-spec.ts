import type { CommunityAnalytics } from '../../src/modules/communities/community-analytics.service';
import type { GroupFigures } from '../../src/modules/communities/domain/community-analytics';
import { Actor, makeBusiness } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import {
  answersForScore,
  enrol,
  hundredPointItems,
  kpiAnswers,
  kpiInstrument,
  makeCohort,
  makeInstrument,
  makeProgram,
  registerCast,
  registerUsers,
  respond,
  testInstrument,
} from '../support/training-factories';

const items = hundredPointItems('pembukuan');

interface Seat {
  region: string;
  sector: string;
  pre: number;
  post: number;
  revenue: [number, number];
}

// Participants 0–4 own businesses in the community; participant 5's business is elsewhere.
const SEATS: Seat[] = [
  { region: 'Bantul', sector: 'kuliner', pre: 40, post: 60, revenue: [10, 12] },
  { region: 'bantul ', sector: 'fashion', pre: 50, post: 70, revenue: [20, 30] },
  { region: 'Sewon', sector: 'kuliner', pre: 30, post: 45, revenue: [8, 6] },
  { region: 'Sewon', sector: 'kuliner', pre: 60, post: 80, revenue: [40, 52] },
  { region: 'Kasihan', sector: 'jasa', pre: 50, post: 55, revenue: [15, 15] },
  { region: 'Sleman', sector: 'kuliner', pre: 20, post: 90, revenue: [10, 100] },
];

function kpis(revenue: number): Record<string, number> {
  return { revenue, customers: 10, production: 10, digitalChannels: 1, marketingSpend: 100, leads: 10, margin: 10, retention: 50, discountRate: 10 };
}

/** A cohort where participant i scores pre[i] → post[i] and reports revenue before → after. */
async function runCohort(t: TestApp, trainer: Actor, cohortId: string, people: readonly Actor[], seats: readonly Pick<Seat, 'pre' | 'post' | 'revenue'>[]): Promise<void> {
  const pre = await makeInstrument(t, trainer, cohortId, testInstrument('pretest', items));
  const post = await makeInstrument(t, trainer, cohortId, testInstrument('posttest', items));
  const baseline = await makeInstrument(t, trainer, cohortId, kpiInstrument('baseline'));
  const followup = await makeInstrument(t, trainer, cohortId, kpiInstrument('followup'));
  await Promise.all(
    people.map(async (person, i) => {
      const seat = seats[i]!;
      await respond(t, person, pre, answersForScore(items, seat.pre, i));
      await respond(t, person, post, answersForScore(items, seat.post, i + 1));
      await respond(t, person, baseline, kpiAnswers(kpis(seat.revenue[0])));
      await respond(t, person, followup, kpiAnswers(kpis(seat.revenue[1])));
    }),
  );
}

describe('communities and their analytics', () => {
  let t: TestApp;
  let coordinator: Actor;
  let trainer: Actor;
  let otherTrainer: Actor;
  let owners: Actor[];
  let businesses: string[];
  let communityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ coordinator, trainer, otherTrainer, crowd: owners } = await registerCast(t, ['coordinator', 'trainer', 'otherTrainer'], 6));
    const created = await t.http.post('/api/communities').set(coordinator.auth).send({ name: 'Paguyuban UMKM Bantul', regions: ['Bantul', 'Sewon', 'Kasihan'] }).expect(201);
    communityId = created.body.id;
    businesses = await Promise.all(owners.map((owner, i) => makeBusiness(t, owner, { region: SEATS[i]!.region, sector: SEATS[i]!.sector })));
    for (let i = 0; i < 5; i++) await t.http.post(`/api/communities/${communityId}/businesses`).set(owners[i]!.auth).send({ businessId: businesses[i] }).expect(201);

    const program = await makeProgram(t, trainer, { topics: [{ key: 'pembukuan', title: 'Pembukuan' }] });
    const cohort = await makeCohort(t, trainer, program.id);
    await enrol(t, trainer, cohort, owners);
    await Promise.all(owners.map((owner, i) => t.http.put(`/api/cohorts/${cohort}/participants/me`).set(owner.auth).send({ businessId: businesses[i] }).expect(200)));
    await runCohort(t, trainer, cohort, owners, SEATS);

    // Owner 0 also trains in another program's cohort.
    const other = await makeProgram(t, otherTrainer, { topics: [{ key: 'pembukuan', title: 'Pembukuan lanjut' }] });
    const otherCohort = await makeCohort(t, otherTrainer, other.id);
    await enrol(t, otherTrainer, otherCohort, [owners[0]!]);
    await t.http.put(`/api/cohorts/${otherCohort}/participants/me`).set(owners[0]!.auth).send({ businessId: businesses[0] }).expect(200);
    await runCohort(t, otherTrainer, otherCohort, [owners[0]!], [{ pre: 20, post: 40, revenue: [12, 18] }]);
  });
  afterAll(() => t.close());

  describe('membership', () => {
    it('makes the creator the coordinator and shows the community to signed-in users', async () => {
      const res = await t.http.get(`/api/communities/${communityId}`).set(owners[5]!.auth).expect(200);
      expect(res.body).toMatchObject({ name: 'Paguyuban UMKM Bantul', regions: ['Bantul', 'Sewon', 'Kasihan'], coordinatorId: coordinator.id, businessCount: 5 });
      await t.http.get(`/api/communities/${communityId}`).expect(401);
    });

    it.each([
      [{ name: 'X Komunitas', regions: [] }, 'regions'],
      [{ name: 'X Komunitas', regions: ['Bantul', 'BANTUL'] }, null],
      [{ regions: ['Bantul'] }, 'name'],
    ])('refuses %j', async (body, field) => {
      const res = await t.http.post('/api/communities').set(coordinator.auth).send(body).expect(400);
      if (field) expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      else expect(res.body.error).toBe('COMMUNITY_REGIONS_INVALID');
    });

    it('lets only an owner bring a business in, from one of the community’s regions, into one community', async () => {
      const [owner] = await registerUsers(t, 1);
      const business = await makeBusiness(t, owner!, { region: 'Sewon' });
      await t.http.post(`/api/communities/${communityId}/businesses`).set(coordinator.auth).send({ businessId: business }).expect(403);
      const joined = await t.http.post(`/api/communities/${communityId}/businesses`).set(owner!.auth).send({ businessId: business }).expect(201);
      expect(joined.body).toEqual({ communityId, businessId: business, region: 'Sewon' });
      await t.http.post(`/api/communities/${communityId}/businesses`).set(owner!.auth).send({ businessId: business }).expect(201);
      const other = await t.http.post('/api/communities').set(owner!.auth).send({ name: 'Komunitas Sewon', regions: ['Sewon'] }).expect(201);
      expect((await t.http.post(`/api/communities/${other.body.id}/businesses`).set(owner!.auth).send({ businessId: business }).expect(409)).body.error).toBe('COMMUNITY_MEMBERSHIP_CONFLICT');
      const far = await t.http.post(`/api/communities/${communityId}/businesses`).set(owners[5]!.auth).send({ businessId: businesses[5] }).expect(400);
      expect(far.body.error).toBe('COMMUNITY_REGION_INVALID');
      await t.http.delete(`/api/communities/${communityId}/businesses/${business}`).set(owners[5]!.auth).expect(403);
      await t.http.delete(`/api/communities/${communityId}/businesses/${business}`).set(coordinator.auth).expect(204);
      expect((await t.http.delete(`/api/communities/${communityId}/businesses/${business}`).set(owner!.auth).expect(409)).body.error).toBe('COMMUNITY_NOT_MEMBER_CONFLICT');
      await t.http.post('/api/communities/0b7f9a52-3c1e-4d6a-9f0e-2a4b6c8d0e1f/businesses').set(owner!.auth).send({ businessId: business }).expect(404);
    });
  });

  describe('analytics', () => {
    let body: CommunityAnalytics;
    beforeAll(async () => {
      body = (await t.http.get(`/api/communities/${communityId}/analytics`).set(coordinator.auth).expect(200)).body;
    });

    it('is for the coordinator only', async () => {
      expect((await t.http.get(`/api/communities/${communityId}/analytics`).set(owners[0]!.auth).expect(403)).body.error).toBe('COMMUNITY_FORBIDDEN');
      await t.http.get(`/api/communities/${communityId}/analytics`).set(trainer.auth).expect(403);
      await t.http.get('/api/communities/0b7f9a52-3c1e-4d6a-9f0e-2a4b6c8d0e1f/analytics').set(coordinator.auth).expect(404);
    });

    it('covers every cohort with a community business, counting only community participants', () => {
      expect(body.businesses).toBe(5);
      // Both cohorts start at the test clock's instant, so their order is by id: compare as a set.
      expect(body.cohorts.map((c: { participants: number }) => c.participants).sort()).toEqual([1, 5]);
      expect(body.overall).toMatchObject({ participants: 6, businesses: 5, cohorts: 2, nPaired: 6 });
      expect(body.overall.preMean).toBeCloseTo((40 + 50 + 30 + 60 + 50 + 20) / 6, 9);
      expect(body.overall.postMean).toBeCloseTo((60 + 70 + 45 + 80 + 55 + 40) / 6, 9);
    });

    it('groups by region in the community’s order and spelling', () => {
      expect(body.byRegion.map((g: { key: string }) => g.key)).toEqual(['Bantul', 'Sewon', 'Kasihan']);
      const [bantul, sewon, kasihan] = body.byRegion as [GroupFigures, GroupFigures, GroupFigures];
      expect(bantul).toMatchObject({ participants: 3, businesses: 2, cohorts: 2, nPaired: 3 });
      expect(bantul.preMean).toBeCloseTo(110 / 3, 9);
      expect(bantul.postMean).toBeCloseTo(170 / 3, 9);
      expect(bantul.normalizedGain).toBeCloseTo((170 / 3 - 110 / 3) / (100 - 110 / 3), 9);
      expect(sewon).toMatchObject({ participants: 2, preMean: 45, postMean: 62.5, meanGain: 17.5 });
      expect(sewon.normalizedGain).toBeCloseTo(17.5 / 55, 9);
      expect(kasihan.normalizedGain).toBeCloseTo(0.1, 9);
      const revenue = (group: { kpis: { key: string }[] }) => group.kpis.find((kpi) => kpi.key === 'revenue');
      // Bantul: +20 %, +50 %, +50 % (the second cohort); Sewon: −25 %, +30 %; Kasihan: 0 %.
      expect(revenue(bantul)).toMatchObject({ n: 3, medianPctChange: 50, improved: 3 });
      expect(revenue(sewon)).toMatchObject({ n: 2, medianPctChange: 2.5, improved: 1 });
      expect(revenue(kasihan)).toMatchObject({ n: 1, medianPctChange: 0, improved: 0 });
    });

    it('groups by sector', () => {
      expect(body.bySector.map((g: { key: string }) => g.key)).toEqual(['fashion', 'jasa', 'kuliner']);
      const kuliner = body.bySector[2]!;
      expect(kuliner).toMatchObject({ participants: 4, businesses: 3 });
      expect(kuliner.preMean).toBeCloseTo((40 + 30 + 60 + 20) / 4, 9);
      expect(kuliner.kpis.map((kpi: { key: string }) => kpi.key)).toEqual(expect.arrayContaining(['revenue', 'costPerLead', 'customerLifetimeValue']));
    });
  });
});
