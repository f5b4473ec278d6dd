import { DomainError } from '../../common/errors/domain-error';
import { interpolate, Locale } from '../../common/i18n/locale';
import type { ItemProblem } from './domain/training.types';
import { TrainingErrors } from './training.errors';

/** What each instrument or answer rule means, in both languages; `{name}` comes from the problem's params. */
const PROBLEM_MESSAGES: Record<string, Record<Locale, string>> = {
  'duplicate-key': { id: 'kunci butir dipakai lebih dari sekali.', en: 'the item key is used more than once.' },
  'field-not-allowed': { id: 'kolom "{field}" tidak berlaku untuk instrumen {kind}.', en: 'field "{field}" does not apply to a {kind} instrument.' },
  'type-not-allowed': { id: 'jenis butir untuk {kind} harus: {allowed}.', en: 'a {kind} item must be of type: {allowed}.' },
  'topic-required': { id: 'butir tes wajib punya topik.', en: 'a test item needs a topic.' },
  'unknown-topic': { id: 'topik "{topic}" bukan topik program ini.', en: 'topic "{topic}" is not a topic of this program.' },
  'choices-required': { id: 'butir pilihan perlu paling sedikit dua pilihan.', en: 'a choice item needs at least two choices.' },
  'duplicate-choice': { id: 'pilihan tidak boleh kembar.', en: 'choices must be distinct.' },
  'correct-required': { id: 'butir tes wajib punya jawaban benar (correct).', en: 'a test item needs a correct answer.' },
  'correct-not-in-choices': { id: 'jawaban benar "{correct}" bukan salah satu pilihan.', en: 'the correct answer "{correct}" is not one of the choices.' },
  'level-required': { id: 'butir survei wajib punya level (reaction atau behaviour).', en: 'a survey item needs a level (reaction or behaviour).' },
  'unit-required': { id: 'butir KPI wajib punya satuan (unit).', en: 'a KPI item needs a unit.' },
  'kpi-keys-missing': { id: 'instrumen KPI harus memuat butir: {keys}.', en: 'a KPI instrument must include the items: {keys}.' },
  'pretest-keys-mismatch': {
    id: 'kunci butir pasca-tes harus sama dengan pra-tes (kurang: {missing}; lebih: {extra}).',
    en: 'posttest item keys must match the pretest (missing: {missing}; extra: {extra}).',
  },
  'pretest-topic-mismatch': { id: 'di pra-tes butir ini bertopik "{topic}".', en: 'in the pretest this item is on topic "{topic}".' },
  'baseline-keys-mismatch': {
    id: 'kunci butir follow-up harus sama dengan baseline (kurang: {missing}; lebih: {extra}).',
    en: 'follow-up item keys must match the baseline (missing: {missing}; extra: {extra}).',
  },
  'timepoint-required': { id: 'instrumen KPI wajib punya timepoint (baseline atau followup).', en: 'a KPI instrument needs a timepoint (baseline or followup).' },
  'timepoint-not-allowed': { id: 'timepoint hanya untuk instrumen KPI.', en: 'timepoint applies to KPI instruments only.' },
  'closes-in-past': { id: 'closesAt harus di masa depan.', en: 'closesAt must be in the future.' },
  'window-order': { id: 'opensAt harus sebelum closesAt.', en: 'opensAt must be before closesAt.' },
  'unknown-item': { id: 'butir ini tidak ada di instrumen.', en: 'the instrument has no such item.' },
  'duplicate-answer': { id: 'butir ini dijawab lebih dari sekali.', en: 'the item is answered more than once.' },
  'choice-not-offered': { id: 'jawaban harus salah satu pilihan: {choices}.', en: 'the answer must be one of the choices: {choices}.' },
  'likert-range': { id: 'jawaban skala Likert harus bilangan bulat 1–5.', en: 'a Likert answer must be a whole number from 1 to 5.' },
  'text-expected': { id: 'jawaban harus berupa teks.', en: 'the answer must be text.' },
  'text-length': { id: 'jawaban teks harus 1–{max} karakter.', en: 'a text answer must be 1–{max} characters long.' },
  'number-expected': { id: 'jawaban harus berupa angka.', en: 'the answer must be a number.' },
  'number-negative': { id: 'angka tidak boleh negatif.', en: 'the number must not be negative.' },
  'number-range': { id: 'angka harus antara 0 dan {max}.', en: 'the number must be between 0 and {max}.' },
};

function describe(problem: ItemProblem, locale: Locale): string {
  const template = PROBLEM_MESSAGES[problem.rule]?.[locale] ?? problem.rule;
  return interpolate(template, problem.params ?? {});
}

/**
 * One 400 naming the first offending item in the message and every problem in `details`. The problem
 * text travels in both languages as params; each language's template of the code picks its own.
 */
function itemProblemsError(code: string, problems: readonly ItemProblem[]): DomainError {
  const first = problems[0] as ItemProblem;
  const item = first.item ?? first.field;
  const details = problems.map((p) => ({ item: p.item, field: p.field, rule: p.rule, message: describe(p, 'en'), ...(p.params ? { params: p.params } : {}) }));
  return new DomainError(code, { item, problemId: describe(first, 'id'), problemEn: describe(first, 'en') }, details);
}

export function instrumentProblemsError(problems: readonly ItemProblem[]): DomainError {
  return itemProblemsError(TrainingErrors.TRAINING_INSTRUMENT_INVALID, problems);
}

export function answerProblemsError(problems: readonly ItemProblem[]): DomainError {
  return itemProblemsError(TrainingErrors.TRAINING_ANSWER_INVALID, problems);
}
