import { kpiDefinition, REQUIRED_KPI_KEYS } from './kpi-catalogue';
import type { InstrumentItem, InstrumentItemInput, InstrumentKind, ItemProblem, KpiTimepoint } from './training.types';

export interface InstrumentDefinitionInput {
  kind: InstrumentKind;
  timepoint?: KpiTimepoint;
  opensAt?: Date;
  closesAt?: Date;
  items: readonly InstrumentItemInput[];
}

export interface InstrumentRuleContext {
  now: Date;
  topicKeys: ReadonlySet<string>;
  /** The cohort's pretest items, for a posttest (paired by item keys). */
  pretestItems: readonly InstrumentItem[] | null;
  /** The cohort's KPI baseline items, for a follow-up. */
  baselineItems: readonly InstrumentItem[] | null;
}

/** Fields an item may carry, by instrument kind; anything else set is refused rather than silently dropped. */
const ALLOWED_FIELDS: Record<InstrumentKind, ReadonlySet<keyof InstrumentItemInput>> = {
  pretest: new Set(['key', 'topic', 'prompt', 'type', 'choices', 'correct', 'points']),
  posttest: new Set(['key', 'topic', 'prompt', 'type', 'choices', 'correct', 'points']),
  survey: new Set(['key', 'topic', 'prompt', 'type', 'level']),
  kpi: new Set(['key', 'prompt', 'type', 'unit', 'direction']),
};

const ALLOWED_TYPES: Record<InstrumentKind, readonly string[]> = {
  pretest: ['choice'],
  posttest: ['choice'],
  survey: ['likert', 'text'],
  kpi: ['number'],
};

function problem(item: string | null, field: string, rule: string, params?: ItemProblem['params']): ItemProblem {
  return params ? { item, field, rule, params } : { item, field, rule };
}

function fieldProblems(kind: InstrumentKind, item: InstrumentItemInput): ItemProblem[] {
  const problems: ItemProblem[] = [];
  for (const field of Object.keys(item) as (keyof InstrumentItemInput)[]) {
    if (item[field] !== undefined && !ALLOWED_FIELDS[kind].has(field)) problems.push(problem(item.key, field, 'field-not-allowed', { field, kind }));
  }
  if (!ALLOWED_TYPES[kind].includes(item.type)) problems.push(problem(item.key, 'type', 'type-not-allowed', { kind, allowed: ALLOWED_TYPES[kind].join(', ') }));
  return problems;
}

function topicProblems(item: InstrumentItemInput, required: boolean, topicKeys: ReadonlySet<string>): ItemProblem[] {
  if (item.topic === undefined) return required ? [problem(item.key, 'topic', 'topic-required')] : [];
  return topicKeys.has(item.topic) ? [] : [problem(item.key, 'topic', 'unknown-topic', { topic: item.topic })];
}

/** A test item offers at least two distinct choices, one of which is the correct answer. */
function choiceProblems(item: InstrumentItemInput): ItemProblem[] {
  const choices = item.choices ?? [];
  const problems: ItemProblem[] = [];
  if (choices.length < 2) problems.push(problem(item.key, 'choices', 'choices-required'));
  if (new Set(choices).size !== choices.length) problems.push(problem(item.key, 'choices', 'duplicate-choice'));
  if (item.correct === undefined) problems.push(problem(item.key, 'correct', 'correct-required'));
  else if (choices.length > 0 && !choices.includes(item.correct)) problems.push(problem(item.key, 'correct', 'correct-not-in-choices', { correct: item.correct }));
  return problems;
}

function itemProblems(kind: InstrumentKind, item: InstrumentItemInput, context: InstrumentRuleContext): ItemProblem[] {
  const problems = fieldProblems(kind, item);
  switch (kind) {
    case 'pretest':
    case 'posttest':
      return [...problems, ...topicProblems(item, true, context.topicKeys), ...choiceProblems(item)];
    case 'survey':
      return [...problems, ...topicProblems(item, false, context.topicKeys), ...(item.level === undefined ? [problem(item.key, 'level', 'level-required')] : [])];
    case 'kpi':
      return [...problems, ...(item.unit === undefined ? [problem(item.key, 'unit', 'unit-required')] : [])];
  }
}

