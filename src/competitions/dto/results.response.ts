import { ApiProperty } from '@nestjs/swagger';
import { COMPETITION_PHASES } from '../competition-phase';
import type { CompetitionPhase } from '../competition-phase';
import type { Lang } from '../../common/errors/i18n';
import type { CompetitionRow } from '../competitions.repository';
import type { PublishedResultRow } from '../results.repository';
import type { ResultTable } from '../result-table';
import { AWARDS, RESULT_FLAGS, round } from '../scoring';
import type { Award, ResultFlag } from '../scoring';
import { CompetitionRefResponse } from './competition.response';
import { ConflictReasonResponse, JudgeRefResponse } from './judging.response';

/** One judge's part in an entry's result (preview only: judges' names never leave the CSR officer). */
export class JudgeTotalResponse {
  @ApiProperty({ type: JudgeRefResponse })
  judge: JudgeRefResponse;

  @ApiProperty({ example: 81.5, description: 'Weighted total, 0–100 (2 decimals).' })
  total: number;

  @ApiProperty({ example: 0.734, description: "The judge's z-score for this entry (3 decimals)." })
  z: number;
}

/** A judge whose scores were left out of an entry's result. */
export class ExcludedJudgeResponse {
  @ApiProperty({ type: JudgeRefResponse })
  judge: JudgeRefResponse;

  @ApiProperty({ type: [ConflictReasonResponse] })
  reasons: ConflictReasonResponse[];
}

/** An entry in the results preview, with everything the CSR officer checks before publishing. */
export class PreviewEntryResponse {
  @ApiProperty({ nullable: true, type: Number, example: 1, description: 'Rank in its category; null while it has no scores.' })
  rank: number | null;

  @ApiProperty({ nullable: true, enum: AWARDS, example: 'winner' })
  award: Award | null;

  @ApiProperty({ type: CompetitionRefResponse, description: 'The entry (id and title).' })
  entry: CompetitionRefResponse;

  @ApiProperty({ type: CompetitionRefResponse })
  school: CompetitionRefResponse;

  @ApiProperty({ example: 3 })
  judgeCount: number;

  @ApiProperty({ type: [JudgeTotalResponse] })
  judges: JudgeTotalResponse[];

  @ApiProperty({ nullable: true, type: Number, example: 78.33, description: 'Mean of the judges’ totals (2 decimals).' })
  meanScore: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 80, description: 'Median of the judges’ totals (2 decimals).' })
  medianScore: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 0.412, description: 'Mean of the judges’ z-scores (3 decimals): the ranking score.' })
  normalizedScore: number | null;

  @ApiProperty({ example: 12.5, description: 'Highest minus lowest judge total (2 decimals).' })
  range: number;

  @ApiProperty({ example: 6.29, description: 'Sample standard deviation of the judges’ totals (2 decimals).' })
  sampleStd: number;

  @ApiProperty({ enum: RESULT_FLAGS, isArray: true, example: [], description: 'What the CSR officer should look at before publishing.' })
  flags: ResultFlag[];

  @ApiProperty({ type: [ExcludedJudgeResponse], description: 'Scores left out because the judge is now conflicted with the school.' })
  excluded: ExcludedJudgeResponse[];
}

/** One category of the preview, best first (unscored entries last). */
export class PreviewCategoryResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000cc260101' })
  id: string;

  @ApiProperty({ example: 'Literacy innovation' })
  name: string;

  @ApiProperty({ type: [PreviewEntryResponse] })
  entries: PreviewEntryResponse[];
}

