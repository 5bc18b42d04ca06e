import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { Plan } from '../plans/plan.entity';
import { ProgramYear } from '../programs/program-year.entity';
import type { GrantStatus } from './grant-status';

/**
 * A stimulus grant: one per school per program year, for the school's approved plan. Amounts are
 * whole rupiah; the running totals are guarded by CHECK constraints so no code path can overspend.
 */
@Entity('grants')
@Check('grants_status_check', `"status" IN ('awarded', 'disbursing', 'fully_disbursed', 'reporting', 'closed', 'cancelled')`)
@Check('grants_awarded_check', `"awarded_amount" > 0`)
@Check('grants_disbursed_check', `"disbursed_amount" >= 0 AND "disbursed_amount" <= "awarded_amount"`)
@Check('grants_accepted_check', `"accepted_amount" >= 0 AND "accepted_amount" <= "disbursed_amount"`)
@Check('grants_settled_check', `"returned_amount" >= 0 AND "carried_over_amount" >= 0 AND "accepted_amount" + "returned_amount" + "carried_over_amount" <= "disbursed_amount"`)
@Index('grants_school_year_key', ['schoolId', 'programYearId'], { unique: true })
@Index('grants_plan_key', ['planId'], { unique: true })
@Index('grants_program_year_idx', ['programYearId', 'status'])
@Index('grants_company_idx', ['companyId', 'createdAt', 'id'])
@Index('grants_partnership_idx', ['partnershipId'])
export class Grant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

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

  /** The awarding company, for scope checks without joins. */
  @Column({ type: 'uuid' })
  companyId: string;

  @Column({ type: 'bigint' })
  awardedAmount: string;

  @Column({ type: 'bigint', default: '0' })
  disbursedAmount: string;

  @Column({ type: 'bigint', default: '0' })
  acceptedAmount: string;

  @Column({ type: 'bigint', default: '0' })
  returnedAmount: string;

  @Column({ type: 'bigint', default: '0' })
  carriedOverAmount: string;

  /** Ids of the plan's budget lines this grant funds. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  fundedBudgetLineIds: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  conditions: string[];

  /** A later tranche needs the previous tranche's expense report accepted first. */
  @Column({ type: 'boolean', default: false })
  requireReportBeforeNextTranche: boolean;

  @Column({ type: 'varchar', length: 20, default: 'awarded' })
  status: GrantStatus;

  @Column({ type: 'text', nullable: true })
  cancelledReason: string | null;

  @Column({ type: 'uuid' })
  awardedByUserId: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
