import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProgramYear } from '../programs/program-year.entity';
import { Partnership } from './partnership.entity';

/** A program year the school took part in (its cohort), set explicitly by the company. */
@Entity('partnership_years')
@Index('partnership_years_year_idx', ['programYearId'])
export class PartnershipYear {
  @PrimaryColumn({ type: 'uuid' })
  partnershipId: string;

  @PrimaryColumn({ type: 'uuid' })
  programYearId: string;

  @ManyToOne(() => Partnership, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnership_id' })
  partnership?: Partnership;

  @ManyToOne(() => ProgramYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_year_id' })
  programYear?: ProgramYear;

  @Column({ type: 'uuid', nullable: true })
  addedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
