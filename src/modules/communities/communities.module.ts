import { Module } from '@nestjs/common';
import { BusinessesModule } from '../businesses/businesses.module';
import { TrainingModule } from '../training/training.module';
import { CommunitiesController } from './communities.controller';
import { CommunitiesService } from './communities.service';
import { CommunityAnalyticsService } from './community-analytics.service';

@Module({
  imports: [BusinessesModule, TrainingModule],
  controllers: [CommunitiesController],
  providers: [CommunitiesService, CommunityAnalyticsService],
})
export class CommunitiesModule {}
