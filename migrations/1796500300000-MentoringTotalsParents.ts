import { MigrationInterface, QueryRunner } from 'typeorm';

/** The refresh of one assignment's summary row, with or without the parents of its sessions. */
function refreshFunction(withParents: boolean): string {
  return `CREATE OR REPLACE FUNCTION report_refresh_mentoring_totals(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  INSERT INTO report_mentoring_totals (assignment_id)
  SELECT a.id FROM mentoring_assignments a WHERE a.id = ANY (ids) ORDER BY a.id
  ON CONFLICT (assignment_id) DO NOTHING;
  PERFORM 1 FROM report_mentoring_totals t WHERE t.assignment_id = ANY (ids) ORDER BY t.assignment_id FOR NO KEY UPDATE;
  UPDATE report_mentoring_totals t
     SET sessions_done = s.done, minutes_done = s.minutes_done, unconfirmed = s.unconfirmed, disputed = s.disputed,
         last_confirmed_on = s.last_confirmed, open_due_dates = o.due${withParents ? ', parents_done = s.parents_done' : ''}
    FROM (SELECT DISTINCT u.id FROM unnest(ids) AS u(id)) x
    CROSS JOIN LATERAL (
      SELECT CAST(count(*) FILTER (WHERE ms.confirmation <> 'disputed') AS integer) AS done,
             CAST(COALESCE(sum(ms.duration_minutes) FILTER (WHERE ms.confirmation <> 'disputed'), 0) AS integer) AS minutes_done,
             CAST(count(*) FILTER (WHERE ms.confirmation = 'pending') AS integer) AS unconfirmed,
             CAST(count(*) FILTER (WHERE ms.confirmation = 'disputed') AS integer) AS disputed,
             max(ms.held_on) FILTER (WHERE ms.confirmation = 'confirmed') AS last_confirmed${
               withParents
                 ? `,
             CAST(COALESCE(sum(${PARENTS}) FILTER (WHERE ms.confirmation <> 'disputed'), 0) AS integer) AS parents_done`
                 : ''
             }
        FROM mentoring_sessions ms WHERE ms.assignment_id = x.id) s
    CROSS JOIN LATERAL (
      SELECT COALESCE(array_agg(ac.due_date ORDER BY ac.due_date), CAST('{}' AS date[])) AS due
        FROM mentoring_actions ac WHERE ac.assignment_id = x.id AND ac.status = 'open') o
   WHERE t.assignment_id = x.id;
END
$fn$`;
}

/** A session's `parents` attendee count, 0 when it has none. */
const PARENTS = `CASE WHEN jsonb_typeof(ms.attendee_counts -> 'parents') = 'number' THEN CAST(ms.attendee_counts ->> 'parents' AS integer) ELSE 0 END`;

/**
 * The mentoring summary (report_mentoring_totals, one row per assignment, kept by triggers) also
 * adds up the parents who attended its sessions that count as done, so "parents reached" reads one
 * row per assignment instead of every session of every school in a portfolio.
 */
export class MentoringTotalsParents1796500300000 implements MigrationInterface {
  name = 'MentoringTotalsParents1796500300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_mentoring_totals ADD COLUMN parents_done integer NOT NULL DEFAULT 0`);
    await queryRunner.query(refreshFunction(true));
    await queryRunner.query(`UPDATE report_mentoring_totals t SET parents_done = s.parents
      FROM (SELECT ms.assignment_id, CAST(sum(${PARENTS}) AS integer) AS parents
              FROM mentoring_sessions ms WHERE ms.confirmation <> 'disputed' GROUP BY ms.assignment_id) s
     WHERE s.assignment_id = t.assignment_id AND s.parents <> 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(refreshFunction(false));
    await queryRunner.query(`ALTER TABLE report_mentoring_totals DROP COLUMN parents_done`);
  }
}
