import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One failed sign-in, counted per account and per client address. Kept in the database so the
 * limit holds across every API replica.
 */
@Entity('login_failures')
@Check('login_failures_scope_check', `"scope" IN ('account', 'address')`)
@Index('login_failures_lookup_idx', ['scope', 'key', 'occurredAt'])
export class LoginFailure {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 10 })
  scope: 'account' | 'address';

  @Column({ type: 'varchar', length: 254 })
  key: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
