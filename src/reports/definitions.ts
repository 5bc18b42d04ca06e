import { publishedSql } from '../competitions/competition-phase';
import { NO_CONTACT_DAYS, overdueSql } from '../mentoring/mentoring-status';

/**
 * The shared definitions of every report, as SQL fragments. The portfolio report, its year-by-year
 * series, the region report, the school timeline, partnership health, the exports and the charts
 * all build their figures from these, so one figure means the same thing, and adds up the same
 * way, wherever it is shown. docs/reports-guide.md explains each one in words.
 *
 * Fragments take the aliases of the rows they read and a date expression. Dates are never the
 * database's current_date: `today` is the Clock's (bound as the named parameter `:today`), and a
 * year's figures are taken "as of" {@link asOfSql}.
 */

/** Today from the Clock, bound as `:today`. */
export const TODAY = 'CAST(:today AS date)';

/**
 * The day a year's figures are taken on: today for the current (and a future) year, the year's last
 * day for a past year. "Active", "expiring", "late", "overdue" and "no contact" are read on it.
 */
export function asOfSql(yearExpr: string): string {
  return `LEAST(${TODAY}, make_date(${yearExpr}, 12, 31))`;
}

/** The first day of a year. */
export function yearStartSql(yearExpr: string): string {
  return `make_date(${yearExpr}, 1, 1)`;
}

// ---------------------------------------------------------------------------------------------
// Cohort

/**
 * The cohort: which partnerships count in which program year. A partnership is in a year's cohort
 * when the year is in its explicit cohort (partnership_years), or its status history shows it
 * active on at least one day of the year (an active spell runs from the change to active up to the
 * day before the next change, or to today). The same rule as the partnership's own cohort years
 * (PartnershipsRepository.cohortYears), with today from the Clock.
 *
 * Returns the CTEs `cohort_p`, `cohort_spells`, `cohort_pairs` and `cohort` to put in a WITH
 * clause, computed set-based (each active spell joins the program years it overlaps).
 * `partnerships` filters the partnerships (alias `p`), `years` the program years (alias `y`).
 * `cohort` has one row per partnership and program year: partnership_id, program_id, company_id,
 * school_id, program_year_id, year.
 */
export function cohortCtes(partnerships: string, years: string): string {
  return `cohort_p AS MATERIALIZED (
    SELECT p.id, p.program_id, p.company_id, p.school_id FROM partnerships p WHERE ${partnerships}
  ), cohort_spells AS (
    SELECT h.partnership_id, h.occurred_on AS from_on, COALESCE(h.next_on - 1, GREATEST(${TODAY}, h.occurred_on)) AS to_on
      FROM (SELECT e.partnership_id, e.to_status, e.occurred_on,
                   LEAD(e.occurred_on) OVER (PARTITION BY e.partnership_id ORDER BY e.occurred_on, e.created_at, e.id) AS next_on
              FROM partnership_events e JOIN cohort_p cp ON cp.id = e.partnership_id) h
     WHERE h.to_status = 'active' AND (h.next_on IS NULL OR h.next_on > h.occurred_on)
  ), cohort_pairs AS (
    SELECT cp.id AS partnership_id, y.id AS program_year_id
      FROM cohort_spells sp JOIN cohort_p cp ON cp.id = sp.partnership_id
      JOIN program_years y ON y.program_id = cp.program_id AND y.year BETWEEN EXTRACT(year FROM sp.from_on) AND EXTRACT(year FROM sp.to_on)
     WHERE ${years}
    UNION
    SELECT cp.id, y.id
      FROM partnership_years x JOIN cohort_p cp ON cp.id = x.partnership_id JOIN program_years y ON y.id = x.program_year_id
     WHERE ${years}
  ), cohort AS (
    SELECT cp.id AS partnership_id, cp.program_id, cp.company_id, cp.school_id, y.id AS program_year_id, y.year
      FROM cohort_pairs pr JOIN cohort_p cp ON cp.id = pr.partnership_id JOIN program_years y ON y.id = pr.program_year_id
  )`;
}

/** The province code of a school (alias `s`): the first two digits of its regency/city code. */
export const provinceOf = (s: string) => `left(${s}.region_code, 2)`;

// ---------------------------------------------------------------------------------------------
// MoUs

/** An MoU that every party signed and that took effect at some point. */
export const MOU_SIGNED_STATUSES = `('active', 'expired', 'terminated', 'superseded')`;

/** How many days ahead an MoU counts as expiring. */
export const MOU_EXPIRING_DAYS = 90;

/**
 * Active MoU: in force on day `d`: signed and taken effect, `d` between its effective and expiry
 * dates (an amendment's new expiry date is its expiry date), and not terminated on or before `d`.
 * Read from the dates, so an MoU the daily job has not yet moved to expired is not counted.
 */
