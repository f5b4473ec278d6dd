import { DataSource } from 'typeorm';
import { openTestDatabase } from '../../database/test-database.fixture';
import { CONTRIBUTOR_IDEAS_SQL } from './sqlite-idea-write';

/**
 * Every submission counts the author's ideas that count toward the campaign's limit; with the status
 * in the author index that count never reads the ideas' rows, however many the limit allows.
 */
describe('the contributor limit reads the author-status index', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ ds, drop } = await openTestDatabase('limit')));
  afterAll(() => drop());

  it('plans the count of an author\'s ideas in a campaign on IDX_ideas_author_status', async () => {
    if (ds.driver.options.type === 'postgres') {
      const runner = ds.createQueryRunner();
      try {
        // An empty table is cheapest to scan whole; without that choice the planner shows which index fits the query.
        await runner.query('SET enable_seqscan = off');
        const plan: Array<{ 'QUERY PLAN': string }> = await runner.query(
          `EXPLAIN SELECT COUNT(*) FROM "ideas" WHERE "campaignId" = 'c' AND "authorId" = 'a' AND "status" IN ('pending', 'published')`,
        );
        expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('IDX_ideas_author_status');
      } finally {
        await runner.query('RESET enable_seqscan');
        await runner.release();
      }
      return;
    }
    const plan = await ds.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${CONTRIBUTOR_IDEAS_SQL}`, ['c', 'a', 10]);
    expect(plan.map((row) => row.detail).join('\n')).toContain('COVERING INDEX IDX_ideas_author_status');
  });
});
