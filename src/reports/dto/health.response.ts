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

/** The health of a program's live partnerships, lowest score first. */
export class PortfolioHealthResponse {
  @ApiProperty({ type: ReportProgramResponse })
  program: ReportProgramResponse;

  @ApiProperty({ example: '2026-07-15', description: 'Today: the day every signal is read on.' })
  asOf: string;

  @ApiProperty({ type: HealthRuleResponse, example: HEALTH_POINTS, description: 'The points each reason takes off (overdue_followups: per action, with a maximum).' })
  rule: HealthRuleResponse;

  @ApiProperty({ type: [PartnershipHealthResponse], description: 'Active and paused partnerships, lowest score first, then by school name.' })
  partnerships: PartnershipHealthResponse[];
}
