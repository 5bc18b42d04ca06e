import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Topic } from '../common/catalog/topics';
import { CompetitionEntry } from '../competitions/competition-entry.entity';
import { Organization } from '../organizations/organization.entity';
import type { SchoolLevel } from '../organizations/organization-type';
import { Plan } from '../plans/plan.entity';
import type { PracticeStatus } from './practice-status';

/** One result of a practice: an indicator and the value the school reached. */
export interface PracticeResult {
  indicator: string;
  value: string;
  unit: string | null;
}

/**
 * A piece of good practice a school shares with other schools (horizontal learning). Private to the
 * school while a draft; seen by its reviewers once proposed; readable by every signed-in user of every
 * organisation once published. The full-text index over title, summary and what was done is written
 * by the migration (an expression index the entity cannot describe).
 */
@Entity('practices')
@Check('practices_status_check', `"status" IN ('draft', 'proposed', 'published', 'returned')`)
@Check('practices_year_check', `"year" BETWEEN 2000 AND 2100`)
@Index('practices_school_idx', ['schoolId', 'createdAt'])
@Index('practices_status_idx', ['status', 'createdAt', 'id'])
export class Practice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: Organization;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'varchar', length: 40 })
  topic: Topic;

  @Column({ type: 'varchar', length: 10 })
  schoolLevel: SchoolLevel;

  @Column({ type: 'text' })
  whatWasDone: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  results: PracticeResult[];

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: PracticeStatus;

  /** The completed plan this practice grew from, with the program of that plan. */
  @Column({ type: 'uuid', nullable: true })
  sourcePlanId: string | null;

  @ManyToOne(() => Plan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_plan_id' })
  sourcePlan?: Plan;

  @Column({ type: 'uuid', nullable: true })
  sourcePlanProgramId: string | null;

  /** The competition entry this practice grew from. */
  @Column({ type: 'uuid', nullable: true })
  sourceEntryId: string | null;

  @ManyToOne(() => CompetitionEntry, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_entry_id' })
  sourceEntry?: CompetitionEntry;

  @Column({ type: 'timestamptz', nullable: true })
  proposedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  returnedReason: string | null;

  /** Who published or returned it last. */
  @Column({ type: 'uuid', nullable: true })
  reviewedByUserId: string | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
