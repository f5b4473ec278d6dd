import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn, JsonColumn } from '../../database/json-column';
import type { ProgramPhase, ProgramTopic } from './domain/training.types';

@Entity('programs')
export class Program {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('text') title!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @JsonColumn() topics!: ProgramTopic[];
  @Column('varchar', { length: 32 }) phase!: ProgramPhase;
  /** The `needs` campaign whose top-voted ideas become the topics (PRODUCT.md loop, step 1). */
  @Column('varchar', { length: 36, nullable: true }) needsCampaignId!: string | null;
  @Column('varchar', { length: 36 }) createdById!: string;
  @DateColumn() createdAt!: Date;
  @DateColumn() updatedAt!: Date;
}

@Entity('program_trainers')
export class ProgramTrainer {
  @PrimaryColumn('varchar', { length: 36 }) programId!: string;
  @PrimaryColumn('varchar', { length: 36 }) userId!: string;
  @DateColumn() createdAt!: Date;
}
