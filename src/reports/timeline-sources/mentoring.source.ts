import type { EntityManager } from 'typeorm';
import type { SessionConfirmation, SessionMode } from '../../mentoring/mentoring-status';
import type { TimelineEvent, TimelinePartnership, TimelineSource } from '../../partnerships/timeline/timeline-source';
import { sessionDoneSql } from '../definitions';
import { asTimelineEvents } from './report-event';

interface SessionRow {
  date: string;
  refId: string;
  mode: SessionMode;
  topic: string;
  minutes: number;
  confirmation: SessionConfirmation;
  facilitator: string;
}

const MODE: Record<SessionMode, string> = {
  visit: 'Mentoring visit',
  online: 'Online mentoring',
  workshop: 'Workshop',
  training: 'Training session',
  evaluation: 'Evaluation',
};

/** The line the timeline shows for one session, e.g. "Mentoring visit on literacy (90 min)". */
export function sessionTitle(r: Pick<SessionRow, 'mode' | 'topic' | 'minutes'>): string {
  return `${MODE[r.mode]} on ${r.topic.replace(/_/g, ' ')} (${r.minutes} min)`;
}

/**
 * The partnership's mentoring sessions that count as done (every logged session unless the
 * principal disputed it), read from the mentoring module's tables in one query, on the day held.
 */
export const mentoringSource: TimelineSource = {
  name: 'mentoring',
  async events(p: TimelinePartnership, manager: EntityManager): Promise<TimelineEvent[]> {
    const rows: SessionRow[] = await manager.query(
      `SELECT CAST(ms.held_on AS text) AS date, ms.id AS "refId", ms.mode, ms.topic, ms.duration_minutes AS minutes, ms.confirmation, u.full_name AS facilitator
         FROM mentoring_sessions ms
         JOIN mentoring_assignments a ON a.id = ms.assignment_id
         JOIN users u ON u.id = a.facilitator_user_id
        WHERE a.partnership_id = $1 AND ${sessionDoneSql('ms')}
        ORDER BY ms.held_on, ms.created_at, ms.id`,
      [p.id],
    );
    return asTimelineEvents(
      rows.map((r) => ({
        date: r.date,
        kind: 'mentoring_session',
        refId: r.refId,
        title: sessionTitle(r),
        detail: `With ${r.facilitator}; ${r.confirmation === 'confirmed' ? 'confirmed by the school' : 'not yet confirmed by the school'}`,
      })),
    );
  },
};
