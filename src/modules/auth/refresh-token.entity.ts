import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn } from '../../database/json-column';

/** Opaque refresh tokens, stored as SHA-256 hashes; one family per login, rotated on every use. */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) userId!: string;
  @Column('varchar', { length: 36 }) familyId!: string;
  @Column('varchar', { length: 64 }) tokenHash!: string;
  @DateColumn() expiresAt!: Date;
  @DateColumn({ nullable: true }) usedAt!: Date | null;
  @DateColumn({ nullable: true }) revokedAt!: Date | null;
  @DateColumn() createdAt!: Date;
}
