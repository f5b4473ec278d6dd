import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn } from '../../database/json-column';

/** hold: the system queued a new or revised idea; hide: flags reached the threshold; the rest are moderators' decisions. */
export const AUDIT_DECISIONS = ['hold', 'hide', 'approve', 'reject', 'duplicate'] as const;
export type AuditDecision = (typeof AUDIT_DECISIONS)[number];

/** Append-only: every moderation transition with who (null: the system), when and why. Never updated. */
@Entity('moderation_audit')
export class ModerationAudit {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) ideaId!: string;
  @Column('varchar', { length: 36 }) campaignId!: string;
  @Column('varchar', { length: 36, nullable: true }) actorId!: string | null;
  /** Null when the idea was held as it was submitted. */
  @Column('varchar', { length: 32, nullable: true }) fromStatus!: string | null;
  @Column('varchar', { length: 32 }) toStatus!: string;
  @Column('varchar', { length: 32 }) decision!: AuditDecision;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('varchar', { length: 36, nullable: true }) duplicateOfId!: string | null;
  @DateColumn() at!: Date;
}