export function mouInForceSql(m: string, d: string): string {
  return `(${m}.status IN ${MOU_SIGNED_STATUSES} AND ${m}.effective_date <= ${d} AND ${m}.expiry_date >= ${d} AND (${m}.terminated_on IS NULL OR ${m}.terminated_on > ${d}))`;
}

/**
 * Expiring MoU: in force on `d`, its expiry date within {@link MOU_EXPIRING_DAYS} days of `d`, and
 * nobody has started its renewal (no renewal beyond a draft).
 */
export function mouExpiringSql(m: string, d: string): string {
  return `(${mouInForceSql(m, d)} AND ${m}.expiry_date <= ${d} + ${MOU_EXPIRING_DAYS}
           AND NOT EXISTS (SELECT 1 FROM mous ren WHERE ren.renews_mou_id = ${m}.id AND ren.status <> 'draft'))`;
}

/**
 * Expired MoU: ran out in the period from `from` to `d`: its first day out of force (the day after
 * its expiry date) falls in the period, it was not terminated before, and no MoU of the partnership
 * is in force on that day: a lapse, not a seamless renewal.
 */
export function mouExpiredSql(m: string, from: string, d: string): string {
  return `(${m}.status IN ${MOU_SIGNED_STATUSES} AND ${m}.expiry_date + 1 >= ${from} AND ${m}.expiry_date + 1 <= ${d}
           AND (${m}.terminated_on IS NULL OR ${m}.terminated_on > ${m}.expiry_date)
           AND NOT EXISTS (SELECT 1 FROM mous nxt WHERE nxt.partnership_id = ${m}.partnership_id AND ${mouInForceSql('nxt', `${m}.expiry_date + 1`)}))`;
}

// ---------------------------------------------------------------------------------------------
// Plans

/** A plan never submitted: the plans module's "unsubmitted" (draft, revision 0, no submission). */
export function planUnsubmittedSql(pl: string): string {
  return `(${pl}.status = 'draft' AND ${pl}.revision = 0 AND ${pl}.submitted_at IS NULL)`;
}

/**
 * Late plan: its first submission came after the program year's plan deadline (submitted_late),
 * or it is still not submitted on `d` and the deadline has passed.
 */
export function planLateSql(pl: string, y: string, d: string): string {
  return `(${pl}.submitted_late OR (${planUnsubmittedSql(pl)} AND ${y}.plan_deadline < ${d}))`;
}

/** The plan deadline of year `y` has passed on `d`: a cohort school without any plan is then missing one. */
export function planDeadlinePassedSql(y: string, d: string): string {
  return `(${y}.plan_deadline IS NOT NULL AND ${y}.plan_deadline < ${d})`;
}

// ---------------------------------------------------------------------------------------------
// Grants

/**
 * Awarded money: the award of a live grant; of a cancelled grant only what it paid out before the
 * cancellation (the rest was released), so awarded never falls below disbursed.
 */
export function grantAwardedSql(g: string): string {
  return `(CASE WHEN ${g}.status = 'cancelled' THEN ${g}.disbursed_amount ELSE ${g}.awarded_amount END)`;
}

/** Balance at school: disbursed − accepted − returned − carried over (grant-status.ts balanceAtSchool). */
export function balanceAtSchoolSql(g: string): string {
  return `(${g}.disbursed_amount - ${g}.accepted_amount - ${g}.returned_amount - ${g}.carried_over_amount)`;
}

/**
 * Missing (overdue) expense report: a grant that is neither cancelled nor closed still has money at
 * the school after its program year's grant reporting deadline (`y`), on `d`, and no report of it
 * is waiting for review.
 */
export function expenseReportOverdueSql(g: string, y: string, d: string): string {
  return `(${g}.status NOT IN ('cancelled', 'closed') AND ${balanceAtSchoolSql(g)} > 0
           AND ${y}.grant_reporting_deadline IS NOT NULL AND ${y}.grant_reporting_deadline < ${d}
           AND NOT EXISTS (SELECT 1 FROM expense_reports er WHERE er.grant_id = ${g}.id AND er.status = 'submitted'))`;
}

// ---------------------------------------------------------------------------------------------
// Facilities support (in kind)

/**
 * Delivered facilities support: an item counts as delivered once its handover (berita acara serah
 * terima) is recorded; before that it awaits its handover and counts as nothing reached the school.
 * Its value counts in its own program year, whenever it was handed over.
 */
export function facilityDeliveredSql(fi: string): string {
  return `(${fi}.handed_over_on IS NOT NULL)`;
}

// ---------------------------------------------------------------------------------------------
// Mentoring

