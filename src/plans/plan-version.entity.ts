import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Plan } from './plan.entity';

/** A snapshot of the plan as it was submitted; the history diffs these field by field. */
@Entity('plan_versions')
@Index('plan_versions_number_key', ['planId', 'number'], { unique: true })
export class PlanVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  /** 1 for the first submission, then one more per submission. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @Column({ type: 'uuid' })
  submittedByUserId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  @Column({ type: 'boolean', default: false })
  late: boolean;
}
