import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { CohortsService } from './cohorts.service';
import { CohortResponse, CreateCohortDto } from './dto/cohort.dto';
import { AddTrainerDto, ChangePhaseDto, CreateProgramDto, ProgramResponse, TopicsFromNeedsDto } from './dto/program.dto';
import { ProgramsService } from './programs.service';

@ApiTags('training')
@ApiBearerAuth()
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService, private readonly cohorts: CohortsService) {}

  @Post()
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateProgramDto): Promise<ProgramResponse> {
    return this.programs.create(caller.id, body);
  }

  @Get(':id')
  get(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string): Promise<ProgramResponse> {
    return this.programs.get(caller.id, id);
  }

  @Post(':id/trainers')
  addTrainer(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: AddTrainerDto): Promise<ProgramResponse> {
    return this.programs.addTrainer(caller.id, id, body.userId.toLowerCase());
  }

  @Post(':id/phase')
  @HttpCode(200)
  changePhase(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: ChangePhaseDto): Promise<ProgramResponse> {
    return this.programs.changePhase(caller.id, id, body.phase);
  }

  @Post(':id/topics/from-needs')
  @HttpCode(200)
  topicsFromNeeds(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: TopicsFromNeedsDto): Promise<ProgramResponse> {
    return this.programs.topicsFromNeeds(caller.id, id, body.limit);
  }

  @Post(':id/cohorts')
  createCohort(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: CreateCohortDto): Promise<CohortResponse> {
    return this.cohorts.create(caller.id, id, body);
  }

  @Get(':id/cohorts')
  listCohorts(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string): Promise<{ items: CohortResponse[] }> {
    return this.cohorts.listForProgram(caller.id, id);
  }
}
