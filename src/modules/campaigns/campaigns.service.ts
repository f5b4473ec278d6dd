import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { newId } from '../../common/ids';
import { decodeCursor, Page, toPage } from '../../common/pagination/cursor';
import { entityReader } from '../../database/entity-rows';
import { UnitOfWork } from '../../database/unit-of-work';
import { BusinessesService } from '../businesses/businesses.service';
import { UsersService } from '../users/users.service';
import { CampaignLifecycleService } from './campaign-lifecycle.service';
import { Campaign, CampaignMember, MemberRole } from './campaign.entity';
import { CampaignErrors } from './campaigns.errors';
import { CampaignIncentives, CampaignRules, findRulesProblems, IncentivesInput, OUTCOME_RULE_FIELDS, resolveIncentives, resolveRules } from './domain/campaign-rules';
import { CampaignStatus, deadlinesInOrder, isPubliclyVisible } from './domain/lifecycle';
import { AddMemberDto, CreateCampaignDto, ListCampaignsQuery, UpdateCampaignDto } from './dto/campaign.dto';
import { CampaignResponse } from './dto/campaign.response';
import { campaignWithCaller } from './sqlite-campaign-access';

const DEFAULT_JUDGING_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

export interface CampaignAccess {
  campaign: Campaign;
  isOwner: boolean;
  isJury: boolean;
}

@Injectable()
export class CampaignsService {
  private campaignReader: ((row: Record<string, unknown>) => Campaign) | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly lifecycle: CampaignLifecycleService,
    private readonly businesses: BusinessesService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async create(callerId: string, input: CreateCampaignDto): Promise<CampaignResponse> {
    await this.businesses.assertOwner(callerId, input.businessId);
    const now = this.clock.now();
    const votingClosesAt = new Date(input.votingClosesAt);
    const deadlines = {
      submissionClosesAt: new Date(input.submissionClosesAt),
      votingClosesAt,
      judgingClosesAt: input.judgingClosesAt ? new Date(input.judgingClosesAt) : new Date(votingClosesAt.getTime() + DEFAULT_JUDGING_DAYS * DAY_MS),
    };
    if (!deadlinesInOrder(deadlines) || deadlines.submissionClosesAt <= now) throw new DomainError(CampaignErrors.CAMPAIGN_DEADLINES_INVALID);
    const { rules, incentives } = this.resolveConfiguration(input.rules, input.incentives);
    const campaign = Object.assign(new Campaign(), {
      id: newId(),
      businessId: input.businessId.toLowerCase(),
      kind: input.kind,
      title: input.title.trim(),
      problemStatement: input.problemStatement,
      category: input.category.trim().toLowerCase(),
      status: 'draft',
      visibility: input.visibility ?? 'public',
      ...deadlines,
      rules,
      incentives,
      programId: input.programId ?? null,
      cohortId: input.cohortId ?? null,
      createdById: callerId,
      votersCount: 0,
      ratingsCount: 0,
      ratingsSum: 0,
      ratingPriorMean: 0,
      ratingPriorWeight: 1,
      createdAt: now,
      updatedAt: now,
    });
    await this.uow.run((manager) => manager.insert(Campaign, campaign));
    return CampaignResponse.from(campaign);
  }

  /** Visible to the caller or a 404: a draft or private campaign's existence is not public. */
  async access(id: string, userId: string | undefined): Promise<CampaignAccess> {
    const found = await this.campaignWithCaller(id, userId);
    if (!found) throw new DomainError(CampaignErrors.CAMPAIGN_NOT_FOUND);
    const { campaign, isOwner } = found;
    const roles = isOwner ? [] : found.roles;
    const isJury = roles.includes('jury');
    const visible = isOwner || (isPubliclyVisible(campaign.status) && (campaign.visibility === 'public' || roles.length > 0));
    if (!visible) throw new DomainError(CampaignErrors.CAMPAIGN_NOT_FOUND);
    return { campaign, isOwner, isJury };
  }

  /** The campaign, its due deadlines applied, and what the caller is to it: one prepared read on SQLite. */
  private async campaignWithCaller(id: string, userId: string | undefined): Promise<{ campaign: Campaign; isOwner: boolean; roles: MemberRole[] } | null> {
    if (this.uow.isSqlite) {
      const found = campaignWithCaller(this.uow.sqliteHandle, id, userId);
      if (!found) return null;
      return { campaign: await this.lifecycle.applyDueDeadlines(this.readCampaign(found.row)), isOwner: found.isOwner, roles: found.roles };
    }
    const campaign = await this.lifecycle.loadFresh(id);
    if (!campaign) return null;
    const isOwner = await this.businesses.isOwner(userId, campaign.businessId);
    return { campaign, isOwner, roles: userId && !isOwner ? await this.memberRoles(id, userId) : [] };
  }

  private readCampaign(row: Record<string, unknown>): Campaign {
    this.campaignReader ??= entityReader(this.uow.manager.connection, Campaign);
    return this.campaignReader(row);
  }

  /** For owner-only actions: 404 when invisible to the caller, 403 when visible but not theirs. */
  async accessAsOwner(id: string, userId: string): Promise<Campaign> {
    const { campaign, isOwner } = await this.access(id, userId);
    if (!isOwner) throw new DomainError(CampaignErrors.CAMPAIGN_FORBIDDEN);
    return campaign;
  }

  async get(id: string, userId: string | undefined): Promise<CampaignResponse> {
    return CampaignResponse.from((await this.access(id, userId)).campaign);
  }

