import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { QualityControlModule } from '../quality-control/quality-control.module';
import { IdeaFeedbackService } from './idea-feedback.service';
import { IdeasController } from './ideas.controller';
import { IdeasService } from './ideas.service';

@Module({
  imports: [CampaignsModule, QualityControlModule],
  controllers: [IdeasController],
  providers: [IdeasService, IdeaFeedbackService],
  exports: [IdeasService],
})
export class IdeasModule {}
