import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { PartnerRecommendation } from '../partner-requests/partner-recommendation.entity';
import { Program } from '../programs/program.entity';
import type { PartnershipStatus } from './partnership-status';

/** The standing relationship of one company and one school inside one program. */
@Entity('partnerships')
@Check('partnerships_status_check', `"status" IN ('prospective', 'active', 'paused', 'ended')`)
@Check('partnerships_dates_check', `"ended_on" IS NULL OR "started_on" IS NULL OR "ended_on" >= "started_on"`)
@Index('partnerships_program_school_key', ['programId', 'schoolId'], { unique: true })
@Index('partnerships_recommendation_key', ['recommendationId'], { unique: true, where: '"recommendation_id" IS NOT NULL' })
@Index('partnerships_company_idx', ['companyId', 'status'])
@Index('partnerships_school_idx', ['schoolId', 'status'])
export class Partnership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  /** The program's company, kept here so scope checks need no join. */
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Organization;

  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: Organization;

  /** The accepted recommendation the partnership was born from, if any. */
  @Column({ type: 'uuid', nullable: true })
  recommendationId: string | null;

  @ManyToOne(() => PartnerRecommendation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recommendation_id' })
  recommendation?: PartnerRecommendation;

  @Column({ type: 'varchar', length: 12, default: 'prospective' })
  status: PartnershipStatus;

  /** When the cooperation started (became active). */
  @Column({ type: 'date', nullable: true })
  startedOn: string | null;

  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  /** Why it was last paused or ended. */
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
