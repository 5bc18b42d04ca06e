import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ExpenseReport } from './expense-report.entity';

/** One spending line of an expense report, with its receipts and the reviewer's verdict. */
@Entity('expense_lines')
@Check('expense_lines_amount_check', `"amount" > 0`)
@Check('expense_lines_review_check', `"review" IN ('pending', 'accepted', 'rejected')`)
@Index('expense_lines_report_idx', ['reportId', 'position'])
export class ExpenseLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  reportId: string;

  @ManyToOne(() => ExpenseReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: ExpenseReport;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'date' })
  spentOn: string;

  @Column({ type: 'varchar', length: 300 })
  description: string;

  /** The plan budget line (its id inside the plan's content) the money was spent on. */
  @Column({ type: 'uuid' })
  budgetLineId: string;

  @Column({ type: 'bigint' })
  amount: string;

  /** Ids of receipt documents (PDF or images). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  receiptDocumentIds: string[];

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  review: 'pending' | 'accepted' | 'rejected';

  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;
}
