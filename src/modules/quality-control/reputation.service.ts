import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { preparedStatements } from '../../database/sqlite-statements';
import { UnitOfWork } from '../../database/unit-of-work';
import { UsersService } from '../users/users.service';
import { ContributorReputation } from './contributor-reputation.entity';
import { betaReputation, flagWeight, OUTCOME_EVIDENCE, ReputationEvidence, ReputationOutcome, requiresPreModeration } from './domain/reputation';

export interface ReputationResponse extends ReputationEvidence {
  userId: string;
  reputation: number;
}

const evidenceStatement = preparedStatements({ get: 'SELECT "good", "bad" FROM "contributor_reputation" WHERE "userId" = ?' });

/** Beta reputation per contributor (ALGORITHMS.md §2): trust for moderation, kept apart from points. */
@Injectable()
export class ReputationService {
  constructor(private readonly uow: UnitOfWork, private readonly users: UsersService, private readonly clock: Clock) {}

  async evidenceOf(userId: string, manager: EntityManager = this.uow.manager): Promise<ReputationEvidence> {
    // Every submission asks; on SQLite (one connection) a prepared read instead of building a find.
    const row = this.uow.isSqlite
      ? (evidenceStatement(this.uow.sqliteHandle).get.get(userId) as ReputationEvidence | undefined)
      : await manager.findOneBy(ContributorReputation, { userId });
    return { good: row?.good ?? 0, bad: row?.bad ?? 0 };
  }

  async of(userId: string): Promise<ReputationResponse> {
    const evidence = await this.evidenceOf(userId);
    return { userId, ...evidence, reputation: betaReputation(evidence.good, evidence.bad) };
  }

  /** E < 0.3 after at least 3 decisions: the author's ideas wait for a moderator in every campaign. */
  async requiresPreModeration(userId: string): Promise<boolean> {
    const { good, bad } = await this.evidenceOf(userId);
    return requiresPreModeration(good, bad);
  }

  /** E of each user (0.5 for one without any outcome yet). */
  async reputationsOf(userIds: string[]): Promise<Map<string, number>> {
    const rows = userIds.length ? await this.uow.manager.findBy(ContributorReputation, { userId: In(userIds) }) : [];
    const byUser = new Map(userIds.map((id) => [id, betaReputation(0, 0)]));
    for (const row of rows) byUser.set(row.userId, betaReputation(row.good, row.bad));
    return byUser;
  }

  /** A flag weighs the flagger's E, and nothing for an account younger than a day (by the Clock). */
  async flagWeightOf(userId: string): Promise<number> {
    const [user, { good, bad }] = await Promise.all([this.users.getById(userId), this.evidenceOf(userId)]);
    return flagWeight(betaReputation(good, bad), this.clock.now().getTime() - user.createdAt.getTime());
  }

  /** Adds one outcome's evidence in the caller's transaction; concurrent outcomes add up, none is lost. */
  async record(manager: EntityManager, userId: string, outcome: ReputationOutcome): Promise<void> {
    const { good, bad } = OUTCOME_EVIDENCE[outcome];
    const now = this.clock.now();
    await manager.createQueryBuilder().insert().into(ContributorReputation).values({ userId, good: 0, bad: 0, updatedAt: now }).orIgnore().execute();
    await manager
      .createQueryBuilder()
      .update(ContributorReputation)
      .set({ good: () => `"good" + ${good}`, bad: () => `"bad" + ${bad}`, updatedAt: now })
      .where('"userId" = :userId', { userId })
      .execute();
  }
}
