import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { IdeasModule } from '../ideas/ideas.module';
import { CampaignResultsService } from './campaign-results.service';
import { IncentivesController } from './incentives.controller';
import { PointsLedgerService } from './points-ledger.service';

@Module({
  imports: [CampaignsModule, IdeasModule],
  controllers: [IncentivesController],
  providers: [PointsLedgerService, CampaignResultsService],
  exports: [PointsLedgerService],
})
export class IncentivesModule {}
