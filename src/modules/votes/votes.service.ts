import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { DomainEvents } from '../../common/events/domain-events';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CampaignLifecycleService } from '../campaigns/campaign-lifecycle.service';
import { crowdScoreOf, tallyOf } from '../ideas/domain/idea-score';
import { IdeaErrors } from '../ideas/ideas.errors';
import { VoteRefusalCode } from './domain/vote-gate';
import { VoteResponse } from './dto/vote.dto';
import { RatingPriorRefresher } from './rating-prior.refresher';
import { fingerprintVote, VoteOrigin } from './vote-fingerprint';
import { VoteRequest, VotesRepository } from './votes.repository';
import { VoteErrors } from './votes.errors';

/** Each refusal decided with the vote, as the error it answers with. */
const REFUSALS: Record<VoteRefusalCode, string> = {
  IDEA_NOT_FOUND: IdeaErrors.IDEA_NOT_FOUND,
  VOTE_SELF_FORBIDDEN: VoteErrors.VOTE_SELF_FORBIDDEN,
  VOTE_OWN_CAMPAIGN_FORBIDDEN: VoteErrors.VOTE_OWN_CAMPAIGN_FORBIDDEN,
  VOTE_CLOSED_CONFLICT: VoteErrors.VOTE_CLOSED_CONFLICT,
  VOTE_IDEA_STATUS_CONFLICT: VoteErrors.VOTE_IDEA_STATUS_CONFLICT,
  VOTE_VALUE_INVALID: VoteErrors.VOTE_VALUE_INVALID,
};

/**
 * Casting, changing and retracting votes. Who may vote (domain/vote-gate) is decided in the same
 * transaction that writes the vote row and the idea's tally (VotesRepository), so a tally always
 * equals its rows, reads never count, and no campaign takes a vote after it stopped taking them.
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
  cast(ideaId: string, voterId: string, value: number, origin: VoteOrigin): Promise<VoteResponse> {
    return this.vote({ ideaId, voterId, at: this.clock.now(), cast: { value, ...fingerprintVote(origin, this.config.jwt.secret) } });
  }

  retract(ideaId: string, voterId: string): Promise<VoteResponse> {
    return this.vote({ ideaId, voterId, at: this.clock.now(), cast: null });
  }

  /**
   * The rules of PRODUCT.md for a vote are decided in the vote's own transaction. When a deadline has
   * passed unnoticed, the campaign is brought up to date first and the vote decided again, so a
   * sleeping server never accepts a late vote.
   */
  private async vote(request: VoteRequest): Promise<VoteResponse> {
    let result = await this.repository.vote(request);
    if (result.kind === 'deadline-due') {
      await this.lifecycle.loadFresh(result.campaignId);
      result = await this.repository.vote({ ...request, at: this.clock.now() });
    }
    // Only when the campaign could not be brought up to date (another request is moving it): its deadline has passed all the same.
    if (result.kind === 'deadline-due') throw new DomainError(VoteErrors.VOTE_CLOSED_CONFLICT, { status: result.dueStatus });
    if (result.kind === 'refuse') throw new DomainError(REFUSALS[result.code], result.params ?? {});
    const { campaignId, voteMode, outcome } = result;
    if (voteMode === 'rating') this.priors.schedule(campaignId);
    const response: VoteResponse = { ideaId: request.ideaId, value: outcome.value, tally: tallyOf(outcome.counts), score: crowdScoreOf(outcome.counts, outcome.context) };
    this.events.emit('vote.cast', { campaignId, ideaId: request.ideaId, voterId: request.voterId, tally: response.tally, score: response.score });
    return response;
  }
}
