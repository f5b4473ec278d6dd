import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn, JsonColumn } from '../../database/json-column';

export const USER_ROLES = ['user', 'owner', 'trainer', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

@Entity('users')
export class User {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('text') displayName!: string;
  /** Lower-cased; unique when present. */
  @Column('text', { nullable: true }) email!: string | null;
  /** Digits with a leading country code, e.g. 6281234567890; unique when present. */
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text') passwordHash!: string;
  @JsonColumn() roles!: UserRole[];
  @Column('varchar', { length: 8, default: 'id' }) locale!: 'id' | 'en';
  @DateColumn() createdAt!: Date;
}
