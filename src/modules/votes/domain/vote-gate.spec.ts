import { decideVote, VoteGate } from './vote-gate';

const NOW = new Date('2026-03-10T08:00:00.000Z');
const LATER = new Date('2026-03-20T08:00:00.000Z');

function gate(overrides: Partial<VoteGate> = {}): VoteGate {
  return {
    ideaId: 'idea',
    ideaStatus: 'published',
    authorId: 'author',
    campaignId: 'campaign',
    campaignStatus: 'voting',
    visibility: 'public',
    voteMode: 'up',
    deadlines: { submissionClosesAt: new Date('2026-03-05T00:00:00.000Z'), votingClosesAt: LATER, judgingClosesAt: LATER },
    voterOwnsBusiness: false,
    voterIsMember: false,
    exclusionReason: null,
    ...overrides,
  };
}

describe('decideVote', () => {
  it('accepts a visitor’s vote on a published idea of a campaign taking votes, and a retraction', () => {
    expect(decideVote(gate(), 'voter', 1, NOW)).toEqual({ kind: 'accept', gate: gate() });
    expect(decideVote(gate({ ideaStatus: 'shortlisted' }), 'voter', null, NOW).kind).toBe('accept');
  });

  it('accepts an excluded voter (the vote is stored invalid, not refused)', () => {
    expect(decideVote(gate({ exclusionReason: 'cluster' }), 'voter', 1, NOW).kind).toBe('accept');
  });

  it('does not find an idea that is missing, in a draft, private to others, or held from the public', () => {
    const notFound = { kind: 'refuse', code: 'IDEA_NOT_FOUND' };
    expect(decideVote(null, 'voter', 1, NOW)).toEqual(notFound);
    expect(decideVote(gate({ campaignStatus: 'draft' }), 'voter', 1, NOW)).toEqual(notFound);
    expect(decideVote(gate({ visibility: 'private' }), 'voter', 1, NOW)).toEqual(notFound);
    expect(decideVote(gate({ ideaStatus: 'pending' }), 'voter', 1, NOW)).toEqual(notFound);
  });

  it('lets a private campaign’s members vote', () => {
    expect(decideVote(gate({ visibility: 'private', voterIsMember: true }), 'voter', 1, NOW).kind).toBe('accept');
  });

  it('refuses self-votes and the business owners’ votes, also on ideas the public cannot see', () => {
    expect(decideVote(gate(), 'author', 1, NOW)).toEqual({ kind: 'refuse', code: 'VOTE_SELF_FORBIDDEN' });
    expect(decideVote(gate({ ideaStatus: 'pending' }), 'author', 1, NOW)).toEqual({ kind: 'refuse', code: 'VOTE_SELF_FORBIDDEN' });
    expect(decideVote(gate({ voterOwnsBusiness: true, campaignStatus: 'draft' }), 'owner', 1, NOW)).toEqual({ kind: 'refuse', code: 'VOTE_OWN_CAMPAIGN_FORBIDDEN' });
  });

  it('refuses votes once the campaign stops taking them, naming its status', () => {
    for (const status of ['judging', 'closed', 'cancelled'] as const) {
      expect(decideVote(gate({ campaignStatus: status }), 'voter', 1, NOW)).toEqual({ kind: 'refuse', code: 'VOTE_CLOSED_CONFLICT', params: { status } });
    }
  });

  it('refuses a vote on an idea its author or owner still sees but the public does not', () => {
    expect(decideVote(gate({ ideaStatus: 'hidden', voterOwnsBusiness: false, authorId: 'voter' }), 'voter', 1, NOW)).toEqual({ kind: 'refuse', code: 'VOTE_SELF_FORBIDDEN' });
    expect(decideVote(gate({ ideaStatus: 'hidden', voterIsMember: true }), 'voter', 1, NOW)).toEqual({ kind: 'refuse', code: 'IDEA_NOT_FOUND' });
  });

  it('refuses values outside the mode, naming what it allows; a retraction has no value to check', () => {
    expect(decideVote(gate(), 'voter', -1, NOW)).toEqual({ kind: 'refuse', code: 'VOTE_VALUE_INVALID', params: { mode: 'up', allowed: '1' } });
    expect(decideVote(gate({ voteMode: 'updown' }), 'voter', -1, NOW).kind).toBe('accept');
    expect(decideVote(gate({ voteMode: 'rating' }), 'voter', 6, NOW)).toEqual({ kind: 'refuse', code: 'VOTE_VALUE_INVALID', params: { mode: 'rating', allowed: '1–5' } });
    expect(decideVote(gate({ voteMode: 'rating' }), 'voter', null, NOW).kind).toBe('accept');
  });

  it('asks for the campaign to be brought up to date when a deadline has passed unseen, naming where it leads', () => {
    expect(decideVote(gate(), 'voter', 1, new Date(LATER.getTime() + 1))).toEqual({ kind: 'deadline-due', campaignId: 'campaign', dueStatus: 'closed' });
    const openPastSubmissions = gate({ campaignStatus: 'open', deadlines: { ...gate().deadlines, votingClosesAt: new Date('2026-03-30T00:00:00.000Z'), judgingClosesAt: new Date('2026-03-30T00:00:00.000Z') } });
    expect(decideVote(openPastSubmissions, 'voter', 1, NOW)).toEqual({ kind: 'deadline-due', campaignId: 'campaign', dueStatus: 'voting' });
  });
});
