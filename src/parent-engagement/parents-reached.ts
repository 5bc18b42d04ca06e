import { sessionDoneSql } from '../reports/definitions';

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
 * activities, mentoring, trainings and total (integers), one row per pair (with any other columns
 * of `pairs`), in one statement.
 */
export function parentsReachedSql(pairs: string): string {
  return `SELECT k.*, x.activities, x.mentoring, x.trainings, x.activities + x.mentoring + x.trainings AS total
    FROM (${pairs}) k
    CROSS JOIN LATERAL (
      SELECT
        CAST(COALESCE((SELECT SUM(pe.parents_reached) FROM parent_engagement_activities pe
                        WHERE pe.school_id = k.school_id AND pe.held_on BETWEEN make_date(k.year, 1, 1) AND make_date(k.year, 12, 31)), 0) AS integer) AS activities,
        CAST(COALESCE((SELECT SUM(CASE WHEN jsonb_typeof(ms.attendee_counts -> 'parents') = 'number' THEN CAST(ms.attendee_counts ->> 'parents' AS integer) ELSE 0 END)
                         FROM mentoring_sessions ms
                         JOIN mentoring_assignments pr_a ON pr_a.id = ms.assignment_id
                         JOIN program_years pr_y ON pr_y.id = pr_a.program_year_id
                        WHERE ms.school_id = k.school_id AND pr_y.program_id = k.program_id AND pr_y.year = k.year AND ${sessionDoneSql('ms')}), 0) AS integer) AS mentoring,
        CAST((SELECT count(*) FROM training_participants tp
                JOIN trainings tr ON tr.id = tp.training_id
                JOIN program_years pr_ty ON pr_ty.id = tr.program_year_id
               WHERE tp.school_id = k.school_id AND tp.role = 'parent' AND tp.attended IS TRUE AND pr_ty.program_id = k.program_id AND pr_ty.year = k.year) AS integer) AS trainings
    ) x`;
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
