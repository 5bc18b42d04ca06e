import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/auth/actor';
import type { Topic } from '../common/catalog/topics';
import type { SchoolLevel } from '../organizations/organization-type';
import type { ScopeSql } from '../partnerships/partnership-scope';
import type { PlanStatus } from '../plans/plan-status';
import { coversRegionSql } from '../regions/jurisdiction';
import { practiceReadScope, practiceReviewScope, practiceWriteScope } from './practice-scope';
import { PRACTICE_DOCUMENT_SQL, PRACTICE_WEIGHTED_SQL } from './practice-search';
import type { PracticeQuery } from './practice-search';
import type { PracticeStatus } from './practice-status';
import { Practice } from './practice.entity';
import type { PracticeResult } from './practice.entity';

/** A school's public profile, as the organisation directory shows it: who to contact about a practice. */
export interface SchoolProfileRow {
  schoolId: string;
  schoolName: string;
  npsn: string | null;
  schoolLevelOfSchool: SchoolLevel | null;
  address: string | null;
  regionCode: string | null;
  regionName: string | null;
  provinceName: string | null;
  districtName: string | null;
  principalName: string | null;
}

/** A practice as read, with its school's public profile. */
export interface PracticeRow extends SchoolProfileRow {
  id: string;
  title: string;
  summary: string;
  topic: Topic;
  schoolLevel: SchoolLevel;
  whatWasDone: string;
  results: PracticeResult[];
  year: number;
  status: PracticeStatus;
  sourcePlanId: string | null;
  sourcePlanProgramId: string | null;
  sourceEntryId: string | null;
  proposedAt: Date | null;
  publishedAt: Date | null;
  returnedAt: Date | null;
  returnedReason: string | null;
  reviewedByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** created_at at full (microsecond) precision, for the page cursor. */
  cursorCreatedAt: string;
  /** The search rank, when the list was searched. */
  rank: number | null;
}

/** Filters of the library. */
export interface PracticeFilter {
  query: PracticeQuery | null;
  topic?: Topic;
  schoolLevel?: SchoolLevel;
  regionCode?: string;
  year?: number;
  status?: PracticeStatus;
  schoolId?: string;
  /** Keyset position: [rank, id] when searching, [createdAt, id] otherwise. */
  after: [number | string, string] | null;
}

/** A plan of the school a practice may grow from, with the program year's year. */
export interface SourcePlanRow {
  id: string;
  status: PlanStatus;
  content: Record<string, unknown>;
  year: number;
}

/** A competition entry of the school a practice may grow from. */
export interface SourceEntryRow {
  id: string;
  title: string;
  summary: string;
  planId: string | null;
  planProgramId: string | null;
  planContent: Record<string, unknown> | null;
  year: number;
  competitionTitle: string;
  categoryName: string;
}

function applyScope(qb: SelectQueryBuilder<Practice>, scope: ScopeSql): void {
  qb.andWhere(scope.sql, scope.params);
}

