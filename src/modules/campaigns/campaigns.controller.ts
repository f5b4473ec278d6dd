import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { Page } from '../../common/pagination/cursor';
import { CampaignLifecycleService } from './campaign-lifecycle.service';
import { CampaignsService } from './campaigns.service';
import { AddMemberDto, ChangeStatusDto, CreateCampaignDto, ListCampaignsQuery, UpdateCampaignDto } from './dto/campaign.dto';
import { CampaignResponse } from './dto/campaign.response';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService, private readonly lifecycle: CampaignLifecycleService) {}

  @Post()
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateCampaignDto): Promise<CampaignResponse> {
    return this.campaigns.create(caller.id, body);
  }

  @Public()
  @Get()
  list(@CurrentUser() caller: AuthUser | undefined, @Query() query: ListCampaignsQuery): Promise<Page<CampaignResponse>> {
    return this.campaigns.list(query, caller?.id);
  }

  @Public()
  @Get(':id')
  get(@CurrentUser() caller: AuthUser | undefined, @Param('id', UuidParam) id: string): Promise<CampaignResponse> {
    return this.campaigns.get(id, caller?.id);
  }

  @Patch(':id')
  update(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: UpdateCampaignDto): Promise<CampaignResponse> {
    return this.campaigns.update(caller.id, id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  changeStatus(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: ChangeStatusDto): Promise<CampaignResponse> {
    return this.campaigns.changeStatus(caller.id, id, body.status);
  }

  @Public()
  @Get(':id/history')
  async history(@CurrentUser() caller: AuthUser | undefined, @Param('id', UuidParam) id: string) {
    await this.campaigns.access(id, caller?.id);
    const rows = await this.lifecycle.history(id);
    return { items: rows.map((r) => ({ from: r.fromStatus, to: r.toStatus, cause: r.cause, at: r.at.toISOString() })) };
  }

  @Post(':id/members')
  addMember(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: AddMemberDto) {
    return this.campaigns.addMember(caller.id, id, body);
  }
}
