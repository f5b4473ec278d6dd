import { buildEvaluationReport, buildParticipantRows, previousCohortFromRows } from './evaluation-report';
import { ALGORITHMS_COHORT_INPUT, answering, everyNumberIsFiniteOrNull, oneTopicItems } from './evaluation-report.fixture';
import type { ParticipantResponse } from './evaluation-report.types';

describe('buildEvaluationReport', () => {
  const report = buildEvaluationReport(ALGORITHMS_COHORT_INPUT);

  it('counts participation, ignoring responses from people not enrolled', () => {
    expect(report.participation.enrolled).toBe(12);
    expect(report.participation.nPre).toBe(11);
    expect(report.participation.nPost).toBe(10);
    expect(report.participation.nPaired).toBe(10);
    expect(report.participation.attrition).toBeCloseTo(1 / 11, 12);
  });

  it.each([
    ['preMean', 50.0],
    ['postMean', 62.7],
    ['meanGain', 12.7],
    ['medianGain', 15.0],
    ['sdGain', 8.472832],
    ['normalizedGain', 0.254],
    ['averageIndividualGain', 0.24856],
    ['dz', 1.498908],
    ['dav', 1.039358],
  ] as const)('reproduces the ALGORITHMS.md learning %s from raw answers', (field, expected) => {
    expect(report.learning[field]).toBeCloseTo(expected, 6);
  });

  it('reproduces the paired t-test and the exact Wilcoxon test', () => {
    const { t, df, p, ciLow, ciHigh } = report.learning.tTest;
    expect([t, df, p, ciLow, ciHigh].map((x) => Number((x as number).toFixed(6)))).toEqual([4.739965, 9, 0.001059, 6.638901, 18.761099]);
    expect(report.learning.tTest.p).toBeCloseTo(0.00105898, 8);
    expect(report.learning.wilcoxon).toEqual({ wPlus: 53, m: 10, p: 0.0078125, method: 'exact' });
    expect(report.learning.normalizedGainClass).toBe('low');
  });

  it('gives topic means over paired participants and nulls for a topic without items', () => {
    expect(report.learning.topics).toEqual([
      { key: 'pembukuan', title: 'Pembukuan', n: 10, preMean: 50, postMean: expect.closeTo(62.7, 9), meanGain: expect.closeTo(12.7, 9), normalizedGain: expect.closeTo(0.254, 9) },
      { key: 'pemasaran', title: 'Pemasaran digital', n: 0, preMean: null, postMean: null, meanGain: null, normalizedGain: null },
    ]);
  });

  it('analyses items on both tests', () => {
    expect(report.learning.items).toHaveLength(100);
    expect(report.learning.items[0]).toMatchObject({ key: 'pembukuan-q1', topic: 'pembukuan', difficultyPre: 1, difficultyPost: 1, itemRest: null });
    expect(report.learning.items[50]?.difficultyPost).toBeCloseTo(0.8, 12);
    expect(report.learning.kr20).not.toBeNull();
    expect(report.learning.gainDistribution.reduce((n, bin) => n + bin.count, 0)).toBe(10);
  });

  it('summarises reaction items with α and their open comments', () => {
    expect(report.reaction.alpha).toBeCloseTo(0.931034, 6);
    expect(report.reaction.items.map((item) => [item.key, item.topTwoBox])).toEqual([
      ['r1', 50],
      ['r2', expect.closeTo(66.666667, 6)],
      ['r3', 50],
      ['r4', 50],
    ]);
    expect(report.reaction.comments).toEqual([{ key: 'saran', instrumentKey: 'reaksi', prompt: 'Saran', texts: ['Materi terlalu cepat'] }]);
  });

  it('reports the share applying each behaviour', () => {
    expect(report.behaviour.items).toMatchObject([{ key: 'catat-kas', n: 5, shareApplying: 40, distribution: [1, 1, 1, 1, 1] }]);
  });

  it('reproduces the ALGORITHMS.md KPI vector and honours a lower-is-better KPI', () => {
    const [omzet, cpl] = report.results.kpis;
    expect(omzet).toMatchObject({ key: 'omzet', n: 6, medianPctChange: 20, improved: 4, symmetricPctChanges: [200] });
    expect(omzet?.aggregatePctChange).toBeCloseTo(22.44898, 6);
    expect(cpl).toMatchObject({ key: 'cpl', direction: 'lower-is-better', n: 6, medianPctChange: 20, improved: 0 });
  });

  it('compares the topic with the previous cohort (ALGORITHMS.md Welch vector)', () => {
    const [pembukuan, pemasaran] = report.comparison?.topics ?? [];
    expect(report.comparison?.previousCohortId).toBe('cohort-1');
    expect(pembukuan?.welch.t).toBeCloseTo(2.10372, 6);
    expect(pembukuan?.welch.df).toBeCloseTo(14.736542, 6);
    expect(pembukuan?.welch.p).toBeCloseTo(0.053004, 6);
    expect(pembukuan?.gainDelta).toBeCloseTo(12.7 - 6, 9);
    expect(pembukuan?.countsAsReal).toBe(false);
    expect(pemasaran).toMatchObject({ nCurrent: 0, welch: { t: null, df: null, p: null }, hedgesG: null, countsAsReal: false });
  });

  it('derives the improvement actions, highest priority first', () => {
    expect(report.actions.slice(0, 4).map((a) => [a.kind, a.target, a.priority])).toEqual([
      ['re-teach-topic', 'pembukuan', 0.746],
      ['follow-up-coaching', 'catat-kas', 0.5],
      ['feedback-idea', 'idea-7', 0.5],
      ['fix-delivery', 'r1', 0.3833],
    ]);
    expect(report.actions.find((a) => a.target === 'r1')?.comments).toEqual(['Materi terlalu cepat']);
    expect(report.actions.some((a) => a.kind === 'feedback-idea' && a.target === 'idea-7')).toBe(true);
    expect(report.actions.some((a) => a.kind === 'support-transfer')).toBe(false);
  });

  it('has exactly the PRODUCT.md top-level shape', () => {
    expect(Object.keys(report)).toEqual(['cohortId', 'participation', 'reaction', 'learning', 'behaviour', 'results', 'actions', 'comparison']);
  });

  it('contains only finite numbers or null, and survives JSON unchanged', () => {
    expect(everyNumberIsFiniteOrNull(report)).toBe(true);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('buildEvaluationReport for the ALGORITHMS.md worked topics', () => {
  const topicPercents: Record<string, [number[], number[]]> = {
    'pemasaran-digital': [[44, 46], [70, 70]],
    pembukuan: [[30, 30], [40, 44]],
    pengemasan: [[60, 60], [85, 85]],
    'harga-pokok': [[50, 50], [56, 60]],
  };
  const items = Object.keys(topicPercents).flatMap((topic) => oneTopicItems(topic, 100));
  const responses = (phase: 0 | 1): ParticipantResponse[] =>
    ['a', 'b'].map((participantId, index) => ({
      participantId,
      answers: Object.entries(topicPercents).flatMap(([topic, percents]) => answering(participantId, oneTopicItems(topic, 100), percents[phase][index] as number).answers),
    }));
  const report = buildEvaluationReport({
    cohortId: 'c',
    participantIds: ['a', 'b'],
    topics: Object.keys(topicPercents).map((key) => ({ key, title: key })),
    pretest: { items, responses: responses(0) },
    posttest: { items, responses: responses(1) },
  });

  it('re-teaches Harga pokok first, then Pembukuan, and no other topic', () => {
    const reteach = report.actions.filter((a) => a.kind === 're-teach-topic');
    expect(reteach.map((a) => [a.target, a.priority])).toEqual([
      ['harga-pokok', 0.84],
      ['pembukuan', 0.8286],
    ]);
    expect(report.actions.slice(0, 2)).toEqual(reteach);
  });
});

describe('edge cases', () => {
  it('builds a report of nulls for a cohort with no responses at all', () => {
    const report = buildEvaluationReport({ cohortId: 'empty', participantIds: ['a'], topics: [{ key: 't', title: 'T' }], pretest: null, posttest: null });
    expect(report.participation).toEqual({ enrolled: 1, nPre: 0, nPost: 0, nPaired: 0, attrition: null });
    expect(report.learning.preMean).toBeNull();
    expect(report.learning.wilcoxon.p).toBeNull();
    expect(report.reaction).toEqual({ items: [], alpha: null, comments: [] });
    expect(report.comparison).toBeNull();
    expect(report.actions).toEqual([]);
    expect(everyNumberIsFiniteOrNull(report)).toBe(true);
  });

  it('reports a single paired participant without NaN', () => {
    const single = buildEvaluationReport({ ...ALGORITHMS_COHORT_INPUT, participantIds: ['p1'] });
    expect(single.participation.nPaired).toBe(1);
    expect(single.learning.tTest).toEqual({ t: null, df: null, p: null, ciLow: null, ciHigh: null });
    expect(everyNumberIsFiniteOrNull(single)).toBe(true);
  });
});

describe('buildParticipantRows', () => {
  const rows = buildParticipantRows(ALGORITHMS_COHORT_INPUT);

  it('has one row per enrolled participant with pre, post, gain and topic scores', () => {
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ participantId: 'p1', pre: 40, post: 60, gain: 20, topics: { pembukuan: { pre: 40, post: 60 }, pemasaran: { pre: null, post: null } } });
    expect(rows[10]).toMatchObject({ participantId: 'p11', pre: 80, post: null, gain: null });
    expect(rows[11]).toMatchObject({ participantId: 'p12', pre: null, post: null, gain: null });
  });

  it('agrees with the report: the mean of row gains is the mean gain', () => {
    const gains = rows.flatMap((row) => (row.gain === null ? [] : [row.gain]));
    expect(gains.reduce((a, b) => a + b, 0) / gains.length).toBeCloseTo(12.7, 9);
  });

  it('turns into the next cohort comparison input', () => {
    const previous = previousCohortFromRows('cohort-2', rows);
    expect(previous.participants).toHaveLength(10);
    expect(previous.participants[0]).toEqual({ participantId: 'p1', topicGains: { pembukuan: 20, pemasaran: null } });
  });
});
