import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvents } from '../../common/events/domain-events';
import { Idea, IdeaStatus } from '../ideas/idea.entity';
import { PointsLedgerService } from '../incentives/points-ledger.service';
import { NotificationsService } from '../notifications/notifications.service';
import { AuditDecision } from '../quality-control/moderation-audit.entity';
import { ModerationLog } from '../quality-control/moderation-log.service';
import { NearDuplicateIndex } from '../quality-control/near-duplicate-index.service';
import { QualityReport } from '../quality-control/quality-report';
import { ReputationService } from '../quality-control/reputation.service';
import { authorOutcomeOf, flaggerOutcomeOf, flagOutcomeOf, ModerationDecision } from './domain/moderation-transitions';
import { IdeaFlag } from './idea-flag.entity';

export interface TransitionRequest {
  /** The idea as read in the transaction, before the move. */
  idea: Idea;
  to: IdeaStatus;
  decision: AuditDecision;
  /** Null when the system moves the idea (flags hiding it). */
  actorId: string | null;
  reason: string | null;
  /** For a duplicate decision: the original the idea merges into. */
  original?: Idea;
}

/** What to announce once the transaction has committed. */
export interface AfterCommit {
  events: Array<() => void>;
  queued: { campaignId: string; ideaId: string; reason: string } | null;
}

/**
 * Hold reasons say why an idea waits; once published nothing waits, and the public report must not
 * keep saying that its author had a low reputation (the audit row keeps the reason).
 */
function reportAfter(idea: Idea, to: IdeaStatus): QualityReport {
  const report = idea.qualityReport as Partial<QualityReport>;
  return { duplicateOf: report.duplicateOf ?? null, similar: report.similar ?? [], violations: report.violations ?? [], holdReasons: to === 'published' ? [] : (report.holdReasons ?? []) };
}

function isModeratorDecision(decision: AuditDecision): decision is ModerationDecision {
  return decision === 'approve' || decision === 'reject' || decision === 'duplicate';
}

/**
 * One moderation move with everything that must change with it, in the caller's transaction: the
 * audit row, the idea's status and the reason its author reads, the flags and the reputations they
 * carry, the author's notification, and the near-duplicate index (last: see QualityControlService).
 */
@Injectable()
export class ModerationTransitions {
  constructor(
    private readonly log: ModerationLog,
    private readonly reputation: ReputationService,
    private readonly index: NearDuplicateIndex,
    private readonly notifications: NotificationsService,
    private readonly events: DomainEvents,
    private readonly points: PointsLedgerService,
  ) {}

  async apply(manager: EntityManager, request: TransitionRequest): Promise<AfterCommit> {
    const { idea, to, decision, actorId, reason, original } = request;
    const audit = await this.log.append(manager, {
      ideaId: idea.id, campaignId: idea.campaignId, actorId, fromStatus: idea.status, toStatus: to, decision, reason, duplicateOfId: original?.id ?? null,
    });
    const statusReason = to === 'published' ? null : reason;
    await manager.update(Idea, { id: idea.id }, { status: to, statusReason, qualityReport: reportAfter(idea, to), duplicateOfId: original?.id ?? idea.duplicateOfId, updatedAt: audit.at });
    if (isModeratorDecision(decision)) {
      await this.resolveFlags(manager, idea.id, decision, audit.at);
      const outcome = authorOutcomeOf(idea.status, decision);
      if (outcome) await this.reputation.record(manager, idea.authorId, outcome);
    }
    await this.notifyAuthors(manager, request);
    if (to === 'published') await this.points.grantPublished(manager, idea);
    if (to === 'rejected' || to === 'duplicate') await this.index.deactivate(manager, idea.id, idea.campaignId);
    return this.afterCommitOf(request);
  }

  /** Emits the events of committed moves; owners hear when their queue grows. */
  async publish(after: AfterCommit): Promise<void> {
    for (const emit of after.events) emit();
    if (after.queued) await this.log.announceQueued(after.queued.campaignId, after.queued.ideaId, after.queued.reason);
  }

  /** Open flags follow the decision: confirmed when the idea goes, overturned when it is published again. */
  private async resolveFlags(manager: EntityManager, ideaId: string, decision: ModerationDecision, at: Date): Promise<void> {
    const open = await manager.find(IdeaFlag, { where: { ideaId, outcome: 'open' } });
    if (open.length === 0) return;
    await manager.update(IdeaFlag, { ideaId, outcome: 'open' }, { outcome: flagOutcomeOf(decision), resolvedAt: at });
    for (const flag of open) await this.reputation.record(manager, flag.flaggerId, flaggerOutcomeOf(decision));
  }

  /** PRODUCT.md: nobody's idea changes silently; a merge is told to both authors. */
  private async notifyAuthors(manager: EntityManager, request: TransitionRequest): Promise<void> {
    const { idea, decision, reason, original } = request;
    const about = { ideaId: idea.id, campaignId: idea.campaignId, title: idea.title };
    switch (decision) {
      case 'approve':
        return this.notifications.notify(manager, idea.authorId, 'idea.approved', about);
      case 'reject':
        return this.notifications.notify(manager, idea.authorId, 'idea.rejected', { ...about, reason });
      case 'hide':
        return this.notifications.notify(manager, idea.authorId, 'idea.hidden', { ...about, reason });
      case 'duplicate':
        if (!original) throw new Error('a duplicate decision names its original');
        await this.notifications.notify(manager, idea.authorId, 'idea.duplicate', { ...about, reason, originalId: original.id, originalTitle: original.title });
        return this.notifications.notify(manager, original.authorId, 'idea.merged', {
          ideaId: original.id, campaignId: original.campaignId, title: original.title, duplicateId: idea.id, coContributorId: idea.authorId,
        });
      case 'hold':
        return;
    }
  }

  private afterCommitOf(request: TransitionRequest): AfterCommit {
    const { idea, to, decision, reason, original } = request;
    const { campaignId } = idea;
    const events: Array<() => void> = [];
    if (to === 'published') events.push(() => this.events.emit('idea.published', { campaignId, ideaId: idea.id, title: idea.title, authorId: idea.authorId }));
    else events.push(() => this.events.emit('idea.updated', { campaignId, ideaId: idea.id, status: to, title: idea.title }));
    // The original's tally changed with the merge; listeners refresh it like any other update.
    if (original) events.push(() => this.events.emit('idea.updated', { campaignId, ideaId: original.id, status: original.status, title: original.title }));
    const queued = decision === 'hide' ? { campaignId: idea.campaignId, ideaId: idea.id, reason: reason ?? 'flags' } : null;
    return { events, queued };
  }
}
