import {
  accumulateEvidence,
  betaReputation,
  DAY_MS,
  flagWeight,
  OUTCOME_EVIDENCE,
  REPUTATION_OUTCOMES,
  ReputationOutcome,
  requiresPreModeration,
  shouldHide,
} from './reputation';

describe('betaReputation (ALGORITHMS.md §2)', () => {
  it.each([
    [8, 2, 0.75],
    [0, 0, 0.5],
    [3, 7, 0.333333],
    [0, 3, 0.2],
    [100, 0, 101 / 102],
  ])('r=%i, s=%i → %f', (r, s, expected) => {
    expect(betaReputation(r, s)).toBeCloseTo(expected, 6);
  });

  it('lies in (0, 1), rises with good and falls with bad outcomes', () => {
    for (let r = 0; r <= 20; r++) {
      for (let s = 0; s <= 20; s++) {
        const e = betaReputation(r, s);
        expect(e).toBeGreaterThan(0);
        expect(e).toBeLessThan(1);
        expect(betaReputation(r + 1, s)).toBeGreaterThan(e);
        expect(betaReputation(r, s + 1)).toBeLessThan(e);
      }
    }
  });

  it('refuses negative evidence', () => {
    expect(() => betaReputation(-1, 0)).toThrow(RangeError);
  });
});

describe('accumulateEvidence', () => {
  it.each([
    ['idea-published', 1, 0],
    ['idea-shortlisted', 2, 0],
    ['idea-won', 3, 0],
    ['flag-confirmed', 1, 0],
    ['idea-rejected-as-spam', 0, 1],
    ['idea-rejected-as-duplicate', 0, 1],
    ['flag-overturned', 0, 1],
    ['vote-invalidated-for-fraud', 0, 3],
  ] as const)('%s adds r=%i, s=%i', (outcome, good, bad) => {
    expect(accumulateEvidence([outcome])).toEqual({ good, bad });
  });

  it('sums a history: published, shortlisted and won, one duplicate → r=6, s=1, E=7/9', () => {
    const history: ReputationOutcome[] = ['idea-published', 'idea-shortlisted', 'idea-won', 'idea-rejected-as-duplicate'];
    const { good, bad } = accumulateEvidence(history);
    expect({ good, bad }).toEqual({ good: 6, bad: 1 });
    expect(betaReputation(good, bad)).toBeCloseTo(0.777778, 6);
    expect(accumulateEvidence([])).toEqual({ good: 0, bad: 0 });
  });

  it('every outcome is either good or bad, never both (invariant)', () => {
    for (const outcome of REPUTATION_OUTCOMES) {
      const { good, bad } = OUTCOME_EVIDENCE[outcome];
      expect(good > 0 !== bad > 0).toBe(true);
    }
  });
});

describe('requiresPreModeration', () => {
  it.each([
    [0, 0, false],
    [0, 2, false],
    [0, 3, true],
    [1, 4, true],
    [3, 7, false],
    [2, 7, true],
    [8, 2, false],
  ])('r=%i, s=%i → %s', (r, s, expected) => {
    expect(requiresPreModeration(r, s)).toBe(expected);
  });

  it('one vote invalidated for fraud is enough evidence (s = 3, E = 0.2)', () => {
    const { good, bad } = accumulateEvidence(['vote-invalidated-for-fraud']);
    expect(requiresPreModeration(good, bad)).toBe(true);
  });

  it('takes the policy as a parameter', () => {
    expect(requiresPreModeration(0, 2, { threshold: 0.3, minDecisions: 2 })).toBe(true);
    expect(requiresPreModeration(3, 7, { threshold: 0.4, minDecisions: 3 })).toBe(true);
  });
});

describe('flagWeight', () => {
  it.each([
    [0.75, 2 * DAY_MS, 0.75],
    [0.75, DAY_MS, 0.75],
    [0.75, DAY_MS - 1, 0],
    [0.9, 0, 0],
    [1.5, 10 * DAY_MS, 1],
    [-0.2, 10 * DAY_MS, 0],
  ])('reputation %f, account age %i ms → %f', (reputation, age, expected) => {
    expect(flagWeight(reputation, age)).toBe(expected);
  });

  it('takes the minimum account age as a parameter', () => {
    expect(flagWeight(0.5, 1000, 500)).toBe(0.5);
  });
});

describe('shouldHide', () => {
  it.each([
    [2.99, 3, false],
    [3, 3, true],
    [3.2, 3, true],
    [0, 3, false],
    [1.5, 1.5, true],
  ])('weights summing to %f with threshold %f → %s', (sum, threshold, expected) => {
    expect(shouldHide(sum, threshold)).toBe(expected);
  });

  it('defaults to 3: four flaggers of reputation 0.75 hide an idea, three do not', () => {
    expect(shouldHide(4 * flagWeight(0.75, 2 * DAY_MS))).toBe(true);
    expect(shouldHide(3 * flagWeight(0.75, 2 * DAY_MS))).toBe(false);
    expect(shouldHide(100 * flagWeight(0.75, 1000))).toBe(false);
  });
});
