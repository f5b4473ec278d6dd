import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { TrainingModule } from '../training/training.module';
import { LiveGateway } from './live.gateway';
import { RoomAccessService } from './room-access.service';
import { SocketQuota } from './socket-quota';

/** Nobody imports this module: it only listens to domain events. */
@Module({ imports: [AuthModule, CampaignsModule, TrainingModule], providers: [LiveGateway, RoomAccessService, SocketQuota] })
export class RealtimeModule {}
