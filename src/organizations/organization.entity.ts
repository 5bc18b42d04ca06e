import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OfficeLevel, OrganizationType, SchoolLevel } from './organization-type';

@Entity('organizations')
@Check('organizations_type_check', `"type" IN ('company', 'school', 'education_office', 'facilitator', 'other')`)
@Check('organizations_npsn_check', `("type" = 'school') = ("npsn" IS NOT NULL) AND ("npsn" IS NULL OR "npsn" ~ '^[0-9]{8}$')`)
@Check('organizations_office_region_check', `"type" <> 'education_office' OR ("region_code" IS NOT NULL AND "office_level" IS NOT NULL)`)
@Check('organizations_region_code_check', `"region_code" IS NULL OR "region_code" ~ '^[0-9]{2}([.][0-9]{2})?$'`)
@Index('organizations_npsn_key', ['npsn'], { unique: true, where: '"npsn" IS NOT NULL' })
@Index('organizations_type_name_idx', ['type', 'name', 'id'])
@Index('organizations_name_idx', ['name', 'id'])
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

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
