import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { PointsLedgerService } from './points-ledger.service';

/**
 * The points ledger on its own, for the modules whose transactions earn points (an idea published by
 * submission or by a moderator): they write the entry in their own transaction, so points are never
 * lost between a committed idea and a later write.
 */
@Module({
  imports: [UsersModule],
  providers: [PointsLedgerService],
  exports: [PointsLedgerService],
})
export class PointsModule {}
