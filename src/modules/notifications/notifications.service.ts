import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { decodeCursor, Page, toPage } from '../../common/pagination/cursor';
import { insertRows } from '../../database/bulk-insert';
import { UnitOfWork } from '../../database/unit-of-work';
import { ListNotificationsQuery } from './dto/notification.dto';
import { Notification, NotificationKind, NotificationPayload } from './notification.entity';

export interface NotificationResponse {
  id: string;
  kind: NotificationKind;
  payload: NotificationPayload;
  createdAt: string;
  readAt: string | null;
}

export interface Notice {
  userId: string;
  kind: NotificationKind;
  payload: NotificationPayload;
}

function toResponse(row: Notification): NotificationResponse {
  return { id: row.id, kind: row.kind, payload: row.payload, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null };
}

/**
 * Tells people what happened to their ideas (PRODUCT.md: nobody's idea disappears silently). The
 * caller passes its transaction's manager, so a notice exists exactly when the change it reports does.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly uow: UnitOfWork, private readonly clock: Clock) {}

  async notify(manager: EntityManager, userId: string, kind: NotificationKind, payload: NotificationPayload): Promise<void> {
    await this.notifyAll(manager, [{ userId, kind, payload }]);
  }

  /** Many notices in the caller's transaction, in multi-row statements: a close tells up to 10,000 contributors at once. */
  async notifyAll(manager: EntityManager, notices: readonly Notice[]): Promise<void> {
    const createdAt = this.clock.now();
    const rows = notices.map((notice) => Object.assign(new Notification(), { id: newId(), ...notice, createdAt, readAt: null }));
    await insertRows(manager, Notification, rows);
  }

  /** The caller's own notifications, newest first; `unread=true` leaves out those already read. */
  async listMine(userId: string, query: ListNotificationsQuery): Promise<Page<NotificationResponse>> {
    const limit = query.limit ?? 20;
    const cursor = decodeCursor(query.cursor);
    const qb = this.uow.manager.createQueryBuilder(Notification, 'n').where('n.userId = :userId', { userId });
    if (query.unread === 'true') qb.andWhere('n.readAt IS NULL');
    if (cursor) qb.andWhere('(n.createdAt < :at OR (n.createdAt = :at AND n.id < :id))', { at: new Date(Number(cursor.key)), id: cursor.id });
    const rows = await qb.orderBy('n.createdAt', 'DESC').addOrderBy('n.id', 'DESC').take(limit + 1).getMany();
    return toPage(rows, limit, toResponse, (row) => ({ key: row.createdAt.getTime(), id: row.id }));
  }

  /**
   * Marks the caller's notifications read: the given ones, or all when no ids are given. The user is
   * part of the condition, so another user's ids change nothing and are not told apart from unknown ones;
   * a notification read earlier keeps the time it was first read.
   */
  async markRead(userId: string, ids: readonly string[] | undefined): Promise<{ updated: number }> {
    if (ids?.length === 0) return { updated: 0 };
    const readAt = this.clock.now();
    const which = { userId, readAt: IsNull(), ...(ids ? { id: In([...new Set(ids.map((id) => id.toLowerCase()))]) } : {}) };
    const result = await this.uow.run((manager) => manager.update(Notification, which, { readAt }));
    return { updated: result.affected ?? 0 };
  }
}
