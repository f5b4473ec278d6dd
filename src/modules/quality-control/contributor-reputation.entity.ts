import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn } from '../../database/json-column';

/** Beta reputation (ALGORITHMS.md §2): good outcomes r and bad outcomes s; E = (r + 1) / (r + s + 2). */
@Entity('contributor_reputation')
export class ContributorReputation {
  @PrimaryColumn('varchar', { length: 36 }) userId!: string;
  @Column('integer', { default: 0 }) good!: number;
  @Column('integer', { default: 0 }) bad!: number;
  @DateColumn() updatedAt!: Date;
}
