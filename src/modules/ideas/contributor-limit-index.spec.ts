import { itPlansOn } from '../../database/query-plan.fixture';
import { CONTRIBUTOR_IDEAS_SQL } from './sqlite-idea-write';

/**
 * Every submission counts the author's ideas that count toward the campaign's limit; with the status
 * in the author index that count never reads the ideas' rows, however many the limit allows.
 */
describe('the contributor limit reads the author-status index', () => {
  itPlansOn(
    "plans the count of an author's ideas in a campaign on IDX_ideas_author_status, from the index alone on SQLite",
    {
      sqlite: { sql: CONTRIBUTOR_IDEAS_SQL, parameters: ['c', 'a', 10] },
      postgres: `SELECT COUNT(*) FROM "ideas" WHERE "campaignId" = 'c' AND "authorId" = 'a' AND "status" IN ('pending', 'published')`,
    },
    { sqlite: 'COVERING INDEX IDX_ideas_author_status', postgres: 'IDX_ideas_author_status' },
  );
});
