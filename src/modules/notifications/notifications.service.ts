import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { decodeCursor, Page, toPage } from '../../common/pagination/cursor';
import { PageQuery } from '../../common/pagination/page-query';
import { UnitOfWork } from '../../database/unit-of-work';
import { Notification, NotificationKind, NotificationPayload } from './notification.entity';

export interface NotificationResponse {
  id: string;
  kind: NotificationKind;
  payload: NotificationPayload;
  createdAt: string;
  readAt: string | null;
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
    const row = Object.assign(new Notification(), { id: newId(), userId, kind, payload, createdAt: this.clock.now(), readAt: null });
    await manager.insert(Notification, row);
  }

  /** The caller's own notifications, newest first. */
  async listMine(userId: string, query: PageQuery): Promise<Page<NotificationResponse>> {
    const limit = query.limit ?? 20;
    const cursor = decodeCursor(query.cursor);
    const qb = this.uow.manager.createQueryBuilder(Notification, 'n').where('n.userId = :userId', { userId });
    if (cursor) qb.andWhere('(n.createdAt < :at OR (n.createdAt = :at AND n.id < :id))', { at: new Date(Number(cursor.key)), id: cursor.id });
    const rows = await qb.orderBy('n.createdAt', 'DESC').addOrderBy('n.id', 'DESC').take(limit + 1).getMany();
    return toPage(rows, limit, toResponse, (row) => ({ key: row.createdAt.getTime(), id: row.id }));
  }
}