/** Reads and writes practices, always with the caller's scope in the WHERE clause. */
@Injectable()
export class PracticesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private practiceQuery(manager: EntityManager): SelectQueryBuilder<Practice> {
    return manager
      .createQueryBuilder()
      .select('p.id', 'id')
      .addSelect('p.title', 'title')
      .addSelect('p.summary', 'summary')
      .addSelect('p.topic', 'topic')
      .addSelect('p.school_level', 'schoolLevel')
      .addSelect('p.what_was_done', 'whatWasDone')
      .addSelect('p.results', 'results')
      .addSelect('p.year', 'year')
      .addSelect('p.status', 'status')
      .addSelect('p.source_plan_id', 'sourcePlanId')
      .addSelect('p.source_plan_program_id', 'sourcePlanProgramId')
      .addSelect('p.source_entry_id', 'sourceEntryId')
      .addSelect('p.proposed_at', 'proposedAt')
      .addSelect('p.published_at', 'publishedAt')
      .addSelect('p.returned_at', 'returnedAt')
      .addSelect('p.returned_reason', 'returnedReason')
      .addSelect('ru.full_name', 'reviewedByName')
      .addSelect('p.version', 'version')
      .addSelect('p.created_at', 'createdAt')
      .addSelect('p.updated_at', 'updatedAt')
      .addSelect(`to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursorCreatedAt')
      .addSelect('s.id', 'schoolId')
      .addSelect('s.name', 'schoolName')
      .addSelect('s.npsn', 'npsn')
      .addSelect('s.school_level', 'schoolLevelOfSchool')
      .addSelect('s.address', 'address')
      .addSelect('s.region_code', 'regionCode')
      .addSelect('r.name', 'regionName')
      .addSelect('rp.name', 'provinceName')
      .addSelect('d.name', 'districtName')
      .addSelect('s.principal_name', 'principalName')
      .from(Practice, 'p')
      .innerJoin('organizations', 's', 's.id = p.school_id')
      .leftJoin('regions', 'r', 'r.code = s.region_code')
      .leftJoin('regions', 'rp', 'rp.code = r.province_code')
      .leftJoin('regions', 'd', 'd.code = s.district_code')
      .leftJoin('users', 'ru', 'ru.id = p.reviewed_by_user_id') as SelectQueryBuilder<Practice>;
  }

  private async one(manager: EntityManager, id: string, scope: ScopeSql, lock: boolean): Promise<PracticeRow | null> {
    const qb = this.practiceQuery(manager).where('p.id = :id', { id });
    applyScope(qb, scope);
    if (lock) qb.setLock('pessimistic_write', undefined, ['p']);
    const row = await qb.getRawOne<PracticeRow>();
    return row ? { ...row, rank: null } : null;
  }

  /** A practice the caller may read (published, or in their unpublished scope); null for missing and not-yours alike. */
  findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<PracticeRow | null> {
    return this.one(manager, id, practiceReadScope(actor), false);
  }

  /** A practice of the principal's own school, locked for the change. */
  findWritable(actor: Actor, id: string, manager: EntityManager): Promise<PracticeRow | null> {
    return this.one(manager, id, practiceWriteScope(actor), true);
  }

  /** A practice the caller reviews (a school of their programs or mentoring, once proposed), locked for the decision. */
  findReviewable(actor: Actor, id: string, manager: EntityManager): Promise<PracticeRow | null> {
    return this.one(manager, id, practiceReviewScope(actor), true);
  }

  /**
   * One page of the library in ONE query (limit + 1 rows): with a query, the matches ranked best
   * first (then by id); without, newest first.
   */
  async listPage(actor: Actor, filter: PracticeFilter, limit: number): Promise<PracticeRow[]> {
    const qb = this.practiceQuery(this.dataSource.manager);
    applyScope(qb, practiceReadScope(actor));
    if (filter.topic) qb.andWhere('p.topic = :topic', { topic: filter.topic });
    if (filter.schoolLevel) qb.andWhere('p.school_level = :schoolLevel', { schoolLevel: filter.schoolLevel });
    if (filter.year) qb.andWhere('p.year = :year', { year: filter.year });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.schoolId) qb.andWhere('p.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.regionCode) qb.andWhere(coversRegionSql('CAST(:regionCode AS varchar)', 's.region_code'), { regionCode: filter.regionCode });
    if (filter.query) {
      const { tsquery, like } = filter.query;
      const rank = `CAST(ts_rank(${PRACTICE_WEIGHTED_SQL('p')}, to_tsquery('simple'::regconfig, :tsquery)) + CASE WHEN p.title ILIKE :like THEN 0.1 ELSE 0 END AS real)`;
      qb.addSelect(rank, 'rank')
        .andWhere(`(${PRACTICE_DOCUMENT_SQL('p')} @@ to_tsquery('simple'::regconfig, :tsquery) OR p.title ILIKE :like OR p.summary ILIKE :like OR p.what_was_done ILIKE :like)`, { tsquery, like });
      if (filter.after) qb.andWhere(`(${rank}, p.id) < (CAST(:afterRank AS real), CAST(:afterId AS uuid))`, { afterRank: filter.after[0], afterId: filter.after[1] });
      return qb.orderBy('rank', 'DESC').addOrderBy('p.id', 'DESC').limit(limit + 1).getRawMany<PracticeRow>();
    }
    qb.addSelect('CAST(NULL AS real)', 'rank');
    if (filter.after) qb.andWhere('(p.created_at, p.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', { afterAt: filter.after[0], afterId: filter.after[1] });
    return qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').limit(limit + 1).getRawMany<PracticeRow>();
  }

  /** A plan of the school, with its year; null when it is not the school's. */
  async findSchoolPlan(schoolId: string, planId: string, manager: EntityManager = this.dataSource.manager): Promise<SourcePlanRow | null> {
    const [row] = (await manager.query(
      `SELECT pl.id, pl.status, pl.content, y.year FROM plans pl JOIN program_years y ON y.id = pl.program_year_id WHERE pl.id = $1 AND pl.school_id = $2`,
      [planId, schoolId],
    )) as SourcePlanRow[];
    return row ?? null;
  }

  /** The achieved values the school reported for a plan's indicators, by indicator id. */
  async indicatorResults(planId: string, manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const rows = (await manager.query(`SELECT indicator_id AS "indicatorId", CAST(achieved_value AS text) AS value FROM plan_indicator_results WHERE plan_id = $1`, [planId])) as Array<{
      indicatorId: string;
      value: string;
    }>;
    return new Map(rows.map((r) => [r.indicatorId, r.value]));
  }

  /** A competition entry of the school, with its plan's content when it grew from one; null when it is not the school's. */
  async findSchoolEntry(schoolId: string, entryId: string, manager: EntityManager = this.dataSource.manager): Promise<SourceEntryRow | null> {
    const [row] = (await manager.query(
      `SELECT e.id, e.title, e.summary, e.plan_id AS "planId", e.plan_program_id AS "planProgramId", pl.content AS "planContent", y.year,
              c.title AS "competitionTitle", cc.name AS "categoryName"
         FROM competition_entries e
         JOIN competitions c ON c.id = e.competition_id
         JOIN competition_categories cc ON cc.id = e.category_id
         JOIN program_years y ON y.id = c.program_year_id
         LEFT JOIN plans pl ON pl.id = e.plan_id
        WHERE e.id = $1 AND e.school_id = $2`,
      [entryId, schoolId],
    )) as SourceEntryRow[];
    return row ?? null;
  }

  /** The school level of an organisation (null when it has none recorded). */
  async schoolLevelOf(schoolId: string, manager: EntityManager = this.dataSource.manager): Promise<SchoolLevel | null> {
    const [row] = (await manager.query(`SELECT school_level AS level FROM organizations WHERE id = $1`, [schoolId])) as Array<{ level: SchoolLevel | null }>;
    return row?.level ?? null;
  }

  /** Inserts a practice; returns its id. */
  async insert(fields: QueryDeepPartialEntity<Practice>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(Practice, fields);
    return String(result.identifiers[0].id);
  }
}
