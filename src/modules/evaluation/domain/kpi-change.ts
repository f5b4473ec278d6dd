import { mean, median, sum } from './descriptive-statistics';

/** Whether a rise is good (revenue, customers) or bad (cost per lead, employee turnover). */
export type KpiDirection = 'higher-is-better' | 'lower-is-better';

export interface KpiObservation {
  baseline: number;
  followup: number;
}

export interface KpiChangeSummary {
  n: number;
  /** Per business, in input order: 100(A − B)/B where B > 0, else null. */
  pctChanges: (number | null)[];
  /** Businesses with B = 0: symmetric % change 100(A − B)/((A + B)/2), reported apart. */
  symmetricPctChanges: number[];
  /** Median of the per-business % changes over B > 0 (symmetric changes are excluded). */
  medianPctChange: number | null;
  /** Businesses that moved in the good direction. */
  improved: number;
  /** improved / n, in percent. */
  improvedShare: number | null;
  /** ΣA/ΣB − 1 in percent: dominated by the large businesses, so read beside the median. */
  aggregatePctChange: number | null;
  baselineMean: number | null;
  followupMean: number | null;
}

export function percentChange(baseline: number, followup: number): number | null {
  return baseline > 0 ? (100 * (followup - baseline)) / baseline : null;
}

/** Symmetric % change, bounded by ±200, defined when the baseline is 0; no change when both are 0. */
export function symmetricPercentChange(baseline: number, followup: number): number {
  const average = (followup + baseline) / 2;
  return average === 0 ? 0 : (100 * (followup - baseline)) / average;
}

export function isImprovement(observation: KpiObservation, direction: KpiDirection): boolean {
  return direction === 'higher-is-better' ? observation.followup > observation.baseline : observation.followup < observation.baseline;
}

/** ALGORITHMS.md §5 business KPIs: per-business % change summarised by the median, share improved, aggregate. */
export function summarizeKpiChange(
  observations: readonly KpiObservation[],
  direction: KpiDirection = 'higher-is-better',
): KpiChangeSummary {
  const pctChanges = observations.map((o) => percentChange(o.baseline, o.followup));
  const improved = observations.filter((o) => isImprovement(o, direction)).length;
  const baselineTotal = sum(observations.map((o) => o.baseline));
  return {
    n: observations.length,
    pctChanges,
    symmetricPctChanges: observations.filter((o) => o.baseline === 0).map((o) => symmetricPercentChange(o.baseline, o.followup)),
    medianPctChange: median(pctChanges.filter((change): change is number => change !== null)),
    improved,
    improvedShare: observations.length === 0 ? null : (100 * improved) / observations.length,
    aggregatePctChange: baselineTotal > 0 ? 100 * (sum(observations.map((o) => o.followup)) / baselineTotal - 1) : null,
    baselineMean: mean(observations.map((o) => o.baseline)),
    followupMean: mean(observations.map((o) => o.followup)),
  };
}

/** Median change signed so that positive is good, for rules that ask "did the KPI improve?". */
export function medianChangeInGoodDirection(medianPctChange: number | null, direction: KpiDirection): number | null {
  if (medianPctChange === null) return null;
  return direction === 'higher-is-better' ? medianPctChange : -medianPctChange;
}

/** Cost per lead = spend / leads; null without leads. */
export function costPerLead(spend: number, leads: number): number | null {
  return leads > 0 ? spend / leads : null;
}

/**
 * Customer lifetime value m·r/(1 + i − r) (Gupta & Lehmann 2003): m the margin per period,
 * r the retention rate (0–1), i the discount rate per period. Null outside that domain.
 */
export function customerLifetimeValue(margin: number, retention: number, discountRate: number): number | null {
  const denominator = 1 + discountRate - retention;
  if (retention < 0 || retention > 1 || discountRate <= -1 || denominator <= 0) return null;
  return (margin * retention) / denominator;
}
