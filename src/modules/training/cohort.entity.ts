import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn, JsonColumn } from '../../database/json-column';
import type { ImprovementAction } from '../evaluation/domain/improvement-actions.types';

@Entity('cohorts')
export class Cohort {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) programId!: string;
  @Column('text') name!: string;
  @DateColumn({ nullable: true }) startsAt!: Date | null;
  @DateColumn({ nullable: true }) endsAt!: Date | null;
  /** The iteration before this one, always of the same program. */
  @Column('varchar', { length: 36, nullable: true }) previousCohortId!: string | null;
  @Column('varchar', { length: 36, nullable: true }) feedbackCampaignId!: string | null;
  /** Who linked the feedback campaign: its leaderboard is read with their view of it. */
  @Column('varchar', { length: 36, nullable: true }) feedbackLinkedById!: string | null;
  /** The previous cohort's evaluation actions, frozen when this cohort was created from it. */
  @JsonColumn() improvementActions!: ImprovementAction[];
  @Column('varchar', { length: 36 }) createdById!: string;
  @DateColumn() createdAt!: Date;
}

@Entity('cohort_participants')
export class CohortParticipant {
  @PrimaryColumn('varchar', { length: 36 }) cohortId!: string;
  @PrimaryColumn('varchar', { length: 36 }) userId!: string;
  /** The business the participant named for KPIs and community analytics; an owner's own business only. */
  @Column('varchar', { length: 36, nullable: true }) businessId!: string | null;
  @DateColumn() enrolledAt!: Date;
}
