import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Program } from './program.entity';
import type { ProgramYearStatus } from './program-year-status';

/** One year of a program: its theme, budget envelope (whole rupiah) and calendar. */
@Entity('program_years')
@Check('program_years_status_check', `"status" IN ('planning', 'running', 'evaluating', 'closed')`)
@Check('program_years_budget_check', `"budget_envelope" >= 0`)
@Index('program_years_program_year_key', ['programId', 'year'], { unique: true })
export class ProgramYear {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 200 })
  theme: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Whole rupiah; the sum of the year's grants may not exceed it. */
  @Column({ type: 'bigint', default: '0' })
  budgetEnvelope: string;

  @Column({ type: 'date', nullable: true })
  planningWorkshopDate: string | null;

  @Column({ type: 'date', nullable: true })
  planDeadline: string | null;

  @Column({ type: 'date', nullable: true })
  grantReportingDeadline: string | null;

  @Column({ type: 'date', nullable: true })
  competitionDate: string | null;

  @Column({ type: 'varchar', length: 12, default: 'planning' })
  status: ProgramYearStatus;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
