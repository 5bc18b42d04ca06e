import { PLAN_STATUSES } from '../plans/plan-status';
import {
  asOfSql,
  assignmentPlanCountsSql,
  balanceAtSchoolSql,
  expenseReportOverdueSql,
  facilityDeliveredSql,
  grantAwardedSql,
  hoursSql,
  meanGainSql,
  MENTORING_TOTALS,
  mouExpiredSql,
  mouExpiringSql,
  mouInForceSql,
  noContactSql,
  overdueFromDueDatesSql,
  pairedScoresSql,
  planDeadlinePassedSql,
  planLateSql,
  resultsPublishedSql,
  yearStartSql,
} from './definitions';

/**
 * The aggregate of each domain (cohort, MoUs, plans, grants, mentoring, trainings, competitions) as
 * one SELECT, generic over how it is grouped and filtered, built only from the shared definitions.
 * The portfolio's year section, its year-by-year series, the region report's regencies and the
 * school timeline's years are the same aggregate with a different grouping, so their numbers agree
 * by construction.
 *
 * Every aggregate reads its rows with these aliases, which `keys` and `where` may use:
 * `y` program_years, `p` partnerships, `s` the school (organizations). The partnership and the school
 * are LEFT JOINs on their primary keys (the rows always have them), so PostgreSQL drops those joins
 * when a report does not use them. A year's figures are taken as of asOfSql(y.year). Money is summed as bigint and returned as text (never a float); counts
 * are integers; hours are decimals with two places.
 */
export interface Grouping {
  /** Output column → SQL expression; none for a single row of totals. */
  keys: Record<string, string>;
  where: string;
  /** Adds a grand-total row (every key null and `total` true) with GROUPING SETS. */
  totals?: boolean;
}

const AS_OF = asOfSql('y.year');
const YEAR_START = yearStartSql('y.year');
const money = (expr: string) => `CAST(COALESCE(sum(${expr}), 0) AS text)`;
const int = (expr: string) => `CAST(${expr} AS integer)`;

function keyColumns(g: Grouping): string {
  const cols = Object.entries(g.keys).map(([as, expr]) => `${expr} AS ${as}`);
  const first = Object.values(g.keys)[0];
  if (g.totals && first) cols.push(`GROUPING(${first}) = 1 AS total`);
  return cols.length > 0 ? `${cols.join(', ')}, ` : '';
}

function groupBy(g: Grouping): string {
  const keys = Object.values(g.keys);
  if (keys.length === 0) return '';
  return g.totals ? `GROUP BY GROUPING SETS ((${keys.join(', ')}), ())` : `GROUP BY ${keys.join(', ')}`;
}

/** The key column names, to drop them when the figures are turned into a JSON object. */
export function keyNames(g: Grouping): string[] {
  return [...Object.keys(g.keys), ...(g.totals ? ['total'] : [])];
}

/**
 * The cohort (needs the `cohort` CTE of cohortCtes in the WITH clause): schools in it, and
 * partnerships of it without any plan for the year once the plan deadline has passed.
 */
export function cohortFigures(g: Grouping): string {
  return `SELECT ${keyColumns(g)}
      ${int('count(DISTINCT c.school_id)')} AS schools,
      ${int('count(*)')} AS partnerships,
      ${int(`count(*) FILTER (WHERE cpl.id IS NULL AND ${planDeadlinePassedSql('y', AS_OF)})`)} AS missing_plans
    FROM cohort c
    JOIN program_years y ON y.id = c.program_year_id
    LEFT JOIN plans cpl ON cpl.school_id = c.school_id AND cpl.program_year_id = c.program_year_id
    LEFT JOIN partnerships p ON p.id = c.partnership_id
    LEFT JOIN organizations s ON s.id = c.school_id
   WHERE ${g.where}
   ${groupBy(g)}`;
}

/** Cohort schools only (the `schools` of cohortFigures), for breakdowns such as by province. */
export function cohortSchoolFigures(g: Grouping): string {
  return `SELECT ${keyColumns(g)}
      ${int('count(DISTINCT c.school_id)')} AS schools
    FROM cohort c
    JOIN program_years y ON y.id = c.program_year_id
    LEFT JOIN partnerships p ON p.id = c.partnership_id
    LEFT JOIN organizations s ON s.id = c.school_id
   WHERE ${g.where}
   ${groupBy(g)}`;
}

