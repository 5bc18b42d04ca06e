import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { updateIfVersion } from '../common/database/optimistic';
import { Organization } from '../organizations/organization.entity';
import { ProgramYear } from '../programs/program-year.entity';
import { Program } from '../programs/program.entity';
import { CompetitionCategory } from './competition-category.entity';
import type { CompetitionPhase } from './competition-phase';
import { competitionScope } from './competition-scope';
import { Competition } from './competition.entity';
import type { CompetitionLevel } from './dto/competition-fields';
import { RubricCriterion } from './rubric-criterion.entity';

/** A competition as read, with its program, year and company. */
export interface CompetitionRow {
  id: string;
  programYearId: string;
  year: number;
  programId: string;
  programName: string;
  companyId: string;
  companyName: string;
  title: string;
  level: CompetitionLevel;
  phase: CompetitionPhase;
  entriesOpenAt: Date;
  entriesCloseAt: Date;
  judgingEndsAt: Date;
  publishedAt: Date | null;
  minJudgesPerEntry: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** created_at in ISO 8601 with microseconds, for the page cursor. */
  cursorCreatedAt: string;
}

export type CategoryRow = Pick<CompetitionCategory, 'id' | 'name' | 'position'>;
export type CriterionRow = Pick<RubricCriterion, 'id' | 'name' | 'description' | 'weight' | 'maxScore' | 'position'>;

/** A program year the caller's company runs. */
export interface CompanyYearRow {
  id: string;
  year: number;
  programId: string;
  programName: string;
  companyId: string;
}

/** How a read locks the competition row until the transaction ends. */
export type CompetitionLock = 'none' | 'share' | 'update';

