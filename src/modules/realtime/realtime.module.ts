import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { REDIS } from '../../redis/redis.module';
import { AuthModule } from '../auth/auth.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { TrainingModule } from '../training/training.module';
import { CohortRoomAccess, TrainerCohortRoomAccess } from './cohort-room-access';
import { LiveAdmission } from './live-admission';
import { LiveEventsListener } from './live-events.listener';
import { LIVE_LIMITS } from './live-limits';
import { LiveGateway } from './live.gateway';
import { RedisSocketQuota } from './redis-socket-quota';
import { RoomAccessService } from './room-access.service';
import { MemorySocketQuota, SocketQuota } from './socket-quota';

function socketQuota(redis: Redis | null, config: AppConfig): SocketQuota {
  const { socketsPerUser, socketLeaseMs } = LIVE_LIMITS;
  return redis ? new RedisSocketQuota(redis, config.liveRedisPrefix, socketsPerUser, socketLeaseMs) : new MemorySocketQuota(socketsPerUser);
}

/**
 * The `/live` channel. Nobody imports this module: it listens to domain events and authorises rooms
 * through the exported services of campaigns and training.
 */
@Module({
  imports: [AuthModule, CampaignsModule, TrainingModule],
  providers: [
    LiveGateway,
    LiveAdmission,
    LiveEventsListener,
    RoomAccessService,
    { provide: CohortRoomAccess, useClass: TrainerCohortRoomAccess },
    { provide: SocketQuota, inject: [REDIS, APP_CONFIG], useFactory: socketQuota },
  ],
})
export class RealtimeModule {}
