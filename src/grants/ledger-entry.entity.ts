import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Grant } from './grant.entity';
import type { LedgerKind } from './grant-status';

/**
 * One money movement of a grant, in order. Append-only (the database refuses UPDATE and DELETE):
 * corrections are new entries.
 */
@Entity('grant_ledger_entries')
@Check('grant_ledger_entries_kind_check', `"kind" IN ('award', 'award_change', 'tranche', 'reversal', 'expense_accepted', 'returned', 'carried_over', 'cancelled')`)
@Index('grant_ledger_entries_grant_idx', ['grantId', 'id'])
export class LedgerEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  grantId: string;

  @ManyToOne(() => Grant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grant_id' })
  grant?: Grant;

  @Column({ type: 'varchar', length: 20 })
  kind: LedgerKind;

  /** Whole rupiah, signed as the movement affects the money at the school: + in, − out. */
  @Column({ type: 'bigint' })
  amount: string;

  @Column({ type: 'date' })
  occurredOn: string;

  /** The disbursement, expense report or decision behind the entry. */
  @Column({ type: 'uuid', nullable: true })
  refId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  recordedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
