import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { InstrumentResponseBody, SubmitResponseDto, SubmittedResponseBody } from './dto/instrument.dto';
import { InstrumentsService } from './instruments.service';
import { ResponsesService } from './responses.service';

@ApiTags('training')
@ApiBearerAuth()
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly instruments: InstrumentsService, private readonly responses: ResponsesService) {}

  @Get(':id')
  get(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string): Promise<InstrumentResponseBody> {
    return this.instruments.get(caller.id, id);
  }

  /** 201 for a participant's first response, 200 when it replaces their earlier one (until the instrument closes). */
  @Post(':id/responses')
  async respond(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() body: SubmitResponseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmittedResponseBody> {
    const stored = await this.responses.submit(caller.id, id, body.answers);
    void reply.status(stored.replaced ? 200 : 201);
    return stored;
  }

  @Get(':id/responses/me')
  mine(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string): Promise<SubmittedResponseBody> {
    return this.responses.mine(caller.id, id);
  }
}
