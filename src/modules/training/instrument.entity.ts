import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn, JsonColumn } from '../../database/json-column';
import type { AnswerInput, InstrumentItem, InstrumentKind, KpiTimepoint } from './domain/training.types';

@Entity('instruments')
export class Instrument {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) cohortId!: string;
  @Column('varchar', { length: 32 }) kind!: InstrumentKind;
  @Column('text') title!: string;
  @Column('varchar', { length: 32, nullable: true }) timepoint!: KpiTimepoint | null;
  /**
   * 'pretest', 'posttest', 'kpi:baseline' or 'kpi:followup', unique per cohort so a cohort has one
   * of each even when two trainers race; null for surveys, of which a cohort may have several.
   */
  @Column('varchar', { length: 32, nullable: true }) slot!: string | null;
  @DateColumn({ nullable: true }) opensAt!: Date | null;
  @DateColumn({ nullable: true }) closesAt!: Date | null;
  @JsonColumn() items!: InstrumentItem[];
  @Column('varchar', { length: 36 }) createdById!: string;
  @DateColumn() createdAt!: Date;
}

/** One per participant per instrument (unique index); a later submission replaces the answers. */
@Entity('instrument_responses')
export class InstrumentResponse {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) instrumentId!: string;
  /** Denormalised so the evaluation reads a cohort's responses with one indexed query. */
  @Column('varchar', { length: 36 }) cohortId!: string;
  @Column('varchar', { length: 36 }) participantId!: string;
  @JsonColumn() answers!: AnswerInput[];
  @DateColumn() submittedAt!: Date;
  @DateColumn() updatedAt!: Date;
}
