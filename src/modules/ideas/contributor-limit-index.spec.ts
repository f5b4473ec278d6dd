import { DataSource } from 'typeorm';
import { queryPlan } from '../../database/query-plan.fixture';
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

  it('plans the count of an author\'s ideas in a campaign on IDX_ideas_author_status, from the index alone on SQLite', async () => {
    const plan = await queryPlan(ds, {
      sqlite: { sql: CONTRIBUTOR_IDEAS_SQL, parameters: ['c', 'a', 10] },
      postgres: `SELECT COUNT(*) FROM "ideas" WHERE "campaignId" = 'c' AND "authorId" = 'a' AND "status" IN ('pending', 'published')`,
    });
    expect(plan).toContain(ds.driver.options.type === 'postgres' ? 'IDX_ideas_author_status' : 'COVERING INDEX IDX_ideas_author_status');
  });
});
