import { UsersService } from '../../src/modules/users/users.service';
import type { EvaluationBody } from '../../src/modules/training/evaluation/cohort-evaluation.service';
import { Actor, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';
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
  surveyInstrument,
  testInstrument,
} from '../support/training-factories';

// ALGORITHMS.md §5 test vectors.
const PRE = [40, 55, 30, 65, 50, 45, 70, 35, 60, 50];
const POST = [60, 70, 45, 80, 55, 65, 75, 50, 55, 72];
const LIKERT = [[4, 5, 4, 4], [3, 3, 2, 3], [5, 5, 5, 4], [2, 2, 3, 2], [4, 4, 4, 5], [3, 4, 3, 3]];
const BEHAVIOUR = [2, 3, 4, 2, 5, 3];
const REVENUE_BEFORE = [10, 25, 8, 40, 0, 15];
const REVENUE_AFTER = [12, 30, 6, 52, 5, 15];
// Gains of the next cohort: ALGORITHMS.md's Welch vector B against this cohort's gains (vector A).
const NEXT_PRE = [40, 50, 60, 45, 30, 55, 42, 43];
const NEXT_GAINS = [5, 10, 0, 8, 12, -2, 6, 9];
// A third cohort that learns far more, so its comparison is a real improvement.
const THIRD_PRE = [30, 35, 40, 30, 45, 35, 40, 30];
const THIRD_POST = [70, 80, 75, 72, 85, 78, 83, 68];

const items = hundredPointItems('pembukuan');

/** Runs pre- and post-test for a cohort: participant i scores pre[i] then post[i] percent. */
async function runTests(t: TestApp, trainer: Actor, cohortId: string, participants: readonly Actor[], pre: readonly number[], post: readonly number[]): Promise<void> {
  const pretestId = await makeInstrument(t, trainer, cohortId, testInstrument('pretest', items));
  const posttestId = await makeInstrument(t, trainer, cohortId, testInstrument('posttest', items));
  await Promise.all(participants.map((p, i) => respond(t, p, pretestId, answersForScore(items, pre[i] as number, i))));
  await Promise.all(participants.map((p, i) => respond(t, p, posttestId, answersForScore(items, post[i] as number, i + 3))));
}

function kpiValues(revenue: number, i: number): Record<string, number> {
  return { revenue, customers: 20 + i, production: 100 + 5 * i, digitalChannels: 1 + (i % 3), marketingSpend: 200 + 10 * i, leads: 10 + i, margin: 15, retention: 60, discountRate: 10 };
}

