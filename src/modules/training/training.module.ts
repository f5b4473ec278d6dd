import { Module } from '@nestjs/common';
import { BusinessesModule } from '../businesses/businesses.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { UsersModule } from '../users/users.module';
import { VotesModule } from '../votes/votes.module';
import { CohortIterationService } from './cohort-iteration.service';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';
import { CohortDataLoader } from './evaluation/cohort-data.loader';
import { CohortEvaluationService } from './evaluation/cohort-evaluation.service';
import { InstrumentsController } from './instruments.controller';
import { InstrumentsService } from './instruments.service';
import { ProgramsController } from './programs.controller';
import { ProgramsService } from './programs.service';
import { ResponsesService } from './responses.service';
import { TrainingAccessService } from './training-access.service';

@Module({
  imports: [UsersModule, BusinessesModule, CampaignsModule, VotesModule],
  controllers: [ProgramsController, CohortsController, InstrumentsController],
  providers: [
    TrainingAccessService,
    ProgramsService,
    CohortsService,
    InstrumentsService,
    ResponsesService,
    CohortDataLoader,
    CohortEvaluationService,
    CohortIterationService,
  ],
  exports: [TrainingAccessService, CohortDataLoader],
})
export class TrainingModule {}
