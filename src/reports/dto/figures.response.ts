import { ApiProperty } from '@nestjs/swagger';
import { PLAN_STATUSES } from '../../plans/plan-status';
import type { PlanStatus } from '../../plans/plan-status';

/** The cohort of a year. */
export class CohortFiguresResponse {
  @ApiProperty({ example: 20, description: "Schools in the year's cohort: explicitly counted in it, or their partnership was active on at least one day of the year." })
  schools: number;

  @ApiProperty({ example: 20, description: 'Partnerships in the cohort (a school in two programs counts twice).' })
  partnerships: number;

  @ApiProperty({ example: 1, description: 'Cohort partnerships with no plan for the year although the plan deadline has passed.' })
  missingPlans: number;
}

/** MoUs as of the year's day (today, or the last day of a past year). */
export class MouFiguresResponse {
  @ApiProperty({ example: 18, description: 'MoUs in force on the day.' })
  active: number;

  @ApiProperty({ example: 2, description: 'Of those, expiring within 90 days with no renewal started.' })
  expiring: number;

  @ApiProperty({ example: 1, description: 'MoUs that ran out during the year up to the day with no MoU in force the day after.' })
  expired: number;
}

/** Plans by status. */
export class PlanStatusCountsResponse implements Record<PlanStatus, number> {
  @ApiProperty({ example: 0 }) draft: number;
  @ApiProperty({ example: 1 }) submitted: number;
  @ApiProperty({ example: 0 }) changes_requested: number;
  @ApiProperty({ example: 3 }) approved: number;
  @ApiProperty({ example: 12 }) in_progress: number;
  @ApiProperty({ example: 2 }) completed: number;
  @ApiProperty({ example: 0 }) withdrawn: number;
}

/** Plans of a year. */
export class PlanFiguresResponse {
  @ApiProperty({ example: 18 })
  plans: number;

  @ApiProperty({ type: PlanStatusCountsResponse, description: `Counts for each of ${PLAN_STATUSES.join(', ')}.` })
  byStatus: PlanStatusCountsResponse;

  @ApiProperty({ example: 2, description: 'Submitted after the plan deadline, or still not submitted once it has passed.' })
  late: number;
}

/** Grant money of a year, whole rupiah as digit strings. */
export class GrantFiguresResponse {
  @ApiProperty({ example: 18, description: 'Grants that are not cancelled.' })
  grants: number;

  @ApiProperty({ example: '1800000000', description: 'Awards of live grants, plus what cancelled grants paid out before the cancellation.' })
  awarded: string;

  @ApiProperty({ example: '1500000000', description: 'Net of reversals.' })
  disbursed: string;

  @ApiProperty({ example: '1200000000', description: 'Spending accepted from expense reports.' })
  accepted: string;

  @ApiProperty({ example: '0' })
  returned: string;

  @ApiProperty({ example: '0' })
  carriedOver: string;

  @ApiProperty({ example: '300000000', description: 'Disbursed − accepted − returned − carried over.' })
  balanceAtSchools: string;

  @ApiProperty({ example: 1, description: "Grants with money at the school after the year's reporting deadline and no report waiting for review." })
  expenseReportsMissing: number;
}

/** In-kind facilities support of a year (sarana prasarana), beside the cash grants. Only handed-over items count as delivered. */
export class FacilityFiguresResponse {
  @ApiProperty({ example: 3, description: 'Items of the year whose handover (berita acara serah terima) is recorded.' })
  itemsHandedOver: number;

  @ApiProperty({ example: '47750000', description: 'The value of those items, whole rupiah: what reached the schools in kind.' })
  inKindValue: string;

  @ApiProperty({ example: 1, description: 'Items of the year recorded but not handed over yet.' })
  itemsAwaitingHandover: number;

  @ApiProperty({ example: '14000000', description: 'Their value, whole rupiah; not counted as delivered.' })
  awaitingHandoverValue: string;
}

/** Mentoring of a year. */
export class MentoringFiguresResponse {
  @ApiProperty({ example: 20 })
  schoolsAssigned: number;

  @ApiProperty({ example: 240, description: 'Of assignments not handed on to another facilitator.' })
  plannedSessions: number;

  @ApiProperty({ example: 360.5 })
  plannedHours: number;

  @ApiProperty({ example: 210, description: 'Logged sessions, unless disputed.' })
  sessionsDone: number;

  @ApiProperty({ example: 301.25 })
  hoursDone: number;

  @ApiProperty({ example: 4, description: 'Waiting for the principal to confirm.' })
  unconfirmedSessions: number;

  @ApiProperty({ example: 1 })
  disputedSessions: number;

  @ApiProperty({ example: 2, description: 'Schools with a running assignment and no confirmed session in 60 days.' })
  schoolsWithoutContact: number;

  @ApiProperty({ example: 3, description: 'Open follow-up actions past their due date.' })
  overdueFollowUps: number;
}

/** Trainings of a year. */
export class TrainingFiguresResponse {
  @ApiProperty({ example: 2 })
  trainings: number;

  @ApiProperty({ example: 50 })
  participants: number;

  @ApiProperty({ example: 47 })
  attended: number;

  @ApiProperty({ example: 45, description: 'Participants with both a pre- and a post-training score.' })
  paired: number;

  @ApiProperty({ nullable: true, type: Number, example: 12.4, description: 'Mean of post − pre over the paired participants; null when there are none.' })
  meanGain: number | null;
}

/** Competitions of a year. */
export class CompetitionFiguresResponse {
  @ApiProperty({ example: 1 })
  competitions: number;

  @ApiProperty({ example: 14 })
  entries: number;

  @ApiProperty({ example: 12 })
  schoolsEntered: number;

  @ApiProperty({ example: 14, description: 'Results of competitions whose results are published.' })
  results: number;

  @ApiProperty({ example: 3 })
  winners: number;

  @ApiProperty({ example: 3 })
  runnersUp: number;

  @ApiProperty({ example: 3 })
  specialMentions: number;

  @ApiProperty({ nullable: true, type: Number, example: 78.25, description: "Mean of the results' mean scores (0–100)." })
  meanScore: number | null;
}

/** Every domain of a year. */
export class YearFiguresResponse {
  @ApiProperty({ type: CohortFiguresResponse }) cohort: CohortFiguresResponse;
  @ApiProperty({ type: MouFiguresResponse }) mous: MouFiguresResponse;
  @ApiProperty({ type: PlanFiguresResponse }) plans: PlanFiguresResponse;
  @ApiProperty({ type: GrantFiguresResponse }) grants: GrantFiguresResponse;
  @ApiProperty({ type: FacilityFiguresResponse }) facilities: FacilityFiguresResponse;
  @ApiProperty({ type: MentoringFiguresResponse }) mentoring: MentoringFiguresResponse;
  @ApiProperty({ type: TrainingFiguresResponse }) trainings: TrainingFiguresResponse;
  @ApiProperty({ type: CompetitionFiguresResponse }) competitions: CompetitionFiguresResponse;
}
