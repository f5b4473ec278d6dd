import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainEvents } from '../../common/events/domain-events';
import { newId } from '../../common/ids';
import { UnitOfWork } from '../../database/unit-of-work';
import { AuditDecision, ModerationAudit } from './moderation-audit.entity';

export interface AuditEntry {
  ideaId: string;
  campaignId: string;
  actorId: string | null;
  fromStatus: string | null;
  toStatus: string;
  decision: AuditDecision;
  reason: string | null;
  duplicateOfId?: string | null;
}

/** Statuses that wait for a moderator: the queue owners work through. */
export const QUEUE_STATUSES = ['pending', 'hidden'] as const;

/**
 * The moderation trail (ALGORITHMS.md §2: every transition is an append-only audit row: who, when,
 * why) and the `moderation.queue` signal to owners when an idea enters their queue.
 */
@Injectable()
export class ModerationLog {
  constructor(private readonly uow: UnitOfWork, private readonly events: DomainEvents, private readonly clock: Clock) {}

  /** Inserts only: rows are never updated or deleted. */
  async append(manager: EntityManager, entry: AuditEntry): Promise<ModerationAudit> {
    const row = Object.assign(new ModerationAudit(), { id: newId(), duplicateOfId: null, ...entry, at: this.clock.now() });
    await manager.insert(ModerationAudit, row);
    return row;
  }

  async history(ideaId: string): Promise<ModerationAudit[]> {
    return this.uow.manager.find(ModerationAudit, { where: { ideaId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** After the commit that queued the idea: tells owners (through realtime) how long their queue is. */
  async announceQueued(campaignId: string, ideaId: string, reason: string): Promise<void> {
    const row = await this.uow.manager
      .createQueryBuilder()
      .select('COUNT(*)', 'n')
      .from('ideas', 'i')
      .where('i."campaignId" = :campaignId', { campaignId })
      .andWhere('i."status" IN (:...statuses)', { statuses: QUEUE_STATUSES })
      .getRawOne<{ n: number | string }>();
    this.events.emit('moderation.queue', { campaignId, ideaId, reason, pending: Number(row?.n ?? 0) });
  }
}
