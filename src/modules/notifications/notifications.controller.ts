import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { Page } from '../../common/pagination/cursor';
import { ListNotificationsQuery, MarkReadDto } from './dto/notification.dto';
import { NotificationResponse, NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('me/notifications')
  mine(@CurrentUser() caller: AuthUser, @Query() query: ListNotificationsQuery): Promise<Page<NotificationResponse>> {
    return this.notifications.listMine(caller.id, query);
  }

  @Post('me/notifications/read')
  @HttpCode(200)
  markRead(@CurrentUser() caller: AuthUser, @Body() body: MarkReadDto): Promise<{ updated: number }> {
    return this.notifications.markRead(caller.id, body.ids);
  }
}
