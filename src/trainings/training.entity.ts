import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Topic } from '../common/catalog/topics';
import { Organization } from '../organizations/organization.entity';
import { ProgramYear } from '../programs/program-year.entity';

/** One satisfaction question of a training, answered on a 1–5 Likert scale. */
export interface QuestionnaireItem {
  id: string;
  text: string;
}

/** A training (school, regional or national level), with its evaluation settings. */
@Entity('trainings')
@Check('trainings_level_check', `"level" IN ('school', 'regional', 'national')`)
@Check('trainings_dates_check', `"ends_on" >= "starts_on"`)
@Check('trainings_scale_check', `"score_max" > "score_min"`)
@Check('trainings_quota_check', `"quota_per_school" IS NULL OR "quota_per_school" > 0`)
@Index('trainings_program_year_idx', ['programYearId', 'startsOn'])
@Index('trainings_organiser_idx', ['organiserId', 'startsOn', 'id'])
export class Training {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 10 })
  level: 'school' | 'regional' | 'national';

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  /** The organisation running it (the company, or a facilitator organisation). */
  @Column({ type: 'uuid' })
  organiserId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organiser_id' })
  organiser?: Organization;

  @Column({ type: 'uuid', nullable: true })
  programYearId: string | null;

  @ManyToOne(() => ProgramYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_year_id' })
  programYear?: ProgramYear;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  facilitatorUserIds: string[];

  @Column({ type: 'varchar', length: 40 })
  topic: Topic;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  @Column({ type: 'boolean', default: false })
  online: boolean;

  /** The scale of the pre/post understanding scores, e.g. 0–100. */
  @Column({ type: 'integer', default: 0 })
  scoreMin: number;

  @Column({ type: 'integer', default: 100 })
  scoreMax: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  questionnaire: QuestionnaireItem[];

  /** National trainings: how many participants each school may send. */
  @Column({ type: 'integer', nullable: true })
  quotaPerSchool: number | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
