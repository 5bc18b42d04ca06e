import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { Training } from './training.entity';

/** Roles of training participants, for the evaluation by role. */
export const PARTICIPANT_ROLES = ['principal', 'teacher', 'education_staff', 'supervisor', 'parent', 'other'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/**
 * A participant of a training: a user, or an external person named here; with attendance, the
 * pre/post understanding scores and the satisfaction answers (item id → 1..5).
 */
@Entity('training_participants')
@Check('training_participants_who_check', `"user_id" IS NOT NULL OR "external_name" IS NOT NULL`)
@Check('training_participants_role_check', `"role" IN ('principal', 'teacher', 'education_staff', 'supervisor', 'parent', 'other')`)
@Index('training_participants_user_key', ['trainingId', 'userId'], { unique: true, where: '"user_id" IS NOT NULL' })
@Index('training_participants_school_idx', ['trainingId', 'schoolId'])
export class TrainingParticipant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trainingId: string;

  @ManyToOne(() => Training, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'training_id' })
  training?: Training;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalName: string | null;

  @Column({ type: 'varchar', length: 20 })
  role: ParticipantRole;

  @Column({ type: 'uuid', nullable: true })
  schoolId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: Organization;

  /** Null until attendance is taken. */
  @Column({ type: 'boolean', nullable: true })
  attended: boolean | null;

  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true })
  preScore: string | null;

  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true })
  postScore: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  satisfaction: Record<string, number>;

  /** Set when the CSR officer nominated this participant against the school's quota. */
  @Column({ type: 'uuid', nullable: true })
  nominatedByUserId: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
