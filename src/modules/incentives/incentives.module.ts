import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { IdeasModule } from '../ideas/ideas.module';
import { UsersModule } from '../users/users.module';
import { CampaignResultsService } from './campaign-results.service';
import { IncentivesController } from './incentives.controller';
import { PointsModule } from './points.module';

@Module({
  imports: [CampaignsModule, IdeasModule, PointsModule, UsersModule],
  controllers: [IncentivesController],
  providers: [CampaignResultsService],
  exports: [PointsModule, CampaignResultsService],
})
export class IncentivesModule {}
