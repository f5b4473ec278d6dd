import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { shinglesOf } from '../../modules/quality-control/domain/text-normalization';
import { columnHelpers, foreignKey } from '../column-types';

interface StoredIdea {
  id: string;
  campaignId: string;
  title: string;
  description: string;
  status: string;
  submittedAt: Date | string;
}

/**
 * Why: quality control and moderation (PRODUCT.md "Rules that must hold", ALGORITHMS.md §1–2) need
 * per-idea 5-gram fingerprints so every instance can rebuild its near-duplicate index from the
 * database, a per-campaign version that orders fingerprint writes across instances, beta reputation
 * per contributor, an append-only audit of every moderation decision, flags, co-contributors of merged
 * duplicates, and notifications so nobody's idea changes status silently. Ideas stored before it get
 * their fingerprints here, or the near-duplicate check would never see them.
 */
export class QualityControlSchema1763840000000 implements MigrationInterface {
  name = 'QualityControlSchema1763840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnHelpers(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'idea_fingerprints',
        columns: [
          { ...c.ref('ideaId'), isPrimary: true }, c.ref('campaignId'), { name: 'version', type: 'integer' }, c.bool('active', true),
          c.json('grams'), c.date('submittedAt'), c.date('updatedAt'),
        ],
        // Each instance catches up on a campaign by reading the fingerprints written after the version it holds.
        indices: [new TableIndex({ name: 'IDX_idea_fingerprints_campaign_version', columnNames: ['campaignId', 'version'] })],
        foreignKeys: [foreignKey('ideaId', 'ideas'), foreignKey('campaignId', 'campaigns')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'campaign_fingerprint_versions',
        columns: [{ ...c.ref('campaignId'), isPrimary: true }, { name: 'version', type: 'integer', default: 0 }],
        foreignKeys: [foreignKey('campaignId', 'campaigns')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'contributor_reputation',
        columns: [{ ...c.ref('userId'), isPrimary: true }, c.int('good'), c.int('bad'), c.date('updatedAt')],
        foreignKeys: [foreignKey('userId', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'moderation_audit',
        columns: [
          c.id(), c.ref('ideaId'), c.ref('campaignId'), c.ref('actorId', true), { ...c.short('fromStatus'), isNullable: true }, c.short('toStatus'),
          c.short('decision'), c.text('reason', true), c.ref('duplicateOfId', true), c.date('at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_moderation_audit_idea', columnNames: ['ideaId', 'at'] }),
          new TableIndex({ name: 'IDX_moderation_audit_campaign', columnNames: ['campaignId', 'at'] }),
        ],
        foreignKeys: [foreignKey('ideaId', 'ideas'), foreignKey('campaignId', 'campaigns'), foreignKey('actorId', 'users', 'SET NULL')],
      }),
    );
    await this.createModerationTables(queryRunner);
    await this.fingerprintExistingIdeas(queryRunner);
  }

  /** Versions 1…n per campaign in submission order, as if each idea had been recorded when it came in. */
  private async fingerprintExistingIdeas(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    const p = (n: number) => Array.from({ length: n }, (_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
    const ideas = (await queryRunner.query(
      'SELECT "id", "campaignId", "title", "description", "status", "submittedAt" FROM "ideas" ORDER BY "campaignId", "submittedAt", "id"',
    )) as StoredIdea[];
    const versions = new Map<string, number>();
    for (const idea of ideas) {
      const version = (versions.get(idea.campaignId) ?? 0) + 1;
      versions.set(idea.campaignId, version);
      const active = !['rejected', 'duplicate'].includes(idea.status);
      const grams = JSON.stringify([...shinglesOf(`${idea.title} ${idea.description}`)]);
      await queryRunner.query(
        `INSERT INTO "idea_fingerprints" ("ideaId", "campaignId", "version", "active", "grams", "submittedAt", "updatedAt") VALUES (${p(7)})`,
        [idea.id, idea.campaignId, version, postgres ? active : Number(active), grams, idea.submittedAt, idea.submittedAt],
      );
    }
    for (const [campaignId, version] of versions) {
      await queryRunner.query(`INSERT INTO "campaign_fingerprint_versions" ("campaignId", "version") VALUES (${p(2)})`, [campaignId, version]);
    }
  }

  private async createModerationTables(queryRunner: QueryRunner): Promise<void> {
    const c = columnHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'idea_flags',
        columns: [
          c.id(), c.ref('ideaId'), c.ref('campaignId'), c.ref('flaggerId'), c.short('reason'), c.text('note', true), c.double('weight'),
          c.short('outcome', 'open'), c.date('createdAt'), c.date('resolvedAt', true),
        ],
        // One flag per person per idea is the database's guarantee.
        indices: [
          new TableIndex({ name: 'UQ_idea_flags_idea_flagger', columnNames: ['ideaId', 'flaggerId'], isUnique: true }),
          new TableIndex({ name: 'IDX_idea_flags_idea_outcome', columnNames: ['ideaId', 'outcome'] }),
        ],
        foreignKeys: [foreignKey('ideaId', 'ideas'), foreignKey('campaignId', 'campaigns'), foreignKey('flaggerId', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'idea_contributors',
        columns: [{ ...c.ref('ideaId'), isPrimary: true }, { ...c.ref('userId'), isPrimary: true }, c.ref('viaIdeaId', true), c.date('createdAt')],
        indices: [new TableIndex({ name: 'IDX_idea_contributors_user', columnNames: ['userId'] })],
        foreignKeys: [foreignKey('ideaId', 'ideas'), foreignKey('userId', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [c.id(), c.ref('userId'), c.short('kind'), c.json('payload'), c.date('createdAt'), c.date('readAt', true)],
        indices: [new TableIndex({ name: 'IDX_notifications_user_created', columnNames: ['userId', 'createdAt', 'id'] })],
        foreignKeys: [foreignKey('userId', 'users')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'idea_contributors', 'idea_flags', 'moderation_audit', 'contributor_reputation', 'campaign_fingerprint_versions', 'idea_fingerprints']) {
      await queryRunner.dropTable(table);
    }
  }
}
