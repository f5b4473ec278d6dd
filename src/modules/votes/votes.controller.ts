import { Body, Controller, Delete, Get, Header, Headers, Ip, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { CastVoteDto, LeaderboardQuery, LeaderboardResponse, VoteResponse } from './dto/vote.dto';
import { LeaderboardService } from './leaderboard.service';
import { VotesService } from './votes.service';

@ApiTags('votes')
@ApiBearerAuth()
@Controller()
export class VotesController {
  constructor(private readonly votes: VotesService, private readonly leaderboard: LeaderboardService) {}

  @Put('ideas/:id/vote')
  cast(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() body: CastVoteDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent?: string,
    @Headers('x-device-id') deviceId?: string,
  ): Promise<VoteResponse> {
    return this.votes.cast(id, caller.id, body.value ?? 1, { ip, userAgent, deviceId: deviceId?.slice(0, 128) });
  }

  @Delete('ideas/:id/vote')
  retract(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string): Promise<VoteResponse> {
    return this.votes.retract(id, caller.id);
  }

  @Public()
  @Get('campaigns/:id/leaderboard')
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOkResponse({ type: LeaderboardResponse })
  top(@CurrentUser() caller: AuthUser | undefined, @Param('id', UuidParam) id: string, @Query() query: LeaderboardQuery): Promise<string> {
    return this.leaderboard.topAsJson(id, caller?.id, query.limit ?? 50);
  }
}
