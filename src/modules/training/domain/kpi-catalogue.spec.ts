import { deriveKpiValues } from './kpi-catalogue';

describe('deriveKpiValues', () => {
  it('derives cost per lead and CLV (retention and discount rate in percent)', () => {
    const derived = deriveKpiValues(new Map([['marketingSpend', 300], ['leads', 12], ['margin', 100], ['retention', 80], ['discountRate', 10]]));
    expect(derived.costPerLead).toBeCloseTo(25, 9);
    // m·r/(1 + i − r) = 100 · 0.8 / (1 + 0.1 − 0.8)
    expect(derived.customerLifetimeValue).toBeCloseTo(266.666667, 6);
  });

  it.each<[string, [string, number][]]>([
    ['cost per lead without leads', [['marketingSpend', 300], ['leads', 0]]],
    ['cost per lead without leads reported', [['marketingSpend', 300]]],
    ['CLV without a discount rate', [['margin', 100], ['retention', 80]]],
    ['CLV with retention above the discount factor', [['margin', 100], ['retention', 100], ['discountRate', -50]]],
  ])('leaves out %s', (_name, entries) => {
    expect(deriveKpiValues(new Map(entries))).toEqual({});
  });
});
