import { ApiProperty } from '@nestjs/swagger';
import { OrganizationRefResponse } from '../../programs/dto/program.response';
import { PROGRAM_YEAR_STATUSES } from '../../programs/program-year-status';
import type { ProgramYearStatus } from '../../programs/program-year-status';
import { PARTNERSHIP_STATUSES, partnershipMovesFrom } from '../partnership-status';
import type { PartnershipStatus } from '../partnership-status';

/** A partnership as read, with the names of its program, company and school. */
export interface PartnershipRow {
  id: string;
  programId: string;
  programName: string;
  programStartYear: number;
  companyId: string;
  companyName: string;
  schoolId: string;
  schoolName: string;
  schoolNpsn: string | null;
  schoolRegionCode: string | null;
  recommendationId: string | null;
  status: PartnershipStatus;
  startedOn: string | null;
  endedOn: string | null;
  statusReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One year of the partnership's program with how the school relates to it. */
export interface CohortYearRow {
  /** Null for a year the partnership was active in that has no program-year record. */
  programYearId: string | null;
  year: number;
  theme: string | null;
  yearStatus: ProgramYearStatus | null;
  /** Set by the company with PUT /partnerships/{id}/years. */
  explicit: boolean;
  /** The partnership was active on at least one day of the year, by its status history. */
  active: boolean;
}

/** The school of a partnership. */
export class PartnershipSchoolResponse extends OrganizationRefResponse {
  @ApiProperty({ nullable: true, type: String, example: '30304122' })
  npsn: string | null;

  @ApiProperty({ nullable: true, type: String, example: '63.71' })
  regionCode: string | null;
}

/** The standing relationship of one company and one school inside one program. */
export class PartnershipResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901' })
  id: string;

  @ApiProperty({ type: OrganizationRefResponse, example: { id: '00000000-0000-4000-8000-000000000801', name: 'Generasi Trakindo' } })
  program: OrganizationRefResponse;

  @ApiProperty({ type: OrganizationRefResponse, example: { id: '00000000-0000-4000-8000-000000000101', name: 'PT Trakindo Utama' } })
  company: OrganizationRefResponse;

  @ApiProperty({ type: PartnershipSchoolResponse, example: { id: '00000000-0000-4000-8000-000000000201', name: 'SDN Pelambuan 4 Banjarmasin', npsn: '30304122', regionCode: '63.71' } })
  school: PartnershipSchoolResponse;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-000000000701', description: 'The accepted recommendation it was born from.' })
  recommendationId: string | null;

  @ApiProperty({ enum: PARTNERSHIP_STATUSES, example: 'active' })
  status: PartnershipStatus;

  @ApiProperty({ enum: PARTNERSHIP_STATUSES, isArray: true, example: ['paused', 'ended'], description: 'The statuses it can move to now.' })
  allowedMoves: PartnershipStatus[];

  @ApiProperty({ nullable: true, type: String, example: '2012-03-10', description: 'When the cooperation first became active.' })
  startedOn: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  endedOn: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Why it is paused or ended.' })
  statusReason: string | null;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ example: '2026-11-24T08:15:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-24T08:15:00.000Z' })
  updatedAt: string;

  static from(this: void, p: PartnershipRow): PartnershipResponse {
    return {
      id: p.id,
      program: { id: p.programId, name: p.programName },
      company: { id: p.companyId, name: p.companyName },
      school: { id: p.schoolId, name: p.schoolName, npsn: p.schoolNpsn, regionCode: p.schoolRegionCode },
      recommendationId: p.recommendationId,
      status: p.status,
      allowedMoves: partnershipMovesFrom(p.status),
      startedOn: p.startedOn,
      endedOn: p.endedOn,
      statusReason: p.statusReason,
      version: p.version,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}

/** A program year the school took part in. */
export class CohortYearResponse {
  @ApiProperty({ example: 2012 })
  year: number;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-000000000812', description: 'Null when the program has no record for the year.' })
  programYearId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Teacher training and school vision and mission' })
  theme: string | null;

  @ApiProperty({ nullable: true, enum: PROGRAM_YEAR_STATUSES, example: 'closed' })
  yearStatus: ProgramYearStatus | null;

  @ApiProperty({ example: true, description: 'Set explicitly with PUT /partnerships/{id}/years.' })
  explicit: boolean;

  @ApiProperty({ example: true, description: 'The partnership was active during the year (from its status history).' })
  active: boolean;

  static from(this: void, c: CohortYearRow): CohortYearResponse {
    return { year: c.year, programYearId: c.programYearId, theme: c.theme, yearStatus: c.yearStatus, explicit: c.explicit, active: c.active };
  }
}

/** A partnership with the program years the school took part in. */
export class PartnershipDetailResponse extends PartnershipResponse {
  @ApiProperty({
    type: [CohortYearResponse],
    description: 'Oldest first: every year set explicitly, and every year the partnership was active (derived from its status history).',
  })
  cohortYears: CohortYearResponse[];

  static of(this: void, p: PartnershipRow, years: CohortYearRow[]): PartnershipDetailResponse {
    return { ...PartnershipResponse.from(p), cohortYears: years.filter((y) => y.explicit || y.active).map(CohortYearResponse.from) };
  }
}