const CREATED_CURSOR = `to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Reads and writes competitions, their categories and rubric, always inside the caller's scope. */
@Injectable()
export class CompetitionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private competitionQuery(manager: EntityManager): SelectQueryBuilder<Competition> {
    return manager
      .createQueryBuilder()
      .select('c.id', 'id')
      .addSelect('c.program_year_id', 'programYearId')
      .addSelect('py.year', 'year')
      .addSelect('py.program_id', 'programId')
      .addSelect('pr.name', 'programName')
      .addSelect('c.company_id', 'companyId')
      .addSelect('co.name', 'companyName')
      .addSelect('c.title', 'title')
      .addSelect('c.level', 'level')
      .addSelect('c.phase', 'phase')
      .addSelect('c.entries_open_at', 'entriesOpenAt')
      .addSelect('c.entries_close_at', 'entriesCloseAt')
      .addSelect('c.judging_ends_at', 'judgingEndsAt')
      .addSelect('c.published_at', 'publishedAt')
      .addSelect('c.min_judges_per_entry', 'minJudgesPerEntry')
      .addSelect('c.version', 'version')
      .addSelect('c.created_at', 'createdAt')
      .addSelect('c.updated_at', 'updatedAt')
      .addSelect(CREATED_CURSOR, 'cursorCreatedAt')
      .from(Competition, 'c')
      .innerJoin(ProgramYear, 'py', 'py.id = c.program_year_id')
      .innerJoin(Program, 'pr', 'pr.id = py.program_id')
      .innerJoin(Organization, 'co', 'co.id = c.company_id') as SelectQueryBuilder<Competition>;
  }

  /**
   * A competition the caller may see; null for missing and not-yours alike. `lock` keeps the row
   * locked until the transaction ends: 'update' for phase changes and panel work (one at a time),
   * 'share' for entries and scores (many at once, but never during a phase change).
   */
  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager, lock: CompetitionLock = 'none'): Promise<CompetitionRow | null> {
    const scope = competitionScope(actor, 'c');
    const qb = this.competitionQuery(manager).where('c.id = :id', { id }).andWhere(scope.sql, scope.params);
    if (lock === 'update') qb.setLock('pessimistic_write', undefined, ['c']);
    if (lock === 'share') qb.setLock('pessimistic_read', undefined, ['c']);
    return (await qb.getRawOne<CompetitionRow>()) ?? null;
  }

  /** One competition with no scope (re-reading after a write, the timeline). */
  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<CompetitionRow | null> {
    return (await this.competitionQuery(manager).where('c.id = :id', { id }).getRawOne<CompetitionRow>()) ?? null;
  }

  /** A page of the competitions the caller may see, newest first (limit + 1 rows). */
  listPage(actor: Actor, filter: { programYearId?: string; phase?: CompetitionPhase; after: [string, string] | null }, limit: number): Promise<CompetitionRow[]> {
    const scope = competitionScope(actor, 'c');
    const qb = this.competitionQuery(this.dataSource.manager).where(scope.sql, scope.params);
    if (filter.programYearId) qb.andWhere('c.program_year_id = :programYearId', { programYearId: filter.programYearId });
    if (filter.phase) qb.andWhere('c.phase = :phase', { phase: filter.phase });
    if (filter.after) qb.andWhere('(c.created_at, c.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', { afterAt: filter.after[0], afterId: filter.after[1] });
    return qb.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC').limit(limit + 1).getRawMany<CompetitionRow>();
  }

  /** A year of a program of `companyId`; null when the year is missing or another company's. */
  async findCompanyYear(companyId: string, programYearId: string, manager: EntityManager): Promise<CompanyYearRow | null> {
    const rows: CompanyYearRow[] = await manager.query(
      `SELECT py.id, py.year, py.program_id AS "programId", pr.name AS "programName", pr.company_id AS "companyId"
         FROM program_years py JOIN programs pr ON pr.id = py.program_id
        WHERE py.id = $1 AND pr.company_id = $2`,
      [programYearId, companyId],
    );
    return rows[0] ?? null;
  }

  /** Inserts a competition and returns its id. */
  async insert(fields: Partial<Competition>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(Competition, fields);
    return String(result.identifiers[0].id);
  }

  /** Replaces the categories of a draft competition (none has entries yet), in the order given. */
  async replaceCategories(competitionId: string, names: readonly string[], manager: EntityManager): Promise<void> {
    await manager.delete(CompetitionCategory, { competitionId });
    await manager.insert(
      CompetitionCategory,
      names.map((name, i) => ({ competitionId, name, position: i + 1 })),
    );
  }

  /** Replaces the rubric of a draft competition (nothing is scored yet), in the order given. */
  async replaceCriteria(competitionId: string, criteria: ReadonlyArray<{ name: string; description: string | null; weight: number; maxScore: number }>, manager: EntityManager): Promise<void> {
    await manager.delete(RubricCriterion, { competitionId });
    await manager.insert(
      RubricCriterion,
      criteria.map((c, i) => ({ competitionId, name: c.name, description: c.description, weight: c.weight.toFixed(2), maxScore: c.maxScore, position: i + 1 })),
    );
  }

  /** The categories of a competition, in order. */
  categoriesOf(competitionId: string, manager: EntityManager = this.dataSource.manager): Promise<CategoryRow[]> {
    return manager.find(CompetitionCategory, { select: { id: true, name: true, position: true }, where: { competitionId }, order: { position: 'ASC' } });
  }

  /** The rubric of a competition, in order. */
  criteriaOf(competitionId: string, manager: EntityManager = this.dataSource.manager): Promise<CriterionRow[]> {
    return manager.find(RubricCriterion, {
      select: { id: true, name: true, description: true, weight: true, maxScore: true, position: true },
      where: { competitionId },
      order: { position: 'ASC' },
    });
  }

  /** Applies changes to a competition still at `version`; false when someone changed it first. */
  update(id: string, version: number, changes: Partial<Pick<Competition, 'title' | 'level' | 'entriesOpenAt' | 'entriesCloseAt' | 'judgingEndsAt' | 'minJudgesPerEntry'>>, manager: EntityManager): Promise<boolean> {
    return updateIfVersion(manager, Competition, id, version, changes);
  }

  /** Moves a competition (locked by the caller) to `phase`, stamping the publication. */
  async setPhase(id: string, phase: CompetitionPhase, publishedAt: Date | null, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Competition)
      .set({ phase, ...(publishedAt ? { publishedAt } : {}), version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }
}
