import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { ProgramYear } from '../programs/program-year.entity';
import { User } from '../users/user.entity';
import type { PlanStatus } from './plan-status';

/**
 * A school's plan for one program year, on the facilitator's template. `content` holds the
 * template (workshop record, programs with activities, budget lines, indicators and risks, the
 * planning-document references); every item inside carries a stable `id` so progress, results,
 * comments and grants can point at it.
 */
@Entity('plans')
@Check('plans_status_check', `"status" IN ('draft', 'submitted', 'changes_requested', 'approved', 'in_progress', 'completed', 'withdrawn')`)
@Index('plans_school_year_key', ['schoolId', 'programYearId'], { unique: true })
@Index('plans_program_year_idx', ['programYearId', 'status'])
@Index('plans_partnership_idx', ['partnershipId'])
export class Plan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: Organization;

  @Column({ type: 'uuid' })
  programYearId: string;

  @ManyToOne(() => ProgramYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_year_id' })
  programYear?: ProgramYear;

  /** The school's partnership in the year's program; plans exist only inside one. */
  @Column({ type: 'uuid' })
  partnershipId: string;

  @ManyToOne(() => Partnership, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partnership_id' })
  partnership?: Partnership;

  /** The facilitator reviewing this plan, until mentoring assignments name one. */
  @Column({ type: 'uuid', nullable: true })
  facilitatorUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facilitator_user_id' })
  facilitator?: User;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  content: Record<string, unknown>;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: PlanStatus;

  /** 0 for the first approval round; each revision of an approved plan adds one. */
  @Column({ type: 'integer', default: 0 })
  revision: number;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** Submitted after the program year's plan deadline (allowed, but flagged). */
  @Column({ type: 'boolean', default: false })
  submittedLate: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawnReason: string | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
