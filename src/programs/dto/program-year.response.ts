import { ApiProperty } from '@nestjs/swagger';
import { isYearReadOnly, nextYearStatus, PROGRAM_YEAR_STATUSES } from '../program-year-status';
import type { ProgramYearStatus } from '../program-year-status';
import type { ProgramYear } from '../program-year.entity';

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

  static from(this: void, y: ProgramYear): ProgramYearResponse {
    return {
      id: y.id,
      programId: y.programId,
      year: y.year,
      theme: y.theme,
      description: y.description,
      budgetEnvelope: String(y.budgetEnvelope),
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
