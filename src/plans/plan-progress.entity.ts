import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Document } from '../documents/document.entity';
import { Plan } from './plan.entity';
import type { ActivityProgress } from './plan-status';

/** How one planned activity is going, reported by the school through the year. */
@Entity('plan_activity_progress')
@Check('plan_activity_progress_status_check', `"status" IN ('not_started', 'in_progress', 'done')`)
@Index('plan_activity_progress_key', ['planId', 'activityId'], { unique: true })
export class PlanActivityProgress {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  /** The activity's id inside the plan's content. */
  @Column({ type: 'uuid' })
  activityId: string;

  @Column({ type: 'varchar', length: 12 })
  status: ActivityProgress;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  evidenceDocumentId: string | null;

  @ManyToOne(() => Document, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_document_id' })
  evidence?: Document;

  @Column({ type: 'uuid' })
  updatedByUserId: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The value an indicator reached at the end of the year. */
@Entity('plan_indicator_results')
@Index('plan_indicator_results_key', ['planId', 'indicatorId'], { unique: true })
export class PlanIndicatorResult {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  /** The indicator's id inside the plan's content. */
  @Column({ type: 'uuid' })
  indicatorId: string;

  /** Decimal as text (e.g. "85.5"), in the indicator's unit. */
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  achievedValue: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  updatedByUserId: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
