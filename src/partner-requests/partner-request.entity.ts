import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Topic } from '../common/catalog/topics';
import { Organization } from '../organizations/organization.entity';
import { Program } from '../programs/program.entity';
import { Region } from '../regions/region.entity';
import type { SchoolLevel } from '../organizations/organization-type';
import type { PartnerRequestStatus } from './partner-request-status';

/** A company asks an education office to recommend partner schools. */
@Entity('partner_requests')
@Check('partner_requests_status_check', `"status" IN ('open', 'answered', 'closed', 'withdrawn', 'expired')`)
@Check('partner_requests_wanted_check', `"schools_wanted" BETWEEN 1 AND 100`)
@Index('partner_requests_company_idx', ['companyId', 'createdAt', 'id'])
@Index('partner_requests_office_idx', ['educationOfficeId', 'createdAt', 'id'])
export class PartnerRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Organization;

  @Column({ type: 'uuid' })
  educationOfficeId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'education_office_id' })
  educationOffice?: Organization;

  /** The program the schools are sought for; may stay empty. */
  @Column({ type: 'uuid', nullable: true })
  programId: string | null;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  /** Where the schools should be: a province or regency/city inside the office's jurisdiction. */
  @Column({ type: 'varchar', length: 5 })
  regionCode: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code' })
  region?: Region;

  /** Wanted school levels; empty means any level. */
  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  schoolLevels: SchoolLevel[];

  @Column({ type: 'integer' })
  schoolsWanted: number;

  /** Needs from the topic catalogue, matched against the schools' stated needs. */
  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  needTopics: Topic[];

  /** The company's needs in its own words, e.g. "literacy and disaster preparedness". */
  @Column({ type: 'text', nullable: true })
  needsNote: string | null;

  @Column({ type: 'date' })
  dueDate: string;

  /** Stored status; an open request past its due date reads as expired. */
  @Column({ type: 'varchar', length: 12, default: 'open' })
  status: PartnerRequestStatus;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'uuid', nullable: true })
  answeredByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawnReason: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
