import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { updateIfVersion } from '../common/database/optimistic';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { CompetitionCategory } from './competition-category.entity';
import { CompetitionEntry, TeamMember } from './competition-entry.entity';
import { entryScope, inCohortSql } from './competition-scope';
import { Competition } from './competition.entity';

/** An entry as read, with its category, school and submitter. */
export interface EntryRow {
  id: string;
  competitionId: string;
  categoryId: string;
  categoryName: string;
  categoryPosition: number;
  schoolId: string;
  schoolName: string;
  title: string;
  summary: string;
  planId: string | null;
  planProgramId: string | null;
  evidenceDocumentIds: string[];
  teamMembers: TeamMember[];
  submittedByUserId: string;
  submittedByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What checking a linked plan needs. */
export interface PlanFacts {
  id: string;
  schoolId: string;
  programYearId: string;
  status: string;
  content: Record<string, unknown>;
}

/** Reads and writes competition entries, always inside the caller's scope. */
@Injectable()
export class EntriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private entryQuery(manager: EntityManager): SelectQueryBuilder<CompetitionEntry> {
    return manager
      .createQueryBuilder()
      .select('e.id', 'id')
      .addSelect('e.competition_id', 'competitionId')
      .addSelect('e.category_id', 'categoryId')
      .addSelect('k.name', 'categoryName')
      .addSelect('k.position', 'categoryPosition')
      .addSelect('e.school_id', 'schoolId')
      .addSelect('s.name', 'schoolName')
      .addSelect('e.title', 'title')
      .addSelect('e.summary', 'summary')
      .addSelect('e.plan_id', 'planId')
      .addSelect('e.plan_program_id', 'planProgramId')
      .addSelect('e.evidence_document_ids', 'evidenceDocumentIds')
      .addSelect('e.team_members', 'teamMembers')
      .addSelect('e.submitted_by_user_id', 'submittedByUserId')
      .addSelect('u.full_name', 'submittedByName')
      .addSelect('e.version', 'version')
      .addSelect('e.created_at', 'createdAt')
      .addSelect('e.updated_at', 'updatedAt')
      .from(CompetitionEntry, 'e')
      .innerJoin(Competition, 'c', 'c.id = e.competition_id')
      .innerJoin(CompetitionCategory, 'k', 'k.id = e.category_id')
      .innerJoin(Organization, 's', 's.id = e.school_id')
      .leftJoin(User, 'u', 'u.id = e.submitted_by_user_id') as SelectQueryBuilder<CompetitionEntry>;
  }

  /** An entry the caller may see; null for missing and not-yours alike. With `lock`, locked until the transaction ends. */
  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<EntryRow | null> {
    const scope = entryScope(actor, 'e', 'c');
    const qb = this.entryQuery(manager).where('e.id = :id', { id }).andWhere(scope.sql, scope.params);
    if (lock) qb.setLock('pessimistic_write', undefined, ['e']);
    return (await qb.getRawOne<EntryRow>()) ?? null;
  }

  /** A page of a competition's entries the caller may see: by category, then school name (limit + 1 rows). */
  listPage(actor: Actor, competitionId: string, filter: { categoryId?: string; after: [number, string, string] | null }, limit: number): Promise<EntryRow[]> {
    const scope = entryScope(actor, 'e', 'c');
    const qb = this.entryQuery(this.dataSource.manager).where('e.competition_id = :competitionId', { competitionId }).andWhere(scope.sql, scope.params);
    if (filter.categoryId) qb.andWhere('e.category_id = :categoryId', { categoryId: filter.categoryId });
    if (filter.after) {
      qb.andWhere('(k.position, s.name, e.id) > (CAST(:afterPosition AS integer), CAST(:afterName AS varchar), CAST(:afterId AS uuid))', {
        afterPosition: filter.after[0],
        afterName: filter.after[1],
        afterId: filter.after[2],
      });
    }
    return qb.orderBy('k.position', 'ASC').addOrderBy('s.name', 'ASC').addOrderBy('e.id', 'ASC').limit(limit + 1).getRawMany<EntryRow>();
  }

  /** One entry with no scope, for re-reading after a write. */
  async findById(id: string, manager: EntityManager): Promise<EntryRow | null> {
    return (await this.entryQuery(manager).where('e.id = :id', { id }).getRawOne<EntryRow>()) ?? null;
  }

  /** Whether the school is in the cohort of the program year (see inCohortSql). */
  async inCohort(programId: string, programYearId: string, schoolId: string, manager: EntityManager): Promise<boolean> {
    const [row] = (await manager.query(`SELECT ${inCohortSql('$1', '$2', '$3')} AS "inCohort"`, [programId, programYearId, schoolId])) as Array<{ inCohort: boolean }>;
    return row.inCohort;
  }

  /** A category of the competition, or null. */
  findCategory(competitionId: string, categoryId: string, manager: EntityManager): Promise<CompetitionCategory | null> {
    return manager.findOne(CompetitionCategory, { where: { id: categoryId, competitionId } });
  }

  /** The school's entry in a category, if it has one. */
  findBySchoolAndCategory(competitionId: string, categoryId: string, schoolId: string, manager: EntityManager = this.dataSource.manager): Promise<CompetitionEntry | null> {
    return manager.findOne(CompetitionEntry, { where: { competitionId, categoryId, schoolId } });
  }

  /** A plan by id, with what is needed to check it may be linked. */
  async findPlan(id: string, manager: EntityManager): Promise<PlanFacts | null> {
    const rows: PlanFacts[] = await manager.query(
      'SELECT p.id, p.school_id AS "schoolId", p.program_year_id AS "programYearId", p.status, p.content FROM plans p WHERE p.id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  /** The school's name. */
  async schoolName(schoolId: string, manager: EntityManager): Promise<string> {
    const org = await manager.findOne(Organization, { select: { name: true }, where: { id: schoolId } });
    return org?.name ?? schoolId;
  }

  /** Inserts an entry and returns its id. */
  async insert(fields: Pick<CompetitionEntry, 'competitionId' | 'categoryId' | 'schoolId' | 'title' | 'summary' | 'planId' | 'planProgramId' | 'teamMembers' | 'submittedByUserId'>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(CompetitionEntry, fields);
    return String(result.identifiers[0].id);
  }

  /** Applies changes to an entry still at `version`; false when someone changed it first. */
  update(id: string, version: number, changes: Partial<Pick<CompetitionEntry, 'title' | 'summary' | 'planId' | 'planProgramId' | 'teamMembers'>>, manager: EntityManager): Promise<boolean> {
    return updateIfVersion(manager, CompetitionEntry, id, version, changes);
  }

  /**
   * Adds an evidence document to an entry (locked by the caller). Evidence is added, never edited,
   * so the version stays: a principal editing the text at the same time is not made stale.
   */
  async appendEvidence(id: string, documentId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE competition_entries SET evidence_document_ids = array_append(evidence_document_ids, $2), updated_at = now() WHERE id = $1', [id, documentId]);
  }
}
