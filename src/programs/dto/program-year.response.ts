import { ApiProperty } from '@nestjs/swagger';
import { isYearReadOnly, nextYearStatus, PROGRAM_YEAR_STATUSES } from '../program-year-status';
import type { ProgramYearStatus } from '../program-year-status';
import type { ProgramYear } from '../program-year.entity';
import { PARTNERSHIP_STATUSES } from '../../partnerships/partnership-status';
import type { PartnershipStatus } from '../../partnerships/partnership-status';

/** One year of a program. */
export class ProgramYearResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000826' })
  id: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801' })
  programId: string;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ example: 'Horizontal learning: schools share good practice' })
  theme: string;

  @ApiProperty({ nullable: true, type: String, example: null })
  description: string | null;

  @ApiProperty({ example: '1500000000', description: 'Whole rupiah, as a digit string.' })
  budgetEnvelope: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '1200000000',
    description: "Whole rupiah awarded in the year's grants that are not cancelled (what the envelope is checked against). Only for the owning company's users and admins; null for everyone else.",
  })
  grantsCommitted: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '300000000',
    description: 'The room left in the envelope for new awards: budgetEnvelope − grantsCommitted, never below 0. Null when grantsCommitted is.',
  })
  budgetRemaining: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-01-20' })
  planningWorkshopDate: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-02-28' })
  planDeadline: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-30' })
  grantReportingDeadline: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-12-10' })
  competitionDate: string | null;

  @ApiProperty({ enum: PROGRAM_YEAR_STATUSES, example: 'running' })
  status: ProgramYearStatus;

  @ApiProperty({ nullable: true, enum: PROGRAM_YEAR_STATUSES, example: 'evaluating', description: 'The only status it can move to next; null once closed.' })
  nextStatus: ProgramYearStatus | null;

  @ApiProperty({ example: false, description: 'True once closed: the year and its cohort can no longer change.' })
  readOnly: boolean;

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you update.' })
  version: number;

  @ApiProperty({ example: '2026-11-24T08:15:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-24T08:15:00.000Z' })
  updatedAt: string;

  /** The year as an answer; `committed` is the sum of its live grants, or null when the reader may not see money. */
  static from(this: void, y: ProgramYear, committed: string | null = null): ProgramYearResponse {
    const envelope = BigInt(y.budgetEnvelope);
    const room = committed === null ? null : envelope - BigInt(committed);
    return {
      id: y.id,
      programId: y.programId,
      year: y.year,
      theme: y.theme,
      description: y.description,
      budgetEnvelope: String(y.budgetEnvelope),
      grantsCommitted: committed,
      budgetRemaining: room === null ? null : String(room > 0n ? room : 0n),
      planningWorkshopDate: y.planningWorkshopDate,
      planDeadline: y.planDeadline,
      grantReportingDeadline: y.grantReportingDeadline,
      competitionDate: y.competitionDate,
      status: y.status,
      nextStatus: nextYearStatus(y.status),
      readOnly: isYearReadOnly(y.status),
      version: y.version,
      createdAt: y.createdAt.toISOString(),
      updatedAt: y.updatedAt.toISOString(),
    };
  }
}

/** The years of a program, oldest first (a program has at most a few dozen: not paged). */
export class ProgramYearListResponse {
  @ApiProperty({ type: [ProgramYearResponse] })
  items: ProgramYearResponse[];
}

/** The school of a cohort partnership. */
export class CohortSchoolResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000101' })
  id: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: '30304225' })
  npsn: string | null;
}

/** One partnership in a year's cohort. */
export class CohortPartnershipResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901' })
  partnershipId: string;

  @ApiProperty({ type: CohortSchoolResponse })
  school: CohortSchoolResponse;

  @ApiProperty({ enum: PARTNERSHIP_STATUSES, example: 'active', description: "The partnership's status today." })
  status: PartnershipStatus;

  @ApiProperty({ example: false, description: 'The year is in the partnership\'s explicit cohort (PUT /partnerships/{id}/years); otherwise it counts because the partnership was active in the year.' })
  explicit: boolean;
}

/** The partnerships in one year's cohort that the reader can see, by school name (a cohort is a few dozen schools: not paged). */
export class CohortListResponse {
  @ApiProperty({ type: [CohortPartnershipResponse] })
  items: CohortPartnershipResponse[];
}
