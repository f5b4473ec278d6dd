import { mean } from '../../evaluation/domain/descriptive-statistics';
import type { EvaluationInput, ParticipantResponse, ParticipantRow } from '../../evaluation/domain/evaluation-report.types';
import { summarizeKpiChange, type KpiDirection, type KpiObservation } from '../../evaluation/domain/kpi-change';
import { computeNormalizedGain } from '../../evaluation/domain/paired-analysis';

/** Where a participant's business sits, as the community sees it. */
export interface Placement {
  businessId: string;
  region: string;
  sector: string;
}

/** One enrolment of a community business in a cohort, with what the cohort's instruments measured. */
export interface ParticipantOutcome extends Placement {
  cohortId: string;
  pre: number | null;
  post: number | null;
  kpis: Readonly<Record<string, KpiObservation>>;
}

export interface KpiSpec {
  key: string;
  direction: KpiDirection;
}

export interface GroupKpi {
  key: string;
  n: number;
  medianPctChange: number | null;
  improved: number;
  improvedShare: number | null;
  aggregatePctChange: number | null;
}

export interface GroupFigures {
  key: string;
  /** Enrolments (a business trained in two cohorts counts twice). */
  participants: number;
  businesses: number;
  cohorts: number;
  /** Enrolments with both a pre- and a post-test: the base of the learning figures. */
  nPaired: number;
  preMean: number | null;
  postMean: number | null;
  meanGain: number | null;
  /** Hake's ⟨g⟩ from the paired class means. */
  normalizedGain: number | null;
  kpis: GroupKpi[];
}

function numericValues(responses: readonly ParticipantResponse[]): Map<string, Map<string, number>> {
  const values = new Map<string, Map<string, number>>();
  for (const response of responses) {
    const byKey = new Map<string, number>();
    for (const answer of response.answers) if (typeof answer.value === 'number') byKey.set(answer.itemKey, answer.value);
    values.set(response.participantId, byKey);
  }
  return values;
}

/** Baseline and follow-up per KPI of each participant who reported both. */
function kpiObservations(input: EvaluationInput): Map<string, Record<string, KpiObservation>> {
  const observations = new Map<string, Record<string, KpiObservation>>();
  if (!input.kpi) return observations;
  const baseline = numericValues(input.kpi.baseline.responses);
  const followup = numericValues(input.kpi.followup.responses);
  for (const [participantId, before] of baseline) {
    const after = followup.get(participantId);
    if (!after) continue;
    const pairs: Record<string, KpiObservation> = {};
    for (const item of input.kpi.baseline.items) {
      const b = before.get(item.key);
      const a = after.get(item.key);
      if (b !== undefined && a !== undefined) pairs[item.key] = { baseline: b, followup: a };
    }
    observations.set(participantId, pairs);
  }
  return observations;
}

/** The community's participants of one cohort with their scores (from the evaluation's own scoring) and KPIs. */
export function cohortOutcomes(input: EvaluationInput, rows: readonly ParticipantRow[], placements: ReadonlyMap<string, Placement>): ParticipantOutcome[] {
  const kpis = kpiObservations(input);
  return rows.flatMap((row) => {
    const placement = placements.get(row.participantId);
    if (!placement) return [];
    return [{ ...placement, cohortId: input.cohortId, pre: row.pre, post: row.post, kpis: kpis.get(row.participantId) ?? {} }];
  });
}

function groupKpi(outcomes: readonly ParticipantOutcome[], spec: KpiSpec): GroupKpi {
  const observations = outcomes.flatMap((outcome) => (outcome.kpis[spec.key] ? [outcome.kpis[spec.key] as KpiObservation] : []));
  const { n, medianPctChange, improved, improvedShare, aggregatePctChange } = summarizeKpiChange(observations, spec.direction);
  return { key: spec.key, n, medianPctChange, improved, improvedShare, aggregatePctChange };
}

/** ALGORITHMS.md §5 figures for one group: pre and post means over paired participants, ⟨g⟩, KPI median change. */
export function summarizeGroup(key: string, outcomes: readonly ParticipantOutcome[], kpiSpecs: readonly KpiSpec[]): GroupFigures {
  const paired = outcomes.filter((outcome) => outcome.pre !== null && outcome.post !== null);
  const preMean = mean(paired.map((outcome) => outcome.pre as number));
  const postMean = mean(paired.map((outcome) => outcome.post as number));
  return {
    key,
    participants: outcomes.length,
    businesses: new Set(outcomes.map((outcome) => outcome.businessId)).size,
    cohorts: new Set(outcomes.map((outcome) => outcome.cohortId)).size,
    nPaired: paired.length,
    preMean,
    postMean,
    meanGain: preMean === null || postMean === null ? null : postMean - preMean,
    normalizedGain: computeNormalizedGain(preMean, postMean),
    kpis: kpiSpecs.map((spec) => groupKpi(outcomes, spec)),
  };
}

/** Groups in the order of `order` (e.g. the community's regions), then any others alphabetically. */
export function summarizeGroups(
  outcomes: readonly ParticipantOutcome[],
  keyOf: (outcome: ParticipantOutcome) => string,
  order: readonly string[],
  kpiSpecs: readonly KpiSpec[],
): GroupFigures[] {
  const groups = new Map<string, ParticipantOutcome[]>();
  for (const outcome of outcomes) {
    const key = keyOf(outcome);
    const group = groups.get(key);
    if (group) group.push(outcome);
    else groups.set(key, [outcome]);
  }
  const keys = [...order.filter((key) => groups.has(key)), ...[...groups.keys()].filter((key) => !order.includes(key)).sort()];
  return keys.map((key) => summarizeGroup(key, groups.get(key) ?? [], kpiSpecs));
}
