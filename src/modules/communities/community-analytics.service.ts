import { Injectable } from '@nestjs/common';
import { buildParticipantRows } from '../evaluation/domain/evaluation-report';
import { Community } from '../businesses/business.entity';
import { BusinessesService } from '../businesses/businesses.service';
import { toEvaluationInput } from '../training/domain/evaluation-input';
import { DERIVED_KPIS, KPI_CATALOGUE } from '../training/domain/kpi-catalogue';
import type { CohortParticipant } from '../training/cohort.entity';
import { CohortDataLoader, type CohortSummary } from '../training/evaluation/cohort-data.loader';
import { CommunitiesService } from './communities.service';
import { cohortOutcomes, summarizeGroup, summarizeGroups, type GroupFigures, type KpiSpec, type ParticipantOutcome, type Placement } from './domain/community-analytics';
import { matchRegion } from './domain/region-match';

export interface CommunityAnalytics {
  communityId: string;
  name: string;
  regions: string[];
  businesses: number;
  cohorts: { cohortId: string; programId: string; name: string; participants: number }[];
  overall: GroupFigures;
  byRegion: GroupFigures[];
  bySector: GroupFigures[];
}

/** The KPIs every cohort's instruments share (the training KPI catalogue), outcomes and derived ones. */
const KPI_SPECS: KpiSpec[] = [
  ...Object.entries(KPI_CATALOGUE)
    .filter(([, definition]) => definition.role === 'outcome')
    .map(([key, definition]) => ({ key, direction: definition.direction })),
  ...Object.entries(DERIVED_KPIS).map(([key, definition]) => ({ key, direction: definition.direction })),
];

/**
 * The evaluation's figures across every cohort in which a participant named a business of the
 * community, grouped by the business's region and sector. Each cohort is scored by the same
 * evaluation code as its own report; only the community's participants are counted.
 */
@Injectable()
export class CommunityAnalyticsService {
  constructor(
    private readonly communities: CommunitiesService,
    private readonly businesses: BusinessesService,
    private readonly loader: CohortDataLoader,
  ) {}

  async analytics(callerId: string, communityId: string): Promise<CommunityAnalytics> {
    const community = await this.communities.asCoordinator(communityId, callerId);
    const placements = await this.placements(community);
    const enrolments = await this.loader.enrolmentsOfBusinesses([...placements.keys()]);
    const cohorts = await this.loader.cohortSummaries([...new Set(enrolments.map((row) => row.cohortId))]);
    const outcomes: ParticipantOutcome[] = [];
    for (const cohort of cohorts) outcomes.push(...(await this.cohortOutcomes(cohort, enrolments, placements)));
    return {
      communityId,
      name: community.name,
      regions: community.regions,
      businesses: placements.size,
      cohorts: cohorts.map((cohort) => ({
        cohortId: cohort.cohortId,
        programId: cohort.programId,
        name: cohort.name,
        participants: outcomes.filter((outcome) => outcome.cohortId === cohort.cohortId).length,
      })),
      overall: summarizeGroup('all', outcomes, KPI_SPECS),
      byRegion: summarizeGroups(outcomes, (outcome) => outcome.region, community.regions, KPI_SPECS),
      bySector: summarizeGroups(outcomes, (outcome) => outcome.sector, [], KPI_SPECS),
    };
  }

  /** One cohort scored by the evaluation's own code, keeping the participants who named a community business. */
  private async cohortOutcomes(cohort: CohortSummary, enrolments: readonly CohortParticipant[], placements: ReadonlyMap<string, Placement>): Promise<ParticipantOutcome[]> {
    const byParticipant = new Map<string, Placement>();
    for (const row of enrolments) {
      const placement = row.cohortId === cohort.cohortId && row.businessId ? placements.get(row.businessId) : undefined;
      if (placement) byParticipant.set(row.userId, placement);
    }
    const input = toEvaluationInput(await this.loader.load(cohort.cohortId, cohort.topics));
    return cohortOutcomes(input, buildParticipantRows(input), byParticipant);
  }

  /** businessId → region (in the community's spelling) and sector, for the community's member businesses. */
  private async placements(community: Community): Promise<Map<string, Placement>> {
    const businesses = await this.businesses.listInCommunity(community.id);
    return new Map(
      businesses.map((business) => [
        business.id,
        { businessId: business.id, region: matchRegion(business.region, community.regions) ?? business.region.trim(), sector: business.sector },
      ]),
    );
  }
}
