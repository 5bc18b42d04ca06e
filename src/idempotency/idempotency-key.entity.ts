import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A request made with an Idempotency-Key: the same key and body again replays the stored answer;
 * the same key with another body is refused. Keys are per caller, kept at least 24 hours, and live
 * in the database so every replica sees them.
 */
@Entity('idempotency_keys')
@Index('idempotency_keys_key', ['userId', 'key'], { unique: true })
@Index('idempotency_keys_expiry_idx', ['expiresAt'])
export class IdempotencyKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 200 })
  key: string;

  /** Method and route the key was used on, e.g. "POST /api/v1/grants/:id/disbursements". */
  @Column({ type: 'varchar', length: 200 })
  endpoint: string;

  /** SHA-256 of the canonical request body. */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  /** Null while the first request is still being processed. */
  @Column({ type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
