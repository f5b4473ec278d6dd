import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnHelpers, foreignKey } from '../column-types';

/**
 * Why: excluding a voter used to invalidate only the votes already cast, so the same account could
 * vote again on other ideas (or retract and re-cast). The exclusion itself is now stored per
 * campaign, and every later vote of that voter is recorded invalid with its reason.
 */
export class VoteExclusionsSchema1763870000000 implements MigrationInterface {
  name = 'VoteExclusionsSchema1763870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'vote_exclusions',
        columns: [{ ...c.ref('campaignId'), isPrimary: true }, { ...c.ref('voterId'), isPrimary: true }, c.text('reason'), c.ref('excludedById'), c.date('createdAt')],
        foreignKeys: [foreignKey('campaignId', 'campaigns'), foreignKey('voterId', 'users'), foreignKey('excludedById', 'users')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('vote_exclusions');
  }
}
