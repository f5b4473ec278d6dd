import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { DomainEvents } from '../../common/events/domain-events';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { UnitOfWork } from '../../database/unit-of-work';
import { Campaign, CampaignVoter } from '../campaigns/campaign.entity';
import { acceptsVotes } from '../campaigns/domain/lifecycle';
import { crowdScoreOf, IdeaCounts, rankKeyOf, tallyOf } from '../ideas/domain/idea-score';
import { Idea, VISIBLE_IDEA_STATUSES } from '../ideas/idea.entity';
import { IdeasService, voteContextOf } from '../ideas/ideas.service';
import { ALLOWED_VALUES, isValidVoteValue, tallyDelta } from './domain/vote-values';
import { VoteResponse } from './dto/vote.dto';
import { RatingPriorRefresher } from './rating-prior.refresher';
import { fingerprintVote, VoteOrigin } from './vote-fingerprint';
import { Vote } from './vote.entity';
import { VoteErrors } from './votes.errors';

/**
 * Casting, changing and retracting votes. The vote row and the idea's tally change in one transaction,
 * so a tally always equals its rows and reading never counts them.
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ideas: IdeasService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly priors: RatingPriorRefresher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Idempotent: the same vote twice leaves one row and the same tally. */
  async cast(ideaId: string, voterId: string, value: number, origin: VoteOrigin): Promise<VoteResponse> {
    const { idea, campaign } = await this.assertMayVote(ideaId, voterId);
    const mode = campaign.rules.voteMode;
    if (!isValidVoteValue(mode, value)) throw new DomainError(VoteErrors.VOTE_VALUE_INVALID, { mode, allowed: ALLOWED_VALUES[mode] });
    const fingerprint = fingerprintVote(origin, this.config.jwt.secret);
    return this.write(idea, campaign, voterId, async (manager, existing, now) => {
      if (existing) {
        if (existing.value === value) return { before: existing.valid ? value : null, after: existing.valid ? value : null };
        await manager.update(Vote, { ideaId, voterId }, { value, updatedAt: now });
        return { before: existing.valid ? existing.value : null, after: existing.valid ? value : null };
      }
      await manager.insert(Vote, { ideaId, voterId, campaignId: campaign.id, value, valid: true, invalidReason: null, ...fingerprint, createdAt: now, updatedAt: now });
      await this.countVoterInCampaign(manager, campaign.id, voterId, now);
      return { before: null, after: value };
    });
  }

  async retract(ideaId: string, voterId: string): Promise<VoteResponse> {
    const { idea, campaign } = await this.assertMayVote(ideaId, voterId);
    return this.write(idea, campaign, voterId, async (manager, existing) => {
      if (!existing) return { before: null, after: null };
      await manager.delete(Vote, { ideaId, voterId });
      return { before: existing.valid ? existing.value : null, after: null };
    });
  }

  private async assertMayVote(ideaId: string, voterId: string): Promise<{ idea: Idea; campaign: Campaign }> {
    const { idea, campaign, isOwner, isAuthor } = await this.ideas.access(ideaId, voterId);
    if (isAuthor) throw new DomainError(VoteErrors.VOTE_SELF_FORBIDDEN);
    if (isOwner) throw new DomainError(VoteErrors.VOTE_OWN_CAMPAIGN_FORBIDDEN);
    if (!acceptsVotes(campaign.status)) throw new DomainError(VoteErrors.VOTE_CLOSED_CONFLICT, { status: campaign.status });
    if (!VISIBLE_IDEA_STATUSES.includes(idea.status)) throw new DomainError(VoteErrors.VOTE_IDEA_STATUS_CONFLICT, { status: idea.status });
    return { idea, campaign };
  }

  /**
   * Runs one vote change and applies its tally delta. On PostgreSQL the idea row is locked first, so
   * concurrent votes on one idea queue up instead of losing updates; SQLite writes are serial already.
   */
  private async write(
    idea: Idea,
    campaign: Campaign,
    voterId: string,
    change: (manager: EntityManager, existing: Vote | null, now: Date) => Promise<{ before: number | null; after: number | null }>,
  ): Promise<VoteResponse> {
    const mode = campaign.rules.voteMode;
    const result = await this.uow.run(async (manager) => {
      const now = this.clock.now();
      const locked = await manager.findOne(Idea, { where: { id: idea.id }, ...(this.uow.isSqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }) });
      if (!locked) throw new DomainError('IDEA_NOT_FOUND');
      const existing = await manager.findOneBy(Vote, { ideaId: idea.id, voterId });
      const { before, after } = await change(manager, existing, now);
      const delta = tallyDelta(mode, before, after);
      const counts: IdeaCounts = {
        upCount: locked.upCount + delta.up,
        downCount: locked.downCount + delta.down,
        ratingCount: locked.ratingCount + delta.ratingCount,
        ratingSum: locked.ratingSum + delta.ratingSum,
        votersCount: locked.votersCount + delta.voters,
      };
      const fresh = await manager.findOneByOrFail(Campaign, { id: campaign.id });
      const context = voteContextOf(fresh);
      if (delta.voters !== 0 || delta.up !== 0 || delta.down !== 0 || delta.ratingSum !== 0) {
        await manager.update(Idea, { id: idea.id }, { ...counts, rankKey: rankKeyOf(counts, context) });
        if (delta.ratingCount !== 0 || delta.ratingSum !== 0) {
          await manager.increment(Campaign, { id: campaign.id }, 'ratingsCount', delta.ratingCount);
          await manager.increment(Campaign, { id: campaign.id }, 'ratingsSum', delta.ratingSum);
        }
      }
      return { value: after ?? (existing?.valid === false ? existing.value : null), counts, context };
    });
    if (mode === 'rating') this.priors.schedule(campaign.id);
    const response: VoteResponse = { ideaId: idea.id, value: result.value, tally: tallyOf(result.counts), score: crowdScoreOf(result.counts, result.context) };
    this.events.emit('vote.cast', { campaignId: campaign.id, ideaId: idea.id, voterId, tally: response.tally, score: response.score });
    return response;
  }

  /**
   * The campaign's distinct voters (Wilson's n) grow by one the first time a person votes there.
   * On SQLite writes are serial, so a look-up is enough (its driver cannot tell an ignored insert
   * from a real one); PostgreSQL says through RETURNING whether the row was new.
   */
  private async countVoterInCampaign(manager: EntityManager, campaignId: string, voterId: string, now: Date): Promise<void> {
    let firstTime: boolean;
    if (this.uow.isSqlite) {
      firstTime = !(await manager.existsBy(CampaignVoter, { campaignId, voterId }));
      if (firstTime) await manager.insert(CampaignVoter, { campaignId, voterId, firstVotedAt: now });
    } else {
      const rows: unknown[] = await manager.query(
        'INSERT INTO "campaign_voters" ("campaignId", "voterId", "firstVotedAt") VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING "voterId"',
        [campaignId, voterId, now],
      );
      firstTime = rows.length > 0;
    }
    if (firstTime) await manager.increment(Campaign, { id: campaignId }, 'votersCount', 1);
  }
}
