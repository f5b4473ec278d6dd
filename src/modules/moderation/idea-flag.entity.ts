import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn, DoubleColumn } from '../../database/json-column';

export const FLAG_REASONS = ['spam', 'offensive', 'duplicate', 'off-topic', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
/** open until a moderator decides the idea: confirmed when it is rejected or merged, overturned when it is published again. */
export type FlagOutcome = 'open' | 'confirmed' | 'overturned';

/** One flag per person per idea (unique index); its weight is the flagger's reputation when flagging. */
@Entity('idea_flags')
export class IdeaFlag {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) ideaId!: string;
  @Column('varchar', { length: 36 }) campaignId!: string;
  @Column('varchar', { length: 36 }) flaggerId!: string;
  @Column('varchar', { length: 32 }) reason!: FlagReason;
  @Column('text', { nullable: true }) note!: string | null;
  @DoubleColumn() weight!: number;
  @Column('varchar', { length: 32, default: 'open' }) outcome!: FlagOutcome;
  @DateColumn() createdAt!: Date;
  @DateColumn({ nullable: true }) resolvedAt!: Date | null;
}

/** The author of a merged duplicate, credited on the original (ALGORITHMS.md §2). */
@Entity('idea_contributors')
export class IdeaContributor {
  @PrimaryColumn('varchar', { length: 36 }) ideaId!: string;
  @PrimaryColumn('varchar', { length: 36 }) userId!: string;
  @Column('varchar', { length: 36, nullable: true }) viaIdeaId!: string | null;
  @DateColumn() createdAt!: Date;
}
