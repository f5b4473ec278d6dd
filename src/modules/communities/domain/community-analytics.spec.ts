import type { EvaluationInput, ParticipantRow } from '../../evaluation/domain/evaluation-report.types';
import { cohortOutcomes, summarizeGroup, summarizeGroups, type ParticipantOutcome } from './community-analytics';

const outcome = (region: string, sector: string, pre: number | null, post: number | null, revenue?: [number, number]): ParticipantOutcome => ({
  businessId: `${region}-${sector}-${pre}`,
  region,
  sector,
  cohortId: 'c1',
  pre,
  post,
  kpis: revenue ? { revenue: { baseline: revenue[0], followup: revenue[1] } } : {},
});
const specs = [{ key: 'revenue', direction: 'higher-is-better' as const }];

describe('summarizeGroup', () => {
  it('averages paired participants only and takes Hake’s gain from those means', () => {
    const group = summarizeGroup('Bantul', [outcome('Bantul', 'kuliner', 40, 60, [10, 12]), outcome('Bantul', 'kuliner', 50, 70, [20, 30]), outcome('Bantul', 'jasa', 30, null)], specs);
    expect(group).toMatchObject({ key: 'Bantul', participants: 3, businesses: 3, cohorts: 1, nPaired: 2, preMean: 45, postMean: 65, meanGain: 20 });
    expect(group.normalizedGain).toBeCloseTo(20 / 55, 12);
    expect(group.kpis).toEqual([{ key: 'revenue', n: 2, medianPctChange: 35, improved: 2, improvedShare: 100, aggregatePctChange: expect.closeTo((42 / 30 - 1) * 100, 9) }]);
  });

  it('reports nothing computable for an empty group, never NaN', () => {
    const group = summarizeGroup('x', [outcome('x', 'jasa', null, null)], specs);
    expect(group).toMatchObject({ nPaired: 0, preMean: null, postMean: null, meanGain: null, normalizedGain: null });
    expect(JSON.stringify(group)).not.toContain('NaN');
  });
});

describe('summarizeGroups', () => {
  it('orders groups as given, then the rest alphabetically', () => {
    const groups = summarizeGroups([outcome('Sleman', 'a', 1, 2), outcome('Sewon', 'a', 1, 2), outcome('Bantul', 'a', 1, 2), outcome('Depok', 'a', 1, 2)], (o) => o.region, ['Bantul', 'Sewon', 'Kasihan'], specs);
    expect(groups.map((g) => g.key)).toEqual(['Bantul', 'Sewon', 'Depok', 'Sleman']);
  });
});

describe('cohortOutcomes', () => {
  it('keeps the community’s participants with their scores and paired KPIs', () => {
    const kpiItems = [{ key: 'revenue', label: 'Omzet', unit: 'Rp' }];
    const input: EvaluationInput = {
      cohortId: 'c1',
      participantIds: ['p1', 'p2'],
      topics: [],
      pretest: null,
      posttest: null,
      kpi: {
        baseline: { items: kpiItems, responses: [{ participantId: 'p1', answers: [{ itemKey: 'revenue', value: 10 }] }, { participantId: 'p2', answers: [{ itemKey: 'revenue', value: 5 }] }] },
        followup: { items: kpiItems, responses: [{ participantId: 'p1', answers: [{ itemKey: 'revenue', value: 12 }] }] },
      },
    };
    const rows: ParticipantRow[] = [
      { participantId: 'p1', pre: 40, post: 60, gain: 20, topics: {} },
      { participantId: 'p2', pre: 50, post: null, gain: null, topics: {} },
      { participantId: 'p3', pre: 50, post: 90, gain: 40, topics: {} },
    ];
    const placements = new Map([['p1', { businessId: 'b1', region: 'Bantul', sector: 'kuliner' }], ['p2', { businessId: 'b2', region: 'Sewon', sector: 'jasa' }]]);
    expect(cohortOutcomes(input, rows, placements)).toEqual([
      { businessId: 'b1', region: 'Bantul', sector: 'kuliner', cohortId: 'c1', pre: 40, post: 60, kpis: { revenue: { baseline: 10, followup: 12 } } },
      { businessId: 'b2', region: 'Sewon', sector: 'jasa', cohortId: 'c1', pre: 50, post: null, kpis: {} },
    ]);
  });
});
