import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';

/** The values of a notice, by name. */
export type NoticeParams = Record<string, string | number>;

/**
 * An in-app notice for one user (an MoU about to expire, an overdue follow-up). `dedupeKey` makes
 * a job that runs twice write each notice once.
 */
@Entity('notifications')
@Index('notifications_user_idx', ['userId', 'createdAt', 'id'])
@Index('notifications_dedupe_key', ['userId', 'dedupeKey'], { unique: true })
@Index('notifications_unread_idx', ['userId'], { where: '"read_at" IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** e.g. "mou_expiring", "mou_expired". */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** The values the notice is made of (names, dates, days left), for wording it in any language. */
  @Column({ type: 'jsonb', default: {} })
  params: NoticeParams;

  @Column({ type: 'varchar', length: 40, nullable: true })
  entityType: string | null;

  @Column({ type: 'uuid', nullable: true })
  entityId: string | null;

  @Column({ type: 'varchar', length: 120 })
  dedupeKey: string;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
