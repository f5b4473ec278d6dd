import { readSqliteDate } from '../../database/sqlite-statements';
import type { VoteMode } from '../ideas/domain/idea-score';
import type { VoteGate } from './domain/vote-gate';

// Read inside a vote's transaction, on the SQLite write thread as well as in the service: pure code only.

/** The gate as the query returns it: the same fields, with the campaign's rules as text and dates and flags as each driver gives them. */
export type VoteGateRow = Pick<VoteGate, 'ideaId' | 'ideaStatus' | 'authorId' | 'campaignId' | 'campaignStatus' | 'visibility' | 'exclusionReason'> & {
  rules: string;
  submissionClosesAt: Date | string;
  votingClosesAt: Date | string;
  judgingClosesAt: Date | string;
  owns: number | boolean | string;
  member: number | boolean | string;
};

/** The gate's query, one indexed read instead of the idea, campaign, ownership and membership one by one; parameters: voter, voter, voter, idea. */
export function voteGateSql(placeholder: () => string): string {
  const p = placeholder;
  return `SELECT i."id" AS "ideaId", i."status" AS "ideaStatus", i."authorId", c."id" AS "campaignId", c."status" AS "campaignStatus",
              c."visibility", c."rules", c."submissionClosesAt", c."votingClosesAt", c."judgingClosesAt",
              EXISTS (SELECT 1 FROM "business_owners" o WHERE o."businessId" = c."businessId" AND o."userId" = ${p()}) AS "owns",
              EXISTS (SELECT 1 FROM "campaign_members" m WHERE m."campaignId" = c."id" AND m."userId" = ${p()}) AS "member",
              (SELECT x."reason" FROM "vote_exclusions" x WHERE x."campaignId" = c."id" AND x."voterId" = ${p()}) AS "exclusionReason"
         FROM "ideas" i JOIN "campaigns" c ON c."id" = i."campaignId" WHERE i."id" = ${p()}`;
}

/** SQLite returns its datetime text without a zone; it is UTC. PostgreSQL returns dates. */
function readDate(value: Date | string): Date {
  return value instanceof Date ? value : readSqliteDate(value);
}

/** SQLite answers EXISTS with 0/1, PostgreSQL with a boolean. */
function readFlag(value: number | boolean | string): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

export function readVoteGate(row: VoteGateRow | undefined): VoteGate | null {
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
