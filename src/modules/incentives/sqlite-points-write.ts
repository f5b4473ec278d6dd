import { preparedStatements, sqliteDate } from '../../database/sqlite-statements';
import type { SqliteHandle } from '../../database/unit-of-work';
import { DAILY_CAP_WINDOW_MS, isDailyCapped, PointsReason, pointsToGrant } from './domain/awards';

// Runs on the SQLite write thread as well as in the service: it imports pure code only. The same
// steps as PointsLedgerService.grant, as prepared statements.

/** A user's capped points since a moment: only entries that granted points, which the partial index holds, at most a day's cap of them. */
export const CAPPED_SINCE_SQL = `SELECT COALESCE(SUM("points"), 0) AS "points" FROM "points_ledger" WHERE "userId" = ? AND "reason" = 'idea-published' AND "points" > 0 AND "createdAt" >= ?`;

const statements = preparedStatements({
  granted: 'SELECT 1 FROM "points_ledger" WHERE "userId" = ? AND "ideaId" = ? AND "reason" = ? LIMIT 1',
  cappedSince: CAPPED_SINCE_SQL,
  insert: 'INSERT INTO "points_ledger" ("id", "userId", "campaignId", "ideaId", "reason", "points", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
  addToBalance: `INSERT INTO "points_balances" ("userId", "balance") VALUES (?, ?)
    ON CONFLICT ("userId") DO UPDATE SET "balance" = "points_balances"."balance" + excluded."balance"`,
});

export interface PointsGrant {
  id: string;
  userId: string;
  campaignId: string;
  ideaId: string;
  reason: PointsReason;
  rank: number | null;
  at: Date;
}

/** PointsLedgerService.grant on a raw connection: once per (user, idea, reason), capped per day, the balance with the entry. */
export function grantPointsOnSqlite(db: SqliteHandle, grant: PointsGrant): number {
  const s = statements(db);
  if (s.granted.get(grant.userId, grant.ideaId, grant.reason)) return 0;
  const since = new Date(grant.at.getTime() - DAILY_CAP_WINDOW_MS);
  const today = isDailyCapped(grant.reason) ? (s.cappedSince.get(grant.userId, sqliteDate(since)) as { points: number }).points : 0;
  const points = pointsToGrant(grant.reason, grant.rank, today);
  s.insert.run(grant.id, grant.userId, grant.campaignId, grant.ideaId, grant.reason, points, sqliteDate(grant.at));
  s.addToBalance.run(grant.userId, points);
  return points;
}
