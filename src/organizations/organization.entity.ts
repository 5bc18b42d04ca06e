import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Region } from '../regions/region.entity';
import type { Topic } from '../common/catalog/topics';
import type { OfficeLevel, OrganizationType, SchoolLevel, SchoolOwnership } from './organization-type';

@Entity('organizations')
@Check('organizations_type_check', `"type" IN ('company', 'school', 'education_office', 'facilitator', 'other')`)
@Check('organizations_npsn_check', `("type" = 'school') = ("npsn" IS NOT NULL) AND ("npsn" IS NULL OR "npsn" ~ '^[0-9]{8}$')`)
@Check('organizations_office_region_check', `"type" <> 'education_office' OR ("region_code" IS NOT NULL AND "office_level" IS NOT NULL)`)
@Check('organizations_region_code_check', `"region_code" IS NULL OR "region_code" ~ '^[0-9]{2}([.][0-9]{2})?$'`)
@Index('organizations_npsn_key', ['npsn'], { unique: true, where: '"npsn" IS NOT NULL' })
@Index('organizations_type_name_idx', ['type', 'name', 'id'])
@Index('organizations_name_idx', ['name', 'id'])
@Index('organizations_created_idx', ['createdAt', 'id'])
@Index('organizations_region_idx', ['regionCode'])
@Index('organizations_district_idx', ['districtCode'])
@Check('organizations_district_check', `"district_code" IS NULL OR ("type" = 'school' AND "region_code" IS NOT NULL AND left("district_code", 5) = "region_code")`)
@Check('organizations_ownership_check', `"ownership" IS NULL OR "ownership" IN ('public', 'private')`)
@Check('organizations_counts_check', `("student_count" IS NULL OR "student_count" >= 0) AND ("teacher_count" IS NULL OR "teacher_count" >= 0)`)
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  type: OrganizationType;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'char', length: 8, nullable: true })
  npsn: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  schoolLevel: SchoolLevel | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  officeLevel: OfficeLevel | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  regionCode: string | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code' })
  region?: Region;

  /** Schools: the district (kecamatan) inside the regency/city, e.g. 63.71.03; optional. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  districtCode: string | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_code', referencedColumnName: 'code' })
  district?: Region;

  /** Companies: their business sector, e.g. "Heavy equipment sales and rental". */
  @Column({ type: 'varchar', length: 100, nullable: true })
  sector: string | null;

  /** Schools: public (negeri) or private (swasta). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  ownership: SchoolOwnership | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'integer', nullable: true })
  studentCount: number | null;

  @Column({ type: 'integer', nullable: true })
  teacherCount: number | null;

  /** Schools: the principal's name as the school states it (the principal's account is a user). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  principalName: string | null;

  /** Schools: the needs they state, from the topic catalogue; recommendations match on them. */
  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  needs: Topic[];

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