describe('cohort evaluation', () => {
  let t: TestApp;
  let trainer: Actor;
  let otherTrainer: Actor;
  let outsider: Actor;
  let admin: Actor;
  let participants: Actor[];
  let programId: string;
  let cohortId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ trainer, otherTrainer, outsider, admin, crowd: participants } = await registerCast(t, ['trainer', 'otherTrainer', 'outsider', 'admin'], 10));
    await t.app.get(UsersService).grantRole(admin.id, 'admin');
    programId = (await makeProgram(t, trainer, { topics: [{ key: 'pembukuan', title: 'Pembukuan' }] })).id;
    await makeProgram(t, otherTrainer);
    cohortId = await makeCohort(t, trainer, programId);
    await enrol(t, trainer, cohortId, participants);
    await runTests(t, trainer, cohortId, participants, PRE, POST);
    const surveyId = await makeInstrument(t, trainer, cohortId, surveyInstrument());
    await Promise.all(
      LIKERT.map((row, i) =>
        respond(t, participants[i] as Actor, surveyId, [
          ...row.map((value, k) => ({ itemKey: `r${k + 1}`, value })),
          { itemKey: 'b1', value: BEHAVIOUR[i] },
          ...(i < 2 ? [{ itemKey: 'komentar', value: `Contoh soal kurang banyak (${i + 1})` }] : []),
        ]),
      ),
    );
    const baselineId = await makeInstrument(t, trainer, cohortId, kpiInstrument('baseline'));
    const followupId = await makeInstrument(t, trainer, cohortId, kpiInstrument('followup'));
    await Promise.all(REVENUE_BEFORE.map((revenue, i) => respond(t, participants[i] as Actor, baselineId, kpiAnswers(kpiValues(revenue, i)))));
    await Promise.all(REVENUE_AFTER.map((revenue, i) => respond(t, participants[i] as Actor, followupId, kpiAnswers({ ...kpiValues(revenue, i), leads: 20 + i }))));
  });
  afterAll(() => t.close());

  describe('JSON', () => {
    let body: EvaluationBody;
    beforeAll(async () => {
      body = (await t.http.get(`/api/cohorts/${cohortId}/evaluation`).set(trainer.auth).expect(200)).body;
    });

    it('counts participation', () => {
      expect(body.cohortId).toBe(cohortId);
      expect(body.participation).toEqual({ enrolled: 10, nPre: 10, nPost: 10, nPaired: 10, attrition: 0 });
    });

    it('reproduces the paired learning statistics of ALGORITHMS.md', () => {
      const l = body.learning;
      expect(l.preMean).toBeCloseTo(50, 6);
      expect(l.postMean).toBeCloseTo(62.7, 6);
      expect(l.meanGain).toBeCloseTo(12.7, 6);
      expect(l.medianGain).toBeCloseTo(15, 6);
      expect(l.normalizedGain).toBeCloseTo(0.254, 6);
      expect(l.averageIndividualGain).toBeCloseTo(0.24856, 6);
      expect(l.dz).toBeCloseTo(1.498908, 6);
      expect(l.dav).toBeCloseTo(1.039358, 6);
      expect(l.tTest.t).toBeCloseTo(4.739965, 6);
      expect(l.tTest.df).toBe(9);
      expect(l.tTest.p).toBeCloseTo(0.00105898, 8);
      expect(l.tTest.ciLow).toBeCloseTo(6.638901, 6);
      expect(l.tTest.ciHigh).toBeCloseTo(18.761099, 6);
      expect(l.wilcoxon).toMatchObject({ wPlus: 53, method: 'exact' });
      expect(l.wilcoxon.p).toBeCloseTo(0.0078125, 9);
    });

    it('reports the topic, item analysis and reliability', () => {
      expect(body.learning.topics).toEqual([expect.objectContaining({ key: 'pembukuan', title: 'Pembukuan', preMean: 50, normalizedGain: expect.closeTo(0.254, 6) })]);
      expect(body.learning.items).toHaveLength(20);
      expect(body.learning.items[0]!).toEqual(expect.objectContaining({ key: 'q01', topic: 'pembukuan', difficultyPre: expect.any(Number) }));
      expect(typeof body.learning.kr20 === 'number' || body.learning.kr20 === null).toBe(true);
    });

    it('summarises reaction (α of ALGORITHMS.md), comments and behaviour', () => {
      expect(body.reaction.alpha).toBeCloseTo(0.931034, 6);
      expect(body.reaction.items.map((item: { key: string }) => item.key)).toEqual(['r1', 'r2', 'r3', 'r4']);
      expect(body.reaction.items[0]!).toMatchObject({ n: 6, topTwoBox: 50, distribution: [0, 1, 2, 2, 1] });
      expect(body.reaction.comments[0]!.texts).toHaveLength(2);
      expect(body.behaviour.items[0]!).toMatchObject({ key: 'b1', n: 6 });
      expect(body.behaviour.items[0]!.shareApplying).toBeCloseTo(100 / 3, 6);
    });

    it('reproduces the KPI vector and derives cost per lead and CLV', () => {
      const revenue = body.results.kpis.find((kpi: { key: string }) => kpi.key === 'revenue')!;
      expect(revenue).toMatchObject({ n: 6, medianPctChange: 20, improved: 4 });
      expect(revenue.aggregatePctChange).toBeCloseTo(22.449, 3);
      const keys = body.results.kpis.map((kpi: { key: string }) => kpi.key);
      expect(keys).toEqual(expect.arrayContaining(['customers', 'production', 'digitalChannels', 'leads', 'margin', 'retention', 'costPerLead', 'customerLifetimeValue']));
      expect(keys).not.toContain('discountRate');
      expect(keys).not.toContain('marketingSpend');
      const cpl = body.results.kpis.find((kpi: { key: string }) => kpi.key === 'costPerLead');
      expect(cpl).toMatchObject({ n: 6, direction: 'lower-is-better', improved: 6 });
    });

    it('lists improvement actions highest priority first, re-teaching the weak topic', () => {
      const priorities = body.actions.map((action: { priority: number }) => action.priority);
      expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
      expect(body.actions[0]!).toMatchObject({ kind: 're-teach-topic', target: 'pembukuan' });
      expect(body.actions[0]!.priority).toBeCloseTo(0.746, 4);
      expect(body.actions).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'fix-delivery', target: 'r1' }), expect.objectContaining({ kind: 'follow-up-coaching', target: 'b1' })]));
      expect(body.comparison).toBeNull();
      expect(body.carriedActions).toEqual([]);
    });
  });

  describe('formats', () => {
    it('exports one CSV row per participant, as an attachment', async () => {
      const res = await t.http.get(`/api/cohorts/${cohortId}/evaluation?format=csv`).set(trainer.auth).buffer(true).parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => (text += chunk));
        r.on('end', () => done(null, text));
      }).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="evaluation-${cohortId}.csv"`);
      const lines = (res.body as string).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]).toBe('participant_id,pre,post,gain,Pembukuan (pre),Pembukuan (post)');
      expect(lines).toHaveLength(11);
      expect(lines).toContain(`${participants[9]!.id},50,72,22,50,72`);
    });

    it('renders a self-contained HTML page in Indonesian by default and in English on request', async () => {
      const id = await t.http.get(`/api/cohorts/${cohortId}/evaluation?format=html`).set(trainer.auth).expect(200);
      expect(id.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(id.text).toMatch(/^<!doctype html><html lang="id">/);
      expect(id.text).toContain('<svg');
      expect(id.text).toContain('Pembukuan tidak meningkat cukup');
      expect(id.text).toContain('ulangi materi ini');
      const en = await t.http.get(`/api/cohorts/${cohortId}/evaluation?format=html`).set(trainer.auth).set('Accept-Language', 'en-GB,en;q=0.9').expect(200);
      expect(en.text).toMatch(/<html lang="en">/);
      const forced = await t.http.get(`/api/cohorts/${cohortId}/evaluation?format=html&locale=id`).set(trainer.auth).set('Accept-Language', 'en').expect(200);
      expect(forced.text).toMatch(/<html lang="id">/);
    });

    it('refuses an unknown format', async () => {
      const res = await t.http.get(`/api/cohorts/${cohortId}/evaluation?format=pdf`).set(trainer.auth).expect(400);
      expect(res.body.details[0].field).toBe('format');
    });
  });

  describe('access', () => {
    it('lets an admin read it', async () => {
      await t.http.get(`/api/cohorts/${cohortId}/evaluation`).set(admin.auth).expect(200);
    });

    it('refuses participants (403), outsiders and other programs’ trainers (404) and anonymous callers (401)', async () => {
      expect((await t.http.get(`/api/cohorts/${cohortId}/evaluation`).set(participants[0]!.auth).expect(403)).body.error).toBe('TRAINING_EVALUATION_FORBIDDEN');
      expect((await t.http.get(`/api/cohorts/${cohortId}/evaluation?format=csv`).set(participants[0]!.auth).expect(403)).body.error).toBe('TRAINING_EVALUATION_FORBIDDEN');
      expect((await t.http.get(`/api/cohorts/${cohortId}/evaluation`).set(outsider.auth).expect(404)).body.error).toBe('TRAINING_COHORT_NOT_FOUND');
      expect((await t.http.get(`/api/cohorts/${cohortId}/evaluation?format=html`).set(otherTrainer.auth).expect(404)).body.error).toBe('TRAINING_COHORT_NOT_FOUND');
      await t.http.get(`/api/cohorts/${cohortId}/evaluation`).expect(401);
    });
  });

  describe('the loop', () => {
    let feedbackIdeaIds: string[];
    let nextId: string;
    let nextParticipants: Actor[];

    beforeAll(async () => {
      const owner = await registerUser(t);
      const voters = await registerUsers(t, 3);
      const campaignId = await makeOpenCampaign(t, owner, { kind: 'feedback', title: 'Usulan perbaikan pelatihan', cohortId });
      const authors = participants.slice(0, 2);
      feedbackIdeaIds = [];
      for (const author of authors) feedbackIdeaIds.push(await submitIdea(t, author, campaignId));
      // The second idea gets more votes, so it ranks first.
      for (const voter of voters) await t.http.put(`/api/ideas/${feedbackIdeaIds[1]}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
      await t.http.put(`/api/ideas/${feedbackIdeaIds[0]}/vote`).set(voters[0]!.auth).send({ value: 1 }).expect(200);
      await t.http.post(`/api/cohorts/${cohortId}/feedback-campaign`).set(trainer.auth).send({ campaignId }).expect(200);
    });

    it('adds the feedback campaign’s top ideas to the actions, best first', async () => {
      const body = (await t.http.get(`/api/cohorts/${cohortId}/evaluation`).set(trainer.auth).expect(200)).body;
      const ideas = body.actions.filter((action: { kind: string }) => action.kind === 'feedback-idea');
      expect(ideas.map((action: { target: string }) => action.target)).toEqual([feedbackIdeaIds[1], feedbackIdeaIds[0]]);
    });

    it('creates the next cohort carrying the evaluation’s actions', async () => {
      const res = await t.http.post(`/api/cohorts/${cohortId}/next`).set(trainer.auth).send({ name: 'Angkatan 2' }).expect(201);
      nextId = res.body.id;
      expect(res.body).toMatchObject({ programId, name: 'Angkatan 2', previousCohortId: cohortId });
      expect(res.body.improvementActions[0]).toMatchObject({ kind: 're-teach-topic', target: 'pembukuan' });
      expect(res.body.improvementActions.map((a: { kind: string }) => a.kind)).toContain('feedback-idea');
      const stored = await t.http.get(`/api/cohorts/${nextId}`).set(trainer.auth).expect(200);
      expect(stored.body.improvementActions).toEqual(res.body.improvementActions);
    });

    it('refuses the next cohort to participants and outsiders', async () => {
      await t.http.post(`/api/cohorts/${cohortId}/next`).set(participants[0]!.auth).send({ name: 'X' }).expect(403);
      await t.http.post(`/api/cohorts/${cohortId}/next`).set(outsider.auth).send({ name: 'X' }).expect(404);
    });

    it('compares the next cohort with this one per topic (Welch vector of ALGORITHMS.md) and says the topic did not improve', async () => {
      nextParticipants = await registerUsers(t, 8);
      await enrol(t, trainer, nextId, nextParticipants);
      // Participants do not see the actions (they quote comments and name weak items).
      expect((await t.http.get(`/api/cohorts/${nextId}`).set(nextParticipants[0]!.auth).expect(200)).body.improvementActions).toEqual([]);
      await runTests(t, trainer, nextId, nextParticipants, NEXT_PRE, NEXT_PRE.map((pre, i) => pre + (NEXT_GAINS[i] as number)));
      const body = (await t.http.get(`/api/cohorts/${nextId}/evaluation`).set(trainer.auth).expect(200)).body;
      expect(body.comparison.previousCohortId).toBe(cohortId);
      const topic = body.comparison.topics[0];
      expect(topic.key).toBe('pembukuan');
      expect(topic.gainDelta).toBeCloseTo(6 - 12.7, 6);
      expect(topic.welch.t).toBeCloseTo(-2.10372, 5);
      expect(topic.welch.df).toBeCloseTo(14.736542, 5);
      expect(topic.welch.p).toBeCloseTo(0.053004, 6);
      expect(topic.hedgesG).toBeLessThan(0);
      const reteach = body.carriedActions.find((action: { kind: string }) => action.kind === 're-teach-topic');
      expect(reteach.outcome).toMatchObject({ topic: 'pembukuan', real: false, improved: false });
      expect(reteach.outcome.gainDelta).toBeCloseTo(-6.7, 6);
      expect(reteach.outcome.welch.p).toBeCloseTo(0.053004, 6);
      const idea = body.carriedActions.find((action: { kind: string }) => action.kind === 'feedback-idea');
      expect(idea.outcome).toBeNull();
    });

    it('says a topic improved when the change is real (p < 0.05 and |g| ≥ 0.3)', async () => {
      const third = await t.http.post(`/api/cohorts/${nextId}/next`).set(trainer.auth).send({ name: 'Angkatan 3' }).expect(201);
      const thirdParticipants = await registerUsers(t, 8);
      await enrol(t, trainer, third.body.id, thirdParticipants);
      await runTests(t, trainer, third.body.id, thirdParticipants, THIRD_PRE, THIRD_POST);
      const body = (await t.http.get(`/api/cohorts/${third.body.id}/evaluation`).set(trainer.auth).expect(200)).body;
      const topic = body.comparison.topics[0];
      expect(topic.countsAsReal).toBe(true);
      expect(topic.welch.p).toBeLessThan(0.05);
      expect(topic.hedgesG).toBeGreaterThanOrEqual(0.3);
      const reteach = body.carriedActions.find((action: { kind: string }) => action.kind === 're-teach-topic');
      expect(reteach.outcome).toMatchObject({ topic: 'pembukuan', real: true, improved: true });
    });
  });

  it('reports a cohort with fewer than two paired participants as not computable, never NaN or a 5xx', async () => {
    const tiny = await makeCohort(t, trainer, programId, { name: 'Kecil' });
    const [only] = await registerUsers(t, 1);
    await enrol(t, trainer, tiny, [only!]);
    await runTests(t, trainer, tiny, [only!], [40], [60]);
    const res = await t.http.get(`/api/cohorts/${tiny}/evaluation`).set(trainer.auth).expect(200);
    expect(res.text).not.toContain('NaN');
    expect(res.body.learning.tTest.t).toBeNull();
    await t.http.get(`/api/cohorts/${tiny}/evaluation?format=html`).set(trainer.auth).expect(200);
    await t.http.get(`/api/cohorts/${tiny}/evaluation?format=csv`).set(trainer.auth).expect(200);
  });
});
