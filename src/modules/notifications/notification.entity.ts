import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn, JsonColumn } from '../../database/json-column';

export const NOTIFICATION_KINDS = [
  'idea.approved', 'idea.rejected', 'idea.duplicate', 'idea.merged', 'idea.hidden',
  // The outcome of a campaign: a shortlist while it runs, then a win or a final result at close or cancel.
  'idea.shortlisted', 'idea.won', 'idea.result',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** Flat JSON: ids, titles and reasons a client renders in the user's language. */
export type NotificationPayload = Record<string, string | number | boolean | null>;

/** A message to one user, written in the transaction of the change it reports. */
@Entity('notifications')
export class Notification {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) userId!: string;
  @Column('varchar', { length: 32 }) kind!: NotificationKind;
  @JsonColumn() payload!: NotificationPayload;
  @DateColumn() createdAt!: Date;
  @DateColumn({ nullable: true }) readAt!: Date | null;
}
