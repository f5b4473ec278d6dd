import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { Page } from '../../common/pagination/cursor';
import { CreateIdeaDto, FeedbackDto, ListIdeasQuery, UpdateIdeaDto } from './dto/idea.dto';
import { IdeaResponse } from './dto/idea.response';
import { FeedbackResponse, IdeaFeedbackService } from './idea-feedback.service';
import { IdeasService } from './ideas.service';
import { MyIdeaResponse, MyIdeasService } from './my-ideas.service';

@ApiTags('ideas')
@ApiBearerAuth()
@Controller()
export class IdeasController {
  constructor(private readonly ideas: IdeasService, private readonly feedback: IdeaFeedbackService, private readonly myIdeas: MyIdeasService) {}

  @Post('campaigns/:id/ideas')
  submit(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) campaignId: string, @Body() body: CreateIdeaDto): Promise<IdeaResponse> {
    return this.ideas.submit(campaignId, caller.id, body);
  }

  @Public()
  @Get('campaigns/:id/ideas')
  list(@CurrentUser() caller: AuthUser | undefined, @Param('id', UuidParam) campaignId: string, @Query() query: ListIdeasQuery): Promise<Page<IdeaResponse>> {
    return this.ideas.list(campaignId, caller?.id, query);
  }

  @Get('me/ideas')
  mine(@CurrentUser() caller: AuthUser, @Query() query: ListIdeasQuery): Promise<Page<MyIdeaResponse>> {
    return this.myIdeas.list(caller.id, query);
  }

  @Public()
  @Get('ideas/:id')
  get(@CurrentUser() caller: AuthUser | undefined, @Param('id', UuidParam) id: string): Promise<IdeaResponse> {
    return this.ideas.get(id, caller?.id);
  }

  @Patch('ideas/:id')
  revise(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: UpdateIdeaDto): Promise<IdeaResponse> {
    return this.ideas.revise(id, caller.id, body);
  }

  @Public()
  @Get('ideas/:id/revisions')
  revisions(@CurrentUser() caller: AuthUser | undefined, @Param('id', UuidParam) id: string) {
    return this.ideas.revisions(id, caller?.id);
  }

  @Post('ideas/:id/feedback')
  giveFeedback(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: FeedbackDto): Promise<FeedbackResponse> {
    return this.feedback.give(id, caller.id, body.body);
  }

  @Get('ideas/:id/feedback')
  listFeedback(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string) {
    return this.feedback.list(id, caller.id);
  }
}
