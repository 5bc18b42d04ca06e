import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';

/** A password reset link's token, stored only as its SHA-256; works once, for an hour. */
@Entity('password_reset_tokens')
@Index('password_reset_tokens_hash_key', ['tokenHash'], { unique: true })
@Index('password_reset_tokens_user_idx', ['userId'])
export class PasswordResetToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Set when the password was reset with it, or with another of the user's tokens. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** The administrator or manager who sent the reset; null when the user asked for it. */
  @Column({ type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
