import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';
import type { Lang } from '../common/errors/i18n';
import { isPublished } from './competition-phase';
import { CompetitionRow, CompetitionsRepository } from './competitions.repository';
import { toConflictMap } from './conflicts';
import { ResultsPreviewResponse, ResultsResponse } from './dto/results.response';
import { JudgingRepository, ScoreRow } from './judging.repository';
import { ResultsRepository } from './results.repository';
import type { ResultRow, ResultTable } from './result-table';
import { computeResults, JudgeTotal, ResultFlag, weightedTotal } from './scoring';

/** What publishing wrote, for the audit log. */
export interface FrozenSummary {
  entries: number;
  flagged: number;
  winners: Array<{ category: string; school: string; entryId: string }>;
}

/**
 * Computes results from the scores (preview), freezes them at publication and reads the frozen
 * results. The arithmetic is in scoring.ts; this service gathers its inputs and applies access.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly competitions: CompetitionsRepository,
    private readonly judging: JudgingRepository,
    private readonly results: ResultsRepository,
  ) {}

  /**
   * The results as they would be published now, with every judge's total and z-score and the
   * flags (CSR officer of the company, admins), while the competition is being judged.
   */
  async preview(actor: Actor, id: string, lang: Lang = 'en'): Promise<ResultsPreviewResponse> {
    const competition = await this.competitions.findVisible(actor, id);
    if (!competition) throw AppError.notFound('competition', id);
    if (competition.phase !== 'judging') {
      const after = isPublished(competition.phase);
      throw AppError.rule(
        after
          ? `the results are published: read them with GET /api/v1/competitions/${id}/results`
          : `the preview is computed from the judges' scores, which are given in phase judging; the competition is in phase ${competition.phase}`,
        after
          ? `hasil sudah diumumkan: baca dengan GET /api/v1/competitions/${id}/results`
          : `pratinjau dihitung dari nilai para juri, yang diberikan pada fase judging; kompetisi berada di fase ${competition.phase}`,
      );
    }
    return ResultsPreviewResponse.of(competition, await this.table(competition, this.dataSource.manager), lang);
  }

  /**
   * The published results, without judges' names: CSR officers and admins, judges of the panel,
   * principals of the program's schools, and education officers (only the schools in their
   * jurisdiction). Before publication only the CSR officer is told why; everyone else gets 404.
   */
  async published(actor: Actor, id: string): Promise<ResultsResponse> {
    const competition = await this.competitions.findVisible(actor, id);
    if (!competition || actor.role === 'facilitator') throw AppError.notFound('competition results', id);
    if (!isPublished(competition.phase)) {
      if (actor.role === 'csr_officer' || actor.role === 'admin') {
        throw AppError.rule(
          `the results are not published yet (phase ${competition.phase}); see the computed table with GET /api/v1/competitions/${id}/results/preview while judging, then publish by moving the competition to phase published`,
          `hasil belum diumumkan (fase ${competition.phase}); lihat tabel perhitungan dengan GET /api/v1/competitions/${id}/results/preview selama penjurian, lalu umumkan dengan memindahkan kompetisi ke fase published`,
        );
      }
      throw AppError.notFound('competition results', id);
    }
    const rows = await this.results.published(id, actor.role === 'education_officer' ? actor.organizationId : null);
    return ResultsResponse.of(competition, rows);
  }

  /**
   * Computes the results from the scores and writes them as the frozen results (the competition is
   * locked by the caller, who then moves it to published). Refused while an entry has no score at all.
   */
  async freeze(competition: CompetitionRow, manager: EntityManager): Promise<FrozenSummary> {
    const table = await this.table(competition, manager);
    const unscored = table.rows.filter((r) => r.result.judgeCount === 0);
    if (unscored.length > 0) {
      const list = unscored.map((r) => `"${r.entry.title}" of ${r.entry.schoolName} (${r.entry.categoryName})`).join('; ');
      throw AppError.rule(
        `${unscored.length} entr${unscored.length === 1 ? 'y has' : 'ies have'} no score yet, so no rank can be given: ${list}. Assign judges to ${unscored.length === 1 ? 'it' : 'them'} and have them score before publishing`,
        `${unscored.length} karya belum memiliki nilai, sehingga peringkat tidak dapat diberikan: ${list}. Tugaskan juri dan minta mereka menilai sebelum mengumumkan hasil`,
      );
    }
    await this.results.insert(
      table.rows.map((r) => ({
        competitionId: competition.id,
        categoryId: r.entry.categoryId,
        entryId: r.entry.id,
        schoolId: r.entry.schoolId,
        rank: r.result.rank as number,
        award: r.result.award,
        meanScore: (r.result.mean as number).toFixed(3),
        medianScore: (r.result.median as number).toFixed(3),
        normalizedScore: (r.result.normalized as number).toFixed(4),
        judgeCount: r.result.judgeCount,
      })),
      manager,
    );
    return {
      entries: table.rows.length,
      flagged: table.rows.filter((r) => r.flags.length > 0).length,
      winners: table.rows.filter((r) => r.result.rank === 1).map((r) => ({ category: r.entry.categoryName, school: r.entry.schoolName, entryId: r.entry.id })),
    };
  }

  /**
   * The results computed now: every complete score sheet of an assigned judge counts, except a
   * judge's sheets for a school they are now conflicted with (left out and flagged).
   */
  async table(competition: Pick<CompetitionRow, 'id' | 'year' | 'minJudgesPerEntry'>, manager: EntityManager): Promise<ResultTable> {
    const entries = await this.results.entries(competition.id, manager);
    const criteria = await this.competitions.criteriaOf(competition.id, manager);
    const scores = await this.judging.competitionScores(competition.id, manager);
    const sheets = new Map<string, ScoreRow[]>();
    for (const s of scores) sheets.set(`${s.entryId}|${s.judgeUserId}`, [...(sheets.get(`${s.entryId}|${s.judgeUserId}`) ?? []), s]);
    const judgeNames = new Map(scores.map((s) => [s.judgeUserId, s.judgeName]));
    const schoolOf = new Map(entries.map((e) => [e.id, e.schoolId]));
    const facts = await this.judging.conflictFacts(competition.id, competition.year, [...judgeNames.keys()], entries.map((e) => e.schoolId), manager);
    const conflicts = toConflictMap(facts, competition.year);
    const excluded = new Map<string, ResultRow['excluded']>();
    const totals: JudgeTotal[] = [];
    for (const sheet of sheets.values()) {
      const { entryId, judgeUserId } = sheet[0];
      // A sheet is complete by construction (PUT takes every criterion); one from before a rubric change would not be.
      if (sheet.length !== criteria.length) continue;
      const reasons = conflicts.get(judgeUserId)?.get(schoolOf.get(entryId) ?? '') ?? [];
      if (reasons.length > 0) {
        excluded.set(entryId, [...(excluded.get(entryId) ?? []), { judgeUserId, reasons }]);
        continue;
      }
      totals.push({ entryId, judgeUserId, total: weightedTotal(sheet.map((s) => ({ score: s.score, maxScore: s.maxScore, weight: Number(s.weight) }))) });
    }
    const computed = computeResults(entries, totals, competition.minJudgesPerEntry);
    const rows = entries.map((entry, i) => {
      const out = excluded.get(entry.id) ?? [];
      const flags: ResultFlag[] = [...computed[i].flags, ...(out.length > 0 ? (['conflict_excluded'] as const) : [])];
      return { entry, result: computed[i], flags, excluded: out };
    });
    return { rows, judgeNames };
  }
}
