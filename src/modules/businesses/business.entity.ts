import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn } from '../../database/json-column';

export const SECTORS = ['kuliner', 'kerajinan', 'fashion', 'agribisnis', 'jasa', 'lainnya'] as const;
export const SCALES = ['mikro', 'kecil', 'menengah'] as const;
export type Sector = (typeof SECTORS)[number];
export type Scale = (typeof SCALES)[number];

@Entity('businesses')
export class Business {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('text') name!: string;
  @Column('varchar', { length: 32 }) sector!: Sector;
  @Column('varchar', { length: 32 }) scale!: Scale;
  @Column('text') region!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('varchar', { length: 36, nullable: true }) communityId!: string | null;
  @DateColumn() createdAt!: Date;
}

@Entity('business_owners')
export class BusinessOwner {
  @PrimaryColumn('varchar', { length: 36 }) businessId!: string;
  @PrimaryColumn('varchar', { length: 36 }) userId!: string;
  @DateColumn() createdAt!: Date;
}

@Entity('communities')
export class Community {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('text') name!: string;
  @Column('simple-json') regions!: string[];
  @Column('varchar', { length: 36 }) coordinatorId!: string;
  @DateColumn() createdAt!: Date;
}
