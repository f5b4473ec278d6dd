import { Module } from '@nestjs/common';
import { BusinessesModule } from '../businesses/businesses.module';
import { UsersModule } from '../users/users.module';
import { CampaignLifecycleService } from './campaign-lifecycle.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [BusinessesModule, UsersModule],
  controllers: [CampaignsController],
  providers: [CampaignsService, CampaignLifecycleService],
  exports: [CampaignsService, CampaignLifecycleService],
})
export class CampaignsModule {}
