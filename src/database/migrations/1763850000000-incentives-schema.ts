import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnHelpers, foreignKey } from '../column-types';

/**
 * Why: jury reviews, the final results written once at close, the awards, and the append-only
 * points ledger with balances kept beside it so reading a balance never sums the ledger.
 */
export class IncentivesSchema1763850000000 implements MigrationInterface {
  name = 'IncentivesSchema1763850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'idea_reviews',
        columns: [{ ...c.ref('ideaId'), isPrimary: true }, { ...c.ref('judgeId'), isPrimary: true }, c.ref('campaignId'), c.json('scores'), c.text('comment', true), c.date('createdAt'), c.date('updatedAt')],
        indices: [new TableIndex({ name: 'IDX_idea_reviews_campaign', columnNames: ['campaignId'] })],
        foreignKeys: [foreignKey('ideaId', 'ideas'), foreignKey('judgeId', 'users'), foreignKey('campaignId', 'campaigns')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'campaign_results',
        columns: [
          { ...c.ref('campaignId'), isPrimary: true }, { ...c.ref('ideaId'), isPrimary: true }, { name: 'rank', type: 'integer' },
          c.double('crowdScore'), c.double('juryScore', true), c.double('finalScore'), c.int('validVoters'),
        ],
        indices: [new TableIndex({ name: 'UQ_campaign_results_rank', columnNames: ['campaignId', 'rank'], isUnique: true })],
        foreignKeys: [foreignKey('campaignId', 'campaigns'), foreignKey('ideaId', 'ideas')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'awards',
        columns: [c.id(), c.ref('campaignId'), { name: 'rank', type: 'integer' }, c.ref('ideaId'), c.ref('userId'), { name: 'amount', type: 'bigint' }, c.short('currency', 'IDR'), c.date('createdAt')],
        indices: [new TableIndex({ name: 'UQ_awards_campaign_rank', columnNames: ['campaignId', 'rank'], isUnique: true })],
        foreignKeys: [foreignKey('campaignId', 'campaigns'), foreignKey('ideaId', 'ideas'), foreignKey('userId', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'points_ledger',
        columns: [c.id(), c.ref('userId'), c.ref('campaignId', true), c.ref('ideaId', true), c.short('reason'), { name: 'points', type: 'integer' }, c.date('createdAt')],
        indices: [
          new TableIndex({ name: 'UQ_points_ledger_once', columnNames: ['userId', 'ideaId', 'reason'], isUnique: true }),
          new TableIndex({ name: 'IDX_points_ledger_user_time', columnNames: ['userId', 'createdAt'] }),
        ],
        foreignKeys: [foreignKey('userId', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'points_balances',
        columns: [{ ...c.ref('userId'), isPrimary: true }, c.int('balance')],
        indices: [new TableIndex({ name: 'IDX_points_balances_balance', columnNames: ['balance'] })],
        foreignKeys: [foreignKey('userId', 'users')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['points_balances', 'points_ledger', 'awards', 'campaign_results', 'idea_reviews']) await queryRunner.dropTable(table);
  }
}
