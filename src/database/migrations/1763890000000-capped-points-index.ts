import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const CAPPED_POINTS = 'IDX_points_ledger_capped';

/**
 * Why: every published idea sums its author's participation points of the last 24 hours for the
 * daily cap, and that sum read every entry of the day, the zero-point ones past the cap included: a
 * prolific contributor's submissions each scanned hundreds of rows. Only entries that granted points
 * count, and the cap bounds how many of those a day can hold; this partial index holds just them.
 */
export class CappedPointsIndex1763890000000 implements MigrationInterface {
  name = 'CappedPointsIndex1763890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'points_ledger',
      new TableIndex({ name: CAPPED_POINTS, columnNames: ['userId', 'createdAt'], where: `"reason" = 'idea-published' AND "points" > 0` }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('points_ledger', CAPPED_POINTS);
  }
}
