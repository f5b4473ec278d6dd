import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { IdeasModule } from '../ideas/ideas.module';
import { PointsModule } from '../incentives/points.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { QualityControlModule } from '../quality-control/quality-control.module';
import { UsersModule } from '../users/users.module';
import { VotesModule } from '../votes/votes.module';
import { FlagsService } from './flags.service';
import { ModerationQueueService } from './moderation-queue.service';
import { ModerationTransitions } from './moderation-transitions.service';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';

@Module({
  imports: [CampaignsModule, IdeasModule, VotesModule, QualityControlModule, NotificationsModule, PointsModule, UsersModule],
  controllers: [ModerationController],
  providers: [ModerationService, ModerationQueueService, ModerationTransitions, FlagsService],
})
export class ModerationModule {}
