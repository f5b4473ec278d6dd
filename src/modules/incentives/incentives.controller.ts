import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { PageQuery } from '../../common/pagination/page-query';
import { CampaignResultsService } from './campaign-results.service';
import { PointsLedgerService } from './points-ledger.service';

export class ContributorsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') campaignId?: string;
}

@ApiTags('incentives')
@ApiBearerAuth()
@Public()
@Controller()
export class IncentivesController {
  constructor(private readonly results: CampaignResultsService, private readonly points: PointsLedgerService) {}

  @Get('campaigns/:id/results')
  campaignResults(@CurrentUser() caller: AuthUser | undefined, @Param('id', UuidParam) id: string) {
    return this.results.results(id, caller?.id);
  }

  /** Balances and entries are public, like a contest's scoreboard; they name campaigns and ideas, no contact. */
  @Get('users/:id/points')
  userPoints(@Param('id', UuidParam) id: string, @Query() query: PageQuery) {
    return this.points.pointsOf(id, query.limit ?? 20, query.cursor);
  }

  /** Overall by balance, or `?campaignId=` for the points earned in one campaign. */
  @Get('leaderboards/contributors')
  contributors(@CurrentUser() caller: AuthUser | undefined, @Query() query: ContributorsQuery) {
    return query.campaignId ? this.points.campaignContributors(query.campaignId.toLowerCase(), caller?.id) : this.points.contributors(caller?.id);
  }
}
