import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Lang } from '../common/errors/i18n';
import { User } from '../users/user.entity';

/** Where a message is: waiting (or being retried), sent, kept (no SMTP server configured) or given up. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'kept', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One e-mail, written in the same transaction as the change it tells of (the transactional outbox)
 * and rendered then, in the recipient's language. A worker on each replica claims due rows, sends
 * them and marks them sent; `messageId` never changes, so a message sent again after a crash carries
 * the same Message-ID.
 */
@Entity('outbox_messages')
@Check('outbox_messages_status_check', `"status" IN ('pending', 'sent', 'kept', 'failed')`)
@Check('outbox_messages_locale_check', `"locale" IN ('id', 'en')`)
@Index('outbox_messages_due_idx', ['nextAttemptAt', 'id'], { where: `"status" = 'pending'` })
@Index('outbox_messages_created_idx', ['createdAt', 'id'])
@Index('outbox_messages_message_id_key', ['messageId'], { unique: true })
@Index('outbox_messages_dedupe_key', ['dedupeKey'], { unique: true, where: '"dedupe_key" IS NOT NULL' })
@Index('outbox_messages_user_idx', ['userId'])
export class OutboxMessage {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** The template, e.g. invitation, password_reset, mou_expiring. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 2 })
  locale: Lang;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  textBody: string;

  @Column({ type: 'text' })
  htmlBody: string;

  /** The Message-ID header, angle brackets included: the same on every attempt. */
  @Column({ type: 'varchar', length: 200 })
  messageId: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  entityType: string | null;

  @Column({ type: 'uuid', nullable: true })
  entityId: string | null;

  /** At most one message per key: a job that runs again writes nothing new. */
  @Column({ type: 'varchar', length: 160, nullable: true })
  dedupeKey: string | null;

  /** The List-Unsubscribe header (angle brackets included) of a message a user can turn off; null for security messages. */
  @Column({ type: 'varchar', length: 2100, nullable: true })
  listUnsubscribe: string | null;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** When a pending message is due; while a worker holds it, the end of that worker's lease. */
  @Column({ type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
