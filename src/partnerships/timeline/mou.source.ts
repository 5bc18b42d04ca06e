import type { Lang } from '../../common/errors/i18n';
import { dayText } from './timeline-text';
import type { TimelineEvent, TimelineEventKind, TimelineSource } from './timeline-event';
import { momentSql } from './timeline-moment';

/**
 * Signature times are instants; the timeline shows calendar dates, taken in Western Indonesia Time
 * (UTC+7). A fixed offset, not a zone name, so no time-zone database is needed.
 */
const SIGNING_OFFSET = "INTERVAL '+07:00'";

/** One MoU event as the query returns it. */
interface MouEventRow {
  kind: Extract<TimelineEventKind, `mou_${string}`>;
  date: string;
  at: string | null;
  refId: string;
  number: string;
  title: string;
  effectiveDate: string;
  expiryDate: string;
  renewsNumber: string | null;
  /** For an expiry: the renewal that took effect only after the MoU had expired. */
  renewedLaterBy: string | null;
  amendmentNumber: number | null;
  summary: string | null;
  newExpiryDate: string | null;
  reason: string | null;
}

/** The line and detail the timeline shows for one MoU event, in `lang`. */
export function describeMouEvent(r: MouEventRow, lang: Lang): Pick<TimelineEvent, 'title' | 'detail'> {
  if (lang === 'id') {
    const terms = `${r.title}; berlaku ${dayText(r.effectiveDate, lang)} sampai ${dayText(r.expiryDate, lang)}`;
    switch (r.kind) {
      case 'mou_signed':
        return { title: `MoU ${r.number} ditandatangani`, detail: terms };
      case 'mou_renewed':
        return { title: `MoU ${r.number} ditandatangani, memperpanjang MoU ${r.renewsNumber}`, detail: terms };
      case 'mou_amended':
        return {
          title: `MoU ${r.number} diubah (adendum ${r.amendmentNumber})`,
          detail: r.newExpiryDate ? `${r.summary}; berlaku sampai ${dayText(r.newExpiryDate, lang)}` : r.summary,
        };
      case 'mou_terminated':
        return { title: `MoU ${r.number} diakhiri`, detail: r.reason };
      case 'mou_expired':
        return { title: `MoU ${r.number} habis masa berlakunya`, detail: r.renewedLaterBy ? `${terms}; kemudian diperpanjang dengan MoU ${r.renewedLaterBy}` : `${terms}; tidak diperpanjang` };
    }
  }
  const terms = `${r.title}; in force ${r.effectiveDate} to ${r.expiryDate}`;
  switch (r.kind) {
    case 'mou_signed':
      return { title: `MoU ${r.number} signed`, detail: terms };
    case 'mou_renewed':
      return { title: `MoU ${r.number} signed, renewing MoU ${r.renewsNumber}`, detail: terms };
    case 'mou_amended':
      return {
        title: `MoU ${r.number} amended (amendment ${r.amendmentNumber})`,
        detail: r.newExpiryDate ? `${r.summary}; new expiry date ${r.newExpiryDate}` : r.summary,
      };
    case 'mou_terminated':
      return { title: `MoU ${r.number} terminated`, detail: r.reason };
    case 'mou_expired':
      return { title: `MoU ${r.number} expired`, detail: r.renewedLaterBy ? `${terms}; renewed later by MoU ${r.renewedLaterBy}` : `${terms}; not renewed` };
  }
}

/**
 * The partnership's MoUs, read from the MoU module's tables in one query:
 * - signed (or renewed, when it renews another) on the date of its last signature, once every party
 *   whose signature is required has signed, or once it has taken effect;
 * - amended on the date of the amendment's last signature, once the amendment is in force;
 * - terminated on terminated_on;
 * - expired on its expiry date when it ran out: it is expired, still active past its expiry date
 *   (the daily job has not moved it yet), or superseded by a renewal that took effect only after
 *   it had run out (signed or effective later than the day after its expiry date: a gap).
 * Each MoU and each amendment is its own event (amended twice shows twice). A signing's moment is
 * its last signature (an amendment without signatures: when it was drafted); a termination and an
 * expiry are days, not moments (the MoU ends with its day), so they have none.
 * Titles and terms in `lang`.
 */
