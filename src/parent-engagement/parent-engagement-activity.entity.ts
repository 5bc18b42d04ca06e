import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { Plan } from '../plans/plan.entity';
import type { GradeCount, ParentEngagementKind } from './parent-engagement-kinds';

/**
 * One parent-engagement activity of a school (a parenting class, a committee meeting, a round of
 * home visits...): when, how many parents it reached (optionally by grade) and how many teachers
 * took part; optionally serving a program of the school's plan. Evidence files are documents owned
 * by the activity.
 */
@Entity('parent_engagement_activities')
@Check(
  'parent_engagement_activities_kind_check',
  `"kind" IN ('parenting_class', 'school_committee_meeting', 'home_visit', 'communication_book_check', 'volunteering_day', 'learning_at_home_guidance', 'joint_decision_making', 'community_collaboration')`,
)
@Check('parent_engagement_activities_counts_check', `"parents_reached" >= 0 AND "teachers_involved" >= 0`)
@Check('parent_engagement_activities_plan_check', `"plan_program_id" IS NULL OR "plan_id" IS NOT NULL`)
@Index('parent_engagement_activities_school_idx', ['schoolId', 'heldOn', 'id'])
export class ParentEngagementActivity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: Organization;

  @Column({ type: 'varchar', length: 40 })
  kind: ParentEngagementKind;

  @Column({ type: 'date' })
  heldOn: string;

  @Column({ type: 'integer' })
  parentsReached: number;

  /** Parents reached by grade (1–6, each grade once, in grade order), summing to parentsReached; null when not split. */
  @Column({ type: 'jsonb', nullable: true })
  parentsByGrade: GradeCount[] | null;

  @Column({ type: 'integer', default: 0 })
  teachersInvolved: number;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'uuid', nullable: true })
  planId: string | null;

  @ManyToOne(() => Plan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  /** The id of the program inside the plan's content (content.programs[].id) the activity serves. */
  @Column({ type: 'uuid', nullable: true })
  planProgramId: string | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
