import type {
  EvaluationInput,
  KpiInstrumentInput,
  KpiItemDefinition,
  ParticipantResponse,
  PreviousCohortInput,
  SurveyInstrumentInput,
  TestInstrumentInput,
} from '../../evaluation/domain/evaluation-report.types';
import type { FeedbackIdeaInput } from '../../evaluation/domain/improvement-actions.types';
import { DERIVED_KPIS, deriveKpiValues, kpiDefinition } from './kpi-catalogue';
import type { AnswerInput, InstrumentItem, InstrumentKind, KpiTimepoint, ProgramTopic } from './training.types';

export interface InstrumentData {
  id: string;
  kind: InstrumentKind;
  timepoint: KpiTimepoint | null;
  items: readonly InstrumentItem[];
  responses: readonly { participantId: string; answers: readonly AnswerInput[] }[];
}

/** What the evaluation needs of one cohort, loaded from the database as plain data. */
export interface CohortData {
  cohortId: string;
  participantIds: readonly string[];
  topics: readonly ProgramTopic[];
  instruments: readonly InstrumentData[];
}

function testInput(instrument: InstrumentData | undefined): TestInstrumentInput | null {
  if (!instrument) return null;
  return {
    items: instrument.items.map((item) => ({
      key: item.key,
      topic: item.topic ?? '',
      choices: item.choices ?? [],
      correct: item.correct ?? '',
      points: item.points ?? 1,
    })),
    responses: instrument.responses,
  };
}

function surveyInput(instrument: InstrumentData): SurveyInstrumentInput {
  return {
    key: instrument.id,
    items: instrument.items.map((item) => ({
      key: item.key,
      type: item.type === 'text' ? ('text' as const) : ('likert' as const),
      level: item.level ?? 'reaction',
      prompt: item.prompt,
    })),
    responses: instrument.responses,
  };
}

/** Outcome KPIs as asked, then the KPIs computed from them (cost per lead, CLV). */
function kpiItems(baseline: InstrumentData): KpiItemDefinition[] {
  const asked = baseline.items
    .filter((item) => kpiDefinition(item.key)?.role !== 'parameter')
    .map((item) => ({ key: item.key, label: item.prompt, unit: item.unit ?? '', ...(item.direction ? { direction: item.direction } : {}) }));
  const unitOf = (key: string) => baseline.items.find((item) => item.key === key)?.unit ?? '';
  const derived = Object.entries(DERIVED_KPIS).map(([key, definition]) => ({
    key,
    label: definition.label,
    unit: key === 'costPerLead' ? `${unitOf(definition.unitFrom)}/lead` : unitOf(definition.unitFrom),
    direction: definition.direction,
  }));
  return [...asked, ...derived];
}

function withDerivedKpis(responses: InstrumentData['responses']): ParticipantResponse[] {
  return responses.map((response) => {
    const values = new Map<string, number>();
    for (const answer of response.answers) if (typeof answer.value === 'number') values.set(answer.itemKey, answer.value);
    const derived = Object.entries(deriveKpiValues(values)).map(([itemKey, value]) => ({ itemKey, value }));
    return { participantId: response.participantId, answers: [...response.answers, ...derived] };
  });
}

function kpiInput(baseline: InstrumentData | undefined, followup: InstrumentData | undefined): EvaluationInput['kpi'] {
  if (!baseline || !followup) return null;
  const items = kpiItems(baseline);
  const side = (instrument: InstrumentData): KpiInstrumentInput => ({ items, responses: withDerivedKpis(instrument.responses) });
  return { baseline: side(baseline), followup: side(followup) };
}

export interface EvaluationExtras {
  previousCohort?: PreviousCohortInput | null;
  feedbackIdeas?: readonly FeedbackIdeaInput[];
}

/** Maps a cohort's stored instruments and responses onto the evaluation's input. */
export function toEvaluationInput(data: CohortData, extras: EvaluationExtras = {}): EvaluationInput {
  const find = (kind: InstrumentKind, timepoint: KpiTimepoint | null = null) =>
    data.instruments.find((instrument) => instrument.kind === kind && instrument.timepoint === timepoint);
  return {
    cohortId: data.cohortId,
    participantIds: data.participantIds,
    topics: data.topics,
    pretest: testInput(find('pretest')),
    posttest: testInput(find('posttest')),
    surveys: data.instruments.filter((instrument) => instrument.kind === 'survey').map(surveyInput),
    kpi: kpiInput(find('kpi', 'baseline'), find('kpi', 'followup')),
    previousCohort: extras.previousCohort ?? null,
    feedbackIdeas: extras.feedbackIdeas ?? [],
  };
}

/** itemKey → topic of a cohort's test items, so an item action can be traced to its topic. */
export function itemTopicsOf(data: CohortData): Map<string, string> {
  const topics = new Map<string, string>();
  for (const instrument of data.instruments) {
    if (instrument.kind !== 'pretest' && instrument.kind !== 'posttest') continue;
    for (const item of instrument.items) if (item.topic) topics.set(item.key, item.topic);
  }
  return topics;
}
