import { itPlansOn } from '../../database/query-plan.fixture';
import { CAPPED_SINCE_SQL } from './sqlite-points-write';

/**
 * The daily cap's sum reads only the entries that granted points, through the partial index, never
 * every entry of the user's day: a contributor past the cap adds zero-point entries with each idea.
 */
describe('the daily cap reads the capped-points index', () => {
  itPlansOn(
    "plans the sum of a user's capped points on IDX_points_ledger_capped",
    {
      sqlite: { sql: CAPPED_SINCE_SQL, parameters: ['u', '2026-03-01 00:00:00.000'] },
      postgres: `SELECT COALESCE(SUM("points"), 0) FROM "points_ledger" WHERE "userId" = 'u' AND "reason" = 'idea-published' AND "points" > 0 AND "createdAt" >= now()`,
    },
    { sqlite: 'IDX_points_ledger_capped', postgres: 'IDX_points_ledger_capped' },
  );
});
