import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { ProgramYear } from '../programs/program-year.entity';
import { User } from '../users/user.entity';

/**
 * A facilitator assigned to a school for a program year, with the planned sessions and hours.
 * Reassignment ends the row (ended_at, reason) and opens a new one, so history is kept.
 */
@Entity('mentoring_assignments')
@Check('mentoring_assignments_planned_check', `"planned_sessions" >= 0 AND "planned_minutes" >= 0`)
@Index('mentoring_assignments_active_key', ['facilitatorUserId', 'schoolId', 'programYearId'], { unique: true, where: '"ended_at" IS NULL' })
@Index('mentoring_assignments_school_idx', ['schoolId', 'programYearId'])
@Index('mentoring_assignments_facilitator_idx', ['facilitatorUserId', 'programYearId'])
@Index('mentoring_assignments_program_year_idx', ['programYearId'])
@Index('mentoring_assignments_partnership_idx', ['partnershipId'])
// The assignment a detail says this one replaced: looked up on every assignment read.
@Index('mentoring_assignments_replaced_by_idx', ['replacedById'], { where: '"replaced_by_id" IS NOT NULL' })
export class MentoringAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  facilitatorUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facilitator_user_id' })
  facilitator?: User;

  /** The facilitator's organisation, which must work in the program. */
  @Column({ type: 'uuid' })
  facilitatorOrganizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facilitator_organization_id' })
  facilitatorOrganization?: Organization;

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

  @Column({ type: 'uuid' })
  partnershipId: string;

  @ManyToOne(() => Partnership, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partnership_id' })
  partnership?: Partnership;

  @Column({ type: 'integer', default: 0 })
  plannedSessions: number;

  @Column({ type: 'integer', default: 0 })
  plannedMinutes: number;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  endedReason: string | null;

  /** The assignment that took over when this one was ended by a reassignment. */
  @Column({ type: 'uuid', nullable: true })
  replacedById: string | null;

  @Column({ type: 'uuid' })
  assignedByUserId: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
