import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnHelpers, foreignKey } from '../column-types';

/**
 * Why: training programs and their cohorts, trainers and participants, the instruments a cohort
 * answers (pre/post tests, surveys, KPI check-ins) and one response per participant per instrument,
 * for the evaluation loop of PRODUCT.md. Communities already exist in the core schema.
 */
export class TrainingSchema1763860000000 implements MigrationInterface {
  name = 'TrainingSchema1763860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'programs',
        columns: [c.id(), c.text('title'), c.text('description', true), c.json('topics'), c.short('phase', 'discussion'), c.ref('needsCampaignId', true), c.ref('createdById'), c.date('createdAt'), c.date('updatedAt')],
        foreignKeys: [foreignKey('needsCampaignId', 'campaigns', 'SET NULL'), foreignKey('createdById', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'program_trainers',
        columns: [{ ...c.ref('programId'), isPrimary: true }, { ...c.ref('userId'), isPrimary: true }, c.date('createdAt')],
        indices: [new TableIndex({ name: 'IDX_program_trainers_user', columnNames: ['userId'] })],
        foreignKeys: [foreignKey('programId', 'programs'), foreignKey('userId', 'users')],
      }),
    );
    await this.createCohortTables(queryRunner);
    await this.createInstrumentTables(queryRunner);
  }

  private async createCohortTables(queryRunner: QueryRunner): Promise<void> {
    const c = columnHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'cohorts',
        columns: [
          c.id(), c.ref('programId'), c.text('name'), c.date('startsAt', true), c.date('endsAt', true), c.ref('previousCohortId', true),
          c.ref('feedbackCampaignId', true), c.ref('feedbackLinkedById', true), c.json('improvementActions'), c.ref('createdById'), c.date('createdAt'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_cohorts_program', columnNames: ['programId', 'createdAt'] }),
          new TableIndex({ name: 'IDX_cohorts_previous', columnNames: ['previousCohortId'] }),
        ],
        foreignKeys: [
          foreignKey('programId', 'programs'), foreignKey('previousCohortId', 'cohorts', 'SET NULL'), foreignKey('feedbackCampaignId', 'campaigns', 'SET NULL'),
          foreignKey('feedbackLinkedById', 'users', 'SET NULL'), foreignKey('createdById', 'users'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cohort_participants',
        columns: [{ ...c.ref('cohortId'), isPrimary: true }, { ...c.ref('userId'), isPrimary: true }, c.ref('businessId', true), c.date('enrolledAt')],
        indices: [
          new TableIndex({ name: 'IDX_cohort_participants_user', columnNames: ['userId'] }),
          new TableIndex({ name: 'IDX_cohort_participants_business', columnNames: ['businessId'] }),
        ],
        foreignKeys: [foreignKey('cohortId', 'cohorts'), foreignKey('userId', 'users'), foreignKey('businessId', 'businesses', 'SET NULL')],
      }),
    );
  }

  private async createInstrumentTables(queryRunner: QueryRunner): Promise<void> {
    const c = columnHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'instruments',
        columns: [
          c.id(), c.ref('cohortId'), c.short('kind'), c.text('title'), { ...c.short('timepoint'), isNullable: true }, { ...c.short('slot'), isNullable: true },
          c.date('opensAt', true), c.date('closesAt', true), c.json('items'), c.ref('createdById'), c.date('createdAt'),
        ],
        indices: [
          // NULL slots (surveys) never collide, on SQLite and PostgreSQL alike.
          new TableIndex({ name: 'UQ_instruments_cohort_slot', columnNames: ['cohortId', 'slot'], isUnique: true }),
          new TableIndex({ name: 'IDX_instruments_cohort', columnNames: ['cohortId', 'createdAt'] }),
        ],
        foreignKeys: [foreignKey('cohortId', 'cohorts'), foreignKey('createdById', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'instrument_responses',
        columns: [c.id(), c.ref('instrumentId'), c.ref('cohortId'), c.ref('participantId'), c.json('answers'), c.date('submittedAt'), c.date('updatedAt')],
        indices: [
          new TableIndex({ name: 'UQ_instrument_responses_participant', columnNames: ['instrumentId', 'participantId'], isUnique: true }),
          new TableIndex({ name: 'IDX_instrument_responses_cohort', columnNames: ['cohortId'] }),
        ],
        foreignKeys: [foreignKey('instrumentId', 'instruments'), foreignKey('cohortId', 'cohorts'), foreignKey('participantId', 'users')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['instrument_responses', 'instruments', 'cohort_participants', 'cohorts', 'program_trainers', 'programs']) {
      await queryRunner.dropTable(table);
    }
  }
}
