import { Injectable } from '@nestjs/common';
import { EntityManager, MoreThan, MoreThanOrEqual } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { decodeCursor, Page, toPage } from '../../common/pagination/cursor';
import { UnitOfWork } from '../../database/unit-of-work';
import { UsersService } from '../users/users.service';
import { BadgeKey, badgesEarned, DAILY_CAP_WINDOW_MS, isDailyCapped, PointsReason, pointsToGrant } from './domain/awards';
import { PointsBalance, PointsEntry } from './incentives.entities';

export interface PointsResponse {
  userId: string;
  balance: number;
  /** Badges at the thresholds of ALGORITHMS.md §4, from the ledger's own record of what happened. */
  badges: BadgeKey[];
  entries: Array<{ campaignId: string | null; ideaId: string | null; reason: string; points: number; createdAt: string }>;
  nextCursor: string | null;
}

export interface ContributorRank {
  userId: string;
  /** The contributor's display name; null once the account is gone. */
  displayName: string | null;
  balance: number;
  rank: number;
}

export interface ContributorBoard {
  items: ContributorRank[];
  me: ContributorRank | null;
}

/**
 * The append-only points ledger. Every entry and its balance change commit together, so a balance
 * always equals the sum of its rows and reading one never sums them.
 */
@Injectable()
export class PointsLedgerService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly users: UsersService,
  ) {}

  /** Grants once per (user, idea, reason); participation points are capped per day. */
  async grant(manager: EntityManager, entry: { userId: string; campaignId: string; ideaId: string; reason: PointsReason; rank?: number | null }): Promise<number> {
    const { userId, ideaId, reason } = entry;
    if (await manager.existsBy(PointsEntry, { userId, ideaId, reason })) return 0;
    const now = this.clock.now();
    const today = isDailyCapped(reason) ? await this.cappedPointsSince(manager, userId, new Date(now.getTime() - DAILY_CAP_WINDOW_MS)) : 0;
    const points = pointsToGrant(reason, entry.rank ?? null, today);
    const row: PointsEntry = { id: newId(), userId, campaignId: entry.campaignId, ideaId, reason, points, createdAt: now };
    await manager.createQueryBuilder().insert().into(PointsEntry).values(row).updateEntity(false).execute();
    await this.addToBalance(manager, userId, points);
    return points;
  }

  /** One statement whether or not the user has a balance yet; the row stays locked until the entry commits with it. */
  private async addToBalance(manager: EntityManager, userId: string, points: number): Promise<void> {
    const driver = manager.connection.driver;
    const [user, amount] = [driver.createParameter('userId', 0), driver.createParameter('points', 1)];
    await manager.query(
      `INSERT INTO "points_balances" ("userId", "balance") VALUES (${user}, ${amount})
       ON CONFLICT ("userId") DO UPDATE SET "balance" = "points_balances"."balance" + excluded."balance"`,
      [userId, points],
    );
  }

  private async cappedPointsSince(manager: EntityManager, userId: string, since: Date): Promise<number> {
    // Only entries that granted points: the partial index holds just those, at most a day's cap of them.
    const rows = await manager.find(PointsEntry, { where: { userId, reason: 'idea-published', points: MoreThan(0), createdAt: MoreThanOrEqual(since) }, select: { points: true } });
    return rows.reduce((sum, row) => sum + row.points, 0);
  }

  /** Points only for ideas that pass moderation (ALGORITHMS.md §4), in the transaction that publishes. */
  grantPublished(manager: EntityManager, idea: { id: string; authorId: string; campaignId: string }): Promise<number> {
    return this.grant(manager, { userId: idea.authorId, campaignId: idea.campaignId, ideaId: idea.id, reason: 'idea-published' });
  }

  async pointsOf(userId: string, limit = 20, cursor?: string): Promise<PointsResponse> {
    const balance = (await this.uow.manager.findOneBy(PointsBalance, { userId }))?.balance ?? 0;
    const position = decodeCursor(cursor);
    const qb = this.uow.manager.createQueryBuilder(PointsEntry, 'p').where('p.userId = :userId', { userId });
    if (position) qb.andWhere('(p.createdAt < :at OR (p.createdAt = :at AND p.id < :id))', { at: new Date(Number(position.key)), id: position.id });
    const rows = await qb.orderBy('p.createdAt', 'DESC').addOrderBy('p.id', 'DESC').take(limit + 1).getMany();
    const page: Page<PointsResponse['entries'][number]> = toPage(
      rows,
      limit,
      (r) => ({ campaignId: r.campaignId, ideaId: r.ideaId, reason: r.reason, points: r.points, createdAt: r.createdAt.toISOString() }),
      (r) => ({ key: r.createdAt.getTime(), id: r.id }),
    );
    return { userId, balance, badges: await this.badgesOf(userId), entries: page.items, nextCursor: page.nextCursor };
  }

  private async badgesOf(userId: string): Promise<BadgeKey[]> {
    const rows: Array<{ reason: string; n: number | string }> = await this.uow.manager
      .createQueryBuilder(PointsEntry, 'p')
      .select('p.reason', 'reason')
      .addSelect('COUNT(*)', 'n')
      .where('p.userId = :userId', { userId })
      .groupBy('p.reason')
      .getRawMany();
    const count = (reason: PointsReason) => Number(rows.find((r) => r.reason === reason)?.n ?? 0);
    const none = { publishedIdeas: 0, shortlistedIdeas: 0, wins: 0 };
    return badgesEarned(none, { publishedIdeas: count('idea-published'), shortlistedIdeas: count('idea-shortlisted'), wins: count('idea-won') });
  }

  /** A campaign's contributors by the points they earned in it: top ten and the caller's own rank. */
  async campaignContributors(campaignId: string, userId: string | undefined): Promise<ContributorBoard> {
    const rows: Array<{ userId: string; total: number | string }> = await this.uow.manager
      .createQueryBuilder(PointsEntry, 'p')
      .select('p.userId', 'userId')
      .addSelect('SUM(p.points)', 'total')
      .where('p.campaignId = :campaignId', { campaignId })
      .groupBy('p.userId')
      .orderBy('total', 'DESC')
      .addOrderBy('p.userId', 'ASC')
      .getRawMany();
    const ranked = rows.map((row, index) => ({ userId: row.userId, balance: Number(row.total), rank: index + 1 }));
    const me = userId ? (ranked.find((row) => row.userId === userId) ?? { userId, balance: 0, rank: ranked.length + 1 }) : null;
    return this.named(ranked.slice(0, 10), me);
  }

  /** The top ten by balance and the caller's own rank (one indexed count, not a sum of the ledger). */
  async contributors(userId: string | undefined): Promise<ContributorBoard> {
    const top = await this.uow.manager.find(PointsBalance, { order: { balance: 'DESC', userId: 'ASC' }, take: 10 });
    const items = top.map((row, index) => ({ userId: row.userId, balance: row.balance, rank: index + 1 }));
    if (!userId) return this.named(items, null);
    const mine = (await this.uow.manager.findOneBy(PointsBalance, { userId }))?.balance ?? 0;
    const ahead = await this.uow.manager.countBy(PointsBalance, { balance: MoreThanOrEqual(mine + 1) });
    return this.named(items, { userId, balance: mine, rank: ahead + 1 });
  }

  /** A board as people read it: each contributor by the name they chose to show, read in one query. */
  private async named(items: Array<Omit<ContributorRank, 'displayName'>>, me: Omit<ContributorRank, 'displayName'> | null): Promise<ContributorBoard> {
    const names = await this.users.displayNames([...items, ...(me ? [me] : [])].map((row) => row.userId));
    const withName = (row: Omit<ContributorRank, 'displayName'>): ContributorRank => ({ ...row, displayName: names.get(row.userId) ?? null });
    return { items: items.map(withName), me: me && withName(me) };
  }
}
