import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { DomainEvents } from '../../common/events/domain-events';
import { newId } from '../../common/ids';
import { UnitOfWork } from '../../database/unit-of-work';
import { IdeaFeedback } from './idea.entity';
import { IdeaErrors } from './ideas.errors';
import { IdeasService } from './ideas.service';

export interface FeedbackResponse {
  id: string;
  ideaId: string;
  authorId: string;
  body: string;
  createdAt: string;
}

function toResponse(row: IdeaFeedback): FeedbackResponse {
  return { id: row.id, ideaId: row.ideaId, authorId: row.authorId, body: row.body, createdAt: row.createdAt.toISOString() };
}

/** The owner's word to a contributor: informational feedback is what keeps contributors coming back. */
@Injectable()
export class IdeaFeedbackService {
  constructor(private readonly uow: UnitOfWork, private readonly ideas: IdeasService, private readonly events: DomainEvents, private readonly clock: Clock) {}

  async give(ideaId: string, userId: string, body: string): Promise<FeedbackResponse> {
    const { idea, isOwner } = await this.ideas.access(ideaId, userId);
    if (!isOwner) throw new DomainError(IdeaErrors.IDEA_FEEDBACK_FORBIDDEN);
    const row = Object.assign(new IdeaFeedback(), { id: newId(), ideaId, authorId: userId, body: body.trim(), createdAt: this.clock.now() });
    await this.uow.run((manager) => manager.insert(IdeaFeedback, row));
    this.events.emit('idea.updated', { campaignId: idea.campaignId, ideaId, status: idea.status, title: idea.title });
    return toResponse(row);
  }

  /** Only the idea's author and the business's owners read the feedback. */
  async list(ideaId: string, userId: string): Promise<{ items: FeedbackResponse[] }> {
    const { isOwner, isAuthor } = await this.ideas.access(ideaId, userId);
    if (!isOwner && !isAuthor) throw new DomainError(IdeaErrors.IDEA_FORBIDDEN);
    const rows = await this.uow.manager.find(IdeaFeedback, { where: { ideaId }, order: { createdAt: 'ASC' } });
    return { items: rows.map(toResponse) };
  }
}
