import type { Lang } from '../../common/errors/i18n';
import { PARENT_ENGAGEMENT_KIND_LABELS } from '../../parent-engagement/parent-engagement-kinds';
import type { ParentEngagementKind } from '../../parent-engagement/parent-engagement-kinds';
import { sameDayMomentSql } from '../../partnerships/timeline/timeline-moment';
import type { TimelineSource } from '../../partnerships/timeline/timeline-source';

interface ActivityEventRow {
  date: string;
  at: string | null;
  refId: string;
  kind: ParentEngagementKind;
  parents: number;
  teachers: number;
  notes: string | null;
}

/**
 * The line the timeline shows for one activity, in `lang`, e.g. "Kelas parenting: 38 orang tua,
 * 4 guru" or "Parenting class: 38 parents, 4 teachers".
 */
export function parentEngagementTitle(r: Pick<ActivityEventRow, 'kind' | 'parents' | 'teachers'>, lang: Lang): string {
  const label = PARENT_ENGAGEMENT_KIND_LABELS[r.kind].label[lang];
  if (lang === 'id') return `${label}: ${r.parents} orang tua${r.teachers > 0 ? `, ${r.teachers} guru` : ''}`;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${label}: ${plural(r.parents, 'parent', 'parents')}${r.teachers > 0 ? `, ${plural(r.teachers, 'teacher', 'teachers')}` : ''}`;
}

/**
 * The school's parent-engagement activities, read from the parent-engagement module's table in one
 * query, on the day held (its moment when recorded that day). An activity linked to a plan shows in
 * the timeline of that plan's partnership only; an activity without a plan link is the school's own
 * work with parents and shows in the timeline of each of its partnerships.
 */
export const parentEngagementSource: TimelineSource<ActivityEventRow> = {
  name: 'parent-engagement',
  sql: `SELECT CAST(pe.held_on AS text) AS date, ${sameDayMomentSql('pe.held_on', 'pe.created_at')} AS at, pe.id AS "refId", pe.kind,
               pe.parents_reached AS parents, pe.teachers_involved AS teachers, pe.notes
          FROM parent_engagement_activities pe
         WHERE pe.school_id = $4
           AND (pe.plan_id IS NULL OR EXISTS (SELECT 1 FROM plans pe_pl WHERE pe_pl.id = pe.plan_id AND pe_pl.partnership_id = $1))
         ORDER BY pe.held_on, pe.created_at, pe.id`,
  events(rows, lang) {
    return rows.map((r) => ({ date: r.date, at: r.at, kind: 'parent_engagement', refId: r.refId, title: parentEngagementTitle(r, lang), detail: r.notes }));
  },
};
