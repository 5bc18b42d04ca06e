import { ApiProperty } from '@nestjs/swagger';
import { OrganizationRefResponse } from '../../common/http/ref.response';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';

export { OrganizationRefResponse };

/** A region named in a record. */
export class RegionRefResponse {
  @ApiProperty({ example: '63.71' })
  code: string;

  @ApiProperty({ example: 'Kota Banjarmasin' })
  name: string;
}

/** A program as read, with the names of its company, regions and facilitators. */
export interface ProgramRow {
  id: string;
  companyId: string;
  companyName: string;
  name: string;
  description: string | null;
  focusAreas: Topic[];
  startYear: number;
  endYear: number | null;
  regionCodes: string[];
  regions: RegionRefResponse[];
  facilitators: OrganizationRefResponse[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A company's CSR education program. */
export class ProgramResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801' })
  id: string;

  @ApiProperty({ type: OrganizationRefResponse, description: 'The owning company.' })
  company: OrganizationRefResponse;

  @ApiProperty({ example: 'Generasi Trakindo' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: 'School improvement for elementary schools: a new theme every year, a planning workshop, a stimulus grant, mentoring and an innovation competition.' })
  description: string | null;

  @ApiProperty({ enum: TOPICS, isArray: true, example: ['teacher_training', 'literacy', 'child_friendly_school'] })
  focusAreas: Topic[];

  @ApiProperty({ example: 2012 })
  startYear: number;

  @ApiProperty({ nullable: true, type: Number, example: 2026, description: 'Null while the program runs on with no planned end.' })
  endYear: number | null;

  @ApiProperty({ example: ['63', '64'], description: 'As stored, in the order given.' })
  regionCodes: string[];

  @ApiProperty({ type: [RegionRefResponse], description: 'The same regions with their names, by code.' })
  regions: RegionRefResponse[];

  @ApiProperty({ type: [OrganizationRefResponse], example: [{ id: '00000000-0000-4000-8000-000000000401', name: 'Edukasi 101' }], description: 'Facilitator organisations, by name.' })
  facilitators: OrganizationRefResponse[];

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you update.' })
  version: number;

  @ApiProperty({ example: '2026-11-24T08:15:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-24T08:15:00.000Z' })
  updatedAt: string;

  static from(this: void, p: ProgramRow): ProgramResponse {
    return {
      id: p.id,
      company: { id: p.companyId, name: p.companyName },
      name: p.name,
      description: p.description,
      focusAreas: p.focusAreas,
      startYear: p.startYear,
      endYear: p.endYear,
      regionCodes: p.regionCodes,
      regions: p.regions,
      facilitators: p.facilitators,
      version: p.version,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}
