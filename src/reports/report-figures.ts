import { PLAN_STATUSES } from '../plans/plan-status';
import type { PlanStatus } from '../plans/plan-status';

/**
 * The figures of one domain as the aggregates in figures.ts return them (a JSON object per domain,
 * snake_case), read into camelCase with zeros for a domain that had no rows. Money stays a digit
 * string; hours and means are decimals with two places, computed in SQL.
 */
type Json = Record<string, unknown> | null | undefined;

const int = (j: Json, key: string): number => {
  const v = j?.[key];
  return v === null || v === undefined ? 0 : Number(v);
};
const dec = (j: Json, key: string): number => {
  const v = j?.[key];
  return v === null || v === undefined ? 0 : Number(v);
};
const decOrNull = (j: Json, key: string): number | null => {
  const v = j?.[key];
  return v === null || v === undefined ? null : Number(v);
};
const money = (j: Json, key: string): string => {
  const v = j?.[key];
  return v === null || v === undefined ? '0' : String(v);
};

/** Schools in the cohort, and cohort partnerships still missing a plan after the deadline. */
export interface CohortFigures {
  schools: number;
  partnerships: number;
  missingPlans: number;
}

/** MoUs active, expiring within 90 days and expired, as of the year's day. */
export interface MouFigures {
  active: number;
  expiring: number;
  expired: number;
}

/** Plans of the year by status, and the late ones. */
export interface PlanFigures {
  plans: number;
  byStatus: Record<PlanStatus, number>;
  late: number;
}

/** Grant money of the year, whole rupiah as digit strings. */
export interface GrantFigures {
  grants: number;
  awarded: string;
  disbursed: string;
  accepted: string;
  returned: string;
  carriedOver: string;
  balanceAtSchools: string;
  expenseReportsMissing: number;
}

/** In-kind facilities support of the year: only handed-over items count as delivered. Whole rupiah as digit strings. */
export interface FacilityFigures {
  itemsHandedOver: number;
  /** The value of the items handed over: what reached the schools in kind. */
  inKindValue: string;
  itemsAwaitingHandover: number;
  awaitingHandoverValue: string;
}

/** Mentoring of the year. */
export interface MentoringFigures {
  schoolsAssigned: number;
  plannedSessions: number;
  plannedHours: number;
  sessionsDone: number;
  hoursDone: number;
  unconfirmedSessions: number;
  disputedSessions: number;
  schoolsWithoutContact: number;
  overdueFollowUps: number;
}

/** Trainings of the year. */
export interface TrainingFigures {
  trainings: number;
  participants: number;
  attended: number;
  /** Participants with both a pre- and a post-training score. */
  paired: number;
  meanGain: number | null;
}

/** Competitions of the year. */
export interface CompetitionFigures {
  competitions: number;
  entries: number;
  schoolsEntered: number;
  results: number;
  winners: number;
  runnersUp: number;
  specialMentions: number;
  meanScore: number | null;
}

/** Every domain of one year (or one regency, or one partnership-year). */
export interface YearFigures {
  cohort: CohortFigures;
  mous: MouFigures;
  plans: PlanFigures;
  grants: GrantFigures;
  facilities: FacilityFigures;
  mentoring: MentoringFigures;
  trainings: TrainingFigures;
  competitions: CompetitionFigures;
}

export const readCohort = (j: Json): CohortFigures => ({ schools: int(j, 'schools'), partnerships: int(j, 'partnerships'), missingPlans: int(j, 'missing_plans') });

export const readMous = (j: Json): MouFigures => ({ active: int(j, 'active'), expiring: int(j, 'expiring'), expired: int(j, 'expired') });

export const readPlans = (j: Json): PlanFigures => ({
  plans: int(j, 'plans'),
  byStatus: Object.fromEntries(PLAN_STATUSES.map((s) => [s, int(j, s)])) as Record<PlanStatus, number>,
  late: int(j, 'late'),
});

export const readGrants = (j: Json): GrantFigures => ({
  grants: int(j, 'grants'),
  awarded: money(j, 'awarded'),
  disbursed: money(j, 'disbursed'),
  accepted: money(j, 'accepted'),
  returned: money(j, 'returned'),
  carriedOver: money(j, 'carried_over'),
  balanceAtSchools: money(j, 'balance_at_schools'),
  expenseReportsMissing: int(j, 'expense_reports_missing'),
});

export const readFacilities = (j: Json): FacilityFigures => ({
  itemsHandedOver: int(j, 'items_handed_over'),
  inKindValue: money(j, 'in_kind_value'),
  itemsAwaitingHandover: int(j, 'items_awaiting_handover'),
  awaitingHandoverValue: money(j, 'awaiting_handover_value'),
});

export const readMentoring = (j: Json): MentoringFigures => ({
  schoolsAssigned: int(j, 'schools_assigned'),
  plannedSessions: int(j, 'planned_sessions'),
  plannedHours: dec(j, 'planned_hours'),
  sessionsDone: int(j, 'sessions_done'),
  hoursDone: dec(j, 'hours_done'),
  unconfirmedSessions: int(j, 'unconfirmed_sessions'),
  disputedSessions: int(j, 'disputed_sessions'),
  schoolsWithoutContact: int(j, 'schools_without_contact'),
  overdueFollowUps: int(j, 'overdue_follow_ups'),
});

export const readTrainings = (j: Json): TrainingFigures => ({
  trainings: int(j, 'trainings'),
  participants: int(j, 'participants'),
  attended: int(j, 'attended'),
  paired: int(j, 'paired'),
  meanGain: decOrNull(j, 'mean_gain'),
});

export const readCompetitions = (j: Json): CompetitionFigures => ({
  competitions: int(j, 'competitions'),
  entries: int(j, 'entries'),
  schoolsEntered: int(j, 'schools_entered'),
  results: int(j, 'results'),
  winners: int(j, 'winners'),
  runnersUp: int(j, 'runners_up'),
  specialMentions: int(j, 'special_mentions'),
  meanScore: decOrNull(j, 'mean_score'),
});

/** A row of a series query: one JSON object per domain. */
export interface FiguresRow {
  cohort: Json;
  mous: Json;
  plans: Json;
  grants: Json;
  facilities: Json;
  mentoring: Json;
  trainings: Json;
  competitions: Json;
}

/** Every domain of a series row. */
export function readYearFigures(r: FiguresRow): YearFigures {
  return {
    cohort: readCohort(r.cohort),
    mous: readMous(r.mous),
    plans: readPlans(r.plans),
    grants: readGrants(r.grants),
    facilities: readFacilities(r.facilities),
    mentoring: readMentoring(r.mentoring),
    trainings: readTrainings(r.trainings),
    competitions: readCompetitions(r.competitions),
  };
}
