import { computeNormalizedGain } from './paired-analysis';
import { deriveImprovementActions, type ImprovementInput, type TopicGainInput } from './improvement-actions';

function topic(key: string, title: string, preMean: number, postMean: number): TopicGainInput {
  return { key, title, preMean, postMean, normalizedGain: computeNormalizedGain(preMean, postMean) };
}

const WORKED_TOPICS = [
  topic('pemasaran-digital', 'Pemasaran digital', 45, 70),
  topic('pembukuan', 'Pembukuan', 30, 42),
  topic('pengemasan', 'Pengemasan', 60, 85),
  topic('harga-pokok', 'Harga pokok', 50, 58),
];

const EMPTY: ImprovementInput = { topics: [], items: [], surveyItems: [], behaviourItems: [], attrition: 0, kpis: [], learningGain: 0.25 };

describe('deriveImprovementActions', () => {
  it('re-teaches Harga pokok, then Pembukuan, in the ALGORITHMS.md worked example', () => {
    const actions = deriveImprovementActions({ ...EMPTY, topics: WORKED_TOPICS });
    expect(actions.map((a) => [a.kind, a.target, a.priority])).toEqual([
      ['re-teach-topic', 'harga-pokok', 0.84],
      ['re-teach-topic', 'pembukuan', 0.8286],
    ]);
    expect(actions[0]?.reason).toBe('normalized gain 0.1600 below 0.3; post mean 58.0 below 70');
  });

  it('does not ask to revise an item every participant mastered on the post-test', () => {
    const mastered = { key: 'q1', difficultyPre: 0.4, difficultyPost: 1, discrimination: 0, itemRest: null };
    const weak = { key: 'q2', difficultyPre: 0.4, difficultyPost: 0.6, discrimination: 0.05, itemRest: 0.1 };
    const actions = deriveImprovementActions({ ...EMPTY, items: [mastered, weak] });
    expect(actions.map((a) => [a.kind, a.target])).toEqual([['revise-item', 'q2']]);
  });

  it('does not re-teach a topic whose post mean is exactly 70 with a medium gain', () => {
    const actions = deriveImprovementActions({ ...EMPTY, topics: [topic('pemasaran-digital', 'Pemasaran digital', 45, 70)] });
    expect(actions).toEqual([]);
  });

  it('re-teaches a topic with a medium gain but a post mean under 70', () => {
    const [action] = deriveImprovementActions({ ...EMPTY, topics: [topic('t', 'T', 20, 65)] });
    expect(action).toMatchObject({ kind: 're-teach-topic', priority: 0.4375, values: { postMeanThreshold: 70 } });
    expect(action?.values.gainThreshold).toBeUndefined();
  });

  it.each([
    ['a topic already mastered', { topics: [topic('t', 'T', 85, 97)] }, 'compress-topic', 't', 0.2],
    ['a non-discriminating item', { items: [{ key: 'q1', difficultyPre: 0.5, discrimination: 0.1, itemRest: 0.2 }] }, 'revise-item', 'q1', 0.325],
    ['an item with negative item–rest r', { items: [{ key: 'q2', difficultyPre: 0.5, discrimination: 0.4, itemRest: -0.5 }] }, 'revise-item', 'q2', 0.45],
    ['an easy pre-test item', { items: [{ key: 'q3', difficultyPre: 0.95, discrimination: 0.3, itemRest: 0.3 }] }, 'replace-item', 'q3', 0.2],
    ['a low-rated survey item', { surveyItems: [{ key: 'pace', topTwoBox: 30, comments: ['terlalu cepat'] }] }, 'fix-delivery', 'pace', 0.55],
    ['a behaviour few apply', { behaviourItems: [{ key: 'bookkeeping', shareApplying: 25 }] }, 'follow-up-coaching', 'bookkeeping', 0.65],
    ['attrition over 20 %', { attrition: 0.3 }, 'investigate-access', 'cohort', 0.7],
    ['a flat KPI after good learning', { learningGain: 0.45, kpis: [{ key: 'omzet', medianPctChange: 0 }] }, 'support-transfer', 'omzet', 0.7],
    ['a rising cost per lead after good learning', { learningGain: 0.45, kpis: [{ key: 'cpl', medianPctChange: 12, direction: 'lower-is-better' as const }] }, 'support-transfer', 'cpl', 0.7],
    ['a feedback idea', { feedbackIdeas: [{ id: 'idea-1', title: 'Kelas malam' }] }, 'feedback-idea', 'idea-1', 0.5],
  ])('turns %s into one action', (_name, patch, kind, target, priority) => {
    const actions = deriveImprovementActions({ ...EMPTY, ...patch });
    expect(actions.map((a) => [a.kind, a.target, a.priority])).toEqual([[kind, target, priority]]);
  });

  it.each([
    ['a survey item at exactly 60 %', { surveyItems: [{ key: 's', topTwoBox: 60 }] }],
    ['a behaviour at exactly 50 %', { behaviourItems: [{ key: 'b', shareApplying: 50 }] }],
    ['attrition at exactly 20 %', { attrition: 0.2 }],
    ['a flat KPI after low learning', { learningGain: 0.2, kpis: [{ key: 'omzet', medianPctChange: -3 }] }],
    ['a falling cost per lead', { learningGain: 0.5, kpis: [{ key: 'cpl', medianPctChange: -10, direction: 'lower-is-better' as const }] }],
    ['an item without statistics', { items: [{ key: 'q', difficultyPre: null, discrimination: null, itemRest: null }] }],
    ['a topic without paired data', { topics: [{ key: 't', title: 'T', preMean: null, postMean: null, normalizedGain: null }] }],
  ])('leaves %s alone', (_name, patch) => {
    expect(deriveImprovementActions({ ...EMPTY, ...patch })).toEqual([]);
  });

  it('carries at most five open comments with a delivery fix', () => {
    const comments = ['a', 'b', 'c', 'd', 'e', 'f'];
    const [action] = deriveImprovementActions({ ...EMPTY, surveyItems: [{ key: 's', topTwoBox: 10, comments }] });
    expect(action?.comments).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('lets thresholds be configured', () => {
    const actions = deriveImprovementActions({ ...EMPTY, topics: WORKED_TOPICS }, { reteachBelowPostMean: 75 });
    expect(actions.map((a) => a.target)).toEqual(['harga-pokok', 'pembukuan', 'pemasaran-digital']);
  });

  it('gives top priority to a topic whose class started at 100 % and fell under the bar', () => {
    const [action] = deriveImprovementActions({ ...EMPTY, topics: [topic('t', 'T', 100, 60)] });
    expect(action).toMatchObject({ kind: 're-teach-topic', priority: 1 });
  });

  it('sorts by priority, keeps priorities in [0, 1] and the list deterministic', () => {
    const input: ImprovementInput = {
      topics: [...WORKED_TOPICS, topic('x', 'X', 70, 40)],
      items: [{ key: 'q1', difficultyPre: 0.99, discrimination: -1, itemRest: -0.9 }],
      surveyItems: [{ key: 's1', topTwoBox: 0 }],
      behaviourItems: [{ key: 'b1', shareApplying: 0 }],
      attrition: 0.9,
      kpis: [{ key: 'k', medianPctChange: -50 }],
      learningGain: 0.9,
      feedbackIdeas: Array.from({ length: 8 }, (_, index) => ({ id: `i${index}`, title: `Idea ${index}` })),
    };
    const actions = deriveImprovementActions(input);
    const priorities = actions.map((a) => a.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(priorities.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(deriveImprovementActions({ ...input, topics: [...input.topics].reverse() })).toEqual(actions);
  });
});
