import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MentoringAssignment } from './mentoring-assignment.entity';
import { MentoringSession } from './mentoring-session.entity';
import type { ActionOwnerSide, ActionStatus } from './mentoring-status';

/** A follow-up from a session: who owes it, by when, and whether it was done or dropped. */
@Entity('mentoring_actions')
@Check('mentoring_actions_status_check', `"status" IN ('open', 'done', 'dropped')`)
@Check('mentoring_actions_owner_check', `"owner_side" IN ('school', 'facilitator')`)
@Check('mentoring_actions_dropped_check', `"status" <> 'dropped' OR "dropped_reason" IS NOT NULL`)
@Index('mentoring_actions_session_idx', ['sessionId'])
@Index('mentoring_actions_due_idx', ['status', 'dueDate'])
@Index('mentoring_actions_assignment_idx', ['assignmentId', 'status'])
export class MentoringAction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => MentoringSession, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: MentoringSession;

  @Column({ type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => MentoringAssignment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: MentoringAssignment;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 12 })
  ownerSide: ActionOwnerSide;

  /** The person who owes it, when one is named. */
  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status: ActionStatus;

  @Column({ type: 'text', nullable: true })
  droppedReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
