import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { MarkedReadResponse, NotificationResponse, UnreadCountResponse } from './dto/notification.response';
import { NotificationsService } from './notifications.service';

const NotificationPage = PageOf(NotificationResponse, 'NotificationPage');

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Allow(Permission.NotificationsRead)
  @ApiOperation({
    summary: "The caller's own notifications, newest first",
    description: 'In-app notices such as MoU expiry reminders (90, 30 and 7 days before) written by the daily job. Everyone sees only their own. `unread=true` lists those not read yet.',
  })
  @ApiOkResponse({ type: NotificationPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery) {
    return this.notifications.list(actor, query);
  }

  @Get('unread-count')
  @Allow(Permission.NotificationsRead)
  @ApiOperation({ summary: 'How many of your notifications are not read yet', description: 'The number the portal shows beside the bell on every page; cheap enough to ask on each page change.' })
  @ApiOkResponse({ type: UnreadCountResponse })
  unreadCount(@CurrentActor() actor: Actor) {
    return this.notifications.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @Allow(Permission.NotificationsRead)
  @ApiOperation({ summary: 'Mark all your notifications read', description: 'Answers how many were unread; notices already read keep their first read time.' })
  @ApiOkResponse({ type: MarkedReadResponse })
  readAll(@CurrentActor() actor: Actor) {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Allow(Permission.NotificationsRead)
  @ApiOperation({ summary: 'Mark one of your notifications read', description: 'Marking it again changes nothing (the first read time stays). Another user\'s notification answers 404.' })
  @ApiOkResponse({ type: NotificationResponse })
  @ApiProblems(404, 422)
  read(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.notifications.markRead(actor, id);
  }
}
