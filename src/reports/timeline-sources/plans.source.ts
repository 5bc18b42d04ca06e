import type { Lang } from '../../common/errors/i18n';
import type { TimelineSource } from '../../partnerships/timeline/timeline-source';
import { asTimelineEvents, WIB } from './report-event';
import type { ReportTimelineKind } from './report-event';

interface PlanEventRow {
  kind: Extract<ReportTimelineKind, `plan_${string}`>;
  date: string;
  refId: string;
  year: number;
  title: string;
  late: boolean;
  revision: number;
}

/** The line the timeline shows for one plan event, in `lang`. */
export function planEventTitle(r: PlanEventRow, lang: Lang): string {
  if (lang === 'id') {
    switch (r.kind) {
      case 'plan_submitted':
        return `Rencana program ${r.year} dikirim${r.late ? ' setelah batas waktu' : ''}`;
      case 'plan_approved':
        return r.revision > 0 ? `Rencana program ${r.year} disetujui (revisi ${r.revision})` : `Rencana program ${r.year} disetujui`;
      case 'plan_completed':
        return `Rencana program ${r.year} selesai`;
    }
  }
  switch (r.kind) {
    case 'plan_submitted':
      return `Plan ${r.year} submitted${r.late ? ' after the deadline' : ''}`;
    case 'plan_approved':
      return r.revision > 0 ? `Plan ${r.year} approved (revision ${r.revision})` : `Plan ${r.year} approved`;
    case 'plan_completed':
      return `Plan ${r.year} completed`;
  }
}

/**
 * The partnership's plans, read from the plans module's tables in one query: first submitted (its
 * first version), approved (the latest approval) and completed, each on its date in WIB; the
 * plan's own title as the detail.
 */
export const plansSource: TimelineSource<PlanEventRow> = {
  name: 'plans',
  sql: `SELECT x.kind, CAST(CAST(x.at AT TIME ZONE ${WIB} AS date) AS text) AS date, pl.id AS "refId", y.year, pl.title,
              COALESCE(v.late, pl.submitted_late) AS late, pl.revision
         FROM plans pl
         JOIN program_years y ON y.id = pl.program_year_id
         LEFT JOIN plan_versions v ON v.plan_id = pl.id AND v.number = 1
         CROSS JOIN LATERAL (VALUES ('plan_submitted', COALESCE(v.submitted_at, pl.submitted_at), 1),
                                    ('plan_approved', pl.approved_at, 2),
                                    ('plan_completed', pl.completed_at, 3)) AS x(kind, at, rank)
        WHERE pl.partnership_id = $1 AND x.at IS NOT NULL
        ORDER BY x.at, x.rank, pl.id`,
  events(rows, lang) {
    return asTimelineEvents(rows.map((r) => ({ date: r.date, kind: r.kind, refId: r.refId, title: planEventTitle(r, lang), detail: r.title })));
  },
};
