import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn } from '../../database/json-column';

/** One vote per (idea, voter): the primary key is the database's guarantee, not the service's. */
@Entity('votes')
export class Vote {
  @PrimaryColumn('varchar', { length: 36 }) ideaId!: string;
  @PrimaryColumn('varchar', { length: 36 }) voterId!: string;
  @Column('varchar', { length: 36 }) campaignId!: string;
  /** 1 for an up-vote, -1 for a down-vote, 1–5 for a rating. */
  @Column('integer') value!: number;
  /** Invalid votes are kept with their reason and left out of every tally. */
  @Column('boolean', { default: true }) valid!: boolean;
  @Column('text', { nullable: true }) invalidReason!: string | null;
  /** Salted hashes, never raw addresses: enough to see clusters, not to find anyone. */
  @Column('varchar', { length: 64, nullable: true }) networkHash!: string | null;
  @Column('varchar', { length: 64, nullable: true }) deviceHash!: string | null;
  @DateColumn() createdAt!: Date;
  @DateColumn() updatedAt!: Date;
}

/** A voter the campaign's owner excluded: their votes there count for nothing, now and later. */
@Entity('vote_exclusions')
export class VoteExclusion {
  @PrimaryColumn('varchar', { length: 36 }) campaignId!: string;
  @PrimaryColumn('varchar', { length: 36 }) voterId!: string;
  @Column('text') reason!: string;
  @Column('varchar', { length: 36 }) excludedById!: string;
  @DateColumn() createdAt!: Date;
}
