import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn, DoubleColumn } from '../../database/json-column';

@Entity('campaign_results')
export class CampaignResult {
  @PrimaryColumn('varchar', { length: 36 }) campaignId!: string;
  @PrimaryColumn('varchar', { length: 36 }) ideaId!: string;
  @Column('integer') rank!: number;
  @DoubleColumn() crowdScore!: number;
  @DoubleColumn({ nullable: true, default: null }) juryScore!: number | null;
  @DoubleColumn() finalScore!: number;
  @Column('integer', { default: 0 }) validVoters!: number;
}

@Entity('awards')
export class Award {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) campaignId!: string;
  @Column('integer') rank!: number;
  @Column('varchar', { length: 36 }) ideaId!: string;
  @Column('varchar', { length: 36 }) userId!: string;
  /** Whole rupiah; bigint comes back as text on PostgreSQL, so it is read through Number. */
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } }) amount!: number;
  @Column('varchar', { length: 32, default: 'IDR' }) currency!: 'IDR';
  @DateColumn() createdAt!: Date;
}

/** Append-only: a row is never updated or deleted; balances are derived from it. */
@Entity('points_ledger')
export class PointsEntry {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) userId!: string;
  @Column('varchar', { length: 36, nullable: true }) campaignId!: string | null;
  @Column('varchar', { length: 36, nullable: true }) ideaId!: string | null;
  @Column('varchar', { length: 32 }) reason!: string;
  @Column('integer') points!: number;
  @DateColumn() createdAt!: Date;
}

@Entity('points_balances')
export class PointsBalance {
  @PrimaryColumn('varchar', { length: 36 }) userId!: string;
  @Column('integer', { default: 0 }) balance!: number;
}