export const mouSource: TimelineSource<MouEventRow> = {
  name: 'mous',
  sql: `WITH ms AS (
         SELECT mo.id, mo.number, mo.title, mo.status, mo.renews_mou_id, mo.terminated_on, mo.termination_reason,
                CAST(mo.effective_date AS text) AS effective_date, CAST(mo.expiry_date AS text) AS expiry_date,
                mo.effective_date AS effective, mo.expiry_date AS expiry,
                (SELECT max(s.signed_at) FROM mou_signatures s WHERE s.mou_id = mo.id AND s.amendment_id IS NULL) AS signed_at,
                (EXISTS (SELECT 1 FROM mou_parties pa WHERE pa.mou_id = mo.id AND pa.signature_required)
                 AND NOT EXISTS (SELECT 1 FROM mou_parties pa WHERE pa.mou_id = mo.id AND pa.signature_required
                                   AND NOT EXISTS (SELECT 1 FROM mou_signatures s WHERE s.mou_id = mo.id AND s.amendment_id IS NULL
                                                     AND s.organization_id = pa.organization_id))) AS fully_signed
           FROM mous mo
          WHERE mo.partnership_id = $1
       ), m AS (
         SELECT ms.*, CAST(ms.signed_at AT TIME ZONE ${SIGNING_OFFSET} AS date) AS signed_on FROM ms
       ), amended AS (
         SELECT a.id, a.mou_id, a.number, a.summary, a.new_expiry_date, COALESCE((SELECT max(s.signed_at) FROM mou_signatures s WHERE s.amendment_id = a.id), a.created_at) AS signed_at
           FROM mou_amendments a JOIN m ON m.id = a.mou_id
          WHERE a.status = 'active'
       ), e AS (
         SELECT CASE WHEN m.renews_mou_id IS NULL THEN 'mou_signed' ELSE 'mou_renewed' END AS kind, m.signed_on AS on_date, m.signed_at AS at, 1 AS rank,
                m.id AS ref_id, m.id AS mou_id, NULL::text AS renewed_later_by, NULL::integer AS amendment_number, NULL::text AS summary,
                NULL::date AS new_expiry, NULL::text AS reason
           FROM m
          WHERE m.signed_on IS NOT NULL AND (m.fully_signed OR m.status IN ('active', 'expired', 'terminated', 'superseded'))
         UNION ALL
         SELECT 'mou_amended', CAST(a.signed_at AT TIME ZONE ${SIGNING_OFFSET} AS date), a.signed_at,
                2, a.id, a.mou_id, NULL, a.number, a.summary, a.new_expiry_date, NULL
           FROM amended a
         UNION ALL
         SELECT 'mou_terminated', m.terminated_on, NULL, 3, m.id, m.id, NULL, NULL, NULL, NULL, m.termination_reason
           FROM m WHERE m.status = 'terminated'
         UNION ALL
         SELECT 'mou_expired', m.expiry, NULL, 4, m.id, m.id, late.number, NULL, NULL, NULL, NULL
           FROM m
           LEFT JOIN m late ON late.renews_mou_id = m.id AND m.status = 'superseded'
          WHERE m.status = 'expired'
             OR (m.status = 'active' AND m.expiry < current_date)
             OR (m.status = 'superseded' AND GREATEST(late.effective, late.signed_on) > m.expiry + 1)
       )
       SELECT e.kind, CAST(e.on_date AS text) AS date, ${momentSql('e.at')} AS at, e.ref_id AS "refId", m.number, m.title,
              m.effective_date AS "effectiveDate", m.expiry_date AS "expiryDate", prev.number AS "renewsNumber",
              e.renewed_later_by AS "renewedLaterBy", e.amendment_number AS "amendmentNumber", e.summary,
              CAST(e.new_expiry AS text) AS "newExpiryDate", e.reason
         FROM e
         JOIN m ON m.id = e.mou_id
         LEFT JOIN mous prev ON prev.id = m.renews_mou_id
        ORDER BY e.on_date ASC, e.at ASC, e.rank ASC, m.number ASC, e.amendment_number ASC NULLS FIRST`,
  events(rows, lang) {
    return rows.map((r) => ({ date: r.date, at: r.at, kind: r.kind, refId: r.refId, ...describeMouEvent(r, lang) }));
  },
};
