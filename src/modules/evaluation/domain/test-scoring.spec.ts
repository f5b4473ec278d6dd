import type { TestItemDefinition } from './evaluation-report.types';
import { scoreTest, scoreTestResponse } from './test-scoring';

const ITEMS: TestItemDefinition[] = [
  { key: 'q1', topic: 'pembukuan', choices: ['a', 'b'], correct: 'a', points: 1 },
  { key: 'q2', topic: 'pembukuan', choices: ['a', 'b'], correct: 'b', points: 3 },
  { key: 'q3', topic: 'harga', choices: ['1', '2'], correct: '2', points: 2 },
];

describe('scoreTestResponse', () => {
  it.each([
    ['all correct', { q1: 'a', q2: 'b', q3: '2' }, 100, { pembukuan: 100, harga: 100 }, [1, 1, 1]],
    ['points-weighted', { q1: 'a', q2: 'a', q3: '2' }, 50, { pembukuan: 25, harga: 100 }, [1, 0, 1]],
    ['unanswered counts as wrong', { q2: 'b' }, 50, { pembukuan: 75, harga: 0 }, [0, 1, 0]],
    ['numeric answer to a numeric choice', { q3: 2 }, 100 / 3, { pembukuan: 0, harga: 100 }, [0, 0, 1]],
  ])('scores %s', (_name, answerMap, percent, topicPercents, correctness) => {
    const answers = Object.entries(answerMap).map(([itemKey, value]) => ({ itemKey, value }));
    const scored = scoreTestResponse(ITEMS, answers);
    expect(scored.percent).toBeCloseTo(percent, 9);
    expect(scored.topicPercents).toEqual(topicPercents);
    expect(scored.correctness).toEqual(correctness);
  });

  it('gives null percentages when there are no points to earn', () => {
    const scored = scoreTestResponse([{ key: 'q', topic: 't', choices: ['a'], correct: 'a', points: 0 }], [{ itemKey: 'q', value: 'a' }]);
    expect(scored).toEqual({ percent: null, topicPercents: { t: null }, correctness: [1] });
  });

  it('keeps scores within 0–100', () => {
    for (const value of ['a', 'b', null]) {
      const scored = scoreTestResponse(ITEMS, ITEMS.map((item) => ({ itemKey: item.key, value })));
      expect(scored.percent).toBeGreaterThanOrEqual(0);
      expect(scored.percent).toBeLessThanOrEqual(100);
    }
  });
});

describe('scoreTest', () => {
  it('scores only enrolled participants and keeps their latest response', () => {
    const scores = scoreTest(
      {
        items: ITEMS,
        responses: [
          { participantId: 'p1', answers: [{ itemKey: 'q1', value: 'a' }] },
          { participantId: 'p1', answers: [{ itemKey: 'q3', value: '2' }] },
          { participantId: 'stranger', answers: [] },
        ],
      },
      new Set(['p1', 'p2']),
    );
    expect([...scores.keys()]).toEqual(['p1']);
    expect(scores.get('p1')?.percent).toBeCloseTo(100 / 3, 9);
  });

  it('returns no scores without a test', () => {
    expect(scoreTest(null, new Set(['p1'])).size).toBe(0);
  });
});
