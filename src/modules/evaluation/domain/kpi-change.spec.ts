import {
  costPerLead,
  customerLifetimeValue,
  medianChangeInGoodDirection,
  percentChange,
  summarizeKpiChange,
  symmetricPercentChange,
} from './kpi-change';

const BASELINE = [10, 25, 8, 40, 0, 15];
const FOLLOWUP = [12, 30, 6, 52, 5, 15];
const observations = BASELINE.map((baseline, index) => ({ baseline, followup: FOLLOWUP[index] as number }));

describe('summarizeKpiChange', () => {
  const summary = summarizeKpiChange(observations);

  it.each([
    ['median % change (business 5 excluded)', summary.medianPctChange, 20],
    ['improved count', summary.improved, 4],
    ['improved share', summary.improvedShare, 66.666667],
    ['aggregate % change', summary.aggregatePctChange, 22.44898],
    ['n', summary.n, 6],
  ])('reproduces the ALGORITHMS.md %s', (_name, actual, expected) => {
    expect(actual).toBeCloseTo(expected, 6);
  });

  it('reports the zero-baseline business with the symmetric % change only', () => {
    expect(summary.pctChanges).toEqual([20, 20, -25, 30, null, 0]);
    expect(summary.symmetricPctChanges).toEqual([200]);
  });

  it('counts falls as improvements when lower is better', () => {
    const lower = summarizeKpiChange(observations, 'lower-is-better');
    expect(lower.improved).toBe(1);
    expect(lower.medianPctChange).toBe(20);
  });

  it('keeps the improved share within 0–100 and counts each business once', () => {
    const higher = summarizeKpiChange(observations, 'higher-is-better');
    const lower = summarizeKpiChange(observations, 'lower-is-better');
    const unchanged = observations.filter((o) => o.baseline === o.followup).length;
    expect(higher.improved + lower.improved + unchanged).toBe(observations.length);
  });

  it('returns nulls for no businesses or an all-zero baseline', () => {
    expect(summarizeKpiChange([])).toMatchObject({ n: 0, medianPctChange: null, improvedShare: null, aggregatePctChange: null });
    expect(summarizeKpiChange([{ baseline: 0, followup: 3 }]).aggregatePctChange).toBeNull();
  });
});

describe('single KPI formulas', () => {
  it.each([
    [10, 12, 20],
    [0, 5, null],
    [-4, 2, null],
  ])('percentChange(%d → %d) is %s', (baseline, followup, change) => {
    expect(percentChange(baseline, followup)).toBe(change);
  });

  it.each([
    [0, 5, 200],
    [0, 0, 0],
    [4, 0, -200],
  ])('symmetricPercentChange(%d → %d) is %d', (baseline, followup, change) => {
    expect(symmetricPercentChange(baseline, followup)).toBe(change);
  });

  it.each([
    [500000, 20, 25000],
    [500000, 0, null],
  ])('costPerLead(%d, %d) is %s', (spend, leads, value) => {
    expect(costPerLead(spend, leads)).toBe(value);
  });

  it.each([
    [100, 0.8, 0.1, 266.666667],
    [100, 0, 0.1, 0],
    [100, 1, 0, null],
    [100, 1.2, 0.1, null],
  ])('customerLifetimeValue(m %d, r %d, i %d) is %s', (margin, retention, discount, value) => {
    const clv = customerLifetimeValue(margin, retention, discount);
    if (value === null) expect(clv).toBeNull();
    else expect(clv).toBeCloseTo(value, 6);
  });

  it('signs the median so that positive is good', () => {
    expect(medianChangeInGoodDirection(-10, 'lower-is-better')).toBe(10);
    expect(medianChangeInGoodDirection(-10, 'higher-is-better')).toBe(-10);
    expect(medianChangeInGoodDirection(null, 'higher-is-better')).toBeNull();
  });
});
