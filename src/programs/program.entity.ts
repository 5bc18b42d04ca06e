import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Topic } from '../common/catalog/topics';
import { Organization } from '../organizations/organization.entity';

/** A company's multi-year CSR education program, e.g. "Generasi Trakindo". */
@Entity('programs')
@Check('programs_years_check', `"end_year" IS NULL OR "end_year" >= "start_year"`)
@Check('programs_start_year_check', `"start_year" BETWEEN 1990 AND 2100`)
@Index('programs_company_idx', ['companyId', 'name', 'id'])
export class Program {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Organization;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  focusAreas: Topic[];

  @Column({ type: 'integer' })
  startYear: number;

  /** Null while the program runs on with no planned end. */
  @Column({ type: 'integer', nullable: true })
  endYear: number | null;

  /** Province or regency/city codes where the program works. */
  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  regionCodes: string[];

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
