import { ApiProperty } from '@nestjs/swagger';
import { SchoolParentsReachedResponse } from '../../parent-engagement/dto/parents-reached.response';
import { OrganizationRefResponse } from '../../programs/dto/program.response';
import { PROGRAM_YEAR_STATUSES } from '../../programs/program-year-status';
import type { ProgramYearStatus } from '../../programs/program-year-status';
import {
  CohortFiguresResponse,
  CompetitionFiguresResponse,
  FacilityFiguresResponse,
  GrantFiguresResponse,
  MentoringFiguresResponse,
  MouFiguresResponse,
  PlanFiguresResponse,
  TrainingFiguresResponse,
  YearFiguresResponse,
} from './figures.response';

/** The program a portfolio is about. */
export class ReportProgramResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801' })
  id: string;

  @ApiProperty({ example: 'Generasi Trakindo' })
  name: string;

  @ApiProperty({ example: 2012 })
  startYear: number;

  @ApiProperty({ nullable: true, type: Number, example: 2026 })
  endYear: number | null;

  @ApiProperty({ type: OrganizationRefResponse })
  company: OrganizationRefResponse;
}

/** The program's record of the report's year. */
export class ReportProgramYearResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000812' })
  id: string;

  @ApiProperty({ example: 'Child-friendly school' })
  theme: string;

  @ApiProperty({ enum: PROGRAM_YEAR_STATUSES, example: 'running' })
  status: ProgramYearStatus;

  @ApiProperty({ nullable: true, type: String, example: '2026-02-28' })
  planDeadline: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-30' })
  grantReportingDeadline: string | null;
}

/** Cohort schools of one province. */
export class ProvinceCohortResponse {
  @ApiProperty({ nullable: true, type: String, example: '63', description: 'Null for schools without a region code.' })
  provinceCode: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Kalimantan Selatan' })
  provinceName: string | null;

  @ApiProperty({ example: 3 })
  schools: number;
}

/** The cohort of the report's year, with its provinces. */
export class PortfolioCohortResponse extends CohortFiguresResponse {
  @ApiProperty({ type: [ProvinceCohortResponse] })
  byProvince: ProvinceCohortResponse[];
}

/** One year of the series. */
export class SeriesYearResponse extends YearFiguresResponse {
  @ApiProperty({ type: PortfolioCohortResponse, description: "The year's cohort, with its provinces." })
  override cohort: PortfolioCohortResponse;

  @ApiProperty({ example: 2012 })
  year: number;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000812' })
  programYearId: string;

  @ApiProperty({ example: 'Teacher training and school vision and mission' })
  theme: string;

  @ApiProperty({ enum: PROGRAM_YEAR_STATUSES, example: 'closed' })
  status: ProgramYearStatus;

  @ApiProperty({ example: '2012-12-31', description: "The day the year's figures are taken on: today, or the year's last day." })
  asOf: string;
}

/** How a CSR officer's program is doing this year, and over the years. */
export class PortfolioReportResponse {
  @ApiProperty({ type: ReportProgramResponse })
  program: ReportProgramResponse;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ example: '2026-07-15', description: "The day the figures are taken on: today for the current year, the year's last day for a past one." })
  asOf: string;

  @ApiProperty({ nullable: true, type: ReportProgramYearResponse, description: 'Null when the program has no record of the year.' })
  programYear: ReportProgramYearResponse | null;

  @ApiProperty({ type: PortfolioCohortResponse })
  cohort: PortfolioCohortResponse;

  @ApiProperty({ type: MouFiguresResponse })
  mous: MouFiguresResponse;

  @ApiProperty({ type: PlanFiguresResponse })
  plans: PlanFiguresResponse;

  @ApiProperty({ type: GrantFiguresResponse })
  grants: GrantFiguresResponse;

  @ApiProperty({ type: FacilityFiguresResponse, description: 'In-kind facilities support of the year, beside the cash grants.' })
  facilities: FacilityFiguresResponse;

  @ApiProperty({ type: MentoringFiguresResponse })
  mentoring: MentoringFiguresResponse;

  @ApiProperty({ type: TrainingFiguresResponse })
  trainings: TrainingFiguresResponse;

  @ApiProperty({ type: CompetitionFiguresResponse })
  competitions: CompetitionFiguresResponse;

  @ApiProperty({ type: [SeriesYearResponse], description: 'Every program year since the program began, oldest first, with the same figures.' })
  series: SeriesYearResponse[];

  @ApiProperty({
    type: [SchoolParentsReachedResponse],
    description:
      "Parents reached by each cohort school in each program year in which it reached at least one parent (a school-year without a row reached none), oldest year first: the school's own parent-engagement activities of the calendar year, plus parents attending the program's mentoring sessions and trainings of the year (docs/parents-guide.md).",
  })
  parentsReached: SchoolParentsReachedResponse[];
}
