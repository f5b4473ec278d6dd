import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { readSqliteDate } from '../../database/sqlite-statements';
import { SqliteHandle, SqliteStatement, UnitOfWork } from '../../database/unit-of-work';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignDeadlines, CampaignStatus } from '../campaigns/domain/lifecycle';
import { CampaignVoteContext, rankKeyOf, VoteMode } from '../ideas/domain/idea-score';
import { Idea } from '../ideas/idea.entity';
import { plan, VoteOperation } from './domain/vote-plan';
import { applyVoteChange } from './domain/vote-values';
import { APPLY_VOTE_ON_SQLITE, VoteOutcome, VoteTarget } from './sqlite-vote-write';
import { Vote } from './vote.entity';

export type { VoteOperation } from './domain/vote-plan';
export type { VoteOutcome, VoteTarget } from './sqlite-vote-write';

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

interface VoteGateRow {
  ideaId: string;
  ideaStatus: string;
  authorId: string;
  campaignId: string;
  campaignStatus: CampaignStatus;
  visibility: 'public' | 'private';
  rules: string;
  submissionClosesAt: Date | string;
  votingClosesAt: Date | string;
  judgingClosesAt: Date | string;
  owns: number | boolean | string;
  member: number | boolean | string;
  exclusionReason: string | null;
}

/** SQLite returns its datetime text without a zone; it is UTC. */
function readDate(value: Date | string): Date {
  return value instanceof Date ? value : readSqliteDate(value);
}

function readFlag(value: number | boolean | string): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

function postgresPlaceholders(): () => string {
  let i = 0;
  return () => `$${++i}`;
}

/** The gate's query; parameters: voter, voter, voter, idea. */
function gateSql(p: () => string): string {
  return `SELECT i."id" AS "ideaId", i."status" AS "ideaStatus", i."authorId", c."id" AS "campaignId", c."status" AS "campaignStatus",
              c."visibility", c."rules", c."submissionClosesAt", c."votingClosesAt", c."judgingClosesAt",
              EXISTS (SELECT 1 FROM "business_owners" o WHERE o."businessId" = c."businessId" AND o."userId" = ${p()}) AS "owns",
              EXISTS (SELECT 1 FROM "campaign_members" m WHERE m."campaignId" = c."id" AND m."userId" = ${p()}) AS "member",
              (SELECT x."reason" FROM "vote_exclusions" x WHERE x."campaignId" = c."id" AND x."voterId" = ${p()}) AS "exclusionReason"
         FROM "ideas" i JOIN "campaigns" c ON c."id" = i."campaignId" WHERE i."id" = ${p()}`;
}

/**
 * Writes a vote and its tally in one transaction. SQLite takes a path of prepared statements on the
 * raw handle (the hot path measured in bench/); PostgreSQL locks the idea row so concurrent votes on
 * one idea queue instead of losing updates.
 */
@Injectable()
export class VotesRepository {
  private gateStatements = new WeakMap<SqliteHandle, SqliteStatement>();

  constructor(private readonly uow: UnitOfWork) {}

  /** One indexed read instead of the idea, campaign, ownership and membership look-ups one by one. */
  async gate(ideaId: string, voterId: string): Promise<VoteGate | null> {
    const params = [voterId, voterId, voterId, ideaId];
    const row = this.uow.isSqlite
      ? (this.gateStatement().get(...params) as VoteGateRow | undefined)
      : (await this.uow.manager.query<VoteGateRow[]>(gateSql(postgresPlaceholders()), params))[0];
    if (!row) return null;
    const rules = JSON.parse(row.rules) as { voteMode: VoteMode };
    return {
      ideaId: row.ideaId,
      ideaStatus: row.ideaStatus,
      authorId: row.authorId,
      campaignId: row.campaignId,
      campaignStatus: row.campaignStatus,
      visibility: row.visibility,
      voteMode: rules.voteMode,
      deadlines: { submissionClosesAt: readDate(row.submissionClosesAt), votingClosesAt: readDate(row.votingClosesAt), judgingClosesAt: readDate(row.judgingClosesAt) },
      voterOwnsBusiness: readFlag(row.owns),
      voterIsMember: readFlag(row.member),
      exclusionReason: row.exclusionReason ?? null,
    };
  }

  /** Prepared once per connection: the gate is read on every vote. */
  private gateStatement(): SqliteStatement {
    const db = this.uow.sqliteHandle;
    let statement = this.gateStatements.get(db);
    if (!statement) {
      statement = db.prepare(gateSql(() => '?'));
      this.gateStatements.set(db, statement);
    }
    return statement;
  }

  apply(target: VoteTarget, op: VoteOperation): Promise<VoteOutcome> {
    return this.uow.isSqlite ? this.uow.runSqliteProcedure(APPLY_VOTE_ON_SQLITE, { target, op }) : this.uow.run((m) => this.applyWithTypeorm(m, target, op));
  }

  private async applyWithTypeorm(manager: EntityManager, target: VoteTarget, op: VoteOperation): Promise<VoteOutcome> {
    const { ideaId, voterId, campaignId, at } = target;
    const locked = await manager.findOne(Idea, { where: { id: ideaId }, lock: { mode: 'pessimistic_write' } });
    if (!locked) throw new Error(`idea ${ideaId} vanished`);
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
