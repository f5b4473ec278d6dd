import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { IdeasModule } from '../ideas/ideas.module';
import { UsersModule } from '../users/users.module';
import { LeaderboardService } from './leaderboard.service';
import { RatingPriorRefresher } from './rating-prior.refresher';
import { VoteInvalidationService } from './vote-invalidation.service';
import { VoteMergeService } from './vote-merge.service';
import { VotesController } from './votes.controller';
import { VotesRepository } from './votes.repository';
import { VotesService } from './votes.service';

@Module({
  imports: [CampaignsModule, IdeasModule, UsersModule],
  controllers: [VotesController],
  providers: [VotesService, VotesRepository, LeaderboardService, RatingPriorRefresher, VoteMergeService, VoteInvalidationService],
  exports: [VotesService, LeaderboardService, VoteMergeService, VoteInvalidationService],
})
export class VotesModule {}
