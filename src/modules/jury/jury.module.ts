import { Module } from '@nestjs/common';
import { IdeasModule } from '../ideas/ideas.module';
import { IncentivesModule } from '../incentives/incentives.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { JuryController } from './jury.controller';
import { JuryService } from './jury.service';

@Module({ imports: [IdeasModule, IncentivesModule, NotificationsModule], controllers: [JuryController], providers: [JuryService] })
export class JuryModule {}
