import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { DomainEvents } from '../../common/events/domain-events';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CampaignLifecycleService } from '../campaigns/campaign-lifecycle.service';
import { acceptsVotes, dueDeadlineSteps, isPubliclyVisible } from '../campaigns/domain/lifecycle';
import { crowdScoreOf, tallyOf } from '../ideas/domain/idea-score';
import { VISIBLE_IDEA_STATUSES } from '../ideas/idea.entity';
import { IdeaErrors } from '../ideas/ideas.errors';
import { ALLOWED_VALUES, isValidVoteValue } from './domain/vote-values';
import { VoteResponse } from './dto/vote.dto';
import { RatingPriorRefresher } from './rating-prior.refresher';
import { fingerprintVote, VoteOrigin } from './vote-fingerprint';
import { VoteGate, VoteOperation, VotesRepository } from './votes.repository';
import { VoteErrors } from './votes.errors';

/**
 * Casting, changing and retracting votes: who may vote is checked here, the vote row and the idea's
 * tally change together in VotesRepository, so a tally always equals its rows and reads never count.
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly repository: VotesRepository,
    private readonly lifecycle: CampaignLifecycleService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly priors: RatingPriorRefresher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Idempotent: the same vote twice leaves one row and the same tally. */
  async cast(ideaId: string, voterId: string, value: number, origin: VoteOrigin): Promise<VoteResponse> {
    const gate = await this.assertMayVote(ideaId, voterId);
    if (!isValidVoteValue(gate.voteMode, value)) throw new DomainError(VoteErrors.VOTE_VALUE_INVALID, { mode: gate.voteMode, allowed: ALLOWED_VALUES[gate.voteMode] });
    const fingerprint = fingerprintVote(origin, this.config.jwt.secret);
    return this.write(gate, voterId, { kind: 'cast', value, ...fingerprint, invalidReason: gate.exclusionReason });
  }

  async retract(ideaId: string, voterId: string): Promise<VoteResponse> {
    return this.write(await this.assertMayVote(ideaId, voterId), voterId, { kind: 'retract' });
  }

  /**
   * The rules of PRODUCT.md for a vote, from one read. When a deadline has passed unnoticed, the
   * campaign is brought up to date first, so a sleeping server never accepts a late vote.
   */
  private async assertMayVote(ideaId: string, voterId: string): Promise<VoteGate> {
    let gate = await this.repository.gate(ideaId, voterId);
    if (gate && dueDeadlineSteps(gate.campaignStatus, gate.deadlines, this.clock.now()).length > 0) {
      await this.lifecycle.loadFresh(gate.campaignId);
      gate = await this.repository.gate(ideaId, voterId);
    }
    const visible = gate && (gate.voterOwnsBusiness || (isPubliclyVisible(gate.campaignStatus) && (gate.visibility === 'public' || gate.voterIsMember)));
    const listed = gate && (VISIBLE_IDEA_STATUSES as readonly string[]).includes(gate.ideaStatus);
    if (!gate || !visible || (!listed && gate.authorId !== voterId && !gate.voterOwnsBusiness)) throw new DomainError(IdeaErrors.IDEA_NOT_FOUND);
    if (gate.authorId === voterId) throw new DomainError(VoteErrors.VOTE_SELF_FORBIDDEN);
    if (gate.voterOwnsBusiness) throw new DomainError(VoteErrors.VOTE_OWN_CAMPAIGN_FORBIDDEN);
    if (!acceptsVotes(gate.campaignStatus)) throw new DomainError(VoteErrors.VOTE_CLOSED_CONFLICT, { status: gate.campaignStatus });
    if (!listed) throw new DomainError(VoteErrors.VOTE_IDEA_STATUS_CONFLICT, { status: gate.ideaStatus });
    return gate;
  }

  private async write(gate: VoteGate, voterId: string, op: VoteOperation): Promise<VoteResponse> {
    const { ideaId, campaignId, voteMode } = gate;
    const outcome = await this.repository.apply({ ideaId, campaignId, voterId, mode: voteMode, at: this.clock.now() }, op);
    if (voteMode === 'rating') this.priors.schedule(campaignId);
    const response: VoteResponse = { ideaId, value: outcome.value, tally: tallyOf(outcome.counts), score: crowdScoreOf(outcome.counts, outcome.context) };
    this.events.emit('vote.cast', { campaignId, ideaId, voterId, tally: response.tally, score: response.score });
    return response;
  }
}
