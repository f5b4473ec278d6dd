import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { Page } from '../../common/pagination/cursor';
import { PageQuery } from '../../common/pagination/page-query';
import { NotificationResponse, NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('me/notifications')
  mine(@CurrentUser() caller: AuthUser, @Query() query: PageQuery): Promise<Page<NotificationResponse>> {
    return this.notifications.listMine(caller.id, query);
  }
}
