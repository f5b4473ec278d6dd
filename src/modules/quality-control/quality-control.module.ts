import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { ModerationLog } from './moderation-log.service';
import { NearDuplicateIndex } from './near-duplicate-index.service';
import { QualityControlService } from './quality-control.service';
import { ReputationService } from './reputation.service';

/** Knows no ideas, votes or campaigns module (only users, for account age): ideas and moderation depend on it. */
@Module({
  imports: [UsersModule],
  providers: [QualityControlService, NearDuplicateIndex, ReputationService, ModerationLog],
  exports: [QualityControlService, NearDuplicateIndex, ReputationService, ModerationLog],
})
export class QualityControlModule {}
