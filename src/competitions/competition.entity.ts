import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ProgramYear } from '../programs/program-year.entity';
import type { CompetitionPhase } from './competition-phase';

/** The annual innovation competition of a program year. */
@Entity('competitions')
@Check('competitions_phase_check', `"phase" IN ('draft', 'open', 'judging', 'published', 'closed')`)
@Check('competitions_level_check', `"level" IN ('regional', 'national')`)
@Check('competitions_dates_check', `"entries_close_at" > "entries_open_at" AND "judging_ends_at" > "entries_close_at"`)
@Index('competitions_program_year_idx', ['programYearId', 'createdAt', 'id'])
export class Competition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programYearId: string;

  @ManyToOne(() => ProgramYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_year_id' })
  programYear?: ProgramYear;

  /** The program's company, for scope checks without joins. */
  @Column({ type: 'uuid' })
  companyId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 10 })
  level: 'regional' | 'national';

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  phase: CompetitionPhase;

  @Column({ type: 'timestamptz' })
  entriesOpenAt: Date;

  /** Entries are refused after this moment. */
  @Column({ type: 'timestamptz' })
  entriesCloseAt: Date;

  @Column({ type: 'timestamptz' })
  judgingEndsAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Fewest judges' scores an entry needs before publishing without a flag. */
  @Column({ type: 'integer', default: 2 })
  minJudgesPerEntry: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
