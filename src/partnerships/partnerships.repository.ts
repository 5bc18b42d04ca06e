import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { PreparedStatements } from '../database/prepared-statements';
import { Organization } from '../organizations/organization.entity';
import { Program } from '../programs/program.entity';
import { ProgramYear } from '../programs/program-year.entity';
import type { ProgramYearStatus } from '../programs/program-year-status';
import type { CohortYearRow, PartnershipRow } from './dto/partnership.response';
import { PartnershipEvent } from './partnership-event.entity';
import { companyManageScope, partnershipScope } from './partnership-scope';
import type { PartnershipStatus } from './partnership-status';
import { PartnershipYear } from './partnership-year.entity';
import { Partnership } from './partnership.entity';
import { COHORT_YEARS_SQL, readTimelineFacts, timelineFactsParams, timelineFactsSql } from './timeline/timeline-facts';
import type { TimelineFactsRow } from './timeline/timeline-facts';
import type { TimelinePartnership, TimelineSource } from './timeline/timeline-source';

/** What the service needs of a recommendation named when opening a partnership. */
export interface RecommendationFacts {
  id: string;
  schoolId: string;
  schoolName: string;
  decision: string;
  requestId: string;
  requestCompanyId: string;
  /** The partnership already born from it, if any. */
  partnershipId: string | null;
}

/** A year of the explicit cohort of a partnership. */
export interface ExplicitYearRow {
  programYearId: string;
  year: number;
  status: ProgramYearStatus;
}

