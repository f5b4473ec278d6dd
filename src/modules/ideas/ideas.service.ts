import { Injectable } from '@nestjs/common';
import { EntityManager, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { DomainEvents } from '../../common/events/domain-events';
import { newId } from '../../common/ids';
import { CursorPosition, decodeCursor, Page, toPage } from '../../common/pagination/cursor';
import { isUniqueViolation } from '../../database/unique-violation';
import { UnitOfWork } from '../../database/unit-of-work';
import { Campaign } from '../campaigns/campaign.entity';
import { lockCampaignGate } from '../campaigns/campaign-gate-lock';
import { CampaignAccess, CampaignsService } from '../campaigns/campaigns.service';
import { acceptsIdeas } from '../campaigns/domain/lifecycle';
import { PointsLedgerService } from '../incentives/points-ledger.service';
import { contentHash } from '../quality-control/domain/text-normalization';
import { QualityControlService } from '../quality-control/quality-control.service';
import { Assessment } from '../quality-control/quality-report';
import { UsersService } from '../users/users.service';
import { STATUSES_COUNTED_IN_LIMIT } from './domain/contributor-limit';
import { CampaignVoteContext } from './domain/idea-score';
import { CreateIdeaDto, ListIdeasQuery, UpdateIdeaDto } from './dto/idea.dto';
import { IdeaResponse } from './dto/idea.response';
import { Idea, IdeaRevision, VISIBLE_IDEA_STATUSES, VISIBLE_STATUS_SQL } from './idea.entity';
import { IdeaErrors } from './ideas.errors';
import { settledFrom, SUBMIT_IDEA_ON_SQLITE } from './sqlite-idea-write';

export interface IdeaAccess {
  idea: Idea;
  campaign: Campaign;
  isOwner: boolean;
  isAuthor: boolean;
  isJury: boolean;
}

export function voteContextOf(campaign: Campaign): CampaignVoteContext {
  return {
    voteMode: campaign.rules.voteMode,
    votersCount: campaign.votersCount,
    ratingPriorMean: campaign.ratingPriorMean,
    ratingPriorWeight: campaign.ratingPriorWeight,
  };
}

@Injectable()
export class IdeasService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly campaigns: CampaignsService,
    private readonly quality: QualityControlService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly points: PointsLedgerService,
    private readonly users: UsersService,
  ) {}

  async submit(campaignId: string, authorId: string, input: CreateIdeaDto): Promise<IdeaResponse> {
    const { campaign, isOwner } = await this.campaigns.access(campaignId, authorId);
    if (isOwner) throw new DomainError(IdeaErrors.IDEA_OWN_CAMPAIGN_FORBIDDEN);
    if (!acceptsIdeas(campaign.status)) throw new DomainError(IdeaErrors.IDEA_SUBMISSIONS_CLOSED_CONFLICT, { status: campaign.status });
    const title = input.title.trim();
    const description = input.description.trim();
    // Content rules (400, nothing stored), the submission rate, near-duplicates and reputation.
    const id = newId();
    const assessment = await this.quality.assessSubmission({ rules: campaign.rules, problemStatement: campaign.problemStatement, campaignId, authorId, title, description, ideaId: id });
    const now = this.clock.now();
    const idea = Object.assign(new Idea(), {
      id, campaignId, authorId, title, description, tags: normalizeTags(input.tags), status: assessment.status,
      contentHash: contentHash(title, description), revision: 1, upCount: 0, downCount: 0, ratingCount: 0, ratingSum: 0,
      votersCount: 0, rankKey: 0, qualityReport: assessment.report, duplicateOfId: null, statusReason: null, submittedAt: now, updatedAt: now,
    });
    let settled: Assessment;
    try {
      settled = await this.insertIdea(campaign, idea, assessment);
    } catch (error) {
      this.quality.forgetUnwritten(campaignId, id);
      throw error;
    }
    if (idea.status === 'published') this.events.emit('idea.published', { campaignId, ideaId: idea.id, title, authorId });
    this.events.emit('idea.submitted', { campaignId, ideaId: idea.id, authorId, status: idea.status });
    await this.quality.afterCommit(idea.id, settled);
    return this.responseOf(idea, campaign);
  }

  /** One idea as clients read it, with its author's display name. */
  async responseOf(idea: Idea, campaign: Campaign): Promise<IdeaResponse> {
    return IdeaResponse.from(idea, voteContextOf(campaign), await this.users.displayNames([idea.authorId]));
  }

  /** The submission's transaction: a prepared-statement procedure on SQLite (the hot path), TypeORM on PostgreSQL. */
  private async insertIdea(campaign: Campaign, idea: Idea, assessment: Assessment): Promise<Assessment> {
    const max = campaign.rules.maxIdeasPerContributor;
    let settled: Assessment;
    try {
      settled = this.uow.isSqlite ? await this.insertOnSqlite(idea, assessment, max) : await this.uow.run((manager) => this.insertWithTypeorm(manager, idea, assessment, max));
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(IdeaErrors.IDEA_EXACT_DUPLICATE_CONFLICT);
      throw error;
    }
    Object.assign(idea, { status: settled.status, qualityReport: settled.report });
    return settled;
  }

  private async insertOnSqlite(idea: Idea, assessment: Assessment, maxIdeasPerContributor: number): Promise<Assessment> {
    const ids = { revision: newId(), audit: newId(), points: newId() };
    const { id, campaignId, authorId, title, description, tags, contentHash, submittedAt } = idea;
    const outcome = await this.uow.runSqliteProcedure(SUBMIT_IDEA_ON_SQLITE, {
      idea: { id, campaignId, authorId, title, description, tags, contentHash, submittedAt }, assessment, maxIdeasPerContributor, ids,
    });
    if (outcome.stored) return settledFrom(assessment, outcome.settled);
    switch (outcome.refusal) {
      case 'closed':
        throw new DomainError(IdeaErrors.IDEA_SUBMISSIONS_CLOSED_CONFLICT, { status: outcome.status });
      case 'limit':
        throw new DomainError(IdeaErrors.IDEA_LIMIT_CONFLICT, { max: maxIdeasPerContributor });
      case 'same-text':
        throw new DomainError(IdeaErrors.IDEA_EXACT_DUPLICATE_CONFLICT);
    }
  }

  private async insertWithTypeorm(manager: EntityManager, idea: Idea, assessment: Assessment, max: number): Promise<Assessment> {
    // A status move holds this lock exclusively: the idea commits before it, or sees the campaign as it left it.
    await lockCampaignGate(manager, idea.campaignId, 'shared');
    const campaign = await manager.findOne(Campaign, { select: { id: true, status: true }, where: { id: idea.campaignId } });
    if (!campaign || !acceptsIdeas(campaign.status)) throw new DomainError(IdeaErrors.IDEA_SUBMISSIONS_CLOSED_CONFLICT, { status: campaign?.status ?? null });
    // Read up to the limit only: whether it is reached is all that matters.
    const mine = await manager.find(Idea, { select: { id: true }, where: { campaignId: idea.campaignId, authorId: idea.authorId, status: In([...STATUSES_COUNTED_IN_LIMIT]) }, take: max });
    if (mine.length >= max) throw new DomainError(IdeaErrors.IDEA_LIMIT_CONFLICT, { max });
    if (await manager.existsBy(Idea, { campaignId: idea.campaignId, contentHash: idea.contentHash })) throw new DomainError(IdeaErrors.IDEA_EXACT_DUPLICATE_CONFLICT);
    const settled = await this.quality.settle(manager, assessment);
    // Every column is given, so nothing needs reading back after the insert.
    await manager.createQueryBuilder().insert().into(Idea).values({ ...idea, status: settled.status, qualityReport: settled.report }).updateEntity(false).execute();
    await manager.insert(IdeaRevision, { id: newId(), ideaId: idea.id, revision: 1, title: idea.title, description: idea.description, tags: idea.tags, createdAt: idea.submittedAt });
    await this.quality.recordIdea(manager, idea, settled);
    if (settled.status === 'published') await this.points.grantPublished(manager, idea);
    return settled;
  }

  /** Published ideas for everyone; pending, rejected or hidden ones only for their author and the owners. */
  async access(ideaId: string, userId: string | undefined): Promise<IdeaAccess> {
    const idea = await this.uow.manager.findOneBy(Idea, { id: ideaId });
    if (!idea) throw new DomainError(IdeaErrors.IDEA_NOT_FOUND);
    let campaignAccess: CampaignAccess;
    try {
      campaignAccess = await this.campaigns.access(idea.campaignId, userId);
    } catch {
      throw new DomainError(IdeaErrors.IDEA_NOT_FOUND);
    }
    const isAuthor = userId === idea.authorId;
    const { campaign, isOwner, isJury } = campaignAccess;
    if (!VISIBLE_IDEA_STATUSES.includes(idea.status) && !isAuthor && !isOwner) throw new DomainError(IdeaErrors.IDEA_NOT_FOUND);
    return { idea, campaign, isOwner, isAuthor, isJury };
  }

  async get(ideaId: string, userId: string | undefined): Promise<IdeaResponse> {
    const { idea, campaign } = await this.access(ideaId, userId);
    return this.responseOf(idea, campaign);
  }

  /** The author revises while the campaign is open; every earlier version is kept. */
  async revise(ideaId: string, userId: string, input: UpdateIdeaDto): Promise<IdeaResponse> {
    const { idea, campaign, isAuthor } = await this.access(ideaId, userId);
    if (!isAuthor) throw new DomainError(IdeaErrors.IDEA_FORBIDDEN);
    if (!acceptsIdeas(campaign.status)) throw new DomainError(IdeaErrors.IDEA_REVISION_CLOSED_CONFLICT);
    if (['rejected', 'duplicate'].includes(idea.status)) throw new DomainError(IdeaErrors.IDEA_STATUS_CONFLICT, { status: idea.status });
    const title = input.title?.trim() ?? idea.title;
    const description = input.description?.trim() ?? idea.description;
    const tags = input.tags ? normalizeTags(input.tags) : idea.tags;
    // A revision is judged like a new idea (no rate point); a published one may go back to the queue.
    const assessment = await this.quality.assessRevision({
      rules: campaign.rules, problemStatement: campaign.problemStatement, campaignId: idea.campaignId, authorId: idea.authorId, title, description,
      ideaIdToIgnore: idea.id, submittedAt: idea.submittedAt, currentStatus: idea.status,
    });
    const now = this.clock.now();
    const revision = idea.revision + 1;
    let settled: Assessment;
    try {
      settled = await this.uow.run(async (manager) => {
        const final = await this.quality.settle(manager, assessment);
        await manager.update(Idea, { id: idea.id }, { title, description, tags, revision, status: final.status, qualityReport: final.report, contentHash: contentHash(title, description), updatedAt: now });
        await manager.insert(IdeaRevision, { id: newId(), ideaId: idea.id, revision, title, description, tags, createdAt: now });
        await this.quality.recordIdea(manager, idea, final);
        return final;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(IdeaErrors.IDEA_EXACT_DUPLICATE_CONFLICT);
      throw error;
    }
    this.events.emit('idea.updated', { campaignId: idea.campaignId, ideaId: idea.id, status: settled.status, title });
    await this.quality.afterCommit(idea.id, settled);
    return this.get(idea.id, userId);
  }

  async revisions(ideaId: string, userId: string | undefined) {
    await this.access(ideaId, userId);
    const rows = await this.uow.manager.find(IdeaRevision, { where: { ideaId }, order: { revision: 'ASC' } });
    return { items: rows.map((r) => ({ revision: r.revision, title: r.title, description: r.description, tags: r.tags, createdAt: r.createdAt.toISOString() })) };
  }

  /** Visible ideas of a campaign, best first (`top`, the leaderboard's order) or newest first, by keyset pages. */
  async list(campaignId: string, userId: string | undefined, query: ListIdeasQuery): Promise<Page<IdeaResponse>> {
    const { campaign } = await this.campaigns.access(campaignId, userId);
    const limit = query.limit ?? 20;
    const cursor = decodeCursor(query.cursor);
    const qb = this.uow.manager
      .createQueryBuilder(Idea, 'i')
      .where('i.campaignId = :campaignId', { campaignId })
      .andWhere(`i.status IN ${VISIBLE_STATUS_SQL}`);
    const newest = query.sort === 'new';
    if (newest) {
      if (cursor) qb.andWhere('(i.submittedAt < :at OR (i.submittedAt = :at AND i.id < :id))', { at: new Date(Number(cursor.key)), id: cursor.id });
      qb.orderBy('i.submittedAt', 'DESC').addOrderBy('i.id', 'DESC');
    } else {
      if (cursor) qb.andWhere(...afterInRankOrder(cursor));
      orderByRank(qb);
    }
    const rows = await qb.take(limit + 1).getMany();
    const context = voteContextOf(campaign);
    const names = await this.users.displayNames(rows.map((idea) => idea.authorId));
    return toPage(rows, limit, (idea) => IdeaResponse.from(idea, context, names), (idea) => ({
      key: newest ? idea.submittedAt.getTime() : `${idea.rankKey}|${idea.votersCount}|${idea.submittedAt.getTime()}`,
      id: idea.id,
    }));
  }
}

/** The leaderboard's order (ALGORITHMS.md §3 ties: more voters, then the earlier idea), served by its partial index. */
export function orderByRank<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb.orderBy('i.rankKey', 'DESC').addOrderBy('i.votersCount', 'DESC').addOrderBy('i.submittedAt', 'ASC').addOrderBy('i.id', 'ASC');
}

/** Rows strictly after the cursor in rank order. */
function afterInRankOrder(cursor: CursorPosition): [string, Record<string, unknown>] {
  const [rankKey, voters, submitted] = String(cursor.key).split('|').map(Number);
  if (![rankKey, voters, submitted].every((n) => Number.isFinite(n))) {
    throw new DomainError('VALIDATION_INVALID', {}, [{ field: 'cursor', rule: 'cursor', params: {} }]);
  }
  return [
    '(i.rankKey < :rk OR (i.rankKey = :rk AND (i.votersCount < :vc OR (i.votersCount = :vc AND (i.submittedAt > :sa OR (i.submittedAt = :sa AND i.id > :id))))))',
    { rk: rankKey, vc: voters, sa: new Date(submitted!), id: cursor.id },
  ];
}

/** Tags are lower-case, trimmed and unique, so "Kemasan" and "kemasan " are one tag. */
function normalizeTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim().toLowerCase()).filter((tag) => tag.length > 0))];
}
