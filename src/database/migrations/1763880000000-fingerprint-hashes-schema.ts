import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { hashGrams, packHashes } from '../../modules/quality-control/domain/gram-hashes';

/** Fingerprints hashed per statement while filling the new column. */
const PAGE = 500;

/**
 * Why: each near-duplicate check catches its campaign's index up on the fingerprints written since
 * the last one, and each idea's transaction re-checks those written meanwhile. Both compare only the
 * grams' hashes, yet had to parse every idea's stored grams and hash each gram again, under a burst of
 * submissions most of a submission's work. The hashes (`packHashes`) are now stored beside the grams,
 * which stay the source of the exact comparison.
 */
export class FingerprintHashesSchema1763880000000 implements MigrationInterface {
  name = 'FingerprintHashesSchema1763880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('idea_fingerprints', new TableColumn({ name: 'hashes', type: 'text', isNullable: true }));
    await this.hashStoredFingerprints(queryRunner);
    await queryRunner.changeColumn('idea_fingerprints', 'hashes', new TableColumn({ name: 'hashes', type: 'text', isNullable: false }));
  }

  private async hashStoredFingerprints(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    const [first, second] = postgres ? ['$1', '$2'] : ['?', '?'];
    let after = '';
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT "ideaId", "grams" FROM "idea_fingerprints" WHERE "ideaId" > ${first} ORDER BY "ideaId" LIMIT ${PAGE}`,
        [after],
      )) as Array<{ ideaId: string; grams: string }>;
      for (const row of rows) {
        const hashes = packHashes(hashGrams(JSON.parse(row.grams) as string[]));
        await queryRunner.query(`UPDATE "idea_fingerprints" SET "hashes" = ${first} WHERE "ideaId" = ${second}`, [hashes, row.ideaId]);
      }
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.ideaId;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('idea_fingerprints', 'hashes');
  }
}
