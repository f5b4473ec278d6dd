import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { Page } from '../../common/pagination/cursor';
import { PageQuery } from '../../common/pagination/page-query';
import { FlagDto, ModerationDecisionDto } from './dto/moderation.dto';
import { FlagResponse, FlagsService } from './flags.service';
import { ModerationQueueService, QueueItem } from './moderation-queue.service';
import { ModerationResponse, ModerationService } from './moderation.service';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller()
export class ModerationController {
  constructor(private readonly moderation: ModerationService, private readonly queue: ModerationQueueService, private readonly flags: FlagsService) {}

  @Get('campaigns/:id/moderation')
  list(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) campaignId: string, @Query() query: PageQuery): Promise<Page<QueueItem>> {
    return this.queue.list(campaignId, caller.id, query);
  }

  @Post('ideas/:id/moderation')
  @HttpCode(200)
  decide(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) ideaId: string, @Body() body: ModerationDecisionDto): Promise<ModerationResponse> {
    return this.moderation.decide(ideaId, caller.id, body);
  }

  @Post('ideas/:id/flags')
  flag(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) ideaId: string, @Body() body: FlagDto): Promise<FlagResponse> {
    return this.flags.flag(ideaId, caller.id, body);
  }
}
