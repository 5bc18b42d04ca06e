import type { Topic } from '../../common/catalog/topics';
import type { Lang } from '../../common/errors/i18n';
import type { SessionConfirmation, SessionMode } from '../../mentoring/mentoring-status';
import { sameDayMomentSql } from '../../partnerships/timeline/timeline-moment';
import type { TimelineSource } from '../../partnerships/timeline/timeline-source';
import { sessionDoneSql } from '../definitions';
import { asTimelineEvents } from './report-event';

interface SessionRow {
  date: string;
  at: string | null;
  refId: string;
  mode: SessionMode;
  topic: Topic;
  minutes: number;
  confirmation: SessionConfirmation;
  facilitator: string;
}

const MODE: Record<Lang, Record<SessionMode, string>> = {
  en: { visit: 'Mentoring visit', online: 'Online mentoring', workshop: 'Workshop', training: 'Training session', evaluation: 'Evaluation' },
  id: { visit: 'Kunjungan pendampingan', online: 'Pendampingan daring', workshop: 'Lokakarya', training: 'Sesi pelatihan', evaluation: 'Evaluasi' },
};

/** Topics as they read inside an Indonesian sentence ("... tentang literasi"); English reads the code. */
const TOPIC_ID: Record<Topic, string> = {
  literacy: 'literasi',
  project_based_learning: 'pembelajaran berbasis proyek',
  child_friendly_school: 'sekolah ramah anak',
  student_mental_health: 'kesehatan mental siswa',
  school_health_unit: 'UKS',
  sanitation: 'kebersihan dan sanitasi',
  disaster_preparedness: 'kesiapsiagaan bencana',
  parenting: 'pelibatan orang tua',
  horizontal_learning: 'belajar horizontal',
  teacher_training: 'pelatihan guru',
  infrastructure: 'sarana prasarana',
  other: 'topik lain',
};

/**
 * The line the timeline shows for one session, in `lang`, e.g. "Mentoring visit on literacy (90 min)"
 * or "Kunjungan pendampingan tentang literasi (90 menit)".
 */
export function sessionTitle(r: Pick<SessionRow, 'mode' | 'topic' | 'minutes'>, lang: Lang): string {
  if (lang === 'id') return `${MODE.id[r.mode]} tentang ${TOPIC_ID[r.topic]} (${r.minutes} menit)`;
  return `${MODE.en[r.mode]} on ${r.topic.replace(/_/g, ' ')} (${r.minutes} min)`;
}

/** Who held the session, and whether the school has confirmed it, in `lang`. */
export function sessionDetail(r: Pick<SessionRow, 'facilitator' | 'confirmation'>, lang: Lang): string {
  const confirmed = r.confirmation === 'confirmed';
  if (lang === 'id') return `Bersama ${r.facilitator}; ${confirmed ? 'sudah dikonfirmasi sekolah' : 'belum dikonfirmasi sekolah'}`;
  return `With ${r.facilitator}; ${confirmed ? 'confirmed by the school' : 'not yet confirmed by the school'}`;
}

/**
 * The partnership's mentoring sessions that count as done (every logged session unless the
 * principal disputed it), read from the mentoring module's tables in one query, on the day held.
 * A session has a day, not a time: one logged on the day it was held takes the moment it was
 * logged (it had been held by then), one logged on a later day has no moment.
 */
export const mentoringSource: TimelineSource<SessionRow> = {
  name: 'mentoring',
  sql: `SELECT CAST(ms.held_on AS text) AS date, ${sameDayMomentSql('ms.held_on', 'ms.created_at')} AS at, ms.id AS "refId", ms.mode, ms.topic, ms.duration_minutes AS minutes, ms.confirmation, u.full_name AS facilitator
         FROM mentoring_sessions ms
         JOIN mentoring_assignments a ON a.id = ms.assignment_id
         JOIN users u ON u.id = a.facilitator_user_id
        WHERE a.partnership_id = $1 AND ${sessionDoneSql('ms')}
        ORDER BY ms.held_on, ms.created_at, ms.id`,
  events(rows, lang) {
    return asTimelineEvents(
      rows.map((r) => ({
        date: r.date,
        at: r.at,
        kind: 'mentoring_session',
        refId: r.refId,
        title: sessionTitle(r, lang),
        detail: sessionDetail(r, lang),
      })),
    );
  },
};
