import { findInstrumentProblems, normalizeItem, type InstrumentDefinitionInput, type InstrumentRuleContext } from './instrument-rules';
import { REQUIRED_KPI_KEYS } from './kpi-catalogue';
import type { InstrumentItem, InstrumentItemInput } from './training.types';

const now = new Date('2026-03-01T08:00:00Z');
const context: InstrumentRuleContext = { now, topicKeys: new Set(['pembukuan', 'pemasaran']), pretestItems: null, baselineItems: null };
const choice = (key: string, overrides: Partial<InstrumentItemInput> = {}): InstrumentItemInput => ({
  key,
  topic: 'pembukuan',
  prompt: `Soal ${key}`,
  type: 'choice',
  choices: ['a', 'b'],
  correct: 'a',
  ...overrides,
});
const kpiItems = (keys: readonly string[] = REQUIRED_KPI_KEYS): InstrumentItemInput[] => keys.map((key) => ({ key, prompt: key, type: 'number', unit: 'Rp' }));
const stored = (input: InstrumentItemInput): InstrumentItem => normalizeItem('pretest', input);
const rules = (input: InstrumentDefinitionInput, ctx: Partial<InstrumentRuleContext> = {}) =>
  findInstrumentProblems(input, { ...context, ...ctx }).map((p) => `${p.item ?? p.field}:${p.rule}`);

describe('findInstrumentProblems', () => {
  it.each<[string, InstrumentDefinitionInput, string[]]>([
    ['a valid pretest', { kind: 'pretest', items: [choice('q1'), choice('q2', { topic: 'pemasaran', points: 2 })] }, []],
    ['duplicate keys', { kind: 'pretest', items: [choice('q1'), choice('q1')] }, ['q1:duplicate-key']],
    ['a topic of another program', { kind: 'pretest', items: [choice('q1', { topic: 'resep' })] }, ['q1:unknown-topic']],
    ['a test item without a topic', { kind: 'pretest', items: [choice('q1', { topic: undefined })] }, ['q1:topic-required']],
    ['a correct answer not offered', { kind: 'pretest', items: [choice('q1', { correct: 'c' })] }, ['q1:correct-not-in-choices']],
    ['no correct answer', { kind: 'posttest', items: [choice('q1', { correct: undefined })] }, ['q1:correct-required']],
    ['one choice', { kind: 'pretest', items: [choice('q1', { choices: ['a'] })] }, ['q1:choices-required']],
    ['no choices', { kind: 'pretest', items: [choice('q1', { choices: undefined })] }, ['q1:choices-required']],
    ['the same choice twice', { kind: 'pretest', items: [choice('q1', { choices: ['a', 'a', 'b'] })] }, ['q1:duplicate-choice']],
    ['a unit on a test item', { kind: 'pretest', items: [choice('q1', { unit: 'Rp' })] }, ['q1:field-not-allowed']],
    ['a survey item without a level', { kind: 'survey', items: [{ key: 's1', prompt: 'P', type: 'likert' }] }, ['s1:level-required']],
    ['a survey choice item', { kind: 'survey', items: [{ key: 's1', prompt: 'P', type: 'choice', level: 'reaction' }] }, ['s1:type-not-allowed']],
    ['points on a survey item', { kind: 'survey', items: [{ key: 's1', prompt: 'P', type: 'likert', level: 'reaction', points: 1 }] }, ['s1:field-not-allowed']],
    ['a survey item on an unknown topic', { kind: 'survey', items: [{ key: 's1', prompt: 'P', type: 'text', level: 'behaviour', topic: 'x' }] }, ['s1:unknown-topic']],
    ['a valid KPI baseline', { kind: 'kpi', timepoint: 'baseline', items: kpiItems() }, []],
    ['a KPI instrument without timepoint', { kind: 'kpi', items: kpiItems() }, ['timepoint:timepoint-required']],
    ['a KPI item without unit', { kind: 'kpi', timepoint: 'baseline', items: [...kpiItems().slice(1), { key: 'revenue', prompt: 'Omzet', type: 'number' }] }, ['revenue:unit-required']],
    ['KPIs missing CLV inputs', { kind: 'kpi', timepoint: 'baseline', items: kpiItems(REQUIRED_KPI_KEYS.filter((k) => k !== 'margin')) }, ['margin:kpi-keys-missing']],
    ['a timepoint on a survey', { kind: 'survey', timepoint: 'baseline', items: [{ key: 's1', prompt: 'P', type: 'text', level: 'reaction' }] }, ['timepoint:timepoint-not-allowed']],
    ['a window closing in the past', { kind: 'pretest', closesAt: new Date('2026-02-01'), items: [choice('q1')] }, ['closesAt:closes-in-past']],
    ['a window opening after it closes', { kind: 'pretest', opensAt: new Date('2026-04-02'), closesAt: new Date('2026-04-01'), items: [choice('q1')] }, ['opensAt:window-order']],
  ])('%s', (_name, input, expected) => {
    expect(rules(input)).toEqual(expected);
  });

  it('pairs a posttest with the pretest by keys and topics', () => {
    const pretestItems = [stored(choice('q1')), stored(choice('q2', { topic: 'pemasaran' }))];
    expect(rules({ kind: 'posttest', items: [choice('q1'), choice('q2', { topic: 'pemasaran', prompt: 'Baru' })] }, { pretestItems })).toEqual([]);
    expect(rules({ kind: 'posttest', items: [choice('q1'), choice('q3', { topic: 'pemasaran' })] }, { pretestItems })).toEqual(['q2:pretest-keys-mismatch']);
    expect(rules({ kind: 'posttest', items: [choice('q1'), choice('q2')] }, { pretestItems })).toEqual(['q2:pretest-topic-mismatch']);
  });

  it('pairs a KPI follow-up with the baseline by keys', () => {
    const baselineItems = kpiItems([...REQUIRED_KPI_KEYS, 'employees']).map((item) => normalizeItem('kpi', item));
    const problems = findInstrumentProblems({ kind: 'kpi', timepoint: 'followup', items: kpiItems() }, { ...context, baselineItems });
    expect(problems).toEqual([expect.objectContaining({ item: 'employees', rule: 'baseline-keys-mismatch', params: { missing: 'employees', extra: '-' } })]);
  });
});

describe('normalizeItem', () => {
  it('defaults test points to one and nulls what does not apply', () => {
    expect(normalizeItem('pretest', choice('q1', { prompt: '  Soal  ' }))).toEqual({
      key: 'q1', topic: 'pembukuan', prompt: 'Soal', type: 'choice', choices: ['a', 'b'], correct: 'a', points: 1, level: null, unit: null, direction: null,
    });
  });

  it.each([
    ['revenue', undefined, 'higher-is-better'],
    ['revenue', 'lower-is-better', 'lower-is-better'],
    ['employees', undefined, 'higher-is-better'],
  ] as const)('gives KPI %s the direction %s → %s', (key, direction, expected) => {
    expect(normalizeItem('kpi', { key, prompt: key, type: 'number', unit: 'x', ...(direction ? { direction } : {}) }).direction).toBe(expected);
  });
});
