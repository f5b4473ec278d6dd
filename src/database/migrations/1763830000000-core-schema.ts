import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnHelpers, foreignKey } from '../column-types';

/**
 * Why: the first schema of the service: accounts, businesses, campaigns with their status history,
 * ideas with revisions and feedback, and votes with tallies kept on the idea. Written with the schema
 * builder so SQLite and PostgreSQL run the same file.
 */
export class CoreSchema1763830000000 implements MigrationInterface {
  name = 'CoreSchema1763830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnHelpers(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [c.id(), c.text('displayName'), c.text('email', true), c.text('phone', true), c.text('passwordHash'), c.json('roles'), c.short('locale', 'id'), c.date('createdAt')],
        indices: [
          new TableIndex({ name: 'UQ_users_email', columnNames: ['email'], isUnique: true }),
          new TableIndex({ name: 'UQ_users_phone', columnNames: ['phone'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [c.id(), c.ref('userId'), c.ref('familyId'), { name: 'tokenHash', type: 'varchar', length: '64' }, c.date('expiresAt'), c.date('usedAt', true), c.date('revokedAt', true), c.date('createdAt')],
        indices: [
          new TableIndex({ name: 'UQ_refresh_tokens_hash', columnNames: ['tokenHash'], isUnique: true }),
          new TableIndex({ name: 'IDX_refresh_tokens_family', columnNames: ['familyId'] }),
        ],
        foreignKeys: [foreignKey('userId', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'communities',
        columns: [c.id(), c.text('name'), c.json('regions'), c.ref('coordinatorId'), c.date('createdAt')],
        foreignKeys: [foreignKey('coordinatorId', 'users', 'RESTRICT')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'businesses',
        columns: [c.id(), c.text('name'), c.short('sector'), c.short('scale'), c.text('region'), c.text('description', true), c.ref('communityId', true), c.date('createdAt')],
        indices: [new TableIndex({ name: 'IDX_businesses_community', columnNames: ['communityId'] })],
        foreignKeys: [foreignKey('communityId', 'communities', 'SET NULL')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'business_owners',
        columns: [{ ...c.ref('businessId'), isPrimary: true }, { ...c.ref('userId'), isPrimary: true }, c.date('createdAt')],
        indices: [new TableIndex({ name: 'IDX_business_owners_user', columnNames: ['userId'] })],
        foreignKeys: [foreignKey('businessId', 'businesses'), foreignKey('userId', 'users')],
      }),
    );
    await this.createCampaignTables(queryRunner);
    await this.createIdeaTables(queryRunner);
  }

  private async createCampaignTables(queryRunner: QueryRunner): Promise<void> {
    const c = columnHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'campaigns',
        columns: [
          c.id(), c.ref('businessId'), c.short('kind'), c.text('title'), c.text('problemStatement'), c.text('category'), c.short('status'),
          c.short('visibility', 'public'), c.date('submissionClosesAt'), c.date('votingClosesAt'), c.date('judgingClosesAt'),
          c.json('rules'), c.json('incentives'), c.ref('programId', true), c.ref('cohortId', true), c.ref('createdById'),
          c.int('votersCount'), c.int('ratingsCount'), c.double('ratingsSum'), c.double('ratingPriorMean'), c.double('ratingPriorWeight'),
          c.date('createdAt'), c.date('updatedAt'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_campaigns_business', columnNames: ['businessId'] }),
          new TableIndex({ name: 'IDX_campaigns_status_created', columnNames: ['status', 'createdAt'] }),
        ],
        foreignKeys: [foreignKey('businessId', 'businesses'), foreignKey('createdById', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'campaign_transitions',
        columns: [c.id(), c.ref('campaignId'), c.short('fromStatus'), c.short('toStatus'), c.ref('actorId', true), c.short('cause'), c.date('at')],
        indices: [new TableIndex({ name: 'IDX_campaign_transitions_campaign', columnNames: ['campaignId', 'at'] })],
        foreignKeys: [foreignKey('campaignId', 'campaigns')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'campaign_members',
        columns: [{ ...c.ref('campaignId'), isPrimary: true }, { ...c.ref('userId'), isPrimary: true }, { ...c.short('role'), isPrimary: true }, c.date('createdAt')],
        indices: [new TableIndex({ name: 'IDX_campaign_members_user', columnNames: ['userId'] })],
        foreignKeys: [foreignKey('campaignId', 'campaigns'), foreignKey('userId', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'campaign_voters',
        columns: [{ ...c.ref('campaignId'), isPrimary: true }, { ...c.ref('voterId'), isPrimary: true }, c.date('firstVotedAt')],
        foreignKeys: [foreignKey('campaignId', 'campaigns'), foreignKey('voterId', 'users')],
      }),
    );
  }

  private async createIdeaTables(queryRunner: QueryRunner): Promise<void> {
    const c = columnHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'ideas',
        columns: [
          c.id(), c.ref('campaignId'), c.ref('authorId'), c.text('title'), c.text('description'), c.json('tags'), c.short('status'),
          { name: 'contentHash', type: 'varchar', length: '64' }, c.int('revision', 1), c.int('upCount'), c.int('downCount'),
          c.int('ratingCount'), c.int('ratingSum'), c.int('votersCount'), c.double('rankKey'), c.json('qualityReport'),
          c.ref('duplicateOfId', true), c.text('statusReason', true), c.date('submittedAt'), c.date('updatedAt'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_ideas_campaign_hash', columnNames: ['campaignId', 'contentHash'], isUnique: true }),
          new TableIndex({ name: 'IDX_ideas_campaign_status', columnNames: ['campaignId', 'status', 'submittedAt'] }),
          new TableIndex({ name: 'IDX_ideas_author', columnNames: ['authorId', 'campaignId'] }),
        ],
        foreignKeys: [foreignKey('campaignId', 'campaigns'), foreignKey('authorId', 'users'), foreignKey('duplicateOfId', 'ideas', 'SET NULL')],
      }),
    );
    // The public orderings read only visible ideas; partial indexes in exactly the order of the
    // leaderboard and of the newest-first list let both stop after one page instead of sorting a campaign.
    await queryRunner.query(
      `CREATE INDEX "IDX_ideas_leaderboard" ON "ideas" ("campaignId", "rankKey" DESC, "votersCount" DESC, "submittedAt", "id") WHERE "status" IN ('published', 'shortlisted', 'winner')`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ideas_newest" ON "ideas" ("campaignId", "submittedAt" DESC, "id" DESC) WHERE "status" IN ('published', 'shortlisted', 'winner')`,
    );
    await queryRunner.createTable(
      new Table({
        name: 'idea_revisions',
        columns: [c.id(), c.ref('ideaId'), { name: 'revision', type: 'integer' }, c.text('title'), c.text('description'), c.json('tags'), c.date('createdAt')],
        indices: [new TableIndex({ name: 'UQ_idea_revisions', columnNames: ['ideaId', 'revision'], isUnique: true })],
        foreignKeys: [foreignKey('ideaId', 'ideas')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'idea_feedback',
        columns: [c.id(), c.ref('ideaId'), c.ref('authorId'), c.text('body'), c.date('createdAt')],
        indices: [new TableIndex({ name: 'IDX_idea_feedback_idea', columnNames: ['ideaId', 'createdAt'] })],
        foreignKeys: [foreignKey('ideaId', 'ideas'), foreignKey('authorId', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'votes',
        columns: [
          { ...c.ref('ideaId'), isPrimary: true }, { ...c.ref('voterId'), isPrimary: true }, c.ref('campaignId'),
          { name: 'value', type: 'integer' }, c.bool('valid', true), c.text('invalidReason', true),
          { name: 'networkHash', type: 'varchar', length: '64', isNullable: true }, { name: 'deviceHash', type: 'varchar', length: '64', isNullable: true },
          c.date('createdAt'), c.date('updatedAt'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_votes_campaign_time', columnNames: ['campaignId', 'createdAt'] }),
          new TableIndex({ name: 'IDX_votes_voter', columnNames: ['voterId'] }),
        ],
        foreignKeys: [foreignKey('ideaId', 'ideas'), foreignKey('voterId', 'users'), foreignKey('campaignId', 'campaigns')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['votes', 'idea_feedback', 'idea_revisions', 'ideas', 'campaign_voters', 'campaign_members', 'campaign_transitions', 'campaigns', 'business_owners', 'businesses', 'communities', 'refresh_tokens', 'users']) {
      await queryRunner.dropTable(table);
    }
  }
}
