import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { VotesModule } from '../votes/votes.module';
import { IntegrityController } from './integrity.controller';
import { IntegrityService } from './integrity.service';

@Module({ imports: [CampaignsModule, VotesModule], controllers: [IntegrityController], providers: [IntegrityService] })
export class IntegrityModule {}
