import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Lang } from '../common/errors/i18n';
import { momentSql, sameDayMomentSql } from '../partnerships/timeline/timeline-moment';
import { PartnershipTimelineSources } from '../partnerships/timeline/timeline-source';
import type { TimelineEvent, TimelineEventKind, TimelineSource } from '../partnerships/timeline/timeline-source';

const LEARNING_EVENT: TimelineEventKind = 'learning_event';
const PRACTICE_PUBLISHED: TimelineEventKind = 'practice_published';

/** One row of the source: a sharing session the school hosted or visited, or a practice of the school published. */
export interface PracticeTimelineRow {
  kind: 'learning_event' | 'practice_published';
  date: string;
  at: string | null;
  refId: string;
  title: string;
  hosted: boolean;
  hostName: string;
  place: string | null;
  schools: number;
  attendees: number;
}

/** The line and detail of one row, in `lang`. */
export function describePracticeEvent(r: PracticeTimelineRow, lang: Lang): Pick<TimelineEvent, 'title' | 'detail'> {
  if (r.kind === 'practice_published') {
    return lang === 'id'
      ? { title: `Praktik baik diterbitkan di pustaka: ${r.title}`, detail: 'Dapat dibaca semua sekolah, perusahaan dan dinas di Jalin' }
      : { title: `Good practice published in the library: ${r.title}`, detail: 'Readable by every school, company and office on Jalin' };
  }
  if (lang === 'id') {
    return {
      title: r.hosted ? `Menjadi tuan rumah belajar horizontal: ${r.title}` : `Belajar horizontal ke ${r.hostName}: ${r.title}`,
      detail: `${r.schools} sekolah tamu, ${r.attendees} peserta${r.place ? `; ${r.place}` : ''}`,
    };
  }
  return {
    title: r.hosted ? `Hosted a horizontal-learning event: ${r.title}` : `Horizontal-learning visit to ${r.hostName}: ${r.title}`,
    detail: `${r.schools} visiting school${r.schools === 1 ? '' : 's'}, ${r.attendees} attendee${r.attendees === 1 ? '' : 's'}${r.place ? `; ${r.place}` : ''}`,
  };
}

/**
 * The school's horizontal learning in its partnership timelines: every sharing session it hosted or
 * visited, on the day it was held (its moment is when it was recorded, if recorded that day), and
 * every practice of the school published in the library, at the moment of publication (dated in
 * Western Indonesia Time). One query for the whole partnership, keyed on the school ($4).
 */
@Injectable()
export class PracticesTimelineSource implements TimelineSource<PracticeTimelineRow>, OnModuleInit {
  readonly name = 'practices';

  readonly sql = `SELECT x.kind, x.date, x.at, x."refId", x.title, x.hosted, x."hostName", x.place, x.schools, x.attendees
         FROM (
           SELECT 'learning_event' AS kind, CAST(e.held_on AS text) AS date, ${sameDayMomentSql('e.held_on', 'e.created_at')} AS at, e.id AS "refId", e.title,
                  e.host_school_id = $4 AS hosted, hs.name AS "hostName", e.place,
                  (SELECT count(*) FROM learning_event_participants lp WHERE lp.event_id = e.id AND lp.kind = 'school')::int AS schools,
                  (SELECT coalesce(sum((a ->> 'count')::int), 0) FROM jsonb_array_elements(e.attendees) a)::int AS attendees,
                  e.held_on AS on_date, e.created_at AS made
             FROM learning_events e
             JOIN organizations hs ON hs.id = e.host_school_id
            WHERE e.host_school_id = $4 OR EXISTS (SELECT 1 FROM learning_event_participants v WHERE v.event_id = e.id AND v.organization_id = $4)
           UNION ALL
           SELECT 'practice_published', CAST(CAST(p.published_at AT TIME ZONE INTERVAL '+07:00' AS date) AS text), ${momentSql('p.published_at')}, p.id, p.title,
                  true, s.name, NULL, 0, 0, CAST(p.published_at AT TIME ZONE INTERVAL '+07:00' AS date), p.published_at
             FROM practices p
             JOIN organizations s ON s.id = p.school_id
            WHERE p.school_id = $4 AND p.status = 'published' AND p.published_at IS NOT NULL
         ) x
        ORDER BY x.on_date, x.made, x."refId"`;

  constructor(private readonly sources: PartnershipTimelineSources) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  events(rows: PracticeTimelineRow[], lang: Lang): TimelineEvent[] {
    return rows.map((r) => ({ date: r.date, at: r.at, kind: r.kind === 'learning_event' ? LEARNING_EVENT : PRACTICE_PUBLISHED, refId: r.refId, ...describePracticeEvent(r, lang) }));
  }
}
