import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportIndexes1795550003778 implements MigrationInterface {
  name = 'ReportIndexes1795550003778';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "grants_partnership_idx" ON "grants"  ("partnership_id") `);
    await queryRunner.query(`CREATE INDEX "mentoring_assignments_partnership_idx" ON "mentoring_assignments"  ("partnership_id") `);
    await queryRunner.query(`CREATE INDEX "mentoring_assignments_program_year_idx" ON "mentoring_assignments"  ("program_year_id") `);
    // The mentoring summary of the reports (src/reports/definitions.ts MENTORING_TOTALS): one row per
    // assignment with what its sessions and open follow-ups add up to, kept by statement triggers on
    // mentoring_sessions and mentoring_actions that recompute the assignments a statement touched,
    // one after another per assignment (the row lock), from the latest committed rows. Not an entity:
    // TypeORM's schema diff neither creates nor drops it.
    await queryRunner.query(`CREATE TABLE report_mentoring_totals (
  assignment_id uuid PRIMARY KEY REFERENCES mentoring_assignments(id) ON DELETE CASCADE,
  sessions_done integer NOT NULL DEFAULT 0,
  minutes_done integer NOT NULL DEFAULT 0,
  unconfirmed integer NOT NULL DEFAULT 0,
  disputed integer NOT NULL DEFAULT 0,
  last_confirmed_on date,
  open_due_dates date[] NOT NULL DEFAULT '{}'
)`);
    await queryRunner.query(`CREATE FUNCTION report_refresh_mentoring_totals(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  INSERT INTO report_mentoring_totals (assignment_id)
  SELECT a.id FROM mentoring_assignments a WHERE a.id = ANY (ids) ORDER BY a.id
  ON CONFLICT (assignment_id) DO NOTHING;
  PERFORM 1 FROM report_mentoring_totals t WHERE t.assignment_id = ANY (ids) ORDER BY t.assignment_id FOR NO KEY UPDATE;
  UPDATE report_mentoring_totals t
     SET sessions_done = s.done, minutes_done = s.minutes_done, unconfirmed = s.unconfirmed, disputed = s.disputed,
         last_confirmed_on = s.last_confirmed, open_due_dates = o.due
    FROM (SELECT DISTINCT u.id FROM unnest(ids) AS u(id)) x
    CROSS JOIN LATERAL (
      SELECT CAST(count(*) FILTER (WHERE ms.confirmation <> 'disputed') AS integer) AS done,
             CAST(COALESCE(sum(ms.duration_minutes) FILTER (WHERE ms.confirmation <> 'disputed'), 0) AS integer) AS minutes_done,
             CAST(count(*) FILTER (WHERE ms.confirmation = 'pending') AS integer) AS unconfirmed,
             CAST(count(*) FILTER (WHERE ms.confirmation = 'disputed') AS integer) AS disputed,
             max(ms.held_on) FILTER (WHERE ms.confirmation = 'confirmed') AS last_confirmed
        FROM mentoring_sessions ms WHERE ms.assignment_id = x.id) s
    CROSS JOIN LATERAL (
      SELECT COALESCE(array_agg(ac.due_date ORDER BY ac.due_date), CAST('{}' AS date[])) AS due
        FROM mentoring_actions ac WHERE ac.assignment_id = x.id AND ac.status = 'open') o
   WHERE t.assignment_id = x.id;
END
$fn$`);
    await queryRunner.query(`CREATE FUNCTION report_mentoring_rows_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM report_refresh_mentoring_totals(ARRAY(SELECT DISTINCT n.assignment_id FROM new_rows n));
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(`CREATE FUNCTION report_mentoring_rows_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM report_refresh_mentoring_totals(ARRAY(SELECT n.assignment_id FROM new_rows n UNION SELECT o.assignment_id FROM old_rows o));
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(`CREATE FUNCTION report_mentoring_rows_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM report_refresh_mentoring_totals(ARRAY(SELECT DISTINCT o.assignment_id FROM old_rows o));
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(`CREATE FUNCTION report_mentoring_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM report_refresh_mentoring_totals(ARRAY(SELECT t.assignment_id FROM report_mentoring_totals t));
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(`CREATE TRIGGER report_totals_on_session_insert AFTER INSERT ON mentoring_sessions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_mentoring_rows_inserted()`);
    await queryRunner.query(`CREATE TRIGGER report_totals_on_session_update AFTER UPDATE ON mentoring_sessions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_mentoring_rows_updated()`);
    await queryRunner.query(`CREATE TRIGGER report_totals_on_session_delete AFTER DELETE ON mentoring_sessions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_mentoring_rows_deleted()`);
    await queryRunner.query(`CREATE TRIGGER report_totals_on_session_truncate AFTER TRUNCATE ON mentoring_sessions FOR EACH STATEMENT EXECUTE FUNCTION report_mentoring_truncated()`);
    await queryRunner.query(`CREATE TRIGGER report_totals_on_action_insert AFTER INSERT ON mentoring_actions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_mentoring_rows_inserted()`);
    await queryRunner.query(`CREATE TRIGGER report_totals_on_action_update AFTER UPDATE ON mentoring_actions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_mentoring_rows_updated()`);
    await queryRunner.query(`CREATE TRIGGER report_totals_on_action_delete AFTER DELETE ON mentoring_actions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_mentoring_rows_deleted()`);
    await queryRunner.query(`CREATE TRIGGER report_totals_on_action_truncate AFTER TRUNCATE ON mentoring_actions FOR EACH STATEMENT EXECUTE FUNCTION report_mentoring_truncated()`);
    await queryRunner.query(`SELECT report_refresh_mentoring_totals(ARRAY(SELECT a.id FROM mentoring_assignments a))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER report_totals_on_action_truncate ON mentoring_actions`);
    await queryRunner.query(`DROP TRIGGER report_totals_on_action_delete ON mentoring_actions`);
    await queryRunner.query(`DROP TRIGGER report_totals_on_action_update ON mentoring_actions`);
    await queryRunner.query(`DROP TRIGGER report_totals_on_action_insert ON mentoring_actions`);
    await queryRunner.query(`DROP TRIGGER report_totals_on_session_truncate ON mentoring_sessions`);
    await queryRunner.query(`DROP TRIGGER report_totals_on_session_delete ON mentoring_sessions`);
    await queryRunner.query(`DROP TRIGGER report_totals_on_session_update ON mentoring_sessions`);
    await queryRunner.query(`DROP TRIGGER report_totals_on_session_insert ON mentoring_sessions`);
    await queryRunner.query(`DROP FUNCTION report_mentoring_truncated()`);
    await queryRunner.query(`DROP FUNCTION report_mentoring_rows_deleted()`);
    await queryRunner.query(`DROP FUNCTION report_mentoring_rows_updated()`);
    await queryRunner.query(`DROP FUNCTION report_mentoring_rows_inserted()`);
    await queryRunner.query(`DROP FUNCTION report_refresh_mentoring_totals(uuid[])`);
    await queryRunner.query(`DROP TABLE report_mentoring_totals`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_assignments_program_year_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_assignments_partnership_idx"`);
    await queryRunner.query(`DROP INDEX "public"."grants_partnership_idx"`);
  }
}
