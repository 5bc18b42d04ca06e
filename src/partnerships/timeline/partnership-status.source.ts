import type { EntityManager } from 'typeorm';
import type { PartnershipStatus } from '../partnership-status';
import type { TimelineEvent, TimelinePartnership, TimelineSource } from './timeline-source';

/** A row of the partnership's status history. */
export interface StatusChangeRow {
  id: string;
  date: string;
  fromStatus: PartnershipStatus | null;
  toStatus: PartnershipStatus;
  reason: string | null;
}

/** The line the timeline shows for one status change. */
export function statusChangeTitle(from: PartnershipStatus | null, to: PartnershipStatus): string {
  switch (to) {
    case 'prospective':
      return 'Partnership opened as prospective';
    case 'active':
      return from === 'paused' ? 'Partnership resumed' : 'Partnership started';
    case 'paused':
      return 'Partnership paused';
    case 'ended':
      return 'Partnership ended';
  }
}

/** The partnership's own status history (partnership_events), one event per change. */
export const partnershipStatusSource: TimelineSource = {
  name: 'partnership-status',
  async events(p: TimelinePartnership, manager: EntityManager): Promise<TimelineEvent[]> {
    const rows: StatusChangeRow[] = await manager.query(
      `SELECT e.id, CAST(e.occurred_on AS text) AS date, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.reason
         FROM partnership_events e
        WHERE e.partnership_id = $1
        ORDER BY e.occurred_on ASC, e.created_at ASC, e.id ASC`,
      [p.id],
    );
    return rows.map((r) => ({ date: r.date, kind: 'partnership_status', title: statusChangeTitle(r.fromStatus, r.toStatus), detail: r.reason, refId: r.id }));
  },
};