/** MoUs of the partnerships: active, expiring within 90 days and expired, as of each year's day. */
export function mouFigures(g: Grouping): string {
  return `SELECT ${keyColumns(g)}
      ${int(`count(*) FILTER (WHERE ${mouInForceSql('m', AS_OF)})`)} AS active,
      ${int(`count(*) FILTER (WHERE ${mouExpiringSql('m', AS_OF)})`)} AS expiring,
      ${int(`count(*) FILTER (WHERE ${mouExpiredSql('m', YEAR_START, AS_OF)})`)} AS expired
    FROM mous m
    JOIN partnerships p ON p.id = m.partnership_id
    -- Implied by each of the three figures (in force on the day, or ran out in the year): only the
    -- years an MoU can count in are joined to it.
    JOIN program_years y ON y.program_id = p.program_id AND m.effective_date <= ${AS_OF} AND m.expiry_date + 1 >= ${YEAR_START}
    LEFT JOIN organizations s ON s.id = p.school_id
   WHERE ${g.where}
   ${groupBy(g)}`;
}

/** Plans of the year by status, and the late ones. */
export function planFigures(g: Grouping): string {
  const byStatus = PLAN_STATUSES.map((status) => `${int(`count(*) FILTER (WHERE pl.status = '${status}')`)} AS ${status}`).join(',\n      ');
  return `SELECT ${keyColumns(g)}
      ${int('count(*)')} AS plans,
      ${byStatus},
      ${int(`count(*) FILTER (WHERE ${planLateSql('pl', 'y', AS_OF)})`)} AS late
    FROM plans pl
    JOIN program_years y ON y.id = pl.program_year_id
    LEFT JOIN partnerships p ON p.id = pl.partnership_id
    LEFT JOIN organizations s ON s.id = pl.school_id
   WHERE ${g.where}
   ${groupBy(g)}`;
}

/** Grant money of the year: awarded, disbursed, accepted, returned, carried over, balance at schools; missing expense reports. */
export function grantFigures(g: Grouping): string {
  return `SELECT ${keyColumns(g)}
      ${int(`count(*) FILTER (WHERE gr.status <> 'cancelled')`)} AS grants,
      ${money(grantAwardedSql('gr'))} AS awarded,
      ${money('gr.disbursed_amount')} AS disbursed,
      ${money('gr.accepted_amount')} AS accepted,
      ${money('gr.returned_amount')} AS returned,
      ${money('gr.carried_over_amount')} AS carried_over,
      ${money(balanceAtSchoolSql('gr'))} AS balance_at_schools,
      ${int(`count(*) FILTER (WHERE ${expenseReportOverdueSql('gr', 'y', AS_OF)})`)} AS expense_reports_missing
    FROM grants gr
    JOIN program_years y ON y.id = gr.program_year_id
    LEFT JOIN partnerships p ON p.id = gr.partnership_id
    LEFT JOIN organizations s ON s.id = gr.school_id
   WHERE ${g.where}
   ${groupBy(g)}`;
}

/** In-kind facilities support of the year: items handed over and their value (delivered), items still awaiting their handover and theirs. */
export function facilityFigures(g: Grouping): string {
  const delivered = facilityDeliveredSql('fi');
  return `SELECT ${keyColumns(g)}
      ${int(`count(*) FILTER (WHERE ${delivered})`)} AS items_handed_over,
      CAST(COALESCE(sum(fi.value) FILTER (WHERE ${delivered}), 0) AS text) AS in_kind_value,
      ${int(`count(*) FILTER (WHERE NOT ${delivered})`)} AS items_awaiting_handover,
      CAST(COALESCE(sum(fi.value) FILTER (WHERE NOT ${delivered}), 0) AS text) AS awaiting_handover_value
    FROM facility_items fi
    JOIN program_years y ON y.id = fi.program_year_id
    LEFT JOIN partnerships p ON p.id = fi.partnership_id
    LEFT JOIN organizations s ON s.id = fi.school_id
   WHERE ${g.where}
   ${groupBy(g)}`;
}

/**
 * Mentoring of the year: planned sessions and hours (of assignments not handed on), sessions and
 * hours done, unconfirmed and disputed sessions, schools without contact in 60 days, overdue
 * follow-ups. Sessions and follow-ups are read through the mentoring summary (one row per
 * assignment, see MENTORING_TOTALS).
 */
