import { compareWithPreviousCohort } from './cohort-comparison';

const TOPICS = [
  { key: 'pembukuan', title: 'Pembukuan' },
  { key: 'harga', title: 'Harga pokok' },
];
const CURRENT = new Map([
  ['pembukuan', [20, 15, 15, 15, 5, 20, 5, 15, -5, 22]],
  ['harga', [30, 35, 40, 32, 38]],
]);
const PREVIOUS = {
  cohortId: 'c1',
  participants: [5, 10, 0, 8, 12, -2, 6, 9].map((gain, index) => ({
    participantId: `p${index}`,
    topicGains: { pembukuan: gain, harga: index < 5 ? gain : null },
  })),
};

describe('compareWithPreviousCohort', () => {
  const comparison = compareWithPreviousCohort(TOPICS, CURRENT, PREVIOUS);

  it('applies Welch and Hedges to each topic (ALGORITHMS.md vector on pembukuan)', () => {
    const [pembukuan] = comparison?.topics ?? [];
    expect(pembukuan?.welch.t).toBeCloseTo(2.10372, 6);
    expect(pembukuan?.welch.df).toBeCloseTo(14.736542, 6);
    expect(pembukuan?.welch.p).toBeCloseTo(0.053004, 6);
    expect(pembukuan?.hedgesG).toBeCloseTo(0.895655, 6);
    expect(pembukuan).toMatchObject({ nCurrent: 10, nPrevious: 8, countsAsReal: false });
    expect(pembukuan?.gainDelta).toBeCloseTo(12.7 - 6, 9);
  });

  it('counts a large, significant improvement as real and skips missing gains', () => {
    const [, harga] = comparison?.topics ?? [];
    expect(harga).toMatchObject({ nPrevious: 5, countsAsReal: true });
    expect(harga?.welch.p).toBeLessThan(0.05);
  });

  it('is null for a first cohort', () => {
    expect(compareWithPreviousCohort(TOPICS, CURRENT, null)).toBeNull();
  });
});
