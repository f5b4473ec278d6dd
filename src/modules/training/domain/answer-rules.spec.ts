import { findAnswerProblems, normalizeAnswers } from './answer-rules';
import type { InstrumentItem } from './training.types';

const item = (key: string, type: InstrumentItem['type'], extra: Partial<InstrumentItem> = {}): InstrumentItem => ({
  key, topic: null, prompt: key, type, choices: null, correct: null, points: null, level: null, unit: null, direction: null, ...extra,
});
const items = [
  item('q1', 'choice', { choices: ['a', 'b'], correct: 'a', points: 1 }),
  item('r1', 'likert', { level: 'reaction' }),
  item('c1', 'text', { level: 'reaction' }),
  item('revenue', 'number', { unit: 'Rp' }),
  item('retention', 'number', { unit: '%' }),
];

describe('findAnswerProblems', () => {
  it.each<[string, string | number, string | null]>([
    ['q1', 'a', null],
    ['q1', 'c', 'choice-not-offered'],
    ['q1', 1, 'choice-not-offered'],
    ['r1', 1, null],
    ['r1', 5, null],
    ['r1', 0, 'likert-range'],
    ['r1', 6, 'likert-range'],
    ['r1', 2.5, 'likert-range'],
    ['r1', '3', 'likert-range'],
    ['c1', 'Bagus', null],
    ['c1', '  ', 'text-length'],
    ['c1', 3, 'text-expected'],
    ['revenue', 0, null],
    ['revenue', 1.5e9, null],
    ['revenue', -1, 'number-negative'],
    ['revenue', '100', 'number-expected'],
    ['retention', 100, null],
    ['retention', 100.5, 'number-range'],
    ['nope', 1, 'unknown-item'],
  ])('%s = %j → %s', (itemKey, value, rule) => {
    const problems = findAnswerProblems(items, [{ itemKey, value }]);
    expect(problems.map((p) => p.rule)).toEqual(rule ? [rule] : []);
    if (rule) expect(problems[0]?.item).toBe(itemKey);
  });

  it('refuses an item answered twice', () => {
    expect(findAnswerProblems(items, [{ itemKey: 'r1', value: 4 }, { itemKey: 'r1', value: 5 }])).toEqual([{ item: 'r1', field: 'itemKey', rule: 'duplicate-answer' }]);
  });
});

describe('normalizeAnswers', () => {
  it('keeps item order and trims text', () => {
    expect(normalizeAnswers(items, [{ itemKey: 'c1', value: ' ok ' }, { itemKey: 'q1', value: 'a' }])).toEqual([{ itemKey: 'q1', value: 'a' }, { itemKey: 'c1', value: 'ok' }]);
  });
});