/** A session that counts as done: every logged session unless the principal disputed it. */
export function sessionDoneSql(st: string): string {
  return `(${st}.confirmation <> 'disputed')`;
}

/** An unconfirmed session: logged, not yet confirmed or disputed by the principal. */
export function sessionUnconfirmedSql(st: string): string {
  return `(${st}.confirmation = 'pending')`;
}

/**
 * Whose plan counts as planned: an assignment that was not handed to another facilitator (a
 * reassignment passes its planned sessions and hours on to the new assignment).
 */
export function assignmentPlanCountsSql(a: string): string {
  return `(${a}.replaced_by_id IS NULL)`;
}

/** The day an assignment began (as the mentoring module reads it). */
export function assignmentStartSql(a: string): string {
  return `CAST(${a}.created_at AT TIME ZONE 'UTC' AS date)`;
}

/**
 * No contact in 60 days: the mentoring module's rule, on day `d`. An assignment still running (not
 * ended) whose school has had no confirmed session in the program year, with any facilitator, on or
 * after `d` − 60 days; before the first confirmed session the count starts on the day the
 * assignment began. `lastConfirmed` is the school's latest confirmed session in the program year.
 */
export function noContactSql(a: string, lastConfirmed: string, d: string): string {
  return `(${a}.ended_at IS NULL AND COALESCE(${lastConfirmed}, ${assignmentStartSql(a)}) < ${d} - ${NO_CONTACT_DAYS})`;
}

/** Overdue follow-up: an open action whose due date is before `d` (mentoring-status.ts isOverdue). */
export function followUpOverdueSql(ac: string, d: string): string {
  return overdueSql(ac, d);
}

/**
 * The mentoring summary: one row per assignment with what its sessions and follow-ups add up to,
 * kept by triggers on mentoring_sessions and mentoring_actions (migration ReportIndexes), so a report
 * reads one row per assignment instead of every session. Its columns follow the definitions above:
 * sessions_done and minutes_done (sessionDoneSql), unconfirmed (sessionUnconfirmedSql), disputed,
 * last_confirmed_on (latest confirmed session), open_due_dates (the due dates of its open
 * follow-ups, sorted) and parents_done (the `parents` attendee counts of its sessions that count as
 * done; migration MentoringTotalsParents).
 */
export const MENTORING_TOTALS = 'report_mentoring_totals';

/** The overdue follow-ups of a summary row on `d`: followUpOverdueSql over its open due dates. */
export function overdueFromDueDatesSql(t: string, d: string): string {
  return `(SELECT CAST(count(*) AS integer) FROM unnest(${t}.open_due_dates) AS due(on_date) WHERE due.on_date < CAST(${d} AS date))`;
}

/** Minutes as hours with two decimals, computed once in SQL from the summed minutes. */
export function hoursSql(minutes: string): string {
  return `round(COALESCE(${minutes}, 0) / 60.0, 2)`;
}

// ---------------------------------------------------------------------------------------------
// Trainings and competitions

/** A participant whose gain counts: both a pre- and a post-training score (trainings/evaluation.ts). */
export function pairedScoresSql(tp: string): string {
  return `(${tp}.pre_score IS NOT NULL AND ${tp}.post_score IS NOT NULL)`;
}

/** Mean gain (post − pre) over the paired participants, with two decimals; null when there are none. */
export function meanGainSql(tp: string): string {
  return `round(avg(${tp}.post_score - ${tp}.pre_score) FILTER (WHERE ${pairedScoresSql(tp)}), 2)`;
}

/** Competition results count once the competition published them (the competitions module's rule). */
export const resultsPublishedSql = publishedSql;

// ---------------------------------------------------------------------------------------------
// Plan indicators

/** A decimal written as text (plan content keeps indicator values as text). */
const DECIMAL_TEXT = `'^-?[0-9]+(\\.[0-9]+)?$'`;

/**
 * Falling indicator: a plan indicator whose achieved value ended on the wrong side of its
 * baseline, against the direction of its target: below the baseline when the target is at or
 * above it, above the baseline when the target is below it. `ind` is the indicator's jsonb object
 * from plans.content (baseline and target as text), `r` its plan_indicator_results row.
 */
export function indicatorFallingSql(ind: string, r: string): string {
  const baseline = `CAST(${ind}->>'baseline' AS numeric)`;
  const target = `CAST(${ind}->>'target' AS numeric)`;
  return `(CASE WHEN (${ind}->>'baseline') ~ ${DECIMAL_TEXT} AND (${ind}->>'target') ~ ${DECIMAL_TEXT}
                THEN (${target} >= ${baseline} AND ${r}.achieved_value < ${baseline}) OR (${target} < ${baseline} AND ${r}.achieved_value > ${baseline})
                ELSE FALSE END)`;
}
