import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Notification, NoticeParams } from './notification.entity';

/** created_at with its microseconds, so a cursor on it is exact. */
const CREATED_CURSOR = `to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A notification with the exact value its page cursor needs. */
export type NotificationRow = Notification & { cursorCreatedAt: string };

/** A notice to write for some users, once per user and dedupe key. */
export interface NewNotice {
  kind: string;
  title: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  /** The values the notice is made of, for wording it in the reader's language. */
  params?: NoticeParams;
  dedupeKey: string;
}

/** Reads and writes notifications; every read is limited to one user's own. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of one user's notifications, newest first, in one query (limit + 1 rows). */
  async listPage(userId: string, filter: { unread?: boolean; after: [string, string] | null }, limit: number): Promise<NotificationRow[]> {
    const qb = this.dataSource.getRepository(Notification).createQueryBuilder('n').addSelect(CREATED_CURSOR, 'cursor_created_at').where('n.user_id = :userId', { userId });
    if (filter.unread !== undefined) qb.andWhere(filter.unread ? 'n.read_at IS NULL' : 'n.read_at IS NOT NULL');
    if (filter.after) qb.andWhere('(n.created_at, n.id) < (CAST(:afterAt AS timestamptz), :afterId)', { afterAt: filter.after[0], afterId: filter.after[1] });
    const { raw, entities } = await qb.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').limit(limit + 1).getRawAndEntities();
    return entities.map((e, i) => Object.assign(e, { cursorCreatedAt: String(raw[i].cursor_created_at) }));
  }

  /** One of the user's own notifications; null for missing and another user's alike. */
  findOwn(userId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<Notification | null> {
    return manager.findOne(Notification, { where: { id, userId } });
  }

  /** Marks one of the user's notifications read, keeping the first read time. */
  async markRead(userId: string, id: string, manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().update(Notification).set({ readAt: () => 'now()' }).where('id = :id AND user_id = :userId AND read_at IS NULL', { id, userId }).execute();
  }

  /** How many of the user's notifications are not read yet (a partial index holds exactly those). */
  async countUnread(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId])) as Array<{ n: number }>;
    return row.n;
  }

  /** Marks every unread notification of the user read; returns how many changed. */
  async markAllRead(userId: string): Promise<number> {
    const rows = (await this.dataSource.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`, [userId])) as [unknown[], number];
    return rows[1];
  }

  /**
   * Writes `notice` for each user that has not had one with the same dedupe key, in one statement;
   * returns how many were written. A second call with the same key writes nothing.
   */
  async insertOnce(userIds: readonly string[], notice: NewNotice, manager: EntityManager): Promise<number> {
    if (userIds.length === 0) return 0;
    const rows = (await manager.query(
      `INSERT INTO notifications (user_id, kind, title, body, entity_type, entity_id, dedupe_key, params)
       SELECT u, $2, $3, $4, $5, $6, $7, $8 FROM unnest(CAST($1 AS uuid[])) AS u
       ON CONFLICT (user_id, dedupe_key) DO NOTHING
       RETURNING id`,
      [userIds, notice.kind, notice.title, notice.body, notice.entityType, notice.entityId, notice.dedupeKey, JSON.stringify(notice.params ?? {})],
    )) as Array<{ id: string }>;
    return rows.length;
  }
}
