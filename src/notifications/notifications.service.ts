import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import type { ListNotificationsQuery } from './dto/list-notifications.query';
import { MarkedReadResponse, NotificationResponse, UnreadCountResponse } from './dto/notification.response';
import type { Notification } from './notification.entity';
import { NewNotice, NotificationsRepository } from './notifications.repository';

/** The in-app notification list of each user, and the one way to write to it. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
  ) {}

  /** Lists the caller's own notifications, newest first; `unread` filters by read state. */
  async list(actor: Actor, query: ListNotificationsQuery): Promise<Page<NotificationResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.notifications.listPage(actor.userId, { unread: query.unread, after }, limit);
    return toPage(rows, limit, (n) => [n.cursorCreatedAt, n.id], NotificationResponse.from);
  }

  /** Marks one of the caller's notifications read (again: no change); another user's is a 404. */
  async markRead(actor: Actor, id: string): Promise<NotificationResponse> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.notifications.findOwn(actor.userId, id, manager))) throw AppError.notFound('notification', id);
      await this.notifications.markRead(actor.userId, id, manager);
      return NotificationResponse.from((await this.notifications.findOwn(actor.userId, id, manager)) as Notification);
    });
  }

  /** How many of the caller's notifications are not read yet (the badge on every page). */
  async unreadCount(actor: Actor): Promise<UnreadCountResponse> {
    return { unread: await this.notifications.countUnread(actor.userId) };
  }

  /** Marks all of the caller's notifications read; answers how many were unread. */
  async markAllRead(actor: Actor): Promise<MarkedReadResponse> {
    return { marked: await this.notifications.markAllRead(actor.userId) };
  }

  /**
   * Notifies users through `manager` (so the notices commit with the change they announce), once
   * per user and dedupe key: a job that runs again writes nothing new. Returns how many were written.
   */
  notify(manager: EntityManager, userIds: readonly string[], notice: NewNotice): Promise<number> {
    return this.notifications.insertOnce(userIds, notice, manager);
  }
}