function duplicateKeyProblems(items: readonly InstrumentItemInput[]): ItemProblem[] {
  const seen = new Set<string>();
  return items.flatMap((item) => {
    if (!seen.has(item.key)) {
      seen.add(item.key);
      return [];
    }
    return [problem(item.key, 'key', 'duplicate-key')];
  });
}

function keySetProblem(rule: string, expected: readonly string[], actual: readonly string[]): ItemProblem[] {
  const missing = expected.filter((key) => !actual.includes(key));
  const extra = actual.filter((key) => !expected.includes(key));
  if (missing.length === 0 && extra.length === 0) return [];
  return [problem(missing[0] ?? extra[0] ?? null, 'items', rule, { missing: missing.join(', ') || '-', extra: extra.join(', ') || '-' })];
}

/** A posttest is paired with the pretest item by item: the same keys, each on the same topic. */
function pairingProblems(items: readonly InstrumentItemInput[], pretest: readonly InstrumentItem[]): ItemProblem[] {
  const keyProblems = keySetProblem('pretest-keys-mismatch', pretest.map((item) => item.key), items.map((item) => item.key));
  const topics = new Map(pretest.map((item) => [item.key, item.topic]));
  const topicMismatches = items
    .filter((item) => topics.has(item.key) && item.topic !== undefined && topics.get(item.key) !== item.topic)
    .map((item) => problem(item.key, 'topic', 'pretest-topic-mismatch', { topic: topics.get(item.key) ?? '-' }));
  return [...keyProblems, ...topicMismatches];
}

function kpiCoverageProblems(input: InstrumentDefinitionInput, context: InstrumentRuleContext): ItemProblem[] {
  const keys = input.items.map((item) => item.key);
  const missing = REQUIRED_KPI_KEYS.filter((key) => !keys.includes(key));
  const coverage = missing.length === 0 ? [] : [problem(missing[0] ?? null, 'items', 'kpi-keys-missing', { keys: missing.join(', ') })];
  const baseline = input.timepoint === 'followup' && context.baselineItems ? context.baselineItems.map((item) => item.key) : null;
  return [...coverage, ...(baseline ? keySetProblem('baseline-keys-mismatch', baseline, keys) : [])];
}

function windowProblems(input: InstrumentDefinitionInput, now: Date): ItemProblem[] {
  const problems: ItemProblem[] = [];
  if (input.kind === 'kpi' && input.timepoint === undefined) problems.push(problem(null, 'timepoint', 'timepoint-required'));
  if (input.kind !== 'kpi' && input.timepoint !== undefined) problems.push(problem(null, 'timepoint', 'timepoint-not-allowed'));
  if (input.closesAt && input.closesAt <= now) problems.push(problem(null, 'closesAt', 'closes-in-past'));
  if (input.opensAt && input.closesAt && input.opensAt >= input.closesAt) problems.push(problem(null, 'opensAt', 'window-order'));
  return problems;
}

/** Every rule an instrument definition breaks (PRODUCT.md "Instrument"); empty when it may be stored. */
export function findInstrumentProblems(input: InstrumentDefinitionInput, context: InstrumentRuleContext): ItemProblem[] {
  return [
    ...windowProblems(input, context.now),
    ...duplicateKeyProblems(input.items),
    ...input.items.flatMap((item) => itemProblems(input.kind, item, context)),
    ...(input.kind === 'posttest' && context.pretestItems ? pairingProblems(input.items, context.pretestItems) : []),
    ...(input.kind === 'kpi' ? kpiCoverageProblems(input, context) : []),
  ];
}

/** The stored shape: inapplicable fields null, test points defaulting to one. */
export function normalizeItem(kind: InstrumentKind, item: InstrumentItemInput): InstrumentItem {
  const isTest = kind === 'pretest' || kind === 'posttest';
  return {
    key: item.key,
    topic: item.topic ?? null,
    prompt: item.prompt.trim(),
    type: item.type,
    choices: item.choices ?? null,
    correct: item.correct ?? null,
    points: isTest ? (item.points ?? 1) : null,
    level: item.level ?? null,
    unit: item.unit?.trim() ?? null,
    direction: kind === 'kpi' ? (item.direction ?? kpiDefinition(item.key)?.direction ?? 'higher-is-better') : null,
  };
}