/** Reads and writes partnerships, their status history and explicit cohort years, inside the caller's scope. */
@Injectable()
export class PartnershipsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statements: PreparedStatements,
  ) {}

  /** Partnerships with the names of their program, company and school, in one statement. */
  private partnershipQuery(manager: EntityManager): SelectQueryBuilder<Partnership> {
    return manager
      .createQueryBuilder()
      .select('p.id', 'id')
      .addSelect('p.program_id', 'programId')
      .addSelect('pr.name', 'programName')
      .addSelect('pr.start_year', 'programStartYear')
      .addSelect('p.company_id', 'companyId')
      .addSelect('c.name', 'companyName')
      .addSelect('p.school_id', 'schoolId')
      .addSelect('s.name', 'schoolName')
      .addSelect('s.npsn', 'schoolNpsn')
      .addSelect('s.region_code', 'schoolRegionCode')
      .addSelect('p.recommendation_id', 'recommendationId')
      .addSelect('p.status', 'status')
      // As text: the driver would turn a date into a local-midnight Date.
      .addSelect('CAST(p.started_on AS text)', 'startedOn')
      .addSelect('CAST(p.ended_on AS text)', 'endedOn')
      .addSelect('p.status_reason', 'statusReason')
      .addSelect('p.version', 'version')
      .addSelect('p.created_at', 'createdAt')
      .addSelect('p.updated_at', 'updatedAt')
      .from(Partnership, 'p')
      .innerJoin(Program, 'pr', 'pr.id = p.program_id')
      .innerJoin(Organization, 'c', 'c.id = p.company_id')
      .innerJoin(Organization, 's', 's.id = p.school_id') as SelectQueryBuilder<Partnership>;
  }

  /** A partnership the caller may read; null for missing and not-yours alike. */
  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<PartnershipRow | null> {
    const scope = partnershipScope(actor, 'p');
    return this.statements.firstRow<PartnershipRow>(this.partnershipQuery(manager).where('p.id = :id', { id }).andWhere(scope.sql, scope.params), manager);
  }

  /**
   * A partnership the caller may change; null for missing and not-theirs alike. The partnership row
   * stays locked until the transaction ends, so changes to one partnership happen one after another.
   */
  async findManageable(actor: Actor, id: string, manager: EntityManager): Promise<PartnershipRow | null> {
    const scope = companyManageScope(actor, 'p');
    const qb = this.partnershipQuery(manager).where('p.id = :id', { id }).andWhere(scope.sql, scope.params);
    qb.setLock('pessimistic_write', undefined, ['p']);
    return (await qb.getRawOne<PartnershipRow>()) ?? null;
  }

  /** A page of the partnerships the caller may read, by school name, in one query (limit + 1 rows). */
  listPage(
    actor: Actor,
    filter: { programId?: string; schoolId?: string; status?: PartnershipStatus; after: Array<string | number | null> | null },
    limit: number,
  ): Promise<PartnershipRow[]> {
    const scope = partnershipScope(actor, 'p');
    const qb = this.partnershipQuery(this.dataSource.manager).where(scope.sql, scope.params);
    if (filter.programId) qb.andWhere('p.program_id = :programId', { programId: filter.programId });
    if (filter.schoolId) qb.andWhere('p.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.after) qb.andWhere('(s.name, p.id) > (CAST(:afterName AS varchar), CAST(:afterId AS uuid))', { afterName: filter.after[0], afterId: filter.after[1] });
    return qb.orderBy('s.name', 'ASC').addOrderBy('p.id', 'ASC').limit(limit + 1).getRawMany<PartnershipRow>();
  }

  /**
   * The program's years and the years the partnership was active, oldest first, in one query: for
   * each, whether it is in the explicit cohort and whether the status history shows the partnership
   * active on at least one of its days (an active spell runs from the change to active up to the
   * next change, or to today).
   */
  cohortYears(partnershipId: string, programId: string, manager: EntityManager = this.dataSource.manager): Promise<CohortYearRow[]> {
    return manager.query(COHORT_YEARS_SQL, [partnershipId, programId]);
  }

  /**
   * What a timeline is built from, in ONE statement (one round trip): the cohort years and every
   * source's rows, each list aggregated as JSON in the order of its query.
   */
  async timelineFacts(p: TimelinePartnership, sources: readonly TimelineSource[]): Promise<{ years: CohortYearRow[]; rows: unknown[][] }> {
    const [row] = await this.statements.rows<TimelineFactsRow>(timelineFactsSql(sources), timelineFactsParams(p));
    return readTimelineFacts(row, sources);
  }

  /** A program the caller may open partnerships in: admins any, a CSR officer their company's. */
  findManageableProgram(actor: Actor, programId: string, manager: EntityManager): Promise<Program | null> {
    const scope = companyManageScope(actor, 'pr');
    return manager.getRepository(Program).createQueryBuilder('pr').where('pr.id = :programId', { programId }).andWhere(scope.sql, scope.params).getOne();
  }

  /** One organisation by id. */
  findOrganization(id: string, manager: EntityManager): Promise<Organization | null> {
    return manager.findOne(Organization, { where: { id } });
  }

  /** The partnership of a school in a program, if there is one. */
  findByProgramAndSchool(programId: string, schoolId: string, manager: EntityManager = this.dataSource.manager): Promise<Partnership | null> {
    return manager.findOne(Partnership, { where: { programId, schoolId } });
  }

  /** The partnership of a school in a program, locked until the transaction ends (for linking it to a recommendation). */
  findByProgramAndSchoolForUpdate(programId: string, schoolId: string, manager: EntityManager): Promise<Partnership | null> {
    return manager.getRepository(Partnership).createQueryBuilder('p').where('p.program_id = :programId AND p.school_id = :schoolId', { programId, schoolId }).setLock('pessimistic_write').getOne();
  }

  /**
   * Inserts a prospective partnership unless the school already has one in the program (a concurrent
   * transaction may have just made it): its id, or null when nothing was inserted.
   */
  async insertProspectiveIfAbsent(fields: { programId: string; companyId: string; schoolId: string; recommendationId: string }, manager: EntityManager): Promise<string | null> {
    const rows = (await manager.query(
      `INSERT INTO partnerships (program_id, company_id, school_id, recommendation_id, status)
       VALUES ($1, $2, $3, $4, 'prospective')
       ON CONFLICT (program_id, school_id) DO NOTHING
       RETURNING id`,
      [fields.programId, fields.companyId, fields.schoolId, fields.recommendationId],
    )) as Array<{ id: string }>;
    return rows[0]?.id ?? null;
  }

  /** Names the recommendation a (locked) partnership was born from, and bumps its version. */
  async linkRecommendation(id: string, recommendationId: string, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Partnership)
      .set({ recommendationId, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** A recommendation with its request's company and the partnership already born from it. */
  async findRecommendation(id: string, manager: EntityManager): Promise<RecommendationFacts | null> {
    const [row] = (await manager.query(
      `SELECT r.id, r.school_id AS "schoolId", s.name AS "schoolName", r.decision, r.request_id AS "requestId",
              q.company_id AS "requestCompanyId", (SELECT p.id FROM partnerships p WHERE p.recommendation_id = r.id) AS "partnershipId"
         FROM partner_recommendations r
         JOIN partner_requests q ON q.id = r.request_id
         JOIN organizations s ON s.id = r.school_id
        WHERE r.id = $1`,
      [id],
    )) as RecommendationFacts[];
    return row ?? null;
  }

  /** The date of the partnership's latest status change. */
  async lastChangeOn(partnershipId: string, manager: EntityManager): Promise<string | null> {
    const [row] = (await manager.query('SELECT CAST(max(occurred_on) AS text) AS "on" FROM partnership_events WHERE partnership_id = $1', [partnershipId])) as Array<{ on: string | null }>;
    return row?.on ?? null;
  }

  /** Inserts a new partnership. */
  insert(fields: Partial<Partnership>, manager: EntityManager): Promise<Partnership> {
    return manager.save(manager.create(Partnership, fields));
  }

  /** Records one status change in the history. */
  async insertEvent(fields: Pick<PartnershipEvent, 'partnershipId' | 'fromStatus' | 'toStatus' | 'occurredOn' | 'reason' | 'byUserId'>, manager: EntityManager): Promise<void> {
    await manager.insert(PartnershipEvent, fields);
  }

  /** Changes a (locked) partnership's status fields and bumps its version. */
  async updateStatus(id: string, changes: Partial<Pick<Partnership, 'status' | 'startedOn' | 'endedOn' | 'statusReason'>>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Partnership)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** The years of `programId` among `ids`. */
  findProgramYears(programId: string, ids: string[], manager: EntityManager): Promise<ProgramYear[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.find(ProgramYear, { where: { programId, id: In(ids) } });
  }

  /** The explicit cohort of a partnership, oldest first. */
  explicitYears(partnershipId: string, manager: EntityManager): Promise<ExplicitYearRow[]> {
    return manager.query(
      `SELECT x.program_year_id AS "programYearId", y.year, y.status
         FROM partnership_years x JOIN program_years y ON y.id = x.program_year_id
        WHERE x.partnership_id = $1
        ORDER BY y.year`,
      [partnershipId],
    );
  }

  /** Adds and removes explicit cohort years. */
  async changeExplicitYears(partnershipId: string, add: string[], remove: string[], userId: string, manager: EntityManager): Promise<void> {
    if (remove.length > 0) {
      await manager.createQueryBuilder().delete().from(PartnershipYear).where('partnership_id = :partnershipId AND program_year_id IN (:...remove)', { partnershipId, remove }).execute();
    }
    if (add.length > 0) {
      await manager.insert(
        PartnershipYear,
        add.map((programYearId) => ({ partnershipId, programYearId, addedByUserId: userId })),
      );
    }
  }
}
