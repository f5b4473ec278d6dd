import type { SurveyInstrumentInput } from './evaluation-report.types';
import { summarizeSurveys } from './survey-section';

const LIKERT = [
  [4, 5, 4, 4],
  [3, 3, 2, 3],
  [5, 5, 5, 4],
  [2, 2, 3, 2],
  [4, 4, 4, 5],
  [3, 4, 3, 3],
];

/** The ALGORITHMS.md α vector split over two reaction instruments, so α must join rows by participant. */
const SURVEYS: SurveyInstrumentInput[] = [
  {
    key: 'hari-1',
    items: [
      { key: 'r1', type: 'likert', level: 'reaction' },
      { key: 'r2', type: 'likert', level: 'reaction' },
      { key: 'saran', type: 'text', level: 'reaction', prompt: 'Saran' },
    ],
    responses: LIKERT.map((row, index) => ({
      participantId: `p${index}`,
      answers: [
        { itemKey: 'r1', value: row[0] as number },
        { itemKey: 'r2', value: row[1] as number },
        { itemKey: 'saran', value: index === 0 ? '  Tambah praktik  ' : '' },
      ],
    })),
  },
  {
    key: 'hari-2',
    items: [
      { key: 'r3', type: 'likert', level: 'reaction' },
      { key: 'r4', type: 'likert', level: 'reaction' },
      { key: 'terap', type: 'likert', level: 'behaviour', prompt: 'Saya menerapkan' },
    ],
    responses: LIKERT.map((row, index) => ({
      participantId: `p${index}`,
      answers: [
        { itemKey: 'r3', value: row[2] as number },
        { itemKey: 'r4', value: row[3] as number },
        { itemKey: 'terap', value: index < 2 ? 5 : 2 },
      ],
    })),
  },
];

const ENROLLED = new Set(LIKERT.map((_, index) => `p${index}`));

describe('summarizeSurveys', () => {
  const sections = summarizeSurveys(SURVEYS, ENROLLED);

  it('computes α across instruments by participant', () => {
    expect(sections.reaction.alpha).toBeCloseTo(0.931034, 6);
  });

  it('summarises each reaction item and trims the open comments', () => {
    expect(sections.reaction.items.map((item) => [item.instrumentKey, item.key, item.n])).toEqual([
      ['hari-1', 'r1', 6],
      ['hari-1', 'r2', 6],
      ['hari-2', 'r3', 6],
      ['hari-2', 'r4', 6],
    ]);
    expect(sections.reaction.comments).toEqual([{ key: 'saran', instrumentKey: 'hari-1', prompt: 'Saran', texts: ['Tambah praktik'] }]);
  });

  it('reports the share applying each behaviour', () => {
    expect(sections.behaviour.items).toMatchObject([{ key: 'terap', prompt: 'Saya menerapkan', shareApplying: expect.closeTo(33.333333, 6) }]);
  });

  it('ignores participants not enrolled and has no α with a single item', () => {
    const withStranger = summarizeSurveys(SURVEYS, new Set(['p0', 'p1']));
    expect(withStranger.reaction.items[0]?.n).toBe(2);
    const single = summarizeSurveys([{ ...(SURVEYS[0] as SurveyInstrumentInput), items: [{ key: 'r1', type: 'likert', level: 'reaction' }] }], ENROLLED);
    expect(single.reaction.alpha).toBeNull();
  });
});
