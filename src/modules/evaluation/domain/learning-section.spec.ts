import type { TestInstrumentInput, TestItemDefinition } from './evaluation-report.types';
import { buildLearningSection, findPairedParticipants, topicScorePairs } from './learning-section';
import { scoreTest } from './test-scoring';

const ITEMS: TestItemDefinition[] = [
  { key: 'q1', topic: 'kas', choices: ['a', 'b'], correct: 'a', points: 1 },
  { key: 'q2', topic: 'kas', choices: ['a', 'b'], correct: 'a', points: 1 },
  { key: 'q3', topic: 'harga', choices: ['a', 'b'], correct: 'a', points: 2 },
];
const POST_ITEMS: TestItemDefinition[] = [...ITEMS, { key: 'q4', topic: 'harga', choices: ['a', 'b'], correct: 'b', points: 0 }];

function test(items: TestItemDefinition[], answers: Record<string, string[]>): TestInstrumentInput {
  return {
    items,
    responses: Object.entries(answers).map(([participantId, values]) => ({
      participantId,
      answers: values.map((value, index) => ({ itemKey: `q${index + 1}`, value })),
    })),
  };
}

const PRETEST = test(ITEMS, { a: ['a', 'b', 'b'], b: ['b', 'b', 'a'], c: ['a', 'a', 'a'] });
const POSTTEST = test(POST_ITEMS, { a: ['a', 'a', 'a', 'b'], b: ['a', 'b', 'a', 'a'] });
const ENROLLED = ['a', 'b', 'c'];

describe('learning section', () => {
  const pre = scoreTest(PRETEST, new Set(ENROLLED));
  const post = scoreTest(POSTTEST, new Set(ENROLLED));
  const cohort = { pre, post, pairedIds: findPairedParticipants(ENROLLED, pre, post) };
  const learning = buildLearningSection([{ key: 'kas', title: 'Kas' }, { key: 'harga', title: 'Harga' }], PRETEST, POSTTEST, cohort);

  it('pairs participants with both tests, in enrolment order', () => {
    expect(cohort.pairedIds).toEqual(['a', 'b']);
  });

  it('computes topic means over the paired participants only', () => {
    expect(topicScorePairs(cohort, 'kas')).toEqual({ pre: [50, 0], post: [100, 50] });
    expect(learning.topics).toEqual([
      { key: 'kas', title: 'Kas', n: 2, preMean: 25, postMean: 75, meanGain: 50, normalizedGain: expect.closeTo(2 / 3, 12) },
      { key: 'harga', title: 'Harga', n: 2, preMean: 50, postMean: 100, meanGain: 50, normalizedGain: 1 },
    ]);
  });

  it('lists pre-test items, then post-only items, with difficulties over everyone who took each test', () => {
    expect(learning.items.map((item) => [item.key, item.difficultyPre, item.difficultyPost])).toEqual([
      ['q1', expect.closeTo(2 / 3, 12), 1],
      ['q2', expect.closeTo(1 / 3, 12), 0.5],
      ['q3', expect.closeTo(2 / 3, 12), 1],
      ['q4', null, 0.5],
    ]);
  });

  it('computes paired statistics on the overall percentages', () => {
    expect(learning.preMean).toBeCloseTo(37.5, 12);
    expect(learning.postMean).toBeCloseTo(87.5, 12);
    expect(learning.normalizedGainClass).toBe('high');
    expect(learning.gainDistribution.reduce((n, bin) => n + bin.count, 0)).toBe(2);
  });
});
