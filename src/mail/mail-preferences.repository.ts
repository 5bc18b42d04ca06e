import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Lang } from '../common/errors/i18n';
import type { MailDelivery } from './mail-preference.entity';

/** A message kept for a digest, as written. */
export interface NewDigestItem {
  id: string;
  userId: string;
  kind: string;
  category: string;
  locale: Lang;
  subject: string;
  url: string;
  entityType: string | null;
  entityId: string | null;
  dedupeKey: string | null;
}

/** A waiting digest item, as the digest job lists it. */
export interface WaitingDigestItem {
  id: string;
  subject: string;
  url: string;
  category: string;
}

/** Reads and writes `mail_preferences`, `mail_digest_items` and `mail_digests`. */
@Injectable()
export class MailPreferencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The users' choices for one category; a user without a row is absent (immediately). */
  async deliveriesOf(manager: EntityManager, userIds: readonly string[], category: string): Promise<Map<string, MailDelivery>> {
    if (userIds.length === 0) return new Map();
    const rows = (await manager.query(`SELECT user_id, delivery FROM mail_preferences WHERE user_id = ANY($1::uuid[]) AND category = $2`, [userIds, category])) as Array<{
      user_id: string;
      delivery: MailDelivery;
    }>;
    return new Map(rows.map((r) => [r.user_id, r.delivery]));
  }

  /** Every choice a user made, by category. */
  async ofUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<Map<string, MailDelivery>> {
    const rows = (await manager.query(`SELECT category, delivery FROM mail_preferences WHERE user_id = $1`, [userId])) as Array<{ category: string; delivery: MailDelivery }>;
    return new Map(rows.map((r) => [r.category, r.delivery]));
  }

  /** Sets a user's choice for one category. */
  async set(userId: string, category: string, delivery: MailDelivery, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO mail_preferences (user_id, category, delivery) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, category) DO UPDATE SET delivery = EXCLUDED.delivery, updated_at = now()`,
      [userId, category, delivery],
    );
  }

  /** Keeps messages for digests through the caller's transaction in one statement; one whose dedupe key exists is skipped. Returns how many were kept. */
  async insertItems(manager: EntityManager, items: readonly NewDigestItem[]): Promise<number> {
    if (items.length === 0) return 0;
    const column = <T>(pick: (i: NewDigestItem) => T) => items.map(pick);
    const rows = (await manager.query(
      `INSERT INTO mail_digest_items (id, user_id, kind, category, locale, subject, url, entity_type, entity_id, dedupe_key)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[], $9::uuid[], $10::varchar[])
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        column((i) => i.id),
        column((i) => i.userId),
        column((i) => i.kind),
        column((i) => i.category),
        column((i) => i.locale),
        column((i) => i.subject.slice(0, 300)),
        column((i) => i.url.slice(0, 2000)),
        column((i) => i.entityType),
        column((i) => i.entityId),
        column((i) => i.dedupeKey),
      ],
    )) as unknown[];
    return rows.length;
  }

  /** The users with digest items waiting, by id. */
  async usersWaiting(): Promise<string[]> {
    const rows = (await this.dataSource.query(`SELECT DISTINCT user_id FROM mail_digest_items WHERE digest_on IS NULL ORDER BY user_id`)) as Array<{ user_id: string }>;
    return rows.map((r) => r.user_id);
  }

  /**
   * Claims a user's digest of `day`: true for exactly one caller. A concurrent caller waits on the
   * key until the claimer's transaction ends, then sees the row and gets false.
   */
  async claimDigest(userId: string, day: string, manager: EntityManager): Promise<boolean> {
    const rows = (await manager.query(`INSERT INTO mail_digests (user_id, day) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`, [userId, day])) as unknown[];
    return rows.length > 0;
  }

  /** Marks the user's waiting items as listed in the digest of `day`, and returns them oldest first. */
  async takeWaiting(userId: string, day: string, manager: EntityManager): Promise<WaitingDigestItem[]> {
    const [rows] = (await manager.query(
      `UPDATE mail_digest_items SET digest_on = $2 WHERE user_id = $1 AND digest_on IS NULL
       RETURNING id, subject, url, category, created_at`,
      [userId, day],
    )) as [Array<WaitingDigestItem & { created_at: Date }>, number];
    return rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id)).map(({ id, subject, url, category }) => ({ id, subject, url, category }));
  }

  /** Records the digest message written for a claimed day (found by its dedupe key; none when nothing was written). */
  async finishDigest(userId: string, day: string, dedupeKey: string, itemCount: number, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE mail_digests SET outbox_message_id = (SELECT id FROM outbox_messages WHERE dedupe_key = $3), item_count = $4 WHERE user_id = $1 AND day = $2`,
      [userId, day, dedupeKey, itemCount],
    );
  }
}
