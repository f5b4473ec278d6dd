import type { CohortComparison } from '../../evaluation/domain/evaluation-report.types';
import type { ImprovementAction } from '../../evaluation/domain/improvement-actions.types';
import { assessCarriedActions } from './carried-actions';

const action = (kind: ImprovementAction['kind'], target: string): ImprovementAction => ({ kind, target, priority: 0.5, reason: '', label: target, values: {} });
const topic = (key: string, gainDelta: number, p: number, hedgesG: number, countsAsReal: boolean): CohortComparison['topics'][number] => ({
  key, title: key, nCurrent: 10, nPrevious: 10, currentMeanGain: 20 + gainDelta, previousMeanGain: 20, gainDelta, welch: { t: 2, df: 17, p }, hedgesG, countsAsReal,
});
const comparison: CohortComparison = {
  previousCohortId: 'prev',
  topics: [topic('pembukuan', 12, 0.01, 0.9, true), topic('pemasaran', -10, 0.02, -0.8, true), topic('pengemasan', 3, 0.4, 0.2, false)],
};
const itemTopics = new Map([['q7', 'pengemasan']]);

describe('assessCarriedActions', () => {
  it.each([
    [action('re-teach-topic', 'pembukuan'), { topic: 'pembukuan', real: true, improved: true, gainDelta: 12 }],
    [action('re-teach-topic', 'pemasaran'), { topic: 'pemasaran', real: true, improved: false, gainDelta: -10 }],
    [action('revise-item', 'q7'), { topic: 'pengemasan', real: false, improved: false, gainDelta: 3 }],
    [action('re-teach-topic', 'hpp'), { topic: 'hpp', real: false, improved: false, gainDelta: null, welch: null }],
  ])('%j → %j', (given, outcome) => {
    expect(assessCarriedActions([given], comparison, itemTopics)[0]?.outcome).toMatchObject(outcome);
  });

  it('has no outcome for actions that target no topic, nor without a comparison', () => {
    expect(assessCarriedActions([action('feedback-idea', 'idea-1'), action('revise-item', 'q99')], comparison, itemTopics).map((a) => a.outcome)).toEqual([null, null]);
    expect(assessCarriedActions([action('re-teach-topic', 'pembukuan')], null, itemTopics)[0]?.outcome).toMatchObject({ real: false, improved: false, gainDelta: null });
  });
});
