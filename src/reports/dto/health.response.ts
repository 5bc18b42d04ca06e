import { ApiProperty } from '@nestjs/swagger';
import { PARTNERSHIP_STATUSES } from '../../partnerships/partnership-status';
import type { PartnershipStatus } from '../../partnerships/partnership-status';
import { HEALTH_BANDS, HEALTH_POINTS, HEALTH_REASON_CODES } from '../health';
import type { HealthBand, HealthReasonCode } from '../health';
import { ReportProgramResponse } from './portfolio-report.response';

/** One reason a score is below 100. */
export class HealthReasonResponse {
  @ApiProperty({ enum: HEALTH_REASON_CODES, example: 'no_contact_60_days' })
  code: HealthReasonCode;

  @ApiProperty({ example: 20, description: 'Points taken off; the points of all reasons add up to 100 − score.' })
  points: number;

  @ApiProperty({ example: 'No confirmed mentoring session for 60 days: the last was on 2026-04-02' })
  detail: string;
}

/** A school named in a report. */
export class ReportSchoolResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  id: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: '30300001' })
  npsn: string | null;

  @ApiProperty({ nullable: true, type: String, example: '63.71' })
  regionCode: string | null;
}

/** The health of one partnership. */
export class PartnershipHealthResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901' })
  partnershipId: string;

  @ApiProperty({ type: ReportSchoolResponse })
  school: ReportSchoolResponse;

  @ApiProperty({ enum: PARTNERSHIP_STATUSES, example: 'active' })
  status: PartnershipStatus;

  @ApiProperty({ example: 65, minimum: 0, maximum: 100 })
  score: number;

  @ApiProperty({ enum: HEALTH_BANDS, example: 'watch', description: 'healthy from 80, watch from 50, at_risk below.' })
  band: HealthBand;

  @ApiProperty({ type: [HealthReasonResponse] })
  reasons: HealthReasonResponse[];
}

/** Points per overdue follow-up action, up to a maximum. */
export class HealthFollowupPointsResponse {
  @ApiProperty({ example: HEALTH_POINTS.overdue_followups.each })
  each: number;

  @ApiProperty({ example: HEALTH_POINTS.overdue_followups.max })
  max: number;
}

/** The scoring rule: the points each reason takes off a partnership's 100. */
export class HealthRuleResponse {
  @ApiProperty({ example: HEALTH_POINTS.mou_lapsed })
  mou_lapsed: number;

  @ApiProperty({ example: HEALTH_POINTS.mou_expiring })
  mou_expiring: number;

  @ApiProperty({ example: HEALTH_POINTS.plan_late })
  plan_late: number;

  @ApiProperty({ example: HEALTH_POINTS.expense_report_overdue })
  expense_report_overdue: number;

  @ApiProperty({ example: HEALTH_POINTS.no_contact_60_days })
  no_contact_60_days: number;

  @ApiProperty({ type: HealthFollowupPointsResponse })
  overdue_followups: HealthFollowupPointsResponse;

  @ApiProperty({ example: HEALTH_POINTS.falling_indicators })
  falling_indicators: number;
}

/** How many live partnerships are in each band. */
export class HealthBandCountsResponse {
  @ApiProperty({ example: 12 })
  healthy: number;

  @ApiProperty({ example: 5 })
  watch: number;

  @ApiProperty({ example: 3 })
  at_risk: number;
}

/** How many live partnerships have each reason. */
export class HealthReasonCountsResponse {
  @ApiProperty({ example: 1 })
  mou_lapsed: number;

  @ApiProperty({ example: 2 })
  mou_expiring: number;

  @ApiProperty({ example: 3 })
  plan_late: number;

  @ApiProperty({ example: 2 })
  expense_report_overdue: number;

  @ApiProperty({ example: 1 })
  no_contact_60_days: number;

  @ApiProperty({ example: 2 })
  overdue_followups: number;

  @ApiProperty({ example: 1 })
  falling_indicators: number;
}

/** The counts of the whole program, before any filter: what each filter would find. */
export class HealthCountsResponse {
  @ApiProperty({ example: 20, description: 'Live (active or paused) partnerships of the program.' })
  partnerships: number;

  @ApiProperty({ type: HealthBandCountsResponse })
  byBand: HealthBandCountsResponse;

  @ApiProperty({ type: HealthReasonCountsResponse })
  byReason: HealthReasonCountsResponse;
}

/** The health of a program's live partnerships, lowest score first (or in the order asked), one page at a time. */
export class PortfolioHealthResponse {
  @ApiProperty({ type: ReportProgramResponse })
  program: ReportProgramResponse;

  @ApiProperty({ example: '2026-07-15', description: 'Today: the day every signal is read on.' })
  asOf: string;

  @ApiProperty({ type: HealthRuleResponse, example: HEALTH_POINTS, description: 'The points each reason takes off (overdue_followups: per action, with a maximum).' })
  rule: HealthRuleResponse;

  @ApiProperty({ type: HealthCountsResponse, description: 'Counts over every live partnership of the program, whatever the filters.' })
  counts: HealthCountsResponse;

  @ApiProperty({ example: 3, description: 'Partnerships matching the filters (over all pages).' })
  matching: number;

  @ApiProperty({
    type: [PartnershipHealthResponse],
    description: 'One page of the active and paused partnerships matching the filters, in the order of `sort` (default lowest score first, then by school name). Files hold every matching one.',
  })
  partnerships: PartnershipHealthResponse[];

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Pass as `cursor` to get the next page; null on the last page.' })
  nextCursor: string | null;
}
