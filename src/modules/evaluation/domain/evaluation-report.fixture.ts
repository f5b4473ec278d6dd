import type { EvaluationInput, ParticipantResponse, TestInstrumentInput, TestItemDefinition } from './evaluation-report.types';

/**
 * Spec fixture: the ALGORITHMS.md §5 test vectors as raw cohort data. Ten paired participants
 * answer 100 one-point items (so k correct answers score k %), reproducing the pre/post vector;
 * the reaction survey is the 6 × 4 Likert vector, the KPI instruments the B/A vector, and the
 * previous cohort's gains the Welch vector's B. p11 took only the pre-test, p12 nothing, and a
 * stranger's response must be ignored.
 */
const PRE = [40, 55, 30, 65, 50, 45, 70, 35, 60, 50];
const POST = [60, 70, 45, 80, 55, 65, 75, 50, 55, 72];
const PREVIOUS_GAINS = [5, 10, 0, 8, 12, -2, 6, 9];
const LIKERT = [
  [4, 5, 4, 4],
  [3, 3, 2, 3],
  [5, 5, 5, 4],
  [2, 2, 3, 2],
  [4, 4, 4, 5],
  [3, 4, 3, 3],
];
const KPI_BASELINE = [10, 25, 8, 40, 0, 15];
const KPI_FOLLOWUP = [12, 30, 6, 52, 5, 15];

export const PARTICIPANT_IDS = PRE.map((_, index) => `p${index + 1}`);

/** `count` one-point items of a topic, so that answering k of them correctly scores k % of 100 items. */
export function oneTopicItems(topic: string, count: number): TestItemDefinition[] {
  return Array.from({ length: count }, (_, index) => ({ key: `${topic}-q${index + 1}`, topic, choices: ['a', 'b'], correct: 'a', points: 1 }));
}

/** Answers the first `correct` items right and the rest wrong. */
export function answering(participantId: string, items: readonly TestItemDefinition[], correct: number): ParticipantResponse {
  return { participantId, answers: items.map((item, index) => ({ itemKey: item.key, value: index < correct ? 'a' : 'b' })) };
}

function test(items: TestItemDefinition[], percents: readonly number[], participantIds = PARTICIPANT_IDS): TestInstrumentInput {
  return { items, responses: percents.map((percent, index) => answering(participantIds[index] as string, items, percent)) };
}

function likertResponses(): ParticipantResponse[] {
  return LIKERT.map((row, index) => ({
    participantId: PARTICIPANT_IDS[index] as string,
    answers: [
      ...row.map((value, item) => ({ itemKey: `r${item + 1}`, value })),
      { itemKey: 'saran', value: index === 0 ? 'Materi terlalu cepat' : index === 1 ? '   ' : null },
    ],
  }));
}

function kpiResponses(values: readonly number[], extra: Record<string, number>) {
  return values.map((value, index) => ({
    participantId: PARTICIPANT_IDS[index] as string,
    answers: [{ itemKey: 'omzet', value }, ...Object.entries(extra).map(([itemKey, v]) => ({ itemKey, value: v }))],
  }));
}

const ITEMS = oneTopicItems('pembukuan', 100);

export const ALGORITHMS_COHORT_INPUT: EvaluationInput = {
  cohortId: 'cohort-2',
  participantIds: [...PARTICIPANT_IDS, 'p11', 'p12'],
  topics: [
    { key: 'pembukuan', title: 'Pembukuan' },
    { key: 'pemasaran', title: 'Pemasaran digital' },
  ],
  pretest: test(ITEMS, [...PRE, 80, 90], [...PARTICIPANT_IDS, 'p11', 'stranger']),
  posttest: test(ITEMS, POST),
  surveys: [
    {
      key: 'reaksi',
      items: [
        ...[1, 2, 3, 4].map((n) => ({ key: `r${n}`, type: 'likert' as const, level: 'reaction' as const, prompt: `Aspek ${n}` })),
        { key: 'saran', type: 'text', level: 'reaction', prompt: 'Saran' },
      ],
      responses: likertResponses(),
    },
    {
      key: 'perilaku',
      items: [{ key: 'catat-kas', type: 'likert', level: 'behaviour', prompt: 'Saya mencatat kas harian' }],
      responses: [2, 4, 5, 1, 3].map((value, index) => ({
        participantId: PARTICIPANT_IDS[index] as string,
        answers: [{ itemKey: 'catat-kas', value }],
      })),
    },
  ],
  kpi: {
    baseline: {
      items: [
        { key: 'omzet', label: 'Omzet', unit: 'juta Rp' },
        { key: 'cpl', label: 'Biaya per prospek', unit: 'Rp', direction: 'lower-is-better' },
      ],
      responses: kpiResponses(KPI_BASELINE, { cpl: 5000 }),
    },
    followup: { items: [], responses: kpiResponses(KPI_FOLLOWUP, { cpl: 6000 }) },
  },
  previousCohort: {
    cohortId: 'cohort-1',
    participants: PREVIOUS_GAINS.map((gain, index) => ({ participantId: `old${index}`, topicGains: { pembukuan: gain } })),
  },
  feedbackIdeas: [{ id: 'idea-7', title: 'Kelas malam untuk pedagang pasar' }],
};


/** Every number in a value is finite (no NaN or Infinity) or the value is null. */
export function everyNumberIsFiniteOrNull(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(everyNumberIsFiniteOrNull);
  if (typeof value === 'object') return Object.values(value).every(everyNumberIsFiniteOrNull);
  return false;
}
