import { preparedStatements, sqliteDate } from '../../database/sqlite-statements';
import type { SqliteHandle } from '../../database/unit-of-work';
import { entersQueue, recheck, settledAt, unchangedFinalists } from './domain/assessment';
import { packHashes } from './domain/gram-hashes';
import type { Assessment } from './quality-report';
import { activeGramsOf, activeGramsWrittenAfter, rememberNewFingerprint } from './sqlite-fingerprints';

// Runs on the SQLite write thread as well as in the service: it imports pure code only. The same
// steps as QualityControlService.settle and recordIdea, as prepared statements.

const statements = preparedStatements({
  nextVersion: `INSERT INTO "campaign_fingerprint_versions" ("campaignId", "version") VALUES (?, 1)
    ON CONFLICT ("campaignId") DO UPDATE SET "version" = "campaign_fingerprint_versions"."version" + 1 RETURNING "version"`,
  audit: `INSERT INTO "moderation_audit" ("id", "ideaId", "campaignId", "actorId", "fromStatus", "toStatus", "decision", "reason", "duplicateOfId", "at")
    VALUES (?, ?, ?, NULL, ?, 'pending', 'hold', ?, ?, ?)`,
  fingerprint: `INSERT INTO "idea_fingerprints" ("ideaId", "campaignId", "version", "active", "grams", "hashes", "submittedAt", "updatedAt") VALUES (?, ?, ?, 1, ?, ?, ?, ?)
    ON CONFLICT ("ideaId") DO UPDATE SET "campaignId" = excluded."campaignId", "version" = excluded."version", "active" = 1,
      "grams" = excluded."grams", "hashes" = excluded."hashes", "submittedAt" = excluded."submittedAt", "updatedAt" = excluded."updatedAt"`,
});

/** QualityControlService.settle on a raw connection, inside the idea's transaction. */
export function settleOnSqlite(db: SqliteHandle, assessment: Assessment): Assessment {
  const s = statements(db);
  const { campaignId, basis } = assessment;
  const { version } = s.nextVersion.get(campaignId) as { version: number };
  const { settled, stands, missedWrites } = settledAt(assessment, version);
  if (stands) return settled;
  const written = missedWrites ? activeGramsWrittenAfter(db, campaignId, basis.seenVersion, basis.coverage) : [];
  return recheck(settled, written, activeGramsOf(db, campaignId, unchangedFinalists(assessment, written)));
}

export interface RecordedIdea {
  id: string;
  campaignId: string;
  submittedAt: Date;
  /** The id of the audit row written when the idea enters the queue. */
  auditId: string;
  at: Date;
}

/** QualityControlService.recordIdea on a raw connection: the audit row when the idea enters the queue, and its fingerprint. */
export function recordIdeaOnSqlite(db: SqliteHandle, idea: RecordedIdea, assessment: Assessment): void {
  const s = statements(db);
  const { basis, report } = assessment;
  if (basis.version === null) throw new Error('recordIdeaOnSqlite needs a settled assessment');
  const at = sqliteDate(idea.at);
  if (entersQueue(assessment)) {
    s.audit.run(idea.auditId, idea.id, idea.campaignId, assessment.fromStatus, report.holdReasons.join(', '), report.duplicateOf?.ideaId ?? null, at);
  }
  s.fingerprint.run(idea.id, idea.campaignId, basis.version, basis.gramsJson, packHashes(basis.hashes), sqliteDate(idea.submittedAt), at);
  if (assessment.fromStatus === null) {
    rememberNewFingerprint(db, idea.id, { version: basis.version, hashes: basis.hashes, submittedAt: idea.submittedAt.getTime(), reservation: basis.reservation });
  }
}
