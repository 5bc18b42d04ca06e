import { ApiProperty } from '@nestjs/swagger';
import type { Organization } from '../organization.entity';
import { OFFICE_LEVELS, ORGANIZATION_TYPES, SCHOOL_LEVELS } from '../organization-type';
import type { OfficeLevel, OrganizationType, SchoolLevel } from '../organization-type';

/** The public profile of an organisation. */
export class OrganizationResponse {
  @ApiProperty({ example: '0b6a4f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b' })
  id: string;

  @ApiProperty({ enum: ORGANIZATION_TYPES, example: 'school' })
  type: OrganizationType;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: '30304122', description: 'National school number (schools only).' })
  npsn: string | null;

  @ApiProperty({ nullable: true, enum: SCHOOL_LEVELS, example: 'SD' })
  schoolLevel: SchoolLevel | null;

  @ApiProperty({ nullable: true, enum: OFFICE_LEVELS, example: null })
  officeLevel: OfficeLevel | null;

  @ApiProperty({ nullable: true, type: String, example: '63.71', description: 'Province (63) or regency/city (63.71) code.' })
  regionCode: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  archivedAt: string | null;

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you update.' })
  version: number;

  @ApiProperty({ example: '2026-11-24T08:15:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-24T08:15:00.000Z' })
  updatedAt: string;

  static from(this: void, o: Organization): OrganizationResponse {
    return {
      id: o.id,
      type: o.type,
      name: o.name,
      npsn: o.npsn,
      schoolLevel: o.schoolLevel,
      officeLevel: o.officeLevel,
      regionCode: o.regionCode,
      archivedAt: o.archivedAt?.toISOString() ?? null,
      version: o.version,
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
    };
  }
}
