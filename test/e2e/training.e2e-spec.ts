import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import type { DomainEventMap } from '../../src/common/events/domain-events';
import { Actor, makeBusiness, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import {
  answersForScore,
  enrol,
  kpiInstrument,
  kpiItems,
  makeCohort,
  makeInstrument,
  makeProgram,
  registerCast,
  registerUsers,
  respond,
  surveyInstrument,
  testInstrument,
  testItem,
} from '../support/training-factories';

const DAY = 24 * 3600 * 1000;
const items = [testItem('q1', 'pembukuan'), testItem('q2', 'pembukuan', 2), testItem('q3', 'pemasaran')];

describe('training programs, cohorts, instruments and responses', () => {
  let t: TestApp;
  let trainer: Actor;
  let coTrainer: Actor;
  let outsider: Actor;
  let participants: Actor[];
  let programId: string;
  let cohortId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ trainer, coTrainer, outsider, crowd: participants } = await registerCast(t, ['trainer', 'coTrainer', 'outsider'], 3));
    programId = (await makeProgram(t, trainer)).id;
    cohortId = await makeCohort(t, trainer, programId);
    await enrol(t, trainer, cohortId, participants);
  });
  afterAll(() => t.close());

  describe('programs', () => {
    it('makes the creator a trainer with the trainer role, in the discussion phase', async () => {
      const { body } = await makeProgram(t, trainer, { description: 'Untuk UMKM kuliner' });
      expect(body).toMatchObject({
        phase: 'discussion',
        phases: ['discussion', 'theory', 'practice', 'evaluation'],
        trainerIds: [trainer.id],
        topics: [{ key: 'pembukuan', title: 'Pembukuan' }, { key: 'pemasaran', title: 'Pemasaran digital' }],
        needsCampaignId: null,
      });
      expect((await t.http.get('/api/me').set(trainer.auth).expect(200)).body.roles).toContain('trainer');
    });

    it.each([
      [{ topics: [{ key: 'a', title: 'A' }, { key: 'a', title: 'B' }] }, 400, 'TRAINING_TOPICS_INVALID'],
      [{ topics: [{ key: 'bad key!', title: 'A' }] }, 400, 'VALIDATION_INVALID'],
      [{ topics: undefined }, 400, 'VALIDATION_INVALID'],
      [{ title: 'x' }, 400, 'VALIDATION_INVALID'],
      [{ phase: 'theory' }, 400, 'VALIDATION_INVALID'],
    ])('refuses %j', async (overrides, status, error) => {
      const res = await t.http.post('/api/programs').set(trainer.auth).send({ title: 'Program uji', topics: [], ...overrides }).expect(status);
      expect(res.body.error).toBe(error);
    });

    it('lets a trainer add another trainer once, and nobody else', async () => {
      const { id } = await makeProgram(t, trainer);
      await t.http.post(`/api/programs/${id}/trainers`).set(outsider.auth).send({ userId: outsider.id }).expect(404);
      const res = await t.http.post(`/api/programs/${id}/trainers`).set(trainer.auth).send({ userId: coTrainer.id }).expect(201);
      expect(res.body.trainerIds.sort()).toEqual([trainer.id, coTrainer.id].sort());
      await t.http.post(`/api/programs/${id}/trainers`).set(trainer.auth).send({ userId: coTrainer.id }).expect(409);
      await makeCohort(t, coTrainer, id);
      expect((await t.http.get('/api/me').set(coTrainer.auth).expect(200)).body.roles).toContain('trainer');
    });

    it('moves the phase forward only', async () => {
      const { id } = await makeProgram(t, trainer);
      await t.http.post(`/api/programs/${id}/phase`).set(trainer.auth).send({ phase: 'theory' }).expect(200);
      const res = await t.http.post(`/api/programs/${id}/phase`).set(trainer.auth).send({ phase: 'evaluation' }).expect(200);
      expect(res.body.phase).toBe('evaluation');
      expect((await t.http.post(`/api/programs/${id}/phase`).set(trainer.auth).send({ phase: 'practice' }).expect(409)).body.error).toBe('TRAINING_PHASE_CONFLICT');
      await t.http.post(`/api/programs/${id}/phase`).set(trainer.auth).send({ phase: 'later' }).expect(400);
    });

    it('shows a program to its trainers and participants only', async () => {
      await t.http.get(`/api/programs/${programId}`).set(participants[0]!.auth).expect(200);
      expect((await t.http.get(`/api/programs/${programId}`).set(outsider.auth).expect(404)).body.error).toBe('TRAINING_PROGRAM_NOT_FOUND');
      await t.http.post(`/api/programs/${programId}/phase`).set(participants[0]!.auth).send({ phase: 'theory' }).expect(403);
      await t.http.get(`/api/programs/${programId}`).expect(401);
    });

    describe('topics from the needs campaign', () => {
      let owner: Actor;
      let needsId: string;
      let ideaTitles: string[];
      beforeAll(async () => {
        owner = await registerUser(t);
        const voters = await registerUsers(t, 3);
        needsId = await makeOpenCampaign(t, owner, { kind: 'needs', title: 'Kebutuhan pelatihan UMKM Bantul' });
        const ideas: string[] = [];
        ideaTitles = ['Pembukuan Sederhana!', 'Harga Pokok Produksi', 'Foto produk dengan HP'];
        for (const title of ideaTitles) ideas.push(await submitIdea(t, participants[0]!, needsId, { title }));
        // votes: idea 2 three times, idea 0 twice, idea 1 once
        for (const [index, count] of [[2, 3], [0, 2], [1, 1]] as const) {
          for (const voter of voters.slice(0, count)) await t.http.put(`/api/ideas/${ideas[index]}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
        }
      });

      it('takes the top-voted needs as topics, best first', async () => {
        const { id } = await makeProgram(t, trainer, { topics: [], needsCampaignId: needsId });
        const res = await t.http.post(`/api/programs/${id}/topics/from-needs`).set(trainer.auth).send({ limit: 2 }).expect(200);
        expect(res.body.topics).toEqual([
          { key: 'foto-produk-dengan-hp', title: 'Foto produk dengan HP' },
          { key: 'pembukuan-sederhana', title: 'Pembukuan Sederhana!' },
        ]);
        const cohort = await makeCohort(t, trainer, id);
        await makeInstrument(t, trainer, cohort, testInstrument('pretest', [testItem('q1', 'foto-produk-dengan-hp')]));
        expect((await t.http.post(`/api/programs/${id}/topics/from-needs`).set(trainer.auth).send({}).expect(409)).body.error).toBe('TRAINING_TOPICS_LOCKED_CONFLICT');
      });

      it('refuses a campaign that is not a needs campaign, and a program without one', async () => {
        const productId = await makeOpenCampaign(t, owner);
        const res = await t.http.post('/api/programs').set(trainer.auth).send({ title: 'Program uji', topics: [], needsCampaignId: productId }).expect(400);
        expect(res.body.error).toBe('TRAINING_NEEDS_CAMPAIGN_INVALID');
        expect((await t.http.post(`/api/programs/${programId}/topics/from-needs`).set(trainer.auth).send({}).expect(409)).body.error).toBe('TRAINING_NEEDS_CAMPAIGN_MISSING_CONFLICT');
      });
    });
  });

  describe('cohorts and participants', () => {
    it('links a previous cohort of the same program only', async () => {
      const previous = await makeCohort(t, trainer, programId, { name: 'Angkatan 0' });
      const res = await t.http.post(`/api/programs/${programId}/cohorts`).set(trainer.auth).send({ name: 'Angkatan 2', previousCohortId: previous }).expect(201);
      expect(res.body).toMatchObject({ previousCohortId: previous, improvementActions: [], feedbackCampaignId: null });
      const other = await makeProgram(t, trainer);
      const refused = await t.http.post(`/api/programs/${other.id}/cohorts`).set(trainer.auth).send({ name: 'X', previousCohortId: previous }).expect(400);
      expect(refused.body.error).toBe('TRAINING_PREVIOUS_COHORT_INVALID');
    });

    it('refuses dates out of order and cohorts by non-trainers', async () => {
      const body = { name: 'X', startsAt: '2026-04-01T00:00:00.000Z', endsAt: '2026-03-01T00:00:00.000Z' };
      expect((await t.http.post(`/api/programs/${programId}/cohorts`).set(trainer.auth).send(body).expect(400)).body.error).toBe('TRAINING_COHORT_DATES_INVALID');
      await t.http.post(`/api/programs/${programId}/cohorts`).set(participants[0]!.auth).send({ name: 'X' }).expect(403);
      await t.http.post(`/api/programs/${programId}/cohorts`).set(outsider.auth).send({ name: 'X' }).expect(404);
    });

    it('enrols idempotently, refusing unknown users and the program’s trainers', async () => {
      const res = await t.http.post(`/api/cohorts/${cohortId}/participants`).set(trainer.auth).send({ userIds: [participants[0]!.id] }).expect(201);
      expect(res.body).toMatchObject({ added: [], alreadyEnrolled: [participants[0]!.id], participantCount: 3 });
      const unknown = '0b7f9a52-3c1e-4d6a-9f0e-2a4b6c8d0e1f';
      const bad = await t.http.post(`/api/cohorts/${cohortId}/participants`).set(trainer.auth).send({ userIds: [unknown] }).expect(400);
      expect(bad.body).toMatchObject({ error: 'TRAINING_PARTICIPANTS_INVALID', details: { unknownUserIds: [unknown] } });
      await t.http.post(`/api/cohorts/${cohortId}/participants`).set(trainer.auth).send({ userIds: [trainer.id] }).expect(409);
      await t.http.post(`/api/cohorts/${cohortId}/participants`).set(trainer.auth).send({ userIds: [] }).expect(400);
      await t.http.post(`/api/cohorts/${cohortId}/participants`).set(trainer.auth).send({ userIds: ['nope'] }).expect(400);
      await t.http.post(`/api/cohorts/${cohortId}/participants`).set(participants[0]!.auth).send({ userIds: [outsider.id] }).expect(403);
      await t.http.post(`/api/cohorts/${cohortId}/participants`).set(outsider.auth).send({ userIds: [outsider.id] }).expect(404);
      const list = await t.http.get(`/api/cohorts/${cohortId}/participants?limit=2`).set(trainer.auth).expect(200);
      expect(list.body.items).toHaveLength(2);
      const rest = await t.http.get(`/api/cohorts/${cohortId}/participants?limit=2&cursor=${list.body.nextCursor}`).set(trainer.auth).expect(200);
      expect([...list.body.items, ...rest.body.items].map((p: { userId: string }) => p.userId).sort()).toEqual(participants.map((p) => p.id).sort());
    });

    it('lets a participant name a business they own, and nobody else’s', async () => {
      const own = await makeBusiness(t, participants[0]!);
      const res = await t.http.put(`/api/cohorts/${cohortId}/participants/me`).set(participants[0]!.auth).send({ businessId: own }).expect(200);
      expect(res.body).toMatchObject({ userId: participants[0]!.id, businessId: own });
      await t.http.put(`/api/cohorts/${cohortId}/participants/me`).set(participants[1]!.auth).send({ businessId: own }).expect(403);
      await t.http.put(`/api/cohorts/${cohortId}/participants/me`).set(trainer.auth).send({ businessId: own }).expect(403);
      await t.http.put(`/api/cohorts/${cohortId}/participants/me`).set(outsider.auth).send({ businessId: own }).expect(404);
    });
  });

  describe('instruments', () => {
    let validationCohort: string;
    beforeAll(async () => {
      validationCohort = await makeCohort(t, trainer, programId, { name: 'Validasi' });
    });

    const refusals: [string, Record<string, unknown>, string, string][] = [
      ['duplicate item keys', testInstrument('pretest', [testItem('q1', 'pembukuan'), testItem('q1', 'pemasaran')]), 'q1', 'duplicate-key'],
      ['a topic that is not the program’s', testInstrument('pretest', [testItem('q1', 'resep')]), 'q1', 'unknown-topic'],
      ['a test item without a topic', testInstrument('pretest', [{ ...testItem('q1', 'x'), topic: undefined }]), 'q1', 'topic-required'],
      ['a correct answer outside the choices', testInstrument('pretest', [{ ...testItem('q1', 'pembukuan'), correct: 'e' }]), 'q1', 'correct-not-in-choices'],
      ['a test item without a correct answer', testInstrument('pretest', [{ ...testItem('q1', 'pembukuan'), correct: undefined }]), 'q1', 'correct-required'],
      ['a single choice', testInstrument('pretest', [{ ...testItem('q1', 'pembukuan'), choices: ['a'] }]), 'q1', 'choices-required'],
      ['repeated choices', testInstrument('pretest', [{ ...testItem('q1', 'pembukuan'), choices: ['a', 'a', 'b'] }]), 'q1', 'duplicate-choice'],
      ['a Likert item in a test', testInstrument('pretest', [{ key: 'q1', topic: 'pembukuan', prompt: 'P', type: 'likert', choices: ['a', 'b'], correct: 'a' }]), 'q1', 'type-not-allowed'],
      ['a timepoint on a test', testInstrument('pretest', [testItem('q1', 'pembukuan')], { timepoint: 'baseline' }), 'timepoint', 'timepoint-not-allowed'],
      ['a survey item without a level', surveyInstrument({ items: [{ key: 's1', prompt: 'P', type: 'likert' }] }), 's1', 'level-required'],
      ['a choice item in a survey', surveyInstrument({ items: [{ key: 's1', prompt: 'P', type: 'choice', level: 'reaction' }] }), 's1', 'type-not-allowed'],
      ['a correct answer on a survey item', surveyInstrument({ items: [{ key: 's1', prompt: 'P', type: 'likert', level: 'reaction', correct: '5' }] }), 's1', 'field-not-allowed'],
      ['a KPI instrument without a timepoint', kpiInstrument('baseline', { timepoint: undefined }), 'timepoint', 'timepoint-required'],
      ['a KPI item without a unit', kpiInstrument('baseline', { items: kpiItems().map((item) => (item.key === 'revenue' ? { ...item, unit: undefined } : item)) }), 'revenue', 'unit-required'],
      ['a Likert KPI item', kpiInstrument('baseline', { items: kpiItems().map((item) => (item.key === 'customers' ? { ...item, type: 'likert' } : item)) }), 'customers', 'type-not-allowed'],
      ['a KPI instrument missing CLV inputs', kpiInstrument('baseline', { items: kpiItems().filter((item) => item.key !== 'retention' && item.key !== 'discountRate') }), 'retention', 'kpi-keys-missing'],
      ['a closing time in the past', testInstrument('pretest', [testItem('q1', 'pembukuan')], { closesAt: '2026-02-01T00:00:00.000Z' }), 'closesAt', 'closes-in-past'],
      ['an opening after the closing', testInstrument('pretest', [testItem('q1', 'pembukuan')], { opensAt: '2026-05-02T00:00:00.000Z', closesAt: '2026-05-01T00:00:00.000Z' }), 'opensAt', 'window-order'],
    ];

    it.each(refusals)('refuses %s with a 400 naming the item', async (_name, body, item, rule) => {
      const res = await t.http.post(`/api/cohorts/${validationCohort}/instruments`).set(trainer.auth).send(body).expect(400);
      expect(res.body.error).toBe('TRAINING_INSTRUMENT_INVALID');
      expect(res.body.message).toContain(`"${item}"`);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ rule })]));
      const instruments = await t.http.get(`/api/cohorts/${validationCohort}/instruments`).set(trainer.auth).expect(200);
      expect(instruments.body.items).toHaveLength(0);
    });

    it('refuses malformed items at the door', async () => {
      const res = await t.http.post(`/api/cohorts/${validationCohort}/instruments`).set(trainer.auth).send(testInstrument('pretest', [{ ...testItem('q1', 'pembukuan'), points: -1 }])).expect(400);
      expect(res.body.details[0].field).toBe('items.0.points');
      await t.http.post(`/api/cohorts/${validationCohort}/instruments`).set(trainer.auth).send({ kind: 'exam', title: 'X', items: [testItem('q1', 'pembukuan')] }).expect(400);
      await t.http.post(`/api/cohorts/${validationCohort}/instruments`).set(trainer.auth).send(testInstrument('pretest', [])).expect(400);
    });

    it('answers in English when asked', async () => {
      const res = await t.http.post(`/api/cohorts/${validationCohort}/instruments`).set(trainer.auth).set('Accept-Language', 'en').send(testInstrument('pretest', [{ ...testItem('q1', 'pembukuan'), correct: 'e' }])).expect(400);
      expect(res.body.message).toBe('Invalid instrument ("q1"): the correct answer "e" is not one of the choices.');
    });

    it('pairs a posttest with the pretest by item keys and topics, one of each per cohort', async () => {
      const cohort = await makeCohort(t, trainer, programId, { name: 'Pasangan' });
      expect((await t.http.post(`/api/cohorts/${cohort}/instruments`).set(trainer.auth).send(testInstrument('posttest', items)).expect(409)).body.error).toBe('TRAINING_PRETEST_REQUIRED_CONFLICT');
      await makeInstrument(t, trainer, cohort, testInstrument('pretest', items));
      expect((await t.http.post(`/api/cohorts/${cohort}/instruments`).set(trainer.auth).send(testInstrument('pretest', items)).expect(409)).body.error).toBe('TRAINING_INSTRUMENT_CONFLICT');
      const missing = await t.http.post(`/api/cohorts/${cohort}/instruments`).set(trainer.auth).send(testInstrument('posttest', items.slice(0, 2))).expect(400);
      expect(missing.body.details[0]).toMatchObject({ item: 'q3', rule: 'pretest-keys-mismatch', params: { missing: 'q3', extra: '-' } });
      const moved = await t.http.post(`/api/cohorts/${cohort}/instruments`).set(trainer.auth).send(testInstrument('posttest', [items[0]!, items[1]!, { ...items[2]!, topic: 'pembukuan' }])).expect(400);
      expect(moved.body.details[0]).toMatchObject({ item: 'q3', rule: 'pretest-topic-mismatch' });
      await makeInstrument(t, trainer, cohort, testInstrument('posttest', items.map((item) => ({ ...item, prompt: `${item.prompt} (pasca)` }))));
    });

    it('pairs the KPI follow-up with the baseline', async () => {
      const cohort = await makeCohort(t, trainer, programId, { name: 'KPI' });
      expect((await t.http.post(`/api/cohorts/${cohort}/instruments`).set(trainer.auth).send(kpiInstrument('followup')).expect(409)).body.error).toBe('TRAINING_BASELINE_REQUIRED_CONFLICT');
      await makeInstrument(t, trainer, cohort, kpiInstrument('baseline', { items: [...kpiItems(), { key: 'employees', prompt: 'Karyawan', type: 'number', unit: 'orang' }] }));
      const res = await t.http.post(`/api/cohorts/${cohort}/instruments`).set(trainer.auth).send(kpiInstrument('followup')).expect(400);
      expect(res.body.details[0]).toMatchObject({ item: 'employees', rule: 'baseline-keys-mismatch' });
      await t.http.post(`/api/cohorts/${cohort}/instruments`).set(trainer.auth).send(kpiInstrument('baseline')).expect(409);
    });

    it('lets only the program’s trainers create instruments', async () => {
      await t.http.post(`/api/cohorts/${validationCohort}/instruments`).set(participants[0]!.auth).send(surveyInstrument()).expect(404);
      await t.http.post(`/api/cohorts/${cohortId}/instruments`).set(participants[0]!.auth).send(surveyInstrument()).expect(403);
      await t.http.post(`/api/cohorts/${cohortId}/instruments`).set(outsider.auth).send(surveyInstrument()).expect(404);
    });
  });

  describe('responses', () => {
    let pretestId: string;
    let surveyId: string;
    let kpiId: string;
    let closesAt: string;
    const events: DomainEventMap['responses.count'][] = [];

    beforeAll(async () => {
      closesAt = new Date(t.clock.now().getTime() + 7 * DAY).toISOString();
      pretestId = await makeInstrument(t, trainer, cohortId, testInstrument('pretest', items, { closesAt }));
      surveyId = await makeInstrument(t, trainer, cohortId, surveyInstrument());
      kpiId = await makeInstrument(t, trainer, cohortId, kpiInstrument('baseline'));
      t.app.get(EventEmitter2).on('responses.count', (payload: DomainEventMap['responses.count']) => events.push(payload));
    });

    it('hides the test keys from participants while the test is open, and shows them to trainers', async () => {
      const seen = await t.http.get(`/api/instruments/${pretestId}`).set(participants[0]!.auth).expect(200);
      expect(seen.body.items[0]).toEqual({ key: 'q1', topic: 'pembukuan', prompt: 'Soal q1', type: 'choice', choices: ['a', 'b', 'c', 'd'], level: null, unit: null, direction: null });
      expect(JSON.stringify(seen.body)).not.toContain('"correct"');
      const listed = await t.http.get(`/api/cohorts/${cohortId}/instruments`).set(participants[0]!.auth).expect(200);
      expect(JSON.stringify(listed.body)).not.toContain('"correct"');
      const trainerView = await t.http.get(`/api/instruments/${pretestId}`).set(trainer.auth).expect(200);
      expect(trainerView.body.items[1]).toMatchObject({ correct: 'a', points: 2 });
      await t.http.get(`/api/instruments/${pretestId}`).set(outsider.auth).expect(404);
    });

    it('accepts a participant’s response and emits the count', async () => {
      const body = await respond(t, participants[0]!, pretestId, answersForScore(items, 3));
      expect(body).toMatchObject({ instrumentId: pretestId, participantId: participants[0]!.id, replaced: false });
      expect(events).toContainEqual({ cohortId, instrumentId: pretestId, count: 1 });
    });

    it('replaces the response on a second submission, keeping one row', async () => {
      await respond(t, participants[1]!, pretestId, [{ itemKey: 'q1', value: 'b' }]);
      const again = await respond(t, participants[1]!, pretestId, [{ itemKey: 'q1', value: 'a' }, { itemKey: 'q3', value: 'c' }], 200);
      expect(again).toMatchObject({ replaced: true, answers: [{ itemKey: 'q1', value: 'a' }, { itemKey: 'q3', value: 'c' }] });
      const mine = await t.http.get(`/api/instruments/${pretestId}/responses/me`).set(participants[1]!.auth).expect(200);
      expect(mine.body.answers).toEqual([{ itemKey: 'q1', value: 'a' }, { itemKey: 'q3', value: 'c' }]);
      const db = t.app.get(DataSource);
      const param = db.options.type === 'postgres' ? '$1' : '?';
      const [row] = await db.query(`SELECT COUNT(*) AS n FROM "instrument_responses" WHERE "instrumentId" = ${param}`, [pretestId]);
      expect(Number(row.n)).toBe(2);
      expect(events.at(-1)).toEqual({ cohortId, instrumentId: pretestId, count: 2 });
    });

    it('takes answers only from enrolled participants', async () => {
      expect((await t.http.post(`/api/instruments/${pretestId}/responses`).set(trainer.auth).send({ answers: [{ itemKey: 'q1', value: 'a' }] }).expect(403)).body.error).toBe('TRAINING_PARTICIPANT_FORBIDDEN');
      expect((await t.http.post(`/api/instruments/${pretestId}/responses`).set(outsider.auth).send({ answers: [{ itemKey: 'q1', value: 'a' }] }).expect(404)).body.error).toBe('TRAINING_INSTRUMENT_NOT_FOUND');
      await t.http.post(`/api/instruments/${pretestId}/responses`).send({ answers: [{ itemKey: 'q1', value: 'a' }] }).expect(401);
      await t.http.get(`/api/instruments/${surveyId}/responses/me`).set(participants[2]!.auth).expect(404);
    });

    const invalidAnswers: [string, () => string, unknown[], string, string][] = [
      ['an unknown item', () => pretestId, [{ itemKey: 'q9', value: 'a' }], 'q9', 'unknown-item'],
      ['a choice that is not offered', () => pretestId, [{ itemKey: 'q2', value: 'z' }], 'q2', 'choice-not-offered'],
      ['a number for a choice', () => pretestId, [{ itemKey: 'q2', value: 1 }], 'q2', 'choice-not-offered'],
      ['an item answered twice', () => pretestId, [{ itemKey: 'q1', value: 'a' }, { itemKey: 'q1', value: 'b' }], 'q1', 'duplicate-answer'],
      ['a Likert answer of 6', () => surveyId, [{ itemKey: 'r1', value: 6 }], 'r1', 'likert-range'],
      ['a Likert answer of 0', () => surveyId, [{ itemKey: 'r2', value: 0 }], 'r2', 'likert-range'],
      ['a Likert answer of 3.5', () => surveyId, [{ itemKey: 'r3', value: 3.5 }], 'r3', 'likert-range'],
      ['a Likert answer as text', () => surveyId, [{ itemKey: 'r4', value: '4' }], 'r4', 'likert-range'],
      ['a number for a comment', () => surveyId, [{ itemKey: 'komentar', value: 5 }], 'komentar', 'text-expected'],
      ['an empty comment', () => surveyId, [{ itemKey: 'komentar', value: '   ' }], 'komentar', 'text-length'],
      ['a negative revenue', () => kpiId, [{ itemKey: 'revenue', value: -1 }], 'revenue', 'number-negative'],
      ['a number given as text', () => kpiId, [{ itemKey: 'customers', value: '12' }], 'customers', 'number-expected'],
      ['a retention above 100 %', () => kpiId, [{ itemKey: 'retention', value: 150 }], 'retention', 'number-range'],
    ];

    it.each(invalidAnswers)('refuses %s with a 400 naming the item, storing nothing', async (_name, instrument, answers, item, rule) => {
      const res = await t.http.post(`/api/instruments/${instrument()}/responses`).set(participants[2]!.auth).send({ answers }).expect(400);
      expect(res.body.error).toBe('TRAINING_ANSWER_INVALID');
      expect(res.body.message).toContain(`"${item}"`);
      expect(res.body.details[0]).toMatchObject({ item, rule });
      await t.http.get(`/api/instruments/${instrument()}/responses/me`).set(participants[2]!.auth).expect(404);
    });

    it('refuses malformed answers at the door', async () => {
      await t.http.post(`/api/instruments/${surveyId}/responses`).set(participants[2]!.auth).send({ answers: [] }).expect(400);
      await t.http.post(`/api/instruments/${surveyId}/responses`).set(participants[2]!.auth).send({ answers: [{ itemKey: 'r1', value: { x: 1 } }] }).expect(400);
      await t.http.post(`/api/instruments/${surveyId}/responses`).set(participants[2]!.auth).send({ answers: [{ itemKey: 'r1' }] }).expect(400);
      await t.http.post(`/api/instruments/${surveyId}/responses`).set(participants[2]!.auth).send({ answers: [{ itemKey: 'r1', value: 4 }], extra: 1 }).expect(400);
    });

    it('accepts valid survey and KPI answers', async () => {
      await respond(t, participants[2]!, surveyId, [{ itemKey: 'r1', value: 5 }, { itemKey: 'komentar', value: 'Bagus sekali' }, { itemKey: 'b1', value: 1 }]);
      await respond(t, participants[2]!, kpiId, [{ itemKey: 'revenue', value: 0 }, { itemKey: 'retention', value: 100 }, { itemKey: 'margin', value: 12.5 }]);
    });

    it('refuses answers before the instrument opens', async () => {
      const opensAt = new Date(t.clock.now().getTime() + DAY).toISOString();
      const later = await makeInstrument(t, trainer, cohortId, surveyInstrument({ opensAt }));
      expect((await t.http.post(`/api/instruments/${later}/responses`).set(participants[0]!.auth).send({ answers: [{ itemKey: 'r1', value: 4 }] }).expect(409)).body.error).toBe('TRAINING_INSTRUMENT_NOT_OPEN_CONFLICT');
    });

    it('closes: no more answers or edits, and the keys become visible to participants', async () => {
      t.clock.set(new Date(new Date(closesAt).getTime() + 1000));
      try {
        const res = await t.http.post(`/api/instruments/${pretestId}/responses`).set(participants[0]!.auth).send({ answers: [{ itemKey: 'q1', value: 'a' }] }).expect(409);
        expect(res.body.error).toBe('TRAINING_INSTRUMENT_CLOSED_CONFLICT');
        const seen = await t.http.get(`/api/instruments/${pretestId}`).set(participants[0]!.auth).expect(200);
        expect(seen.body.items[1]).toMatchObject({ correct: 'a', points: 2 });
      } finally {
        t.clock.set('2026-03-01T08:00:00.000Z');
      }
    });
  });

  describe('feedback campaign', () => {
    it('links a feedback campaign the trainer can see, refusing other kinds and other cohorts’ campaigns', async () => {
      const owner = await registerUser(t);
      const feedback = await makeOpenCampaign(t, owner, { kind: 'feedback', title: 'Umpan balik pelatihan' });
      const res = await t.http.post(`/api/cohorts/${cohortId}/feedback-campaign`).set(trainer.auth).send({ campaignId: feedback }).expect(200);
      expect(res.body.feedbackCampaignId).toBe(feedback);
      const product = await makeOpenCampaign(t, owner);
      expect((await t.http.post(`/api/cohorts/${cohortId}/feedback-campaign`).set(trainer.auth).send({ campaignId: product }).expect(400)).body.error).toBe('TRAINING_FEEDBACK_CAMPAIGN_INVALID');
      const elsewhere = await makeOpenCampaign(t, owner, { kind: 'feedback', title: 'Umpan balik angkatan lain', cohortId: await makeCohort(t, trainer, programId) });
      expect((await t.http.post(`/api/cohorts/${cohortId}/feedback-campaign`).set(trainer.auth).send({ campaignId: elsewhere }).expect(409)).body.error).toBe('TRAINING_FEEDBACK_CAMPAIGN_CONFLICT');
      await t.http.post(`/api/cohorts/${cohortId}/feedback-campaign`).set(participants[0]!.auth).send({ campaignId: feedback }).expect(403);
    });
  });
});
