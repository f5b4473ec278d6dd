import type { KpiInstrumentInput, KpiSummary, ParticipantResponse } from './evaluation-report.types';
import { summarizeKpiChange, type KpiObservation } from './kpi-change';

/** itemKey → value per enrolled participant, numeric answers only; a later response replaces an earlier one. */
function numericAnswers(responses: readonly ParticipantResponse[], enrolled: ReadonlySet<string>): Map<string, Map<string, number>> {
  const byParticipant = new Map<string, Map<string, number>>();
  for (const response of responses) {
    if (!enrolled.has(response.participantId)) continue;
    const values = new Map<string, number>();
    for (const answer of response.answers) {
      if (typeof answer.value === 'number' && Number.isFinite(answer.value)) values.set(answer.itemKey, answer.value);
    }
    byParticipant.set(response.participantId, values);
  }
  return byParticipant;
}

/** Baseline and follow-up of one KPI for each business that reported both, in enrolment order. */
function pairObservations(
  key: string,
  enrolledIds: readonly string[],
  baseline: Map<string, Map<string, number>>,
  followup: Map<string, Map<string, number>>,
): KpiObservation[] {
  return enrolledIds.flatMap((id) => {
    const before = baseline.get(id)?.get(key);
    const after = followup.get(id)?.get(key);
    return before === undefined || after === undefined ? [] : [{ baseline: before, followup: after }];
  });
}

/** Kirkpatrick level 4: each baseline KPI item against the follow-up item with the same key. */
export function summarizeKpis(
  kpi: { baseline: KpiInstrumentInput; followup: KpiInstrumentInput } | null | undefined,
  enrolledIds: readonly string[],
): KpiSummary[] {
  if (!kpi) return [];
  const enrolled = new Set(enrolledIds);
  const baseline = numericAnswers(kpi.baseline.responses, enrolled);
  const followup = numericAnswers(kpi.followup.responses, enrolled);
  return kpi.baseline.items.map((item) => {
    const direction = item.direction ?? 'higher-is-better';
    const observations = pairObservations(item.key, enrolledIds, baseline, followup);
    // Per-business changes stay out of the cohort report: in a small cohort they identify the business.
    const { pctChanges: _perBusiness, ...summary } = summarizeKpiChange(observations, direction);
    return { key: item.key, label: item.label, unit: item.unit, direction, ...summary };
  });
}
