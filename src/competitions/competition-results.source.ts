import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Lang } from '../common/errors/i18n';
import { PartnershipTimelineSources } from '../partnerships/timeline/timeline-source';
import type { TimelineEvent, TimelineEventKind, TimelineSource } from '../partnerships/timeline/timeline-source';
import { momentSql } from '../partnerships/timeline/timeline-moment';
import { dayText, decimalText } from '../partnerships/timeline/timeline-text';
import { publishedSql } from './competition-phase';
import { round } from './scoring';

/**
 * The kind of the event. The timeline's list of kinds (TIMELINE_EVENT_KINDS, owned by the
 * partnerships module) does not name it yet; once it does, this assertion is a no-op.
 */
const COMPETITION_RESULT: TimelineEventKind = 'competition_result';

/** One published result of the partnership's school, as the query returns it. */
export interface ResultEventRow {
  refId: string;
  date: string;
  /** The moment the results were published (a result capped at 31 December keeps it: it is when it happened). */
  at: string;
  publishedOn: string;
  competitionTitle: string;
  level: string;
  categoryName: string;
  categorySize: number;
  rank: number;
  award: string | null;
  entryTitle: string;
  meanScore: string;
  normalizedScore: string;
  judgeCount: number;
}

const AWARD_TEXT: Record<Lang, Record<string, string>> = {
  en: { winner: 'winner', runner_up: 'runner-up', special_mention: 'special mention' },
  // As the portal's timeline names the awards.
  id: { winner: 'Juara 1', runner_up: 'Juara 2', special_mention: 'Juara 3' },
};

const LEVEL_ID: Record<string, string> = { regional: 'tingkat regional', national: 'tingkat nasional' };

/** The line and detail the timeline shows for one published result, in `lang`. */
export function describeResultEvent(r: ResultEventRow, lang: Lang): Pick<TimelineEvent, 'title' | 'detail'> {
  const award = r.award ? (AWARD_TEXT[lang][r.award] ?? r.award) : null;
  const mean = round(Number(r.meanScore), 2);
  const normalized = round(Number(r.normalizedScore), 3);
  if (lang === 'id') {
    const place = award ? `${award} kategori ${r.categoryName} (peringkat ${r.rank} dari ${r.categorySize})` : `peringkat ${r.rank} dari ${r.categorySize} di kategori ${r.categoryName}`;
    return {
      title: `${r.competitionTitle}: ${place}`,
      detail: `Karya "${r.entryTitle}" (${LEVEL_ID[r.level] ?? r.level}); nilai rata-rata ${decimalText(mean, lang)}, skor ternormalisasi ${decimalText(normalized, lang)}, ${r.judgeCount} juri; hasil diumumkan ${dayText(r.publishedOn, lang)}`,
    };
  }
  const place = award ? `${award} in ${r.categoryName}` : `rank ${r.rank} of ${r.categorySize} in ${r.categoryName}`;
  const of = award ? ` (rank ${r.rank} of ${r.categorySize})` : '';
  return {
    title: `${r.competitionTitle}: ${place}${of}`,
    detail: `Entry "${r.entryTitle}" (${r.level}); mean score ${mean}, normalised score ${normalized}, ${r.judgeCount} judge${r.judgeCount === 1 ? '' : 's'}; results published ${r.publishedOn}`,
  };
}

/**
 * Published competition results in the partnership timeline: one event per entry of the school in a
 * competition of the partnership's program, once the results are published. The event is dated on
 * the publication day (Western Indonesia Time, UTC+7), but never after 31 December of the
 * competition's program year, so it lands in that year's entry even when the results come out in
 * January; the detail keeps the real publication date. Title and detail in `lang`.
 */
@Injectable()
export class CompetitionResultsTimelineSource implements TimelineSource<ResultEventRow>, OnModuleInit {
  readonly name = 'competition-results';

  constructor(private readonly sources: PartnershipTimelineSources) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  // Scores as text, as the driver reads numeric columns: the rows arrive as JSON.
  readonly sql = `SELECT r.id AS "refId",
              CAST(LEAST(CAST(c.published_at AT TIME ZONE INTERVAL '+07:00' AS date), make_date(py.year, 12, 31)) AS text) AS date,
              ${momentSql('c.published_at')} AS at,
              CAST(CAST(c.published_at AT TIME ZONE INTERVAL '+07:00' AS date) AS text) AS "publishedOn",
              c.title AS "competitionTitle", c.level, k.name AS "categoryName",
              (SELECT count(*) FROM competition_results r2 WHERE r2.competition_id = r.competition_id AND r2.category_id = r.category_id)::int AS "categorySize",
              r.rank, r.award, e.title AS "entryTitle", CAST(r.mean_score AS text) AS "meanScore", CAST(r.normalized_score AS text) AS "normalizedScore", r.judge_count AS "judgeCount"
         FROM competition_results r
         JOIN competitions c ON c.id = r.competition_id
         JOIN program_years py ON py.id = c.program_year_id
         JOIN competition_entries e ON e.id = r.entry_id
         JOIN competition_categories k ON k.id = r.category_id
        WHERE py.program_id = $2 AND r.school_id = $4 AND ${publishedSql('c')} AND c.published_at IS NOT NULL
        ORDER BY 2, c.published_at, c.created_at, k.position, r.rank, r.id`;

  events(rows: ResultEventRow[], lang: Lang): TimelineEvent[] {
    return rows.map((r) => ({ date: r.date, at: r.at, kind: COMPETITION_RESULT, refId: r.refId, ...describeResultEvent(r, lang) }));
  }
}
