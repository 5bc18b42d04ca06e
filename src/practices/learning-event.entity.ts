import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { Practice } from './practice.entity';

/** Who came to a sharing session, counted by role. */
export interface AttendeeCount {
  role: string;
  count: number;
}

/** A horizontal-learning event: a sharing session hosted by one school for visiting schools and companies. */
@Entity('learning_events')
@Index('learning_events_host_idx', ['hostSchoolId', 'heldOn'])
export class LearningEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  hostSchoolId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_school_id' })
  hostSchool?: Organization;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'date' })
  heldOn: string;

  @Column({ type: 'varchar', length: 300 })
  place: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attendees: AttendeeCount[];

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A visiting school or company of a learning event. */
@Entity('learning_event_participants')
@Check('learning_event_participants_kind_check', `"kind" IN ('school', 'company')`)
@Index('learning_event_participants_org_idx', ['organizationId'])
export class LearningEventParticipant {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => LearningEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: LearningEvent;

  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 10 })
  kind: 'school' | 'company';
}

/** A practice shown at a learning event. */
@Entity('learning_event_practices')
@Index('learning_event_practices_practice_idx', ['practiceId'])
export class LearningEventPractice {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => LearningEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: LearningEvent;

  @PrimaryColumn({ type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => Practice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id' })
  practice?: Practice;
}
