import { ApiProperty } from '@nestjs/swagger';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import type { Organization } from '../organization.entity';
import { OFFICE_LEVELS, ORGANIZATION_TYPES, SCHOOL_LEVELS, SCHOOL_OWNERSHIPS } from '../organization-type';
import type { OfficeLevel, OrganizationType, SchoolLevel, SchoolOwnership } from '../organization-type';

/** An organisation row with what the list and detail queries add to it. */
export type OrganizationRow = Organization & { regionName?: string | null; districtName?: string | null; hasActivePartner?: boolean | null };

/** The public profile of an organisation. */
export class OrganizationResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  id: string;

  @ApiProperty({ enum: ORGANIZATION_TYPES, example: 'school' })
  type: OrganizationType;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: '30304122', description: 'National school number (schools only).' })
  npsn: string | null;

  @ApiProperty({ nullable: true, enum: SCHOOL_LEVELS, example: 'SD' })
  schoolLevel: SchoolLevel | null;

  @ApiProperty({ nullable: true, enum: SCHOOL_OWNERSHIPS, example: 'public' })
  ownership: SchoolOwnership | null;

  @ApiProperty({ nullable: true, enum: OFFICE_LEVELS, example: 'province', description: 'Offices only; null for schools and companies.' })
  officeLevel: OfficeLevel | null;

  @ApiProperty({ nullable: true, type: String, example: '63.71', description: 'Province (63) or regency/city (63.71) code.' })
  regionCode: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Kota Banjarmasin' })
  regionName: string | null;

  @ApiProperty({ nullable: true, type: String, example: '63.71.03', description: 'Schools only: the district (kecamatan), when known.' })
  districtCode: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Banjarmasin Barat' })
  districtName: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Companies only.' })
  sector: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Jl. Pelambuan, Banjarmasin Barat' })
  address: string | null;

  @ApiProperty({ nullable: true, type: Number, example: 412 })
  studentCount: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 21 })
  teacherCount: number | null;

  @ApiProperty({ nullable: true, type: String, example: 'Hj. Siti Rahmah, S.Pd.' })
  principalName: string | null;

  @ApiProperty({ enum: TOPICS, isArray: true, example: ['literacy', 'child_friendly_school'] })
  needs: Topic[];

  @ApiProperty({ nullable: true, type: Boolean, example: true, description: 'Schools only: whether a company has taken the school on as a partner.' })
  hasActivePartner: boolean | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  archivedAt: string | null;

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you update.' })
  version: number;

  @ApiProperty({ example: '2026-11-24T08:15:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-24T08:15:00.000Z' })
  updatedAt: string;

  static from(this: void, o: OrganizationRow): OrganizationResponse {
    return {
      id: o.id,
      type: o.type,
      name: o.name,
      npsn: o.npsn,
      schoolLevel: o.schoolLevel,
      ownership: o.ownership,
      officeLevel: o.officeLevel,
      regionCode: o.regionCode,
      regionName: o.regionName ?? null,
      districtCode: o.districtCode ?? null,
      districtName: o.districtName ?? null,
      sector: o.sector,
      address: o.address,
      studentCount: o.studentCount,
      teacherCount: o.teacherCount,
      principalName: o.principalName,
      needs: o.needs ?? [],
      hasActivePartner: o.type === 'school' ? Boolean(o.hasActivePartner) : null,
      archivedAt: o.archivedAt?.toISOString() ?? null,
      version: o.version,
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
    };
  }
}
