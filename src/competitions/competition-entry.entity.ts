import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { Plan } from '../plans/plan.entity';
import { CompetitionCategory } from './competition-category.entity';
import { Competition } from './competition.entity';

/** A team member named on an entry. */
export interface TeamMember {
  name: string;
  role: string;
}

/** A school's submission to one category of a competition. */
@Entity('competition_entries')
@Index('competition_entries_school_key', ['competitionId', 'categoryId', 'schoolId'], { unique: true })
@Index('competition_entries_category_idx', ['competitionId', 'categoryId', 'id'])
export class CompetitionEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  competitionId: string;

  @ManyToOne(() => Competition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Competition;

  @Column({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => CompetitionCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: CompetitionCategory;

  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: Organization;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'uuid', nullable: true })
  planId: string | null;

  @ManyToOne(() => Plan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  /** The program inside the plan's content the entry grew from. */
  @Column({ type: 'uuid', nullable: true })
  planProgramId: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  evidenceDocumentIds: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  teamMembers: TeamMember[];

  @Column({ type: 'uuid' })
  submittedByUserId: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
