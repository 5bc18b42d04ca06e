import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What an attempt is counted against: sign-in failures and password reset requests, each per account and per client address. */
export type AttemptScope = 'account' | 'address' | 'reset_account' | 'reset_address';

/**
 * One counted attempt: a failed sign-in, or a password reset request, per account and per client
 * address. Kept in the database so the limits hold across every API replica.
 */
@Entity('login_failures')
@Check('login_failures_scope_check', `"scope" IN ('account', 'address', 'reset_account', 'reset_address')`)
@Index('login_failures_lookup_idx', ['scope', 'key', 'occurredAt'])
export class LoginFailure {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  scope: AttemptScope;

  @Column({ type: 'varchar', length: 254 })
  key: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
