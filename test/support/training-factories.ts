import type { Actor } from './factories';
import { registerUser } from './factories';
import type { TestApp } from './test-app';

/** Each registration costs an argon2 hash: register many people at once. */
export function registerUsers(t: TestApp, count: number): Promise<Actor[]> {
  return Promise.all(Array.from({ length: count }, () => registerUser(t)));
}

/** Named people and an unnamed crowd, registered at once: `{ trainer, outsider, crowd }`. */
export async function registerCast<K extends string>(t: TestApp, names: readonly K[], crowd = 0): Promise<Record<K, Actor> & { crowd: Actor[] }> {
  const people = await registerUsers(t, names.length + crowd);
  const cast = Object.fromEntries(names.map((name, i) => [name, people[i] as Actor])) as Record<K, Actor>;
  return Object.assign(cast, { crowd: people.slice(names.length) });
}

export interface TopicInput {
  key: string;
  title: string;
}

export async function makeProgram(t: TestApp, trainer: Actor, overrides: Record<string, unknown> = {}): Promise<{ id: string; body: Record<string, unknown> }> {
  const res = await t.http
    .post('/api/programs')
    .set(trainer.auth)
    .send({
      title: 'Pembukuan dan pemasaran untuk UMKM',
      topics: [
        { key: 'pembukuan', title: 'Pembukuan' },
        { key: 'pemasaran', title: 'Pemasaran digital' },
      ],
      ...overrides,
    })
    .expect(201);
  return { id: res.body.id, body: res.body };
}

export async function makeCohort(t: TestApp, trainer: Actor, programId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.http.post(`/api/programs/${programId}/cohorts`).set(trainer.auth).send({ name: 'Angkatan 1', ...overrides }).expect(201);
  return res.body.id;
}

export async function enrol(t: TestApp, trainer: Actor, cohortId: string, participants: readonly Actor[]): Promise<void> {
  await t.http.post(`/api/cohorts/${cohortId}/participants`).set(trainer.auth).send({ userIds: participants.map((p) => p.id) }).expect(201);
}

export interface TestItem {
  key: string;
  topic: string;
  prompt: string;
  type: 'choice';
  choices: string[];
  correct: string;
  points: number;
}

/** A choice item whose correct answer is "a". */
export function testItem(key: string, topic: string, points = 1): TestItem {
  return { key, topic, prompt: `Soal ${key}`, type: 'choice', choices: ['a', 'b', 'c', 'd'], correct: 'a', points };
}

/**
 * 20 items worth 100 points on one topic: eighteen of 5 points, one of 2 and one of 8, so that every
 * percentage of ALGORITHMS.md's 10-participant vector (72 % included) is a reachable score.
 */
export function hundredPointItems(topic: string): TestItem[] {
  return Array.from({ length: 20 }, (_, i) => testItem(`q${String(i + 1).padStart(2, '0')}`, topic, i < 18 ? 5 : i === 18 ? 2 : 8));
}

/** Answers worth exactly `target` points: a subset sum over the items, starting at `rotate` so participants differ. */
export function answersForScore(items: readonly TestItem[], target: number, rotate = 0): { itemKey: string; value: string }[] {
  const order = items.map((_, i) => (i + rotate) % items.length);
  const reach = new Map<number, number[]>([[0, []]]);
  for (const index of order) {
    for (const [sum, chosen] of [...reach]) {
      const next = sum + (items[index] as TestItem).points;
      if (next <= target && !reach.has(next)) reach.set(next, [...chosen, index]);
    }
  }
  const chosen = reach.get(target);
  if (!chosen) throw new Error(`no subset of the items is worth ${target} points`);
  const correct = new Set(chosen);
  return items.map((item, i) => ({ itemKey: item.key, value: correct.has(i) ? item.correct : 'b' }));
}

export async function makeInstrument(t: TestApp, trainer: Actor, cohortId: string, body: Record<string, unknown>): Promise<string> {
  const res = await t.http.post(`/api/cohorts/${cohortId}/instruments`).set(trainer.auth).send(body);
  if (res.status !== 201) throw new Error(`instrument refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Items are plain objects so that tests can send deliberately broken ones. */
export function testInstrument(kind: 'pretest' | 'posttest', items: readonly object[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind, title: kind === 'pretest' ? 'Pra-tes' : 'Pasca-tes', items, ...overrides };
}

export const KPI_UNITS: Record<string, string> = {
  revenue: 'juta Rp/bulan',
  customers: 'orang/bulan',
  production: 'unit/bulan',
  digitalChannels: 'kanal',
  marketingSpend: 'ribu Rp/bulan',
  leads: 'prospek/bulan',
  margin: 'ribu Rp/pelanggan/bulan',
  retention: '%',
  discountRate: '%',
};

export function kpiItems(): Record<string, unknown>[] {
  return Object.entries(KPI_UNITS).map(([key, unit]) => ({ key, prompt: `KPI ${key}`, type: 'number', unit }));
}

export function kpiInstrument(timepoint: 'baseline' | 'followup', overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind: 'kpi', title: `KPI ${timepoint}`, timepoint, items: kpiItems(), ...overrides };
}

export function surveyInstrument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'survey',
    title: 'Survei reaksi',
    items: [
      { key: 'r1', prompt: 'Materi mudah dipahami', type: 'likert', level: 'reaction' },
      { key: 'r2', prompt: 'Pelatih menjelaskan dengan jelas', type: 'likert', level: 'reaction' },
      { key: 'r3', prompt: 'Contoh sesuai usaha saya', type: 'likert', level: 'reaction' },
      { key: 'r4', prompt: 'Saya akan merekomendasikan pelatihan ini', type: 'likert', level: 'reaction' },
      { key: 'komentar', prompt: 'Saran untuk pelatihan', type: 'text', level: 'reaction' },
      { key: 'b1', prompt: 'Saya sudah mencatat pembukuan tiap hari', type: 'likert', level: 'behaviour' },
    ],
    ...overrides,
  };
}

export async function respond(t: TestApp, actor: Actor, instrumentId: string, answers: unknown[], status = 201): Promise<Record<string, unknown>> {
  const res = await t.http.post(`/api/instruments/${instrumentId}/responses`).set(actor.auth).send({ answers });
  if (res.status !== status) throw new Error(`response ${res.status} (expected ${status}): ${JSON.stringify(res.body)}`);
  return res.body;
}

export function kpiAnswers(values: Record<string, number>): { itemKey: string; value: number }[] {
  return Object.entries(values).map(([itemKey, value]) => ({ itemKey, value }));
}
