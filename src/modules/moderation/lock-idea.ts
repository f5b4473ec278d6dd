import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { UnitOfWork } from '../../database/unit-of-work';
import { Idea } from '../ideas/idea.entity';
import { IdeaErrors } from '../ideas/ideas.errors';

/**
 * The idea's row, locked for the rest of the transaction on PostgreSQL so that two decisions (or a
 * decision and the flag that hides) on one idea take turns; SQLite's writers already do.
 */
export async function lockIdea(manager: EntityManager, uow: UnitOfWork, ideaId: string): Promise<Idea> {
  const idea = uow.isSqlite ? await manager.findOneBy(Idea, { id: ideaId }) : await manager.findOne(Idea, { where: { id: ideaId }, lock: { mode: 'pessimistic_write' } });
  if (!idea) throw new DomainError(IdeaErrors.IDEA_NOT_FOUND);
  return idea;
}
