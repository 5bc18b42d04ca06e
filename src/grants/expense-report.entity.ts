import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Grant } from './grant.entity';
import type { ExpenseReportStatus } from './grant-status';

/** The school's account of how grant money was spent, reviewed line by line. */
@Entity('expense_reports')
@Check('expense_reports_status_check', `"status" IN ('draft', 'submitted', 'accepted', 'returned')`)
@Index('expense_reports_grant_idx', ['grantId', 'createdAt', 'id'])
export class ExpenseReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  grantId: string;

  @ManyToOne(() => Grant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grant_id' })
  grant?: Grant;

  /** The tranche whose spending it reports, if the company asks per tranche. */
  @Column({ type: 'integer', nullable: true })
  trancheNumber: number | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: ExpenseReportStatus;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  returnReason: string | null;

  /** Whole rupiah accepted from this report (the sum of its accepted lines). */
  @Column({ type: 'bigint', default: '0' })
  acceptedAmount: string;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
