import type { KpiInstrumentInput } from './evaluation-report.types';
import { summarizeKpis } from './kpi-section';

const ITEMS = [{ key: 'omzet', label: 'Omzet', unit: 'juta Rp' }];
const instrument = (values: Record<string, unknown>): KpiInstrumentInput => ({
  items: ITEMS,
  responses: Object.entries(values).map(([participantId, value]) => ({ participantId, answers: [{ itemKey: 'omzet', value: value as number }] })),
});

describe('summarizeKpis', () => {
  it('pairs baseline and follow-up by participant and KPI key', () => {
    const [omzet] = summarizeKpis({ baseline: instrument({ a: 10, b: 20, c: 5 }), followup: instrument({ a: 12, b: 18, d: 7 }) }, ['a', 'b', 'c', 'd']);
    expect(omzet).toMatchObject({ key: 'omzet', label: 'Omzet', unit: 'juta Rp', direction: 'higher-is-better', n: 2, improved: 1, medianPctChange: 5 });
    expect(omzet).not.toHaveProperty('pctChanges');
  });

  it('ignores non-numeric answers and participants not enrolled', () => {
    const [omzet] = summarizeKpis({ baseline: instrument({ a: 10, b: '20', x: 1 }), followup: instrument({ a: 15, b: 30, x: 2 }) }, ['a', 'b']);
    expect(omzet?.n).toBe(1);
  });

  it('returns no KPIs without KPI instruments', () => {
    expect(summarizeKpis(null, ['a'])).toEqual([]);
  });
});
