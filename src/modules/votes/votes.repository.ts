import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../../database/unit-of-work';
import { Campaign } from '../campaigns/campaign.entity';
import { lockCampaignGate } from '../campaigns/campaign-gate-lock';
import { CampaignVoteContext, rankKeyOf } from '../ideas/domain/idea-score';
import { Idea } from '../ideas/idea.entity';
import { plan } from './domain/vote-plan';
import { applyVoteChange } from './domain/vote-values';
import { appliedVote, VOTE_ON_SQLITE, VoteOutcome, VoteRequest, VoteResult, voteStepOf, VoteWrite } from './sqlite-vote-write';
import { Vote } from './vote.entity';
import { voteGateSql, VoteGateRow } from './vote-gate-query';

export type { VoteRequest, VoteResult } from './sqlite-vote-write';

function postgresPlaceholders(): () => string {
  let i = 0;
  return () => `$${++i}`;
}

/**
 * Decides on a vote and writes it with its tally in one transaction. SQLite takes a path of prepared
 * statements on the write thread (the hot path measured in bench/); PostgreSQL orders the vote after
 * any change of the campaign's voting under way, then locks the idea row so concurrent votes on one
 * idea queue instead of losing updates.
 */
@Injectable()
export class VotesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Reads the gate, decides and writes in one transaction; a refusal writes nothing. */
  vote(request: VoteRequest): Promise<VoteResult> {
    return this.uow.isSqlite ? this.uow.runSqliteProcedure(VOTE_ON_SQLITE, request) : this.uow.run((m) => this.voteWithTypeorm(m, request));
  }

  /** The campaign's voting lock first, then the idea's row (moderation locks it too), then the gate, all before any write. */
  private async voteWithTypeorm(manager: EntityManager, request: VoteRequest): Promise<VoteResult> {
    const { voterId, ideaId } = request;
    const [idea] = await manager.query<Array<{ campaignId: string }>>('SELECT "campaignId" FROM "ideas" WHERE "id" = $1', [ideaId]);
    if (!idea) return { kind: 'refuse', code: 'IDEA_NOT_FOUND' };
    await lockCampaignGate(manager, idea.campaignId, 'shared');
    const locked = await manager.findOneOrFail(Idea, { where: { id: ideaId }, lock: { mode: 'pessimistic_write' } });
    const [row] = await manager.query<VoteGateRow[]>(voteGateSql(postgresPlaceholders()), [voterId, voterId, voterId, ideaId]);
    const step = voteStepOf(row, request);
    return step.kind === 'write' ? appliedVote(step.write, await this.applyWithTypeorm(manager, step.write, locked)) : step;
  }

  private async applyWithTypeorm(manager: EntityManager, { target, op }: VoteWrite, locked: Idea): Promise<VoteOutcome> {
    const { ideaId, voterId, campaignId, at } = target;
    const existing = await manager.findOneBy(Vote, { ideaId, voterId });
    const step = plan(op, existing);
    if (step.write === 'insert' && op.kind === 'cast') {
      await manager.insert(Vote, { ideaId, voterId, campaignId, value: op.value, valid: step.valid, invalidReason: step.invalidReason, networkHash: op.networkHash, deviceHash: op.deviceHash, createdAt: at, updatedAt: at });
      await this.countVoterOnPostgres(manager, campaignId, voterId, at);
    } else if (step.write === 'update') await manager.update(Vote, { ideaId, voterId }, { value: step.value!, valid: step.valid, invalidReason: step.invalidReason, updatedAt: at });
    else if (step.write === 'delete') await manager.delete(Vote, { ideaId, voterId });
    const campaign = await manager.findOneByOrFail(Campaign, { id: campaignId });
    const context: CampaignVoteContext = { voteMode: target.mode, votersCount: campaign.votersCount, ratingPriorMean: campaign.ratingPriorMean, ratingPriorWeight: campaign.ratingPriorWeight };
    const next = applyVoteChange(locked, target.mode, step.before, step.after);
    if (next.changed) {
      await manager.update(Idea, { id: ideaId }, { ...next.counts, rankKey: rankKeyOf(next.counts, context) });
      if (next.ratingDelta.count !== 0 || next.ratingDelta.sum !== 0) {
        await manager.increment(Campaign, { id: campaignId }, 'ratingsCount', next.ratingDelta.count);
        await manager.increment(Campaign, { id: campaignId }, 'ratingsSum', next.ratingDelta.sum);
      }
    }
    return { value: step.value, counts: next.counts, context };
  }

  /** RETURNING tells PostgreSQL's first vote of a person in a campaign from a repeated one. */
  private async countVoterOnPostgres(manager: EntityManager, campaignId: string, voterId: string, at: Date): Promise<void> {
    const rows: unknown[] = await manager.query(
      'INSERT INTO "campaign_voters" ("campaignId", "voterId", "firstVotedAt") VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING "voterId"',
      [campaignId, voterId, at],
    );
    if (rows.length > 0) await manager.increment(Campaign, { id: campaignId }, 'votersCount', 1);
  }
}
