import type { KpiDirection } from '../../evaluation/domain/kpi-change';

/** PRODUCT.md "The loop": a program moves through these phases in this order. */
export const PROGRAM_PHASES = ['discussion', 'theory', 'practice', 'evaluation'] as const;
export type ProgramPhase = (typeof PROGRAM_PHASES)[number];

export const INSTRUMENT_KINDS = ['pretest', 'posttest', 'survey', 'kpi'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

export const ITEM_TYPES = ['choice', 'likert', 'text', 'number'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const KPI_TIMEPOINTS = ['baseline', 'followup'] as const;
export type KpiTimepoint = (typeof KPI_TIMEPOINTS)[number];

/** Kirkpatrick levels a survey item can measure: L1 reaction, L3 behaviour. */
export const SURVEY_LEVELS = ['reaction', 'behaviour'] as const;
export type SurveyItemLevel = (typeof SURVEY_LEVELS)[number];

export const KPI_DIRECTIONS = ['higher-is-better', 'lower-is-better'] as const satisfies readonly KpiDirection[];

/** Item and topic keys: short, stable, safe in CSV headers and URLs. */
export const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export interface ProgramTopic {
  key: string;
  title: string;
}

/** One item as stored; fields that do not apply to its kind are null. */
export interface InstrumentItem {
  key: string;
  topic: string | null;
  prompt: string;
  type: ItemType;
  choices: string[] | null;
  correct: string | null;
  points: number | null;
  level: SurveyItemLevel | null;
  unit: string | null;
  direction: KpiDirection | null;
}

/** An item as a client sends it (PRODUCT.md instrument input). */
export interface InstrumentItemInput {
  key: string;
  topic?: string;
  prompt: string;
  type: ItemType;
  choices?: string[];
  correct?: string;
  points?: number;
  level?: SurveyItemLevel;
  unit?: string;
  direction?: KpiDirection;
}

export type AnswerValue = string | number;

export interface AnswerInput {
  itemKey: string;
  value: AnswerValue;
}

/** A rule an instrument definition or an answer broke, naming the item (null: the instrument as a whole). */
export interface ItemProblem {
  item: string | null;
  field: string;
  rule: string;
  params?: Record<string, string | number>;
}
