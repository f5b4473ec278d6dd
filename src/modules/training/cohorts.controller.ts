import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { localeFromAcceptLanguage } from '../../common/i18n/locale';
import { Page } from '../../common/pagination/cursor';
import { PageQuery } from '../../common/pagination/page-query';
import { CohortIterationService } from './cohort-iteration.service';
import { CohortsService } from './cohorts.service';
import { CohortResponse, EnrolDto, EnrolmentResponse, FeedbackCampaignDto, NameBusinessDto, NextCohortDto, ParticipantResponse } from './dto/cohort.dto';
import { CreateInstrumentDto, EvaluationQuery, InstrumentResponseBody } from './dto/instrument.dto';
import { CohortEvaluationService, EvaluationBody } from './evaluation/cohort-evaluation.service';
import { InstrumentsService } from './instruments.service';

@ApiTags('training')
@ApiBearerAuth()
@Controller('cohorts')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly instruments: InstrumentsService,
    private readonly iteration: CohortIterationService,
    private readonly evaluation: CohortEvaluationService,
  ) {}

  @Get(':id')
  get(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string): Promise<CohortResponse> {
    return this.cohorts.get(caller.id, id);
  }

  @Post(':id/participants')
  enrol(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: EnrolDto): Promise<EnrolmentResponse> {
    return this.cohorts.enrol(caller.id, id, body.userIds);
  }

  @Get(':id/participants')
  participants(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Query() query: PageQuery): Promise<Page<ParticipantResponse>> {
    return this.cohorts.participants(caller.id, id, query.limit, query.cursor);
  }

  /** The caller, a participant, names the business (one they own) that their KPIs describe. */
  @Put(':id/participants/me')
  nameBusiness(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: NameBusinessDto): Promise<ParticipantResponse> {
    return this.cohorts.nameBusiness(caller.id, id, body.businessId.toLowerCase());
  }

  @Post(':id/instruments')
  createInstrument(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: CreateInstrumentDto): Promise<InstrumentResponseBody> {
    return this.instruments.create(caller.id, id, body);
  }

  @Get(':id/instruments')
  listInstruments(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string): Promise<{ items: InstrumentResponseBody[] }> {
    return this.instruments.listForCohort(caller.id, id);
  }

  @Post(':id/feedback-campaign')
  @HttpCode(200)
  attachFeedback(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: FeedbackCampaignDto): Promise<CohortResponse> {
    return this.iteration.attachFeedbackCampaign(caller.id, id, body.campaignId.toLowerCase());
  }

  @Post(':id/next')
  next(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: NextCohortDto): Promise<CohortResponse> {
    return this.iteration.next(caller.id, id, body);
  }

  @Get(':id/evaluation')
  @ApiProduces('application/json', 'text/csv', 'text/html')
  async evaluate(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidParam) id: string,
    @Query() query: EvaluationQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EvaluationBody | string> {
    if (query.format === 'csv') {
      const csv = await this.evaluation.csv(caller.id, id);
      void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="evaluation-${id}.csv"`);
      return csv;
    }
    if (query.format === 'html') {
      const html = await this.evaluation.html(caller.id, id, query.locale ?? localeFromAcceptLanguage(acceptLanguage));
      void reply.type('text/html; charset=utf-8');
      return html;
    }
    return this.evaluation.json(caller.id, id);
  }
}
