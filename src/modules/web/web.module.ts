import { Module } from '@nestjs/common';
import { BusinessesModule } from '../businesses/businesses.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { IdeasModule } from '../ideas/ideas.module';
import { IncentivesModule } from '../incentives/incentives.module';
import { UsersModule } from '../users/users.module';
import { VotesModule } from '../votes/votes.module';
import { WebController } from './web.controller';
import { WebPagesService } from './web-pages.service';

/** Server-rendered pages for people who arrive from a WhatsApp link (PRODUCT.md); the API does the rest. */
@Module({
  imports: [BusinessesModule, CampaignsModule, IdeasModule, IncentivesModule, UsersModule, VotesModule],
  controllers: [WebController],
  providers: [WebPagesService],
})
export class WebModule {}
