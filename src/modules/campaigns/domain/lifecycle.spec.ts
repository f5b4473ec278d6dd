import { acceptsIdeas, acceptsVotes, CAMPAIGN_STATUSES, canTransition, deadlinesInOrder, dueDeadlineSteps, TRANSITIONS } from './lifecycle';

const deadlines = {
  submissionClosesAt: new Date('2026-01-10T00:00:00Z'),
  votingClosesAt: new Date('2026-01-20T00:00:00Z'),
  judgingClosesAt: new Date('2026-01-27T00:00:00Z'),
};

describe('campaign lifecycle', () => {
  it.each([
    ['draft', 'open', true],
    ['draft', 'cancelled', true],
    ['open', 'cancelled', true],
    ['open', 'voting', true],
    ['voting', 'judging', true],
    ['judging', 'closed', true],
    ['voting', 'cancelled', false],
    ['closed', 'open', false],
    ['draft', 'closed', false],
    ['open', 'draft', false],
    ['cancelled', 'open', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('has no way out of closed or cancelled, and every target is a known status', () => {
    expect(TRANSITIONS.closed).toEqual([]);
    expect(TRANSITIONS.cancelled).toEqual([]);
    for (const status of CAMPAIGN_STATUSES) {
      for (const target of TRANSITIONS[status]) expect(CAMPAIGN_STATUSES).toContain(target);
    }
  });

  it.each([
    ['open', '2026-01-09T23:59:59Z', []],
    ['open', '2026-01-10T00:00:00Z', ['voting']],
    ['open', '2026-01-25T00:00:00Z', ['voting', 'judging']],
    ['open', '2026-02-01T00:00:00Z', ['voting', 'judging', 'closed']],
    ['voting', '2026-01-21T00:00:00Z', ['judging']],
    ['draft', '2026-02-01T00:00:00Z', []],
    ['cancelled', '2026-02-01T00:00:00Z', []],
    ['closed', '2026-02-01T00:00:00Z', []],
  ] as const)('from %s at %s deadlines move it to %j', (status, now, expected) => {
    const steps = dueDeadlineSteps(status, deadlines, new Date(now));
    expect(steps.map((s) => s.to)).toEqual(expected);
    for (const step of steps) expect(canTransition(step.from, step.to)).toBe(true);
  });

  it('records each step at its own deadline', () => {
    const steps = dueDeadlineSteps('open', deadlines, new Date('2026-03-01T00:00:00Z'));
    expect(steps.map((s) => s.at.toISOString())).toEqual([
      '2026-01-10T00:00:00.000Z',
      '2026-01-20T00:00:00.000Z',
      '2026-01-27T00:00:00.000Z',
    ]);
  });

  it('accepts ideas only while open and votes while open or voting', () => {
    expect(CAMPAIGN_STATUSES.filter(acceptsIdeas)).toEqual(['open']);
    expect(CAMPAIGN_STATUSES.filter(acceptsVotes)).toEqual(['open', 'voting']);
  });

  it('wants deadlines in order', () => {
    expect(deadlinesInOrder(deadlines)).toBe(true);
    expect(deadlinesInOrder({ ...deadlines, votingClosesAt: deadlines.submissionClosesAt })).toBe(false);
  });
});
