import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { PageQuery } from '../../common/pagination/page-query';
import { CampaignResultsService } from './campaign-results.service';
import { PointsLedgerService } from './points-ledger.service';

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

  @Get('leaderboards/contributors')
  contributors(@CurrentUser() caller: AuthUser | undefined) {
    return this.points.contributors(caller?.id);
  }
}
