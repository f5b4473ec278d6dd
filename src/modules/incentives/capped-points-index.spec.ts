import { DataSource } from 'typeorm';
import { openTestDatabase } from '../../database/test-database.fixture';
import { CAPPED_SINCE_SQL } from './sqlite-points-write';

/**
 * The daily cap's sum reads only the entries that granted points, through the partial index, never
 * every entry of the user's day: a contributor past the cap adds zero-point entries with each idea.
 */
describe('the daily cap reads the capped-points index', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ ds, drop } = await openTestDatabase('cap')));
  afterAll(() => drop());

  it('plans the sum of a user\'s capped points on IDX_points_ledger_capped', async () => {
    if (ds.driver.options.type === 'postgres') {
      const runner = ds.createQueryRunner();
      try {
        // An empty table is cheapest to scan whole; without that choice the planner shows which index fits the query.
        await runner.query('SET enable_seqscan = off');
        const plan: Array<{ 'QUERY PLAN': string }> = await runner.query(
          `EXPLAIN SELECT COALESCE(SUM("points"), 0) FROM "points_ledger" WHERE "userId" = 'u' AND "reason" = 'idea-published' AND "points" > 0 AND "createdAt" >= now()`,
        );
        expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('IDX_points_ledger_capped');
      } finally {
        await runner.query('RESET enable_seqscan');
        await runner.release();
      }
      return;
    }
    const plan = await ds.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${CAPPED_SINCE_SQL}`, ['u', '2026-03-01 00:00:00.000']);
    expect(plan.map((row) => row.detail).join('\n')).toContain('IDX_points_ledger_capped');
  });
});
