import { ApiProperty } from '@nestjs/swagger';
import { ParentsReachedResponse } from '../../parent-engagement/dto/parents-reached.response';
import { TimelineEventResponse } from '../../partnerships/dto/partnership-timeline.response';
import { PARTNERSHIP_STATUSES } from '../../partnerships/partnership-status';
import type { PartnershipStatus } from '../../partnerships/partnership-status';
import { OrganizationRefResponse } from '../../programs/dto/program.response';
import { PROGRAM_YEAR_STATUSES } from '../../programs/program-year-status';
import type { ProgramYearStatus } from '../../programs/program-year-status';
import { YearFiguresResponse } from './figures.response';
import { ReportSchoolResponse } from './health.response';

/** One year of one partnership: the partnership timeline's year with the year's figures. */
export class SchoolTimelineYearResponse {
  @ApiProperty({ example: 2012 })
  year: number;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-000000000812' })
  programYearId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Teacher training and school vision and mission' })
  theme: string | null;

  @ApiProperty({ nullable: true, enum: PROGRAM_YEAR_STATUSES, example: 'closed' })
  yearStatus: ProgramYearStatus | null;

  @ApiProperty({ example: true })
  inCohort: boolean;

  @ApiProperty({ type: [TimelineEventResponse], description: 'What happened, oldest first: status changes, MoUs, plans, grants, mentoring sessions, competition results.' })
  events: TimelineEventResponse[];

  @ApiProperty({ type: YearFiguresResponse, description: 'What the year added up to for this school, with the same definitions as the portfolio and region reports.' })
  figures: YearFiguresResponse;

  @ApiProperty({ type: ParentsReachedResponse, description: "Parents reached at the school in the year: its parent-engagement activities plus parents at this program's mentoring sessions and trainings (docs/parents-guide.md)." })
  parentsReached: ParentsReachedResponse;
}

/** Everything a school did with one partner, year by year. */
export class SchoolPartnershipTimelineResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901' })
  partnershipId: string;

  @ApiProperty({ type: OrganizationRefResponse })
  program: OrganizationRefResponse;

  @ApiProperty({ type: OrganizationRefResponse })
  company: OrganizationRefResponse;

  @ApiProperty({ enum: PARTNERSHIP_STATUSES, example: 'active' })
  status: PartnershipStatus;

  @ApiProperty({ type: [SchoolTimelineYearResponse], description: 'Oldest first.' })
  years: SchoolTimelineYearResponse[];
}

/** A school's timeline with each of its partners in the caller's scope. */
export class SchoolTimelineResponse {
  @ApiProperty({ type: ReportSchoolResponse })
  school: ReportSchoolResponse;

  @ApiProperty({ example: '2026-07-15' })
  asOf: string;

  @ApiProperty({ type: [SchoolPartnershipTimelineResponse] })
  partnerships: SchoolPartnershipTimelineResponse[];
}
