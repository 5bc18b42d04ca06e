import type { Lang } from '../../common/errors/i18n';
import type { PartnershipStatus } from '../partnership-status';
import type { TimelineSource } from './timeline-event';
import { sameDayMomentSql } from './timeline-moment';

/** A row of the partnership's status history. */
export interface StatusChangeRow {
  id: string;
  date: string;
  at: string | null;
  fromStatus: PartnershipStatus | null;
  toStatus: PartnershipStatus;
  reason: string | null;
}

const STATUS_TITLES: Record<Lang, Record<PartnershipStatus | 'resumed', string>> = {
  en: { prospective: 'Partnership opened as prospective', active: 'Partnership started', resumed: 'Partnership resumed', paused: 'Partnership paused', ended: 'Partnership ended' },
  id: { prospective: 'Kemitraan mulai dirintis', active: 'Kemitraan dimulai', resumed: 'Kemitraan dilanjutkan kembali', paused: 'Kemitraan dijeda', ended: 'Kemitraan berakhir' },
};

/** The line the timeline shows for one status change, in `lang`. */
export function statusChangeTitle(from: PartnershipStatus | null, to: PartnershipStatus, lang: Lang): string {
  return STATUS_TITLES[lang][to === 'active' && from === 'paused' ? 'resumed' : to];
}

/**
 * The partnership's own status history (partnership_events), one event per change (paused twice
 * shows twice); the reason as it was given. A change recorded on the day it is dated happened at
 * the moment it was recorded; a back-dated one is known only to its day.
 */
export const partnershipStatusSource: TimelineSource<StatusChangeRow> = {
  name: 'partnership-status',
  sql: `SELECT e.id, CAST(e.occurred_on AS text) AS date, ${sameDayMomentSql('e.occurred_on', 'e.created_at')} AS at, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.reason
          FROM partnership_events e
         WHERE e.partnership_id = $1
         ORDER BY e.occurred_on ASC, e.created_at ASC, e.id ASC`,
  events(rows, lang) {
    return rows.map((r) => ({ date: r.date, at: r.at, kind: 'partnership_status', title: statusChangeTitle(r.fromStatus, r.toStatus, lang), detail: r.reason, refId: r.id }));
  },
};
