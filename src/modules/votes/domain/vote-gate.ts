import { acceptsVotes, CampaignDeadlines, CampaignStatus, dueDeadlineSteps, isPubliclyVisible } from '../../campaigns/domain/lifecycle';
import { VoteMode } from '../../ideas/domain/idea-score';
import { VISIBLE_IDEA_STATUSES } from '../../ideas/domain/idea-status';
import { ALLOWED_VALUES, isValidVoteValue } from './vote-values';

/** What deciding on a vote needs, read in one query: the idea, its campaign and the voter's standing. */
export interface VoteGate {
  ideaId: string;
  ideaStatus: string;
  authorId: string;
  campaignId: string;
  campaignStatus: CampaignStatus;
  visibility: 'public' | 'private';
  voteMode: VoteMode;
  deadlines: CampaignDeadlines;
  voterOwnsBusiness: boolean;
  voterIsMember: boolean;
  /** Why the owner excluded this voter from the campaign, or null. */
  exclusionReason: string | null;
}

/** The errors a vote can be refused with, named as in IdeaErrors and VoteErrors. */
export type VoteRefusalCode =
  | 'IDEA_NOT_FOUND'
  | 'VOTE_SELF_FORBIDDEN'
  | 'VOTE_OWN_CAMPAIGN_FORBIDDEN'
  | 'VOTE_CLOSED_CONFLICT'
  | 'VOTE_IDEA_STATUS_CONFLICT'
  | 'VOTE_VALUE_INVALID';

export type VoteDecision =
  | { kind: 'accept'; gate: VoteGate }
  | { kind: 'refuse'; code: VoteRefusalCode; params?: Record<string, string> }
  /** A deadline has passed that the campaign's status does not show yet: bring it up to date, then decide again. */
  | { kind: 'deadline-due'; campaignId: string; dueStatus: CampaignStatus };

/**
 * The rules of PRODUCT.md for a vote (a cast with its value, or a retraction when `value` is null),
 * decided inside the vote's own transaction so nothing can change between the check and the write.
 * An idea the voter may not see is not found, whatever else holds.
 */
export function decideVote(gate: VoteGate | null, voterId: string, value: number | null, now: Date): VoteDecision {
  const due = gate ? dueDeadlineSteps(gate.campaignStatus, gate.deadlines, now) : [];
  if (gate && due.length > 0) return { kind: 'deadline-due', campaignId: gate.campaignId, dueStatus: due[due.length - 1]!.to };
  const visible = gate && (gate.voterOwnsBusiness || (isPubliclyVisible(gate.campaignStatus) && (gate.visibility === 'public' || gate.voterIsMember)));
  const listed = gate && (VISIBLE_IDEA_STATUSES as readonly string[]).includes(gate.ideaStatus);
  if (!gate || !visible || (!listed && gate.authorId !== voterId && !gate.voterOwnsBusiness)) return { kind: 'refuse', code: 'IDEA_NOT_FOUND' };
  if (gate.authorId === voterId) return { kind: 'refuse', code: 'VOTE_SELF_FORBIDDEN' };
  if (gate.voterOwnsBusiness) return { kind: 'refuse', code: 'VOTE_OWN_CAMPAIGN_FORBIDDEN' };
  if (!acceptsVotes(gate.campaignStatus)) return { kind: 'refuse', code: 'VOTE_CLOSED_CONFLICT', params: { status: gate.campaignStatus } };
  if (!listed) return { kind: 'refuse', code: 'VOTE_IDEA_STATUS_CONFLICT', params: { status: gate.ideaStatus } };
  if (value !== null && !isValidVoteValue(gate.voteMode, value)) {
    return { kind: 'refuse', code: 'VOTE_VALUE_INVALID', params: { mode: gate.voteMode, allowed: ALLOWED_VALUES[gate.voteMode] } };
  }
  return { kind: 'accept', gate };
}