export function mentoringFigures(g: Grouping): string {
  const inner = Object.entries(g.keys).map(([as, expr]) => `${expr} AS ${as}`);
  const outer: Grouping = { ...g, keys: Object.fromEntries(Object.keys(g.keys).map((k) => [k, `am.${k}`])) };
  return `SELECT ${keyColumns(outer)}
      ${int('count(DISTINCT am.school_id)')} AS schools_assigned,
      ${int('COALESCE(sum(am.planned_sessions) FILTER (WHERE am.plan_counts), 0)')} AS planned_sessions,
      ${hoursSql('sum(am.planned_minutes) FILTER (WHERE am.plan_counts)')} AS planned_hours,
      ${int('COALESCE(sum(am.done), 0)')} AS sessions_done,
      ${hoursSql('sum(am.minutes_done)')} AS hours_done,
      ${int('COALESCE(sum(am.unconfirmed), 0)')} AS unconfirmed_sessions,
      ${int('COALESCE(sum(am.disputed), 0)')} AS disputed_sessions,
      ${int('count(DISTINCT am.school_id) FILTER (WHERE am.no_contact)')} AS schools_without_contact,
      ${int('COALESCE(sum(am.overdue_follow_ups), 0)')} AS overdue_follow_ups
    FROM (
      SELECT ${inner.length > 0 ? `${inner.join(', ')}, ` : ''}a.school_id, a.planned_sessions, a.planned_minutes,
             ${assignmentPlanCountsSql('a')} AS plan_counts,
             t.sessions_done AS done, t.minutes_done, t.unconfirmed, t.disputed,
             CASE WHEN cardinality(t.open_due_dates) > 0 THEN ${overdueFromDueDatesSql('t', AS_OF)} ELSE 0 END AS overdue_follow_ups,
             ${noContactSql('a', 'max(t.last_confirmed_on) OVER (PARTITION BY a.school_id, a.program_year_id)', AS_OF)} AS no_contact
        FROM mentoring_assignments a
        JOIN program_years y ON y.id = a.program_year_id
        LEFT JOIN ${MENTORING_TOTALS} t ON t.assignment_id = a.id
        LEFT JOIN partnerships p ON p.id = a.partnership_id
        LEFT JOIN organizations s ON s.id = a.school_id
       WHERE ${g.where}
    ) am
   ${groupBy(outer)}`;
}

/** Trainings of the year: trainings, participants, attendance, paired scores and the mean gain. */
export function trainingFigures(g: Grouping): string {
  return `SELECT ${keyColumns(g)}
      ${int('count(DISTINCT t.id)')} AS trainings,
      ${int('count(tp.id)')} AS participants,
      ${int('count(tp.id) FILTER (WHERE tp.attended)')} AS attended,
      ${int(`count(tp.id) FILTER (WHERE ${pairedScoresSql('tp')})`)} AS paired,
      ${meanGainSql('tp')} AS mean_gain
    FROM trainings t
    JOIN program_years y ON y.id = t.program_year_id
    LEFT JOIN training_participants tp ON tp.training_id = t.id
    LEFT JOIN organizations s ON s.id = tp.school_id
    LEFT JOIN partnerships p ON p.program_id = y.program_id AND p.school_id = tp.school_id
   WHERE ${g.where}
   ${groupBy(g)}`;
}

/** Competitions of the year: entries, schools entered, published results, awards and the mean score. */
export function competitionFigures(g: Grouping): string {
  return `SELECT ${keyColumns(g)}
      ${int('count(DISTINCT co.id)')} AS competitions,
      ${int('count(e.id)')} AS entries,
      ${int('count(DISTINCT e.school_id)')} AS schools_entered,
      ${int('count(r.id)')} AS results,
      ${int(`count(r.id) FILTER (WHERE r.award = 'winner')`)} AS winners,
      ${int(`count(r.id) FILTER (WHERE r.award = 'runner_up')`)} AS runners_up,
      ${int(`count(r.id) FILTER (WHERE r.award = 'special_mention')`)} AS special_mentions,
      round(avg(r.mean_score), 2) AS mean_score
    FROM competitions co
    JOIN program_years y ON y.id = co.program_year_id
    LEFT JOIN competition_entries e ON e.competition_id = co.id
    LEFT JOIN competition_results r ON r.entry_id = e.id AND ${resultsPublishedSql('co')}
    LEFT JOIN organizations s ON s.id = e.school_id
    LEFT JOIN partnerships p ON p.program_id = y.program_id AND p.school_id = e.school_id
   WHERE ${g.where}
   ${groupBy(g)}`;
}
