import { sqliteProcedure } from '../../database/sqlite-procedure';
import { preparedStatements, sqliteDate } from '../../database/sqlite-statements';
import type { SqliteHandle } from '../../database/unit-of-work';
import { acceptsIdeas, type CampaignStatus } from '../campaigns/domain/lifecycle';
import { grantPointsOnSqlite } from '../incentives/sqlite-points-write';
import { recordIdeaOnSqlite, settleOnSqlite } from '../quality-control/sqlite-quality-write';
import { settledAt } from '../quality-control/domain/assessment';
import type { Assessment } from '../quality-control/quality-report';
import { STATUSES_COUNTED_IN_LIMIT } from './domain/contributor-limit';
import type { Idea } from './idea.entity';

// Runs on the SQLite write thread as well as in the service: it imports pure code only.

const COUNTED_STATUSES = `(${STATUSES_COUNTED_IN_LIMIT.map((status) => `'${status}'`).join(', ')})`;

/**
 * The author's ideas in the campaign that count toward the limit, counted up to the limit only:
 * whether it is reached is all that matters. IDX_ideas_author_status answers it from the index alone.
 */
export const CONTRIBUTOR_IDEAS_SQL = `SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "ideas" WHERE "campaignId" = ? AND "authorId" = ? AND "status" IN ${COUNTED_STATUSES} LIMIT ?)`;

const statements = preparedStatements({
  campaignStatus: 'SELECT "status" FROM "campaigns" WHERE "id" = ?',
  mine: CONTRIBUTOR_IDEAS_SQL,
  sameText: 'SELECT 1 FROM "ideas" WHERE "campaignId" = ? AND "contentHash" = ? LIMIT 1',
  insertIdea: `INSERT INTO "ideas" ("id", "campaignId", "authorId", "title", "description", "tags", "status", "contentHash", "revision", "upCount", "downCount",
    "ratingCount", "ratingSum", "votersCount", "rankKey", "qualityReport", "duplicateOfId", "statusReason", "submittedAt", "updatedAt")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, 0, 0, 0, 0, 0, ?, NULL, NULL, ?, ?)`,
  insertRevision: 'INSERT INTO "idea_revisions" ("id", "ideaId", "revision", "title", "description", "tags", "createdAt") VALUES (?, ?, 1, ?, ?, ?, ?)',
});

export type NewIdea = Pick<Idea, 'id' | 'campaignId' | 'authorId' | 'title' | 'description' | 'tags' | 'contentHash' | 'submittedAt'>;

export interface IdeaSubmission {
  idea: NewIdea;
  assessment: Assessment;
  maxIdeasPerContributor: number;
  /** Ids of the rows written with the idea, made by the caller so the procedure stays deterministic. */
  ids: { revision: string; audit: string; points: string };
}

/**
 * What settling decided: the caller still holds the assessment it sent, so the reply carries only
 * what changed, not the idea's grams and hashes back across the thread.
 */
export type SettledParts = Pick<Assessment, 'status' | 'report'> & { version: number };

export type SubmissionOutcome =
  | { stored: true; settled: SettledParts }
  | { stored: false; refusal: 'limit' | 'same-text' }
  | { stored: false; refusal: 'closed'; status: CampaignStatus | null };

/** The settled assessment from the one sent and the parts the procedure decided. */
export function settledFrom(assessment: Assessment, { status, report, version }: SettledParts): Assessment {
  return { ...settledAt(assessment, version).settled, status, report };
}

/**
 * IdeasService's submission transaction as prepared statements: the campaign still taking ideas, the
 * contributor's limit, the exact duplicate, settling the assessment against ideas written meanwhile,
 * then the idea, its first revision, its quality-control records and, when published, its points. A
 * refusal writes nothing.
 */
export function submitIdeaOnSqlite(db: SqliteHandle, { idea, assessment, maxIdeasPerContributor, ids }: IdeaSubmission): SubmissionOutcome {
  const s = statements(db);
  // The campaign was open when the request began; it may have moved on (an owner, a deadline) since.
  const campaign = s.campaignStatus.get(idea.campaignId) as { status: CampaignStatus } | undefined;
  if (!campaign || !acceptsIdeas(campaign.status)) return { stored: false, refusal: 'closed', status: campaign?.status ?? null };
  const { n } = s.mine.get(idea.campaignId, idea.authorId, maxIdeasPerContributor) as { n: number };
  if (n >= maxIdeasPerContributor) return { stored: false, refusal: 'limit' };
  if (s.sameText.get(idea.campaignId, idea.contentHash)) return { stored: false, refusal: 'same-text' };
  const settled = settleOnSqlite(db, assessment);
  const at = sqliteDate(idea.submittedAt);
  const tags = JSON.stringify(idea.tags);
  s.insertIdea.run(idea.id, idea.campaignId, idea.authorId, idea.title, idea.description, tags, settled.status, idea.contentHash, JSON.stringify(settled.report), at, at);
  s.insertRevision.run(ids.revision, idea.id, idea.title, idea.description, tags, at);
  recordIdeaOnSqlite(db, { id: idea.id, campaignId: idea.campaignId, submittedAt: idea.submittedAt, auditId: ids.audit, at: idea.submittedAt }, settled);
  if (settled.status === 'published') {
    grantPointsOnSqlite(db, { id: ids.points, userId: idea.authorId, campaignId: idea.campaignId, ideaId: idea.id, reason: 'idea-published', rank: null, at: idea.submittedAt });
  }
  return { stored: true, settled: { status: settled.status, report: settled.report, version: settled.basis.version! } };
}

export const SUBMIT_IDEA_ON_SQLITE = sqliteProcedure(__filename, 'submitIdeaOnSqlite', submitIdeaOnSqlite);
