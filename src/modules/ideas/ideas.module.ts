import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { PointsModule } from '../incentives/points.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { QualityControlModule } from '../quality-control/quality-control.module';
import { UsersModule } from '../users/users.module';
import { IdeaFeedbackService } from './idea-feedback.service';
import { IdeaOutcomesService } from './idea-outcomes.service';
import { IdeasController } from './ideas.controller';
import { IdeasService } from './ideas.service';
import { MyIdeasService } from './my-ideas.service';

@Module({
  imports: [CampaignsModule, QualityControlModule, NotificationsModule, PointsModule, UsersModule],
  controllers: [IdeasController],
  providers: [IdeasService, IdeaFeedbackService, IdeaOutcomesService, MyIdeasService],
  exports: [IdeasService, IdeaOutcomesService],
})
export class IdeasModule {}
