import { codePointCount } from './text-length';
import { kpiDefinition } from './kpi-catalogue';
import type { AnswerInput, InstrumentItem, ItemProblem } from './training.types';

export const MAX_TEXT_ANSWER = 2000;

function problem(item: string, rule: string, params?: ItemProblem['params']): ItemProblem {
  return params ? { item, field: 'value', rule, params } : { item, field: 'value', rule };
}

function choiceProblem(item: InstrumentItem, value: AnswerInput['value']): ItemProblem | null {
  const choices = item.choices ?? [];
  return typeof value === 'string' && choices.includes(value) ? null : problem(item.key, 'choice-not-offered', { choices: choices.join(', ') });
}

/** Likert answers are the integers 1–5 (PRODUCT.md "Survey items: Likert 1–5"). */
function likertProblem(item: InstrumentItem, value: AnswerInput['value']): ItemProblem | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? null : problem(item.key, 'likert-range');
}

function textProblem(item: InstrumentItem, value: AnswerInput['value']): ItemProblem | null {
  if (typeof value !== 'string') return problem(item.key, 'text-expected');
  const length = codePointCount(value.trim());
  return length >= 1 && length <= MAX_TEXT_ANSWER ? null : problem(item.key, 'text-length', { max: MAX_TEXT_ANSWER });
}

/** Business figures are never negative; rates given in percent stay within 0–100. */
function numberProblem(item: InstrumentItem, value: AnswerInput['value']): ItemProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return problem(item.key, 'number-expected');
  if (value < 0) return problem(item.key, 'number-negative');
  const max = kpiDefinition(item.key)?.max;
  return max !== undefined && value > max ? problem(item.key, 'number-range', { max }) : null;
}

function answerProblem(item: InstrumentItem, value: AnswerInput['value']): ItemProblem | null {
  switch (item.type) {
    case 'choice':
      return choiceProblem(item, value);
    case 'likert':
      return likertProblem(item, value);
    case 'text':
      return textProblem(item, value);
    case 'number':
      return numberProblem(item, value);
  }
}

/** Every answer checked against its item; an empty list means the response may be stored. */
export function findAnswerProblems(items: readonly InstrumentItem[], answers: readonly AnswerInput[]): ItemProblem[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const seen = new Set<string>();
  return answers.flatMap((answer) => {
    const item = byKey.get(answer.itemKey);
    if (!item) return [{ item: answer.itemKey, field: 'itemKey', rule: 'unknown-item' }];
    if (seen.has(answer.itemKey)) return [{ item: answer.itemKey, field: 'itemKey', rule: 'duplicate-answer' }];
    seen.add(answer.itemKey);
    const found = answerProblem(item, answer.value);
    return found ? [found] : [];
  });
}

/** Stored answers in item order, text trimmed, so two identical submissions store identical rows. */
export function normalizeAnswers(items: readonly InstrumentItem[], answers: readonly AnswerInput[]): AnswerInput[] {
  const byKey = new Map(answers.map((answer) => [answer.itemKey, answer.value]));
  return items.flatMap((item) => {
    const value = byKey.get(item.key);
    if (value === undefined) return [];
    return [{ itemKey: item.key, value: typeof value === 'string' ? value.trim() : value }];
  });
}
