import { sqliteProcedure } from '../../database/sqlite-procedure';
import { preparedStatements, sqliteDate } from '../../database/sqlite-statements';
import type { SqliteHandle } from '../../database/unit-of-work';
import { CampaignVoteContext, IdeaCounts, rankKeyOf, VoteMode } from '../ideas/domain/idea-score';
import { plan, VoteOperation } from './domain/vote-plan';
import { applyVoteChange } from './domain/vote-values';

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

const statements = preparedStatements({
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
export function applyVoteOnSqlite(db: SqliteHandle, { target, op }: VoteWrite): VoteOutcome {
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

export const APPLY_VOTE_ON_SQLITE = sqliteProcedure(__filename, 'applyVoteOnSqlite', applyVoteOnSqlite);