  async list(query: ListCampaignsQuery, userId: string | undefined): Promise<Page<CampaignResponse>> {
    const limit = query.limit ?? 20;
    const cursor = decodeCursor(query.cursor);
    const owned = userId ? await this.businesses.businessesOwnedBy(userId) : [];
    const qb = this.uow.manager.createQueryBuilder(Campaign, 'c');
    qb.where(
      new Brackets((visible) => {
        visible.where("c.status <> 'draft' AND c.visibility = 'public'");
        if (owned.length) visible.orWhere('c.businessId IN (:...owned)', { owned });
      }),
    );
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.businessId) qb.andWhere('c.businessId = :businessId', { businessId: query.businessId.toLowerCase() });
    if (cursor) {
      qb.andWhere('(c.createdAt < :at OR (c.createdAt = :at AND c.id < :id))', { at: new Date(Number(cursor.key)), id: cursor.id });
    }
    const rows = await qb.orderBy('c.createdAt', 'DESC').addOrderBy('c.id', 'DESC').take(limit + 1).getMany();
    return toPage(rows, limit, CampaignResponse.from, (c) => ({ key: c.createdAt.getTime(), id: c.id }));
  }

  async changeStatus(callerId: string, id: string, to: CampaignStatus): Promise<CampaignResponse> {
    const campaign = await this.accessAsOwner(id, callerId);
    return CampaignResponse.from(await this.lifecycle.moveByOwner(campaign, to, callerId));
  }

  /** Owners edit while the campaign runs; rules that shape the outcome freeze once voting starts. */
  async update(callerId: string, id: string, input: UpdateCampaignDto): Promise<CampaignResponse> {
    const campaign = await this.accessAsOwner(id, callerId);
    if (campaign.status === 'closed' || campaign.status === 'cancelled') throw new DomainError(CampaignErrors.CAMPAIGN_EDIT_CONFLICT);
    const { rules, incentives } = this.resolveConfiguration({ ...campaign.rules, ...input.rules }, { ...campaign.incentives, ...input.incentives, points: { ...campaign.incentives.points, ...input.incentives?.points } });
    const votingStarted = !['draft', 'open'].includes(campaign.status);
    if (votingStarted) this.assertOutcomeUnchanged(campaign, rules, incentives);
    const deadlines = {
      submissionClosesAt: input.submissionClosesAt ? new Date(input.submissionClosesAt) : campaign.submissionClosesAt,
      votingClosesAt: input.votingClosesAt ? new Date(input.votingClosesAt) : campaign.votingClosesAt,
      judgingClosesAt: input.judgingClosesAt ? new Date(input.judgingClosesAt) : campaign.judgingClosesAt,
    };
    if (!deadlinesInOrder(deadlines)) throw new DomainError(CampaignErrors.CAMPAIGN_DEADLINES_INVALID);
    const changes = {
      ...(input.title ? { title: input.title.trim() } : {}),
      ...(input.problemStatement ? { problemStatement: input.problemStatement } : {}),
      ...(input.category ? { category: input.category.trim().toLowerCase() } : {}),
      ...deadlines,
      rules,
      incentives,
      updatedAt: this.clock.now(),
    };
    await this.uow.run((manager) => manager.update(Campaign, { id, status: campaign.status }, changes));
    return this.get(id, callerId);
  }

  async addMember(callerId: string, id: string, input: AddMemberDto): Promise<{ campaignId: string; userId: string; role: MemberRole }> {
    const campaign = await this.accessAsOwner(id, callerId);
    const userId = input.userId.toLowerCase();
    await this.users.getById(userId);
    // The jury's score is weighed against the crowd's as an outside view; the owners already shortlist and give feedback.
    if (input.role === 'jury' && (await this.businesses.isOwner(userId, campaign.businessId))) throw new DomainError(CampaignErrors.CAMPAIGN_OWNER_JURY_CONFLICT);
    await this.uow.run(async (manager) => {
      if (await manager.existsBy(CampaignMember, { campaignId: id, userId, role: input.role })) {
        throw new DomainError(CampaignErrors.CAMPAIGN_MEMBER_CONFLICT, { role: input.role });
      }
      await manager.insert(CampaignMember, { campaignId: id, userId, role: input.role, createdAt: this.clock.now() });
    });
    return { campaignId: id, userId, role: input.role };
  }

  async memberRoles(campaignId: string, userId: string): Promise<MemberRole[]> {
    const rows = await this.uow.manager.find(CampaignMember, { where: { campaignId, userId } });
    return rows.map((row) => row.role);
  }

  async memberIds(campaignId: string, role: MemberRole): Promise<string[]> {
    const rows = await this.uow.manager.find(CampaignMember, { where: { campaignId, role } });
    return rows.map((row) => row.userId);
  }

  private resolveConfiguration(rulesInput: Partial<CampaignRules> | undefined, incentivesInput: IncentivesInput | undefined) {
    const rules = resolveRules(rulesInput);
    const incentives = resolveIncentives(incentivesInput);
    const problems = findRulesProblems(rules, incentives);
    if (problems.length) throw new DomainError(CampaignErrors.CAMPAIGN_RULES_INVALID, { problems: problems.join(', ') }, { problems });
    return { rules, incentives };
  }

  private assertOutcomeUnchanged(campaign: Campaign, rules: CampaignRules, incentives: CampaignIncentives): void {
    const changed: string[] = OUTCOME_RULE_FIELDS.filter((field) => JSON.stringify(campaign.rules[field]) !== JSON.stringify(rules[field])).map((f) => `rules.${f}`);
    if (JSON.stringify(campaign.incentives) !== JSON.stringify(incentives)) changed.push('incentives');
    if (changed.length) throw new DomainError(CampaignErrors.CAMPAIGN_RULES_FROZEN_CONFLICT, { fields: changed.join(', ') }, { fields: changed });
  }
}
