import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Lang } from '../common/errors/i18n';
import { User } from '../users/user.entity';
import { OutboxMessage } from './outbox-message.entity';

/**
 * A message kept for a user's daily digest instead of being sent (its category is set to `digest`):
 * its subject and link in the user's language. `digestOn` is the day whose digest listed it; null
 * while it waits.
 */
@Entity('mail_digest_items')
@Index('mail_digest_items_waiting_idx', ['userId', 'createdAt'], { where: '"digest_on" IS NULL' })
@Index('mail_digest_items_dedupe_key', ['dedupeKey'], { unique: true, where: '"dedupe_key" IS NOT NULL' })
export class MailDigestItem {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 20 })
  category: string;

  @Column({ type: 'varchar', length: 2 })
  locale: Lang;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  entityType: string | null;

  @Column({ type: 'uuid', nullable: true })
  entityId: string | null;

  /** As on the outbox: a job that runs again keeps nothing twice. */
  @Column({ type: 'varchar', length: 160, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'date', nullable: true })
  digestOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One user's digest of one day. Its primary key is the claim: among replicas running the digest
 * job at the same time, exactly one inserts the row and writes the message.
 */
@Entity('mail_digests')
export class MailDigest {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn({ type: 'date' })
  day: string;

  /** The digest message; null when every waiting item had gone (nothing was written). */
  @Column({ type: 'uuid', nullable: true })
  outboxMessageId: string | null;

  @ManyToOne(() => OutboxMessage, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'outbox_message_id' })
  outboxMessage?: OutboxMessage;

  @Column({ type: 'integer', default: 0 })
  itemCount: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
