import type { CohortYearRow } from '../dto/partnership.response';
import type { TimelinePartnership, TimelineSource } from './timeline-event';

// The timeline's one statement, kept apart from the repository (no TypeORM here) so the benchmark's
// plain baseline server sends exactly the same SQL.

/**
 * The program's years and the years the partnership ($1) of the program ($2) was active, oldest
 * first. Every column reads the same from the driver and from JSON.
 */
export const COHORT_YEARS_SQL = `WITH history AS (
     SELECT e.to_status, e.occurred_on,
            LEAD(e.occurred_on) OVER (ORDER BY e.occurred_on, e.created_at, e.id) AS next_on
       FROM partnership_events e
      WHERE e.partnership_id = $1
   ), active_years AS (
     SELECT DISTINCT CAST(generate_series(
              CAST(EXTRACT(year FROM h.occurred_on) AS integer),
              CAST(EXTRACT(year FROM COALESCE(h.next_on - 1, GREATEST(current_date, h.occurred_on))) AS integer)) AS integer) AS year
       FROM history h
      WHERE h.to_status = 'active' AND (h.next_on IS NULL OR h.next_on > h.occurred_on)
   ), program_years_of AS (
     SELECT y.id, y.year, y.theme, y.status FROM program_years y WHERE y.program_id = $2
   )
   SELECT y.id AS "programYearId", COALESCE(y.year, a.year) AS year, y.theme, y.status AS "yearStatus",
          (x.program_year_id IS NOT NULL) AS explicit, (a.year IS NOT NULL) AS active
     FROM program_years_of y
     FULL JOIN active_years a ON a.year = y.year
     LEFT JOIN partnership_years x ON x.program_year_id = y.id AND x.partnership_id = $1
    ORDER BY 2 ASC`;

/**
 * The cohort years and every source's rows in ONE statement, each list aggregated as JSON in the
 * order of its query: columns l0 (the years), l1... (the sources, in order). Its parameters are
 * those of timelineFactsParams, named once with their type, so a source may leave some out.
 */
export function timelineFactsSql(sources: readonly TimelineSource[]): string {
  const lists = [COHORT_YEARS_SQL, ...sources.map((s) => s.sql)].map((sql, i) => `(SELECT COALESCE(json_agg(r), '[]'::json) FROM (${sql}) r) AS l${i}`);
  return `SELECT ${lists.join(',\n       ')}
  FROM (SELECT CAST($1 AS uuid), CAST($2 AS uuid), CAST($3 AS uuid), CAST($4 AS uuid)) AS params`;
}

/** The parameters every source's query may use: $1 partnership, $2 program, $3 company, $4 school. */
export function timelineFactsParams(p: TimelinePartnership): string[] {
  return [p.id, p.programId, p.companyId, p.schoolId];
}

/** The one row timelineFactsSql answers with. */
export type TimelineFactsRow = Record<string, unknown[]>;

/** The cohort years and each source's rows, from the row of timelineFactsSql. */
export function readTimelineFacts(row: TimelineFactsRow, sources: readonly TimelineSource[]): { years: CohortYearRow[]; rows: unknown[][] } {
  return { years: row.l0 as CohortYearRow[], rows: sources.map((_, i) => row[`l${i + 1}`]) };
}
