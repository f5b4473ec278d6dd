import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SqliteHandle, SqliteStatement, UnitOfWork } from '../../database/unit-of-work';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignDeadlines, CampaignStatus } from '../campaigns/domain/lifecycle';
import { CampaignVoteContext, IdeaCounts, rankKeyOf, VoteMode } from '../ideas/domain/idea-score';
import { Idea } from '../ideas/idea.entity';
import { plan, VoteOperation } from './domain/vote-plan';
import { tallyDelta, withVoteChange } from './domain/vote-values';

export type { VoteOperation } from './domain/vote-plan';
import { Vote } from './vote.entity';

export interface VoteTarget {
  ideaId: string;
  campaignId: string;
  voterId: string;
  mode: VoteMode;
  at: Date;
}

export interface VoteOutcome {
  /** The voter's value after the operation (kept even when the vote was invalidated), or null. */
  value: number | null;
  counts: IdeaCounts;
  context: CampaignVoteContext;
}

/** The tally after a planned change, and what the campaign's rating sums must follow. */
function applyDelta(counts: IdeaCounts, mode: VoteMode, before: number | null, after: number | null): { counts: IdeaCounts; changed: boolean; ratingDelta: { count: number; sum: number } } {
  const d = tallyDelta(mode, before, after);
  const changed = d.up !== 0 || d.down !== 0 || d.voters !== 0 || d.ratingSum !== 0 || d.ratingCount !== 0;
  return { counts: withVoteChange(counts, mode, before, after), changed, ratingDelta: { count: d.ratingCount, sum: d.ratingSum } };
}

/** SQLite keeps TypeORM's date format so both paths read each other's rows. */
function sqliteDate(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

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
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
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
  private statements = new WeakMap<SqliteHandle, Record<string, SqliteStatement>>();
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
    return this.uow.isSqlite ? this.uow.runSqliteNative((db) => this.applyOnSqlite(db, target, op)) : this.uow.run((m) => this.applyWithTypeorm(m, target, op));
  }

  private applyOnSqlite(db: SqliteHandle, target: VoteTarget, op: VoteOperation): VoteOutcome {
    const s = this.prepared(db);
    const stored = s.idea!.get(target.ideaId) as IdeaCounts | undefined;
    if (!stored) throw new Error(`idea ${target.ideaId} vanished`);
    const row = s.vote!.get(target.ideaId, target.voterId) as { value: number; valid: number; invalidReason: string | null } | undefined;
    const step = plan(op, row ? { value: row.value, valid: row.valid === 1, invalidReason: row.invalidReason } : null);
    const at = sqliteDate(target.at);
    if (step.write === 'insert' && op.kind === 'cast') {
      s.insertVote!.run(target.ideaId, target.voterId, target.campaignId, op.value, step.valid ? 1 : 0, step.invalidReason, op.networkHash, op.deviceHash, at, at);
      if (s.insertVoter!.run(target.campaignId, target.voterId, at).changes > 0) s.countVoter!.run(target.campaignId);
    } else if (step.write === 'update') s.updateVote!.run(step.value, step.valid ? 1 : 0, step.invalidReason, at, target.ideaId, target.voterId);
    else if (step.write === 'delete') s.deleteVote!.run(target.ideaId, target.voterId);
    const context = s.campaign!.get(target.campaignId) as Omit<CampaignVoteContext, 'voteMode'>;
    const fullContext = { ...context, voteMode: target.mode };
    const next = applyDelta(stored, target.mode, step.before, step.after);
    if (next.changed) {
      const c = next.counts;
      s.updateIdea!.run(c.upCount, c.downCount, c.ratingCount, c.ratingSum, c.votersCount, rankKeyOf(c, fullContext), target.ideaId);
      if (next.ratingDelta.count !== 0 || next.ratingDelta.sum !== 0) s.rateCampaign!.run(next.ratingDelta.count, next.ratingDelta.sum, target.campaignId);
    }
    return { value: step.value, counts: next.counts, context: fullContext };
  }

  private prepared(db: SqliteHandle): Record<string, SqliteStatement> {
    let cached = this.statements.get(db);
    if (!cached) {
      const p = (sql: string) => db.prepare(sql);
      cached = {
        idea: p('SELECT "upCount", "downCount", "ratingCount", "ratingSum", "votersCount" FROM "ideas" WHERE "id" = ?'),
        vote: p('SELECT "value", "valid", "invalidReason" FROM "votes" WHERE "ideaId" = ? AND "voterId" = ?'),
        insertVote: p('INSERT INTO "votes" ("ideaId", "voterId", "campaignId", "value", "valid", "invalidReason", "networkHash", "deviceHash", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
        updateVote: p('UPDATE "votes" SET "value" = ?, "valid" = ?, "invalidReason" = ?, "updatedAt" = ? WHERE "ideaId" = ? AND "voterId" = ?'),
        deleteVote: p('DELETE FROM "votes" WHERE "ideaId" = ? AND "voterId" = ?'),
        insertVoter: p('INSERT OR IGNORE INTO "campaign_voters" ("campaignId", "voterId", "firstVotedAt") VALUES (?, ?, ?)'),
        countVoter: p('UPDATE "campaigns" SET "votersCount" = "votersCount" + 1 WHERE "id" = ?'),
        campaign: p('SELECT "votersCount", "ratingPriorMean", "ratingPriorWeight" FROM "campaigns" WHERE "id" = ?'),
        updateIdea: p('UPDATE "ideas" SET "upCount" = ?, "downCount" = ?, "ratingCount" = ?, "ratingSum" = ?, "votersCount" = ?, "rankKey" = ? WHERE "id" = ?'),
        rateCampaign: p('UPDATE "campaigns" SET "ratingsCount" = "ratingsCount" + ?, "ratingsSum" = "ratingsSum" + ? WHERE "id" = ?'),
      };
      this.statements.set(db, cached);
    }
    return cached;
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
    const next = applyDelta(locked, target.mode, step.before, step.after);
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
