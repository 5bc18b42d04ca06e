import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Lang } from '../common/errors/i18n';
import { sameDayMomentSql } from '../partnerships/timeline/timeline-moment';
import { PartnershipTimelineSources } from '../partnerships/timeline/timeline-source';
import type { TimelineEvent, TimelineEventKind, TimelineSource } from '../partnerships/timeline/timeline-source';
import { rupiahText } from '../reports/timeline-sources/report-event';
import { FACILITY_CATEGORY_LABELS, FACILITY_CONDITION_LABELS } from './facility-catalogue';
import type { FacilityCategory, FacilityCondition } from './facility-catalogue';

const HANDED_OVER: TimelineEventKind = 'facility_handed_over';
const CHECKED: TimelineEventKind = 'facility_checked';

/** One handover or condition check of the partnership's items, as the query returns it. */
export interface FacilityEventRow {
  kind: 'facility_handed_over' | 'facility_checked';
  date: string;
  at: string | null;
  refId: string;
  itemName: string;
  category: FacilityCategory;
  quantity: number;
  unit: string;
  value: string;
  handoverNumber: string | null;
  receivedBy: string | null;
  condition: FacilityCondition | null;
  note: string | null;
}

/** The line and detail the timeline shows for one handover or check, in `lang`. */
export function describeFacilityEvent(r: FacilityEventRow, lang: Lang): Pick<TimelineEvent, 'title' | 'detail'> {
  const what = `${r.quantity} ${r.unit} ${r.itemName}`;
  const category = FACILITY_CATEGORY_LABELS[r.category]?.[lang] ?? r.category;
  if (r.kind === 'facility_handed_over') {
    return lang === 'id'
      ? { title: `Serah terima bantuan sarana: ${what} (${rupiahText(r.value)})`, detail: `${category}; berita acara ${r.handoverNumber}, diterima oleh ${r.receivedBy}` }
      : { title: `Facilities handed over: ${what} (${rupiahText(r.value)})`, detail: `${category}; handover record ${r.handoverNumber}, received by ${r.receivedBy}` };
  }
  const condition = r.condition ? (FACILITY_CONDITION_LABELS[r.condition]?.[lang] ?? r.condition) : '';
  return lang === 'id'
    ? { title: `Pemeriksaan kondisi ${r.itemName}: ${condition.toLowerCase()}`, detail: r.note }
    : { title: `Condition check of ${r.itemName}: ${condition.toLowerCase()}`, detail: r.note };
}

/**
 * Facilities support in the partnership timeline (and so in the school timeline): each handover on
 * its day, at the moment it was recorded if recorded that day, and each condition check on the day
 * of the check. Items awaiting their handover are not events: nothing reached the school yet.
 */
@Injectable()
export class FacilitiesTimelineSource implements TimelineSource<FacilityEventRow>, OnModuleInit {
  readonly name = 'facilities';

  constructor(private readonly sources: PartnershipTimelineSources) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  readonly sql = `SELECT e.kind, CAST(e.on_date AS text) AS date, e.moment AS at, e.ref_id AS "refId", fi.item_name AS "itemName", fi.category,
              fi.quantity, fi.unit, CAST(fi.value AS text) AS value, fi.handover_number AS "handoverNumber", fi.received_by AS "receivedBy",
              e.condition, e.note
         FROM facility_items fi
         CROSS JOIN LATERAL (
           SELECT 'facility_handed_over' AS kind, fi.handed_over_on AS on_date, 1 AS rank, fi.id AS ref_id, CAST(NULL AS text) AS condition,
                  CAST(NULL AS text) AS note, fi.created_at AS made_at, ${sameDayMomentSql('fi.handed_over_on', 'fi.handed_over_at')} AS moment
            WHERE fi.handed_over_on IS NOT NULL
           UNION ALL
           SELECT 'facility_checked', k.checked_on, 2, k.id, k.condition, k.note, k.created_at, ${sameDayMomentSql('k.checked_on', 'k.created_at')}
             FROM facility_condition_checks k WHERE k.item_id = fi.id
         ) e
        WHERE fi.partnership_id = $1
        ORDER BY e.on_date, e.rank, e.made_at, e.ref_id`;

  events(rows: FacilityEventRow[], lang: Lang): TimelineEvent[] {
    return rows.map((r) => ({ date: r.date, at: r.at, kind: r.kind === 'facility_handed_over' ? HANDED_OVER : CHECKED, refId: r.refId, ...describeFacilityEvent(r, lang) }));
  }
}
