import { ApiProperty } from '@nestjs/swagger';
import { OrganizationRefResponse } from '../../programs/dto/program.response';
import { PROGRAM_YEAR_STATUSES } from '../../programs/program-year-status';
import type { ProgramYearStatus } from '../../programs/program-year-status';
import { PARTNERSHIP_STATUSES } from '../partnership-status';
import type { PartnershipStatus } from '../partnership-status';
import type { TimelineYear } from '../timeline/build-timeline';
import { TIMELINE_EVENT_KINDS } from '../timeline/timeline-source';
import type { TimelineEventKind } from '../timeline/timeline-source';
import type { PartnershipRow } from './partnership.response';

/** One dated event of a partnership. */
export class TimelineEventResponse {
  @ApiProperty({ example: '2012-03-10' })
  date: string;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2012-03-10T03:00:00.000Z',
    description:
      'The moment it happened, in UTC, where the record has one (a signature, a submission, an approval, a review, a publication, or a record made on the day it is dated); null for what is known only to its day, such as an MoU expiry. ' +
      "A year's events are ordered by date, then by this moment (events without one last in their day), then by kind and record.",
  })
  at: string | null;

  @ApiProperty({ enum: TIMELINE_EVENT_KINDS, example: 'mou_signed', description: 'More kinds (plans, grants, mentoring, competition results) are added as those modules arrive.' })
  kind: TimelineEventKind;

  @ApiProperty({ example: 'MoU 001/TU-CSR/MOU/III/2012 signed' })
  title: string;

  @ApiProperty({ nullable: true, type: String, example: 'Kerja sama peningkatan mutu pendidikan; in force 2012-03-10 to 2015-03-09' })
  detail: string | null;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000a01', description: 'The record behind the event: a partnership event, an MoU or an amendment, a plan (each of its steps), a grant, a disbursement, an expense report, a mentoring session or a competition result.' })
  refId: string;
}

/** One calendar year of the partnership. */
export class TimelineYearResponse {
  @ApiProperty({ example: 2012 })
  year: number;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-000000000812', description: 'Null when the program has no record for the year.' })
  programYearId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Teacher training and school vision and mission' })
  theme: string | null;

  @ApiProperty({ nullable: true, enum: PROGRAM_YEAR_STATUSES, example: 'closed' })
  yearStatus: ProgramYearStatus | null;

  @ApiProperty({ example: true, description: "In the year's cohort: set explicitly, or the partnership was active that year." })
  inCohort: boolean;

  @ApiProperty({ type: [TimelineEventResponse], description: 'In the order they happened: by date, then by moment (`at`), then by kind and record. A step taken twice (a plan resubmitted) shows twice.' })
  events: TimelineEventResponse[];
}

/** A partnership year by year, oldest first. */
export class PartnershipTimelineResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901' })
  partnershipId: string;

  @ApiProperty({ type: OrganizationRefResponse, example: { id: '00000000-0000-4000-8000-000000000801', name: 'Generasi Trakindo' } })
  program: OrganizationRefResponse;

  @ApiProperty({ type: OrganizationRefResponse })
  company: OrganizationRefResponse;

  @ApiProperty({ type: OrganizationRefResponse, example: { id: '00000000-0000-4000-8000-000000000201', name: 'SDN Pelambuan 4 Banjarmasin' } })
  school: OrganizationRefResponse;

  @ApiProperty({ enum: PARTNERSHIP_STATUSES, example: 'active' })
  status: PartnershipStatus;

  @ApiProperty({ type: [TimelineYearResponse] })
  years: TimelineYearResponse[];

  static of(this: void, p: PartnershipRow, years: TimelineYear[]): PartnershipTimelineResponse {
    return {
      partnershipId: p.id,
      program: { id: p.programId, name: p.programName },
      company: { id: p.companyId, name: p.companyName },
      school: { id: p.schoolId, name: p.schoolName },
      status: p.status,
      years: years.map((y) => ({ ...y, events: y.events.map((e) => ({ date: e.date, at: e.at, kind: e.kind, title: e.title, detail: e.detail, refId: e.refId })) })),
    };
  }
}
