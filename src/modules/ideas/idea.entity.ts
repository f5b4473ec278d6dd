import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn, DoubleColumn, JsonColumn } from '../../database/json-column';
import { IdeaStatus } from './domain/idea-status';

export { IDEA_STATUSES, VISIBLE_IDEA_STATUSES, VISIBLE_STATUS_SQL } from './domain/idea-status';
export type { IdeaStatus } from './domain/idea-status';

export interface QualityReport {
  duplicateOf: { ideaId: string; similarity: number } | null;
  similar: Array<{ ideaId: string; similarity: number }>;
  violations: Array<{ rule: string; message: string }>;
}

export const EMPTY_QUALITY_REPORT: QualityReport = { duplicateOf: null, similar: [], violations: [] };

@Entity('ideas')
export class Idea {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) campaignId!: string;
  @Column('varchar', { length: 36 }) authorId!: string;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @JsonColumn() tags!: string[];
  @Column('varchar', { length: 16 }) status!: IdeaStatus;
  /** SHA-256 of the normalised text: exact duplicates are refused per campaign. */
  @Column('varchar', { length: 64 }) contentHash!: string;
  @Column('integer', { default: 1 }) revision!: number;
  @Column('integer', { default: 0 }) upCount!: number;
  @Column('integer', { default: 0 }) downCount!: number;
  @Column('integer', { default: 0 }) ratingCount!: number;
  @Column('integer', { default: 0 }) ratingSum!: number;
  /** Distinct valid voters on this idea. */
  @Column('integer', { default: 0 }) votersCount!: number;
  /**
   * The ordering key of the leaderboard, kept with the tally in the vote's transaction: up-votes
   * (Wilson's bound is monotone in them for a campaign's common n), Wilson's bound for up/down, the
   * Bayesian average for ratings.
   */
  @DoubleColumn() rankKey!: number;
  @JsonColumn() qualityReport!: QualityReport;
  @Column('varchar', { length: 36, nullable: true }) duplicateOfId!: string | null;
  /** The reason a contributor sees for a rejection or a hidden idea. */
  @Column('text', { nullable: true }) statusReason!: string | null;
  @DateColumn() submittedAt!: Date;
  @DateColumn() updatedAt!: Date;
}

@Entity('idea_revisions')
export class IdeaRevision {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) ideaId!: string;
  @Column('integer') revision!: number;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @JsonColumn() tags!: string[];
  @DateColumn() createdAt!: Date;
}

@Entity('idea_feedback')
export class IdeaFeedback {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) ideaId!: string;
  @Column('varchar', { length: 36 }) authorId!: string;
  @Column('text') body!: string;
  @DateColumn() createdAt!: Date;
}
