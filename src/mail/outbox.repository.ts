import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Lang } from '../common/errors/i18n';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';

/** created_at with its microseconds, so a cursor on it is exact. */
const CREATED_CURSOR = `to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** An outbox row with the exact value its page cursor needs. */
export type OutboxRow = OutboxMessage & { cursorCreatedAt: string };

/** A rendered message to write to the outbox. */
export interface NewOutboxMessage {
  id: string;
  kind: string;
  userId: string | null;
  toAddress: string;
  locale: Lang;
  subject: string;
  textBody: string;
  htmlBody: string;
  messageId: string;
  listUnsubscribe: string | null;
  entityType: string | null;
  entityId: string | null;
  dedupeKey: string | null;
  nextAttemptAt: Date;
}

/** A claimed message, as the worker sends it. */
export interface ClaimedMessage {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string;
  list_unsubscribe: string | null;
  attempts: number;
  created_at: Date;
}

/** Reads and writes `outbox_messages`. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes messages through the caller's transaction in one statement; a message whose dedupe key exists is skipped. Returns how many were written. */
  async insert(manager: EntityManager, messages: readonly NewOutboxMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const column = <T>(pick: (m: NewOutboxMessage) => T) => messages.map(pick);
    const rows = (await manager.query(
      `INSERT INTO outbox_messages (id, kind, user_id, to_address, locale, subject, text_body, html_body, message_id, entity_type, entity_id, dedupe_key, next_attempt_at, list_unsubscribe)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[], $7::text[], $8::text[], $9::varchar[], $10::varchar[], $11::uuid[], $12::varchar[], $13::timestamptz[], $14::varchar[])
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        column((m) => m.id),
        column((m) => m.kind),
        column((m) => m.userId),
        column((m) => m.toAddress),
        column((m) => m.locale),
        column((m) => m.subject),
        column((m) => m.textBody),
        column((m) => m.htmlBody),
        column((m) => m.messageId),
        column((m) => m.entityType),
        column((m) => m.entityId),
        column((m) => m.dedupeKey),
        column((m) => m.nextAttemptAt),
        column((m) => m.listUnsubscribe),
      ],
    )) as unknown[];
    return rows.length;
  }

  /**
   * Claims up to `limit` due messages for one worker: each gets one more attempt and a lease until
   * `leaseUntil`, after which another worker may take it again (a worker that died mid-send). Rows
   * another worker is claiming at the same moment are skipped (SKIP LOCKED), never waited for.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessage[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE outbox_messages m SET attempts = m.attempts + 1, next_attempt_at = $2
        WHERE m.id IN (SELECT id FROM outbox_messages
                        WHERE status = 'pending' AND next_attempt_at <= $1
                        ORDER BY next_attempt_at, id
                        LIMIT $3
                        FOR UPDATE SKIP LOCKED)
        RETURNING m.id, m.kind, m.to_address, m.subject, m.text_body, m.html_body, m.message_id, m.list_unsubscribe, m.attempts, m.created_at`,
      [now, leaseUntil, limit],
    )) as [ClaimedMessage[], number];
    return rows;
  }

  /** With no SMTP server: marks up to `limit` due messages kept, and returns them for the log. */
  async keepDue(now: Date, limit: number): Promise<ClaimedMessage[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE outbox_messages m SET status = 'kept', last_error = NULL
        WHERE m.id IN (SELECT id FROM outbox_messages
                        WHERE status = 'pending' AND next_attempt_at <= $1
                        ORDER BY next_attempt_at, id
                        LIMIT $2
                        FOR UPDATE SKIP LOCKED)
        RETURNING m.id, m.kind, m.to_address, m.subject, m.text_body, m.html_body, m.message_id, m.list_unsubscribe, m.attempts, m.created_at`,
      [now, limit],
    )) as [ClaimedMessage[], number];
    return rows;
  }

  /** Marks a claimed message sent. */
  async markSent(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE outbox_messages SET status = 'sent', sent_at = $2, last_error = NULL WHERE id = $1 AND status = 'pending'`, [id, at]);
  }

  /** After a failed attempt: due again at `retryAt`, or given up once it had `maxAttempts`. */
  async markFailed(id: string, error: string, retryAt: Date, maxAttempts: number): Promise<OutboxStatus> {
    const [rows] = (await this.dataSource.query(
      `UPDATE outbox_messages
          SET last_error = $2, next_attempt_at = $3,
              status = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'pending' END
        WHERE id = $1 AND status = 'pending'
        RETURNING status`,
      [id, error.slice(0, 2000), retryAt, maxAttempts],
    )) as [Array<{ status: OutboxStatus }>, number];
    return rows[0]?.status ?? 'pending';
  }

  /** A page of messages, newest first, in one query (limit + 1 rows). */
  async listPage(filter: { status?: OutboxStatus; kind?: string; after: [string, string] | null }, limit: number): Promise<OutboxRow[]> {
    const qb = this.dataSource.getRepository(OutboxMessage).createQueryBuilder('m').addSelect(CREATED_CURSOR, 'cursor_created_at');
    if (filter.status) qb.andWhere('m.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('m.kind = :kind', { kind: filter.kind });
    if (filter.after) qb.andWhere('(m.created_at, m.id) < (CAST(:afterAt AS timestamptz), :afterId)', { afterAt: filter.after[0], afterId: filter.after[1] });
    const { raw, entities } = await qb.orderBy('m.created_at', 'DESC').addOrderBy('m.id', 'DESC').limit(limit + 1).getRawAndEntities();
    return entities.map((e, i) => Object.assign(e, { cursorCreatedAt: String(raw[i].cursor_created_at) }));
  }
}
