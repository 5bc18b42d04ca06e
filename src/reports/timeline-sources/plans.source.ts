import type { Lang } from '../../common/errors/i18n';
import { momentSql } from '../../partnerships/timeline/timeline-moment';
import type { TimelineSource } from '../../partnerships/timeline/timeline-source';
import { asTimelineEvents, WIB } from './report-event';
import type { ReportTimelineKind } from './report-event';

interface PlanEventRow {
  kind: Extract<ReportTimelineKind, `plan_${string}`>;
  date: string;
  at: string;
  refId: string;
  year: number;
  title: string;
  late: boolean;
  /** The revision round of the submission or approval; the plan's current round for a completion. */
  revision: number;
  /** A submission after changes were requested in its round (not the round's first). */
  resubmission: boolean;
}

/** The line the timeline shows for one plan event, in `lang`. */
export function planEventTitle(r: Omit<PlanEventRow, 'date' | 'at' | 'refId' | 'title'>, lang: Lang): string {
  if (lang === 'id') {
    const round = r.revision > 0 ? ` (revisi ${r.revision})` : '';
    switch (r.kind) {
      case 'plan_submitted':
        return `Rencana program ${r.year} ${r.resubmission ? 'dikirim ulang' : 'dikirim'}${r.late ? ' setelah batas waktu' : ''}${round}`;
      case 'plan_approved':
        return `Rencana program ${r.year} disetujui${round}`;
      case 'plan_completed':
        return `Rencana program ${r.year} selesai`;
    }
  }
  const round = r.revision > 0 ? ` (revision ${r.revision})` : '';
  switch (r.kind) {
    case 'plan_submitted':
      return `Plan ${r.year} ${r.resubmission ? 'resubmitted' : 'submitted'}${r.late ? ' after the deadline' : ''}${round}`;
    case 'plan_approved':
      return `Plan ${r.year} approved${round}`;
    case 'plan_completed':
      return `Plan ${r.year} completed`;
  }
}

/** An approval in the audit log: the plan's state change to approved, which names its revision round. */
const approvalSql = (plan: string) => `audit_events a
          WHERE a.entity_type = 'plan' AND a.entity_id = CAST(${plan}.id AS varchar) AND a.action = 'state_change'
            AND a.changes -> 'status' ->> 'to' = 'approved'`;

/**
 * The partnership's plans, read from the plans module's tables in one query, each step as often as
 * the plan took it, each on its date in WIB and at its moment:
 * - submitted: every submitted version (plan_versions), so a plan submitted, returned and
 *   resubmitted shows two submissions, the second as a resubmission; a revision round's
 *   submissions say which round. A plan submitted before versions were kept shows its one submission;
 * - approved: every approval, one per revision round, from the audit log's state changes (the plan
 *   row keeps only the latest approval); the current round's approval from the plan row when the
 *   audit log has none;
 * - completed: once, when the plan was completed.
 * The submitted version's title (the plan's own, for the others) is the detail.
 */
export const plansSource: TimelineSource<PlanEventRow> = {
  name: 'plans',
  sql: `SELECT x.kind, CAST(CAST(x.at AT TIME ZONE ${WIB} AS date) AS text) AS date, ${momentSql('x.at')} AS at, pl.id AS "refId", y.year,
              COALESCE(x.title, pl.title) AS title, x.late, x.revision, x.resubmission
         FROM plans pl
         JOIN program_years y ON y.id = pl.program_year_id
         CROSS JOIN LATERAL (
           SELECT 'plan_submitted' AS kind, v.submitted_at AS at, 1 AS rank, v.number AS seq, v.title, v.late, v.revision,
                  EXISTS (SELECT 1 FROM plan_versions w WHERE w.plan_id = v.plan_id AND w.revision = v.revision AND w.number < v.number) AS resubmission
             FROM plan_versions v WHERE v.plan_id = pl.id
           UNION ALL
           SELECT 'plan_submitted', pl.submitted_at, 1, 0, NULL, pl.submitted_late, pl.revision, false
            WHERE pl.submitted_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM plan_versions v WHERE v.plan_id = pl.id)
           UNION ALL
           SELECT 'plan_approved', a.occurred_at, 2, a.id, NULL, false, COALESCE(CAST(a.changes ->> 'revision' AS integer), 0), false
             FROM ${approvalSql('pl')}
           UNION ALL
           SELECT 'plan_approved', pl.approved_at, 2, 0, NULL, false, pl.revision, false
            WHERE pl.approved_at IS NOT NULL AND pl.status IN ('approved', 'in_progress', 'completed')
              AND NOT EXISTS (SELECT 1 FROM ${approvalSql('pl')} AND a.changes ->> 'revision' = CAST(pl.revision AS text))
           UNION ALL
           SELECT 'plan_completed', pl.completed_at, 3, 0, NULL, false, pl.revision, false
            WHERE pl.completed_at IS NOT NULL
         ) AS x
        WHERE pl.partnership_id = $1
        ORDER BY x.at, x.rank, pl.id, x.seq`,
  events(rows, lang) {
    return asTimelineEvents(rows.map((r) => ({ date: r.date, at: r.at, kind: r.kind, refId: r.refId, title: planEventTitle(r, lang), detail: r.title })));
  },
};
