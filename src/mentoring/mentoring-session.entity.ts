import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Topic } from '../common/catalog/topics';
import { Plan } from '../plans/plan.entity';
import { MentoringAssignment } from './mentoring-assignment.entity';
import type { AttendeeRole, SessionConfirmation, SessionMode } from './mentoring-status';

/** One workshop, visit, online meeting, training or evaluation held under an assignment. */
@Entity('mentoring_sessions')
@Check('mentoring_sessions_mode_check', `"mode" IN ('visit', 'online', 'workshop', 'training', 'evaluation')`)
@Check('mentoring_sessions_confirmation_check', `"confirmation" IN ('pending', 'confirmed', 'disputed')`)
@Check('mentoring_sessions_duration_check', `"duration_minutes" > 0 AND "duration_minutes" <= 1440`)
@Check('mentoring_sessions_dispute_check', `"confirmation" <> 'disputed' OR "dispute_reason" IS NOT NULL`)
@Index('mentoring_sessions_assignment_idx', ['assignmentId', 'heldOn', 'id'])
@Index('mentoring_sessions_school_idx', ['schoolId', 'heldOn'])
export class MentoringSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => MentoringAssignment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: MentoringAssignment;

  /** The assignment's school, kept here for reports and the 60-day flag. */
  @Column({ type: 'uuid' })
  schoolId: string;

  @Column({ type: 'date' })
  heldOn: string;

  @Column({ type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 12 })
  mode: SessionMode;

  @Column({ type: 'varchar', length: 40 })
  topic: Topic;

  @Column({ type: 'uuid', nullable: true })
  planId: string | null;

  @ManyToOne(() => Plan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  /** The id of the program inside the plan's content that the session serves. */
  @Column({ type: 'uuid', nullable: true })
  planProgramId: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  attendeeUserIds: string[];

  /** Attendees counted by role, e.g. { "teachers": 12, "parents": 5 }. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  attendeeCounts: Partial<Record<AttendeeRole, number>>;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  evidenceDocumentIds: string[];

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  confirmation: SessionConfirmation;

  @Column({ type: 'uuid', nullable: true })
  confirmedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  disputeReason: string | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
