import { authorOutcomeOf, flaggerOutcomeOf, flagOutcomeOf, flagReasonSummary, MODERATION_DECISIONS, moderationTarget } from './moderation-transitions';

/** Every idea status of PRODUCT.md. */
const IDEA_STATUSES = ['pending', 'published', 'rejected', 'duplicate', 'hidden', 'shortlisted', 'winner'];

describe('moderationTarget', () => {
  it.each([
    ['pending', 'approve', 'published'],
    ['pending', 'reject', 'rejected'],
    ['pending', 'duplicate', 'duplicate'],
    ['hidden', 'approve', 'published'],
    ['hidden', 'reject', 'rejected'],
    ['hidden', 'duplicate', null],
    ['published', 'approve', null],
    ['published', 'reject', null],
    ['rejected', 'approve', null],
    ['duplicate', 'approve', null],
    ['shortlisted', 'reject', null],
    ['winner', 'duplicate', null],
  ] as const)('%s + %s → %s', (from, decision, to) => {
    expect(moderationTarget(from, decision)).toBe(to);
  });

  it('only ever leaves the queue: every allowed move starts at pending or hidden and ends outside them', () => {
    for (const from of IDEA_STATUSES) {
      for (const decision of MODERATION_DECISIONS) {
        const to = moderationTarget(from, decision);
        if (to === null) continue;
        expect(['pending', 'hidden']).toContain(from);
        expect(['published', 'rejected', 'duplicate']).toContain(to);
      }
    }
  });
});

describe('reputation outcomes', () => {
  it.each([
    ['pending', 'approve', 'idea-published'],
    ['hidden', 'approve', null],
    ['pending', 'reject', 'idea-rejected-as-spam'],
    ['hidden', 'reject', 'idea-rejected-as-spam'],
    ['pending', 'duplicate', 'idea-rejected-as-duplicate'],
  ] as const)('the author of a %s idea on %s gets %s', (from, decision, outcome) => {
    expect(authorOutcomeOf(from, decision)).toBe(outcome);
  });

  it.each([
    ['approve', 'overturned', 'flag-overturned'],
    ['reject', 'confirmed', 'flag-confirmed'],
    ['duplicate', 'confirmed', 'flag-confirmed'],
  ] as const)('flags on %s are %s (%s)', (decision, outcome, reputation) => {
    expect(flagOutcomeOf(decision)).toBe(outcome);
    expect(flaggerOutcomeOf(decision)).toBe(reputation);
  });
});

describe('flagReasonSummary', () => {
  it.each([
    [['spam', 'offensive', 'spam'], 'flags: spam ×2, offensive ×1'],
    [['other'], 'flags: other ×1'],
    [['off-topic', 'duplicate'], 'flags: duplicate ×1, off-topic ×1'],
  ])('summarises %j as %s', (reasons, summary) => {
    expect(flagReasonSummary(reasons)).toBe(summary);
  });
});
