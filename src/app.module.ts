import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { JwtAuthGuard } from './common/auth/jwt-auth.guard';
import { ClockModule } from './common/clock.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuthModule } from './modules/auth/auth.module';
import { BusinessesModule } from './modules/businesses/businesses.module';
import { CampaignsModule } from './modules/campaigns/campaigns.module';
import { CommunitiesModule } from './modules/communities/communities.module';
import { HealthModule } from './modules/health/health.module';
import { IdeasModule } from './modules/ideas/ideas.module';
import { ModerationModule } from './modules/moderation/moderation.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { QualityControlModule } from './modules/quality-control/quality-control.module';
import { TrainingModule } from './modules/training/training.module';
import { UsersModule } from './modules/users/users.module';
import { VotesModule } from './modules/votes/votes.module';
import { IncentivesModule } from './modules/incentives/incentives.module';
import { IntegrityModule } from './modules/integrity/integrity.module';
import { JuryModule } from './modules/jury/jury.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { WebModule } from './modules/web/web.module';
import { RedisModule } from './redis/redis.module';

@Module({
  imports: [
    ConfigModule,
    ClockModule,
    DatabaseModule,
    RedisModule,
    RateLimitModule,
    EventEmitterModule.forRoot(),
    ScheduleModule.forRoot(),
    HealthModule,
    UsersModule,
    AuthModule,
    BusinessesModule,
    CampaignsModule,
    IdeasModule,
    VotesModule,
    QualityControlModule,
    NotificationsModule,
    ModerationModule,
    TrainingModule,
    CommunitiesModule,
    IncentivesModule,
    JuryModule,
    IntegrityModule,
    RealtimeModule,
    WebModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
})
export class AppModule {}
