import { DataSource } from 'typeorm';
import { openTestDatabase, TestDatabase } from './test-database.fixture';

/** The same query as each database's planner takes it: SQL with its parameters for SQLite, literal SQL for PostgreSQL. */
export interface PlannedQuery {
  sqlite: { sql: string; parameters: unknown[] };
  postgres: string;
}

/**
 * The plan the database makes for a query, as text. On PostgreSQL sequential scans are disabled for
 * the question: a test's nearly empty table is cheapest to scan whole, and the point is which index
 * fits the query.
 */
export async function queryPlan(ds: DataSource, query: PlannedQuery): Promise<string> {
  if (ds.driver.options.type !== 'postgres') {
    const plan = await ds.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${query.sqlite.sql}`, query.sqlite.parameters);
    return plan.map((row) => row.detail).join('\n');
  }
  const runner = ds.createQueryRunner();
  try {
    await runner.query('SET enable_seqscan = off');
    const plan = (await runner.query(`EXPLAIN ${query.postgres}`)) as Array<{ 'QUERY PLAN': string }>;
    return plan.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await runner.query('RESET enable_seqscan');
    await runner.release();
  }
}

/**
 * A spec that `query` is planned on an index, on a fresh migrated database of the configured kind:
 * the plan names `index.sqlite` on SQLite, `index.postgres` on PostgreSQL.
 */
export function itPlansOn(title: string, query: PlannedQuery, index: { sqlite: string; postgres: string }): void {
  let database: TestDatabase;
  beforeAll(async () => (database = await openTestDatabase('plan')));
  afterAll(() => database.drop());
  it(title, async () => {
    const plan = await queryPlan(database.ds, query);
    expect(plan).toContain(database.ds.driver.options.type === 'postgres' ? index.postgres : index.sqlite);
  });
}
