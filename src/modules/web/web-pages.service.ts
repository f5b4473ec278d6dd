import { Injectable } from '@nestjs/common';
import { BusinessesService } from '../businesses/businesses.service';
import { CampaignResponse } from '../campaigns/dto/campaign.response';
import { CampaignsService } from '../campaigns/campaigns.service';
import { acceptsIdeas, acceptsVotes, CampaignStatus } from '../campaigns/domain/lifecycle';
import { tallyOf } from '../ideas/domain/idea-score';
import { VISIBLE_IDEA_STATUSES } from '../ideas/idea.entity';
import { IdeasService } from '../ideas/ideas.service';
import { CampaignResultsService } from '../incentives/campaign-results.service';
import { UsersService } from '../users/users.service';
import { LeaderboardService } from '../votes/leaderboard.service';
import { CampaignPage, CampaignSummary, RankedIdea } from './domain/campaign-page';
import { IdeaPage } from './domain/idea-page';

/** Enough for a phone screen and a weak signal; the API pages through the rest. */
const IDEAS_ON_PAGE = 30;
const CAMPAIGNS_ON_HOME = 20;

/**
 * What the public pages show, read through the same services as the API with no caller: a page can
 * never show what an anonymous API request could not read (private and draft campaigns, pending ideas).
 */
@Injectable()
export class WebPagesService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly businesses: BusinessesService,
    private readonly ideas: IdeasService,
    private readonly leaderboard: LeaderboardService,
    private readonly results: CampaignResultsService,
    private readonly users: UsersService,
  ) {}

  async campaignPage(campaignId: string): Promise<CampaignPage> {
    const campaign = await this.campaigns.get(campaignId, undefined);
    const [summary, ideas] = await Promise.all([this.summaryOf(campaign), this.rankedIdeas(campaign)]);
    return { ...summary, prizes: campaign.incentives.prizes, pointsPerIdea: campaign.incentives.points.published, ideas };
  }

  /**
   * While the challenge runs, the live crowd ranking; once it is closed, the final ranking with the
   * jury's scores blended in and the prizes, which can put another idea first.
   */
  private async rankedIdeas(campaign: CampaignResponse): Promise<RankedIdea[]> {
    if (campaign.status === 'closed') {
      const standings = await this.results.standings(campaign.id, undefined, IDEAS_ON_PAGE);
      return standings.map(({ ideaId, title, authorName, rank, status, tally, prize }) => ({ id: ideaId, title, authorName, rank, status, tally, prize }));
    }
    const board = await this.leaderboard.top(campaign.id, undefined, IDEAS_ON_PAGE);
    return board.items.map(({ id, title, authorName, rank, status, tally }) => ({ id, title, authorName, rank, status, tally, prize: null }));
  }

  async ideaPage(ideaId: string): Promise<IdeaPage> {
    // One read of the idea with its campaign, checked as for an anonymous caller.
    const { idea, campaign } = await this.ideas.access(ideaId, undefined);
    const summary = await this.summaryOf(CampaignResponse.from(campaign));
    const listed = VISIBLE_IDEA_STATUSES.includes(idea.status);
    const authorName = (await this.users.displayNames([idea.authorId])).get(idea.authorId) ?? null;
    return { id: idea.id, title: idea.title, description: idea.description, authorName, status: idea.status, tally: tallyOf(idea), acceptsVotes: listed && summary.acceptsVotes, campaign: summary };
  }

  /** Public challenges taking ideas or votes, newest first. */
  async openCampaigns(): Promise<CampaignSummary[]> {
    const pages = await Promise.all((['open', 'voting'] as const).map((status) => this.campaigns.list({ status, limit: CAMPAIGNS_ON_HOME }, undefined)));
    const newest = pages
      .flatMap((page) => page.items)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, CAMPAIGNS_ON_HOME);
    return Promise.all(newest.map((campaign) => this.summaryOf(campaign)));
  }

  private async summaryOf(campaign: CampaignResponse): Promise<CampaignSummary> {
    const business = await this.businesses.get(campaign.businessId);
    const status = campaign.status as CampaignStatus;
    return {
      id: campaign.id,
      title: campaign.title,
      problemStatement: campaign.problemStatement,
      category: campaign.category,
      kind: campaign.kind as CampaignSummary['kind'],
      status,
      voteMode: campaign.rules.voteMode,
      submissionClosesAt: campaign.submissionClosesAt,
      votingClosesAt: campaign.votingClosesAt,
      acceptsIdeas: acceptsIdeas(status),
      acceptsVotes: acceptsVotes(status),
      business: { name: business.name, region: business.region },
    };
  }
}
