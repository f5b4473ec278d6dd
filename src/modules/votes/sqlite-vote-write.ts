import { sqliteProcedure } from '../../database/sqlite-procedure';
import { preparedStatements, sqliteDate } from '../../database/sqlite-statements';
import type { SqliteHandle } from '../../database/unit-of-work';
import { CampaignVoteContext, IdeaCounts, rankKeyOf, VoteMode } from '../ideas/domain/idea-score';
import type { CampaignStatus } from '../campaigns/domain/lifecycle';
import { decideVote, VoteRefusalCode } from './domain/vote-gate';
import { plan, VoteOperation } from './domain/vote-plan';
import { applyVoteChange } from './domain/vote-values';
import { readVoteGate, voteGateSql, VoteGateRow } from './vote-gate-query';

// This module runs on the SQLite write thread as well as in the service: it imports pure code only.

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

export interface VoteWrite {
  target: VoteTarget;
  op: VoteOperation;
}

/** A voter's cast (with where it came from, hashed) or retraction, before anything is known of the idea. */
export interface VoteRequest {
  ideaId: string;
  voterId: string;
  at: Date;
  /** Null for a retraction. */
  cast: { value: number; networkHash: string; deviceHash: string } | null;
}

export type VoteResult =
  | { kind: 'applied'; campaignId: string; voteMode: VoteMode; outcome: VoteOutcome }
  | { kind: 'refuse'; code: VoteRefusalCode; params?: Record<string, string> }
  | { kind: 'deadline-due'; campaignId: string; dueStatus: CampaignStatus };

/** What a vote's transaction does after reading its gate: write the vote, or leave without writing. */
export type VoteStep = { kind: 'write'; write: VoteWrite } | Exclude<VoteResult, { kind: 'applied' }>;

/** Decides on a vote from its gate, read in the same transaction; an excluded voter's cast is written invalid. */
export function voteStepOf(gateRow: VoteGateRow | undefined, request: VoteRequest): VoteStep {
  const decision = decideVote(readVoteGate(gateRow), request.voterId, request.cast?.value ?? null, request.at);
  if (decision.kind !== 'accept') return decision;
  const { gate } = decision;
  const target: VoteTarget = { ideaId: gate.ideaId, campaignId: gate.campaignId, voterId: request.voterId, mode: gate.voteMode, at: request.at };
  const op: VoteOperation = request.cast ? { kind: 'cast', ...request.cast, invalidReason: gate.exclusionReason } : { kind: 'retract' };
  return { kind: 'write', write: { target, op } };
}

export function appliedVote({ target }: VoteWrite, outcome: VoteOutcome): VoteResult {
  return { kind: 'applied', campaignId: target.campaignId, voteMode: target.mode, outcome };
}

const statements = preparedStatements({
  gate: voteGateSql(() => '?'),
  idea: 'SELECT "upCount", "downCount", "ratingCount", "ratingSum", "votersCount" FROM "ideas" WHERE "id" = ?',
  vote: 'SELECT "value", "valid", "invalidReason" FROM "votes" WHERE "ideaId" = ? AND "voterId" = ?',
  insertVote: 'INSERT INTO "votes" ("ideaId", "voterId", "campaignId", "value", "valid", "invalidReason", "networkHash", "deviceHash", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  updateVote: 'UPDATE "votes" SET "value" = ?, "valid" = ?, "invalidReason" = ?, "updatedAt" = ? WHERE "ideaId" = ? AND "voterId" = ?',
  deleteVote: 'DELETE FROM "votes" WHERE "ideaId" = ? AND "voterId" = ?',
  insertVoter: 'INSERT OR IGNORE INTO "campaign_voters" ("campaignId", "voterId", "firstVotedAt") VALUES (?, ?, ?)',
  countVoter: 'UPDATE "campaigns" SET "votersCount" = "votersCount" + 1 WHERE "id" = ?',
  campaign: 'SELECT "votersCount", "ratingPriorMean", "ratingPriorWeight" FROM "campaigns" WHERE "id" = ?',
  updateIdea: 'UPDATE "ideas" SET "upCount" = ?, "downCount" = ?, "ratingCount" = ?, "ratingSum" = ?, "votersCount" = ?, "rankKey" = ? WHERE "id" = ?',
  rateCampaign: 'UPDATE "campaigns" SET "ratingsCount" = "ratingsCount" + ?, "ratingsSum" = "ratingsSum" + ? WHERE "id" = ?',
});

/** A vote and its tally as prepared statements: the hot path measured in bench/. */
function applyVoteOnSqlite(db: SqliteHandle, { target, op }: VoteWrite): VoteOutcome {
  const s = statements(db);
  const stored = s.idea.get(target.ideaId) as IdeaCounts | undefined;
  if (!stored) throw new Error(`idea ${target.ideaId} vanished`);
  const row = s.vote.get(target.ideaId, target.voterId) as { value: number; valid: number; invalidReason: string | null } | undefined;
  const step = plan(op, row ? { value: row.value, valid: row.valid === 1, invalidReason: row.invalidReason } : null);
  const at = sqliteDate(target.at);
  if (step.write === 'insert' && op.kind === 'cast') {
    s.insertVote.run(target.ideaId, target.voterId, target.campaignId, op.value, step.valid ? 1 : 0, step.invalidReason, op.networkHash, op.deviceHash, at, at);
    if (s.insertVoter.run(target.campaignId, target.voterId, at).changes > 0) s.countVoter.run(target.campaignId);
  } else if (step.write === 'update') s.updateVote.run(step.value, step.valid ? 1 : 0, step.invalidReason, at, target.ideaId, target.voterId);
  else if (step.write === 'delete') s.deleteVote.run(target.ideaId, target.voterId);
  const context = { ...(s.campaign.get(target.campaignId) as Omit<CampaignVoteContext, 'voteMode'>), voteMode: target.mode };
  const next = applyVoteChange(stored, target.mode, step.before, step.after);
  if (next.changed) {
    const c = next.counts;
    s.updateIdea.run(c.upCount, c.downCount, c.ratingCount, c.ratingSum, c.votersCount, rankKeyOf(c, context), target.ideaId);
    if (next.ratingDelta.count !== 0 || next.ratingDelta.sum !== 0) s.rateCampaign.run(next.ratingDelta.count, next.ratingDelta.sum, target.campaignId);
  }
  return { value: step.value, counts: next.counts, context };
}

/**
 * A vote on the write thread: the gate is read in the vote's own transaction, on the connection whose
 * pages stay warm between commits, so nothing can change between the check and the write.
 */
export function voteOnSqlite(db: SqliteHandle, request: VoteRequest): VoteResult {
  const step = voteStepOf(statements(db).gate.get(request.voterId, request.voterId, request.voterId, request.ideaId) as VoteGateRow | undefined, request);
  return step.kind === 'write' ? appliedVote(step.write, applyVoteOnSqlite(db, step.write)) : step;
}

export const VOTE_ON_SQLITE = sqliteProcedure(__filename, 'voteOnSqlite', voteOnSqlite);
