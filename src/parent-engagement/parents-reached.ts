import { MENTORING_TOTALS } from '../reports/definitions';

/**
 * "Parents reached" of a school in one year of one program: every time a parent (or guardian) took
 * part in something, counted from the three records that count parents, each in its own place:
 *
 * - activities: the parents reached of the school's own parent-engagement activities held in that
 *   calendar year (the school's work with parents, whoever its partners are);
 * - mentoring: the `parents` attendee count of the program's mentoring sessions at the school in
 *   that program year, every session that counts as done (not disputed by the principal);
 * - trainings: the training participants from the school with the role `parent` who attended a
 *   training of that program year.
 *
 * No double counting: each event is recorded once, in the one place that holds it (a session a
 * facilitator logged with parents attending is not recorded again as an activity; the guide says
 * so), and the three are added. The figure counts attendances, not distinct people: a mother at
 * the parenting class in March and at the committee meeting in May counts twice, since activities
 * hold counts, not names.
 *
 * `pairs` is a SELECT of (school_id, program_id, year) rows; the result has its columns plus
 * activities, mentoring, trainings and total (integers), one row per pair that reached at least one
 * parent (with any other columns of `pairs`), in one statement. A pair with none has no row: its
 * figures are all 0.
 */
export function parentsReachedSql(pairs: string): string {
  // Read from the sources, only what counts parents, grouped by school and year, then matched to the
  // pairs: the sessions' parents come from the mentoring summary (one row per assignment, its
  // parents_done kept by triggers), never from every session. A program's 2,000 schools over 13
  // years are 13,760 pairs, of which only those with parents need a row.
  return `WITH k AS MATERIALIZED (${pairs}),
    pr_activities AS (
      SELECT pe.school_id, CAST(EXTRACT(year FROM pe.held_on) AS integer) AS year, SUM(pe.parents_reached) AS n
        FROM parent_engagement_activities pe
       WHERE pe.parents_reached > 0 AND pe.school_id IN (SELECT k.school_id FROM k)
       GROUP BY 1, 2
    ), pr_mentoring AS (
      SELECT pr_a.school_id, pr_y.program_id, pr_y.year, SUM(t.parents_done) AS n
        FROM ${MENTORING_TOTALS} t
        JOIN mentoring_assignments pr_a ON pr_a.id = t.assignment_id
        JOIN program_years pr_y ON pr_y.id = pr_a.program_year_id
       WHERE t.parents_done > 0 AND pr_y.program_id IN (SELECT k.program_id FROM k)
       GROUP BY 1, 2, 3
    ), pr_trainings AS (
      SELECT tp.school_id, pr_ty.program_id, pr_ty.year, count(*) AS n
        FROM program_years pr_ty
        JOIN trainings tr ON tr.program_year_id = pr_ty.id
        JOIN training_participants tp ON tp.training_id = tr.id
       WHERE pr_ty.program_id IN (SELECT k.program_id FROM k) AND tp.school_id IN (SELECT k.school_id FROM k) AND tp.role = 'parent' AND tp.attended IS TRUE
       GROUP BY 1, 2, 3
    )
    SELECT k.*, x.activities, x.mentoring, x.trainings, x.activities + x.mentoring + x.trainings AS total
      FROM k
      LEFT JOIN pr_activities a ON a.school_id = k.school_id AND a.year = k.year
      LEFT JOIN pr_mentoring m ON m.school_id = k.school_id AND m.program_id = k.program_id AND m.year = k.year
      LEFT JOIN pr_trainings t ON t.school_id = k.school_id AND t.program_id = k.program_id AND t.year = k.year
     CROSS JOIN LATERAL (SELECT CAST(COALESCE(a.n, 0) AS integer) AS activities, CAST(COALESCE(m.n, 0) AS integer) AS mentoring, CAST(COALESCE(t.n, 0) AS integer) AS trainings) x
     WHERE a.n IS NOT NULL OR m.n IS NOT NULL OR t.n IS NOT NULL`;
}

/** One school-year's parents reached, by where they were counted. */
export interface ParentsReachedRow {
  schoolId: string;
  year: number;
  activities: number;
  mentoring: number;
  trainings: number;
  total: number;
}