/** The results as they would be published now. */
export class ResultsPreviewResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000c26' })
  competitionId: string;

  @ApiProperty({ enum: COMPETITION_PHASES, example: 'judging' })
  phase: CompetitionPhase;

  @ApiProperty({ example: 3 })
  minJudgesPerEntry: number;

  @ApiProperty({ example: 2, description: 'Entries with at least one flag.' })
  flaggedEntries: number;

  @ApiProperty({ example: 0, description: 'Entries without any score: publishing is refused while there are any.' })
  unscoredEntries: number;

  @ApiProperty({ type: [PreviewCategoryResponse] })
  categories: PreviewCategoryResponse[];

  static of(this: void, c: CompetitionRow, table: ResultTable, lang: Lang = 'en'): ResultsPreviewResponse {
    const categories = new Map<string, PreviewCategoryResponse>();
    for (const row of table.rows) {
      const category = categories.get(row.entry.categoryId) ?? { id: row.entry.categoryId, name: row.entry.categoryName, entries: [] };
      categories.set(row.entry.categoryId, category);
      const r = row.result;
      category.entries.push({
        rank: r.rank,
        award: r.award,
        entry: { id: row.entry.id, name: row.entry.title },
        school: { id: row.entry.schoolId, name: row.entry.schoolName },
        judgeCount: r.judgeCount,
        judges: r.judges.map((j) => ({ judge: { id: j.judgeUserId, fullName: table.judgeNames.get(j.judgeUserId) ?? '' }, total: round(j.total, 2), z: round(j.z, 3) })),
        meanScore: r.mean === null ? null : round(r.mean, 2),
        medianScore: r.median === null ? null : round(r.median, 2),
        normalizedScore: r.normalized === null ? null : round(r.normalized, 3),
        range: round(r.range, 2),
        sampleStd: round(r.sampleStd, 2),
        flags: row.flags,
        excluded: row.excluded.map((x) => ({ judge: { id: x.judgeUserId, fullName: table.judgeNames.get(x.judgeUserId) ?? '' }, reasons: x.reasons.map(ConflictReasonResponse.in(lang)) })),
      });
    }
    for (const category of categories.values()) category.entries.sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
    return {
      competitionId: c.id,
      phase: c.phase,
      minJudgesPerEntry: c.minJudgesPerEntry,
      flaggedEntries: table.rows.filter((r) => r.flags.length > 0).length,
      unscoredEntries: table.rows.filter((r) => r.result.judgeCount === 0).length,
      categories: [...categories.values()],
    };
  }
}

/** A published result: rank and award, never the judges' names. */
export class ResultEntryResponse {
  @ApiProperty({ example: 1 })
  rank: number;

  @ApiProperty({ nullable: true, enum: AWARDS, example: 'winner', description: 'rank 1 winner, 2 runner_up, 3 special_mention.' })
  award: Award | null;

  @ApiProperty({ type: CompetitionRefResponse, description: 'The entry (id and title).' })
  entry: CompetitionRefResponse;

  @ApiProperty({ type: CompetitionRefResponse })
  school: CompetitionRefResponse;

  @ApiProperty({ example: 78.33, description: 'Mean of the judges’ weighted totals, 0–100 (2 decimals).' })
  meanScore: number;

  @ApiProperty({ example: 80, description: 'Median of the judges’ weighted totals (2 decimals).' })
  medianScore: number;

  @ApiProperty({ example: 0.412, description: 'Mean of the judges’ z-scores (3 decimals): the ranking score.' })
  normalizedScore: number;

  @ApiProperty({ example: 3 })
  judgeCount: number;
}

/** One category of the published results, by rank. */
export class ResultCategoryResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000cc260101' })
  id: string;

  @ApiProperty({ example: 'Literacy innovation' })
  name: string;

  @ApiProperty({ type: [ResultEntryResponse] })
  entries: ResultEntryResponse[];
}

/** The published results of a competition. */
export class ResultsResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000c26' })
  competitionId: string;

  @ApiProperty({ example: 'Generasi Trakindo National School Innovation Competition 2025' })
  title: string;

  @ApiProperty({ example: 2025 })
  year: number;

  @ApiProperty({ example: '2025-12-10T03:00:00.000Z' })
  publishedAt: string;

  @ApiProperty({ type: [ResultCategoryResponse] })
  categories: ResultCategoryResponse[];

  static of(this: void, c: CompetitionRow, rows: PublishedResultRow[]): ResultsResponse {
    const categories = new Map<string, ResultCategoryResponse>();
    for (const r of rows) {
      const category = categories.get(r.categoryId) ?? { id: r.categoryId, name: r.categoryName, entries: [] };
      categories.set(r.categoryId, category);
      category.entries.push({
        rank: r.rank,
        award: r.award as Award | null,
        entry: { id: r.entryId, name: r.title },
        school: { id: r.schoolId, name: r.schoolName },
        meanScore: round(Number(r.meanScore), 2),
        medianScore: round(Number(r.medianScore), 2),
        normalizedScore: round(Number(r.normalizedScore), 3),
        judgeCount: r.judgeCount,
      });
    }
    return { competitionId: c.id, title: c.title, year: c.year, publishedAt: (c.publishedAt ?? c.updatedAt).toISOString(), categories: [...categories.values()] };
  }
}
