import type { Lang } from '../../common/errors/i18n';
import { momentSql, sameDayMomentSql } from '../../partnerships/timeline/timeline-moment';
import type { TimelineSource } from '../../partnerships/timeline/timeline-source';
import { asTimelineEvents, rupiahText, WIB } from './report-event';
import type { ReportTimelineKind } from './report-event';

interface GrantEventRow {
  kind: Extract<ReportTimelineKind, 'grant_awarded' | 'grant_disbursed' | 'grant_reversed' | 'expense_report_accepted'>;
  date: string;
  at: string | null;
  refId: string;
  year: number;
  amount: string;
  tranche: number | null;
  note: string | null;
}

/** The line the timeline shows for one grant event, in `lang`. */
export function grantEventTitle(r: GrantEventRow, lang: Lang): string {
  if (lang === 'id') {
    switch (r.kind) {
      case 'grant_awarded':
        return `Dana stimulus tahun ${r.year} sebesar ${rupiahText(r.amount)} diberikan`;
      case 'grant_disbursed':
        return `Termin ${r.tranche} sebesar ${rupiahText(r.amount)} dicairkan`;
      case 'grant_reversed':
        return `Pencairan sebesar ${rupiahText(r.amount)} dibatalkan`;
      case 'expense_report_accepted':
        return `Laporan penggunaan dana diterima: belanja ${rupiahText(r.amount)}`;
    }
  }
  switch (r.kind) {
    case 'grant_awarded':
      return `Stimulus grant of ${rupiahText(r.amount)} awarded for ${r.year}`;
    case 'grant_disbursed':
      return `Tranche ${r.tranche} of ${rupiahText(r.amount)} disbursed`;
    case 'grant_reversed':
      return `Disbursement of ${rupiahText(r.amount)} reversed`;
    case 'expense_report_accepted':
      return `Expense report accepted: ${rupiahText(r.amount)} of spending`;
  }
}

/**
 * The partnership's grants, read from the grants module's tables in one query: the award (on the
 * day it was made, WIB, at that moment), every tranche and reversal on its date (each its own event;
 * its moment is when it was recorded, if recorded that day), and every accepted expense report on
 * the day and at the moment of its review.
 */
export const grantsSource: TimelineSource<GrantEventRow> = {
  name: 'grants',
  sql: `SELECT e.kind, CAST(e.on_date AS text) AS date, e.moment AS at, e.ref_id AS "refId", y.year, CAST(e.amount AS text) AS amount, e.tranche, e.note
         FROM grants g
         JOIN program_years y ON y.id = g.program_year_id
         CROSS JOIN LATERAL (
           SELECT 'grant_awarded' AS kind, CAST(g.created_at AT TIME ZONE ${WIB} AS date) AS on_date, 1 AS rank, g.id AS ref_id,
                  g.awarded_amount AS amount, CAST(NULL AS integer) AS tranche, CAST(NULL AS text) AS note, g.created_at AS at,
                  ${momentSql('g.created_at')} AS moment
           UNION ALL
           SELECT CASE WHEN d.kind = 'tranche' THEN 'grant_disbursed' ELSE 'grant_reversed' END, d.disbursed_on, 2, d.id, d.amount,
                  CASE WHEN d.kind = 'tranche' THEN d.tranche_number END, d.note, d.created_at, ${sameDayMomentSql('d.disbursed_on', 'd.created_at')}
             FROM disbursements d WHERE d.grant_id = g.id
           UNION ALL
           SELECT 'expense_report_accepted', CAST(er.reviewed_at AT TIME ZONE ${WIB} AS date), 3, er.id, er.accepted_amount, NULL, er.title, er.reviewed_at, ${momentSql('er.reviewed_at')}
             FROM expense_reports er WHERE er.grant_id = g.id AND er.status = 'accepted' AND er.reviewed_at IS NOT NULL
         ) e
        WHERE g.partnership_id = $1
        ORDER BY e.on_date, e.rank, e.at, e.ref_id`,
  events(rows, lang) {
    return asTimelineEvents(rows.map((r) => ({ date: r.date, at: r.at, kind: r.kind, refId: r.refId, title: grantEventTitle(r, lang), detail: r.note })));
  },
};
