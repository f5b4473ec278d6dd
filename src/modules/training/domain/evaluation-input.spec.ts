import { buildEvaluationReport } from '../../evaluation/domain/evaluation-report';
import { itemTopicsOf, toEvaluationInput, type CohortData, type InstrumentData } from './evaluation-input';
import { normalizeItem } from './instrument-rules';
import { REQUIRED_KPI_KEYS } from './kpi-catalogue';

const kpiItems = REQUIRED_KPI_KEYS.map((key) => normalizeItem('kpi', { key, prompt: key, type: 'number', unit: key === 'marketingSpend' ? 'ribu Rp' : 'x' }));
const values = (revenue: number, leads: number) =>
  Object.entries({ revenue, customers: 10, production: 5, digitalChannels: 1, marketingSpend: 200, leads, margin: 50, retention: 50, discountRate: 0 }).map(([itemKey, value]) => ({ itemKey, value }));
const kpi = (timepoint: 'baseline' | 'followup', responses: InstrumentData['responses']): InstrumentData => ({ id: timepoint, kind: 'kpi', timepoint, items: kpiItems, responses });
const test = (kind: 'pretest' | 'posttest', responses: InstrumentData['responses']): InstrumentData => ({
  id: kind,
  kind,
  timepoint: null,
  items: [normalizeItem(kind, { key: 'q1', topic: 'pembukuan', prompt: 'Q', type: 'choice', choices: ['a', 'b'], correct: 'a', points: 2 })],
  responses,
});

const data: CohortData = {
  cohortId: 'c1',
  participantIds: ['p1', 'p2'],
  topics: [{ key: 'pembukuan', title: 'Pembukuan' }],
  instruments: [
    test('pretest', [{ participantId: 'p1', answers: [{ itemKey: 'q1', value: 'b' }] }]),
    test('posttest', [{ participantId: 'p1', answers: [{ itemKey: 'q1', value: 'a' }] }]),
    kpi('baseline', [{ participantId: 'p1', answers: values(10, 10) }, { participantId: 'p2', answers: values(20, 0) }]),
    kpi('followup', [{ participantId: 'p1', answers: values(15, 20) }, { participantId: 'p2', answers: values(20, 5) }]),
  ],
};

describe('toEvaluationInput', () => {
  const input = toEvaluationInput(data);

  it('maps tests with their topics, choices, keys and points', () => {
    expect(input.pretest?.items).toEqual([{ key: 'q1', topic: 'pembukuan', choices: ['a', 'b'], correct: 'a', points: 2 }]);
    expect(input.posttest?.responses).toHaveLength(1);
  });

  it('reports outcome KPIs and the derived ones, not the parameters', () => {
    expect(input.kpi?.baseline.items.map((item) => item.key)).toEqual([
      'revenue', 'customers', 'production', 'digitalChannels', 'leads', 'margin', 'retention', 'costPerLead', 'customerLifetimeValue',
    ]);
    expect(input.kpi?.baseline.items.find((item) => item.key === 'costPerLead')).toMatchObject({ unit: 'ribu Rp/lead', direction: 'lower-is-better' });
  });

  it('computes derived KPIs per business where defined, so cost per lead falls for the business that doubled its leads', () => {
    const report = buildEvaluationReport(input);
    const cpl = report.results.kpis.find((k) => k.key === 'costPerLead');
    // p1: 20 → 10 per lead (−50 %); p2 has no leads at baseline, so no cost per lead to compare.
    expect(cpl).toMatchObject({ n: 1, medianPctChange: -50, improved: 1 });
    expect(report.results.kpis.find((k) => k.key === 'customerLifetimeValue')).toMatchObject({ n: 2, medianPctChange: 0 });
  });

  it('has no KPI section until both timepoints exist', () => {
    expect(toEvaluationInput({ ...data, instruments: data.instruments.filter((i) => i.timepoint !== 'followup') }).kpi).toBeNull();
  });

  it('traces test items to their topics', () => {
    expect(itemTopicsOf(data)).toEqual(new Map([['q1', 'pembukuan']]));
  });
});
