import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { CommunitiesService } from './communities.service';
import { CommunityAnalytics, CommunityAnalyticsService } from './community-analytics.service';
import { CommunityResponse, CreateCommunityDto, JoinCommunityDto, MembershipResponse } from './dto/community.dto';

@ApiTags('communities')
@ApiBearerAuth()
@Controller('communities')
export class CommunitiesController {
  constructor(private readonly communities: CommunitiesService, private readonly analytics: CommunityAnalyticsService) {}

  @Post()
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateCommunityDto): Promise<CommunityResponse> {
    return this.communities.create(caller.id, body);
  }

  @Get(':id')
  get(@Param('id', UuidParam) id: string): Promise<CommunityResponse> {
    return this.communities.get(id);
  }

  /** An owner of the business brings it into the community. */
  @Post(':id/businesses')
  join(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: JoinCommunityDto): Promise<MembershipResponse> {
    return this.communities.join(caller.id, id, body.businessId.toLowerCase());
  }

  @Delete(':id/businesses/:businessId')
  @HttpCode(204)
  leave(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Param('businessId', UuidParam) businessId: string): Promise<void> {
    return this.communities.leave(caller.id, id, businessId);
  }

  @Get(':id/analytics')
  read(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string): Promise<CommunityAnalytics> {
    return this.analytics.analytics(caller.id, id);
  }
}
