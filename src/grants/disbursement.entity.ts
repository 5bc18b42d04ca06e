import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Grant } from './grant.entity';

/**
 * One transfer of grant money (a tranche), or the reversal of a mistaken one. Never edited or
 * deleted: a mistake is corrected by a reversing entry.
 */
@Entity('disbursements')
@Check('disbursements_kind_check', `"kind" IN ('tranche', 'reversal')`)
@Check('disbursements_amount_check', `"amount" > 0`)
@Check('disbursements_reversal_check', `("kind" = 'reversal') = ("reverses_id" IS NOT NULL)`)
@Index('disbursements_grant_idx', ['grantId', 'createdAt', 'id'])
@Index('disbursements_reverses_key', ['reversesId'], { unique: true, where: '"reverses_id" IS NOT NULL' })
@Index('disbursements_tranche_key', ['grantId', 'trancheNumber'], { unique: true, where: `"kind" = 'tranche'` })
export class Disbursement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  grantId: string;

  @ManyToOne(() => Grant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grant_id' })
  grant?: Grant;

  @Column({ type: 'varchar', length: 10 })
  kind: 'tranche' | 'reversal';

  /** 1, 2, 3… for tranches; the reversed tranche's number for a reversal. */
  @Column({ type: 'integer' })
  trancheNumber: number;

  /** Whole rupiah, always positive; a reversal subtracts it. */
  @Column({ type: 'bigint' })
  amount: string;

  @Column({ type: 'date' })
  disbursedOn: string;

  @Column({ type: 'varchar', length: 100 })
  transferReference: string;

  @Column({ type: 'uuid', nullable: true })
  reversesId: string | null;

  @ManyToOne(() => Disbursement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reverses_id' })
  reverses?: Disbursement;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  recordedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
