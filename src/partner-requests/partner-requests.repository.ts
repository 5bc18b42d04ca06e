import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import type { Topic } from '../common/catalog/topics';
import { hasActivePartnerSql } from '../organizations/active-partner';
import { Organization } from '../organizations/organization.entity';
import { Partnership } from '../partnerships/partnership.entity';
import type { PartnershipStatus } from '../partnerships/partnership-status';
import { Program } from '../programs/program.entity';
import type { SchoolLevel } from '../organizations/organization-type';
import { Region } from '../regions/region.entity';
import { User } from '../users/user.entity';
import { candidateScoreSql } from './candidate-score';
import { coversRegionSql } from '../regions/jurisdiction';
import { PartnerRecommendation } from './partner-recommendation.entity';
import { PartnerRequest } from './partner-request.entity';
import { effectiveStatusSql } from './partner-request-status';
import type { PartnerRequestStatus, RecommendationDecision } from './partner-request-status';

/** A request as read: its effective status, and the names of the parties and people involved. */
export interface PartnerRequestRow {
  id: string;
  companyId: string;
  companyName: string;
  educationOfficeId: string;
  educationOfficeName: string;
  /** The office's jurisdiction today. */
  officeRegionCode: string | null;
  programId: string | null;
  regionCode: string;
  regionName: string;
  schoolLevels: SchoolLevel[];
  schoolsWanted: number;
  needTopics: Topic[];
  needsNote: string | null;
  dueDate: string;
  status: PartnerRequestStatus;
  createdByUserId: string;
  createdByName: string | null;
  answeredByUserId: string | null;
  answeredByName: string | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  withdrawnReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** created_at at full (microsecond) precision, for the page cursor. */
  cursorCreatedAt: string;
}

/** A recommendation as read, with its school and the names of who recommended and decided. */
export interface PartnerRecommendationRow {
  id: string;
  requestId: string;
  schoolId: string;
  schoolName: string;
  schoolNpsn: string | null;
  schoolLevel: SchoolLevel | null;
  schoolRegionCode: string | null;
  rank: number;
  rationale: string;
  decision: RecommendationDecision;
  decisionReason: string | null;
  decidedByUserId: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  recommendedByUserId: string;
  recommendedByName: string | null;
  createdAt: Date;
  /** The partnership the accepted school has in the program: the one born from this recommendation, or else the school's one in the request's program. */
  partnershipId: string | null;
  partnershipStatus: PartnershipStatus | null;
  partnershipProgramId: string | null;
  partnershipProgramName: string | null;
}

/** A school that may be suggested, with the facts its score is computed from. */
export interface CandidateRow {
  id: string;
  name: string;
  npsn: string | null;
  schoolLevel: SchoolLevel | null;
  regionCode: string | null;
  hasActivePartner: boolean;
  matchedNeeds: Topic[];
}

/** One audit line of a request or of one of its recommendations. */
export interface HistoryRow {
  id: string;
  occurredAt: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  actorOrganizationId: string | null;
  actorOrganizationName: string | null;
  changes: Record<string, unknown> | null;
}

/** What the service needs of a school it is asked to recommend. */
export type SchoolFacts = Pick<Organization, 'id' | 'type' | 'name' | 'regionCode' | 'archivedAt'>;

/**
 * Reads and writes partner requests and their recommendations, always inside the caller's scope:
 * admins all, a CSR officer their company's requests, an education officer those addressed to
 * their office.
 */
@Injectable()
export class PartnerRequestsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private requestQuery(manager: EntityManager): SelectQueryBuilder<PartnerRequest> {
    return manager
      .createQueryBuilder()
      .select('r.id', 'id')
      .addSelect('r.company_id', 'companyId')
      .addSelect('c.name', 'companyName')
      .addSelect('r.education_office_id', 'educationOfficeId')
      .addSelect('o.name', 'educationOfficeName')
      .addSelect('o.region_code', 'officeRegionCode')
      .addSelect('r.program_id', 'programId')
      .addSelect('r.region_code', 'regionCode')
      .addSelect('g.name', 'regionName')
      .addSelect('r.school_levels', 'schoolLevels')
      .addSelect('r.schools_wanted', 'schoolsWanted')
      .addSelect('r.need_topics', 'needTopics')
      .addSelect('r.needs_note', 'needsNote')
      // As text: the driver would turn a date into a local-midnight Date.
      .addSelect('CAST(r.due_date AS text)', 'dueDate')
      .addSelect(effectiveStatusSql('r'), 'status')
      .addSelect('r.created_by_user_id', 'createdByUserId')
      .addSelect('cb.full_name', 'createdByName')
      .addSelect('r.answered_by_user_id', 'answeredByUserId')
      .addSelect('ab.full_name', 'answeredByName')
      .addSelect('r.answered_at', 'answeredAt')
      .addSelect('r.closed_at', 'closedAt')
      .addSelect('r.withdrawn_reason', 'withdrawnReason')
      .addSelect('r.created_at', 'createdAt')
      .addSelect('r.updated_at', 'updatedAt')
      .addSelect(`to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursorCreatedAt')
      .from(PartnerRequest, 'r')
      .innerJoin(Organization, 'c', 'c.id = r.company_id')
      .innerJoin(Organization, 'o', 'o.id = r.education_office_id')
      .innerJoin(Region, 'g', 'g.code = r.region_code')
      .leftJoin(User, 'cb', 'cb.id = r.created_by_user_id')
      .leftJoin(User, 'ab', 'ab.id = r.answered_by_user_id') as SelectQueryBuilder<PartnerRequest>;
  }

  /** Puts the caller's scope in the WHERE clause; roles without one see nothing. */
  private scope(qb: SelectQueryBuilder<PartnerRequest>, actor: Actor): void {
    if (actor.role === 'admin') return;
    if (actor.role === 'csr_officer') qb.andWhere('r.company_id = :scopeOrg', { scopeOrg: actor.organizationId });
    else if (actor.role === 'education_officer') qb.andWhere('r.education_office_id = :scopeOrg', { scopeOrg: actor.organizationId });
    else qb.andWhere('false');
  }

  /**
   * A request the caller may see, with its effective status; null for missing and not-yours alike.
   * With `lock`, the request row stays locked until the transaction ends, so steps on one request
   * happen one after another.
   */
  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<PartnerRequestRow | null> {
    const qb = this.requestQuery(manager).where('r.id = :id', { id });
    this.scope(qb, actor);
    if (lock) qb.setLock('pessimistic_write', undefined, ['r']);
    return (await qb.getRawOne<PartnerRequestRow>()) ?? null;
  }

  /** A page of the requests the caller may see, newest first, in one query (limit + 1 rows). */
  listPage(actor: Actor, filter: { status?: PartnerRequestStatus; after: [string, string] | null }, limit: number): Promise<PartnerRequestRow[]> {
    const qb = this.requestQuery(this.dataSource.manager);
    this.scope(qb, actor);
    if (filter.status) qb.andWhere(`${effectiveStatusSql('r')} = :status`, { status: filter.status });
    if (filter.after) {
      qb.andWhere('(r.created_at, r.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', { afterAt: filter.after[0], afterId: filter.after[1] });
    }
    return qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').limit(limit + 1).getRawMany<PartnerRequestRow>();
  }

  /** The recommendations of a request, best rank first. */
  findRecommendations(requestId: string, manager: EntityManager = this.dataSource.manager): Promise<PartnerRecommendationRow[]> {
    return this.recommendationQuery(manager).where('pr.request_id = :requestId', { requestId }).orderBy('pr.rank', 'ASC').getRawMany<PartnerRecommendationRow>();
  }

  /** One recommendation of a request; null when it belongs to no such request. */
  async findRecommendation(requestId: string, id: string, manager: EntityManager): Promise<PartnerRecommendationRow | null> {
    const row = await this.recommendationQuery(manager).where('pr.request_id = :requestId AND pr.id = :id', { requestId, id }).getRawOne<PartnerRecommendationRow>();
    return row ?? null;
  }

  private recommendationQuery(manager: EntityManager): SelectQueryBuilder<PartnerRecommendation> {
    return manager
      .createQueryBuilder()
      .select('pr.id', 'id')
      .addSelect('pr.request_id', 'requestId')
      .addSelect('pr.school_id', 'schoolId')
      .addSelect('s.name', 'schoolName')
      .addSelect('s.npsn', 'schoolNpsn')
      .addSelect('s.school_level', 'schoolLevel')
      .addSelect('s.region_code', 'schoolRegionCode')
      .addSelect('pr.rank', 'rank')
      .addSelect('pr.rationale', 'rationale')
      .addSelect('pr.decision', 'decision')
      .addSelect('pr.decision_reason', 'decisionReason')
      .addSelect('pr.decided_by_user_id', 'decidedByUserId')
      .addSelect('db.full_name', 'decidedByName')
      .addSelect('pr.decided_at', 'decidedAt')
      .addSelect('pr.recommended_by_user_id', 'recommendedByUserId')
      .addSelect('rb.full_name', 'recommendedByName')
      .addSelect('pr.created_at', 'createdAt')
      .addSelect('pp.id', 'partnershipId')
      .addSelect('pp.status', 'partnershipStatus')
      .addSelect('pp.program_id', 'partnershipProgramId')
      .addSelect('ppg.name', 'partnershipProgramName')
      .from(PartnerRecommendation, 'pr')
      .innerJoin(Organization, 's', 's.id = pr.school_id')
      .leftJoin(
        Partnership,
        'pp',
        `pp.id = (SELECT x.id FROM partnerships x JOIN partner_requests xq ON xq.id = pr.request_id
                   WHERE x.recommendation_id = pr.id OR (pr.decision = 'accepted' AND x.school_id = pr.school_id AND x.program_id = xq.program_id)
                   ORDER BY (x.recommendation_id IS NOT DISTINCT FROM pr.id) DESC LIMIT 1)`,
      )
      .leftJoin(Program, 'ppg', 'ppg.id = pp.program_id')
      .leftJoin(User, 'rb', 'rb.id = pr.recommended_by_user_id')
      .leftJoin(User, 'db', 'db.id = pr.decided_by_user_id') as SelectQueryBuilder<PartnerRecommendation>;
  }

  /** One organisation by id (the office a request is addressed to). */
  findOrganization(id: string, manager: EntityManager): Promise<Organization | null> {
    return manager.findOne(Organization, { where: { id } });
  }

  /** Whether a program belongs to the company: missing and another company's look the same. */
  async isCompanyProgram(programId: string, companyId: string, manager: EntityManager): Promise<boolean> {
    const rows = (await manager.query('SELECT 1 FROM programs WHERE id = $1 AND company_id = $2', [programId, companyId])) as unknown[];
    return rows.length > 0;
  }

  /** A program of the company, for the partnership an accepted school opens; null for missing and another company's alike. */
  findCompanyProgram(programId: string, companyId: string, manager: EntityManager): Promise<Pick<Program, 'id' | 'name' | 'companyId'> | null> {
    return manager.findOne(Program, { select: { id: true, name: true, companyId: true }, where: { id: programId, companyId } });
  }

  /** A province or regency/city by code. */
  findRegion(code: string, manager: EntityManager): Promise<Region | null> {
    return manager.findOne(Region, { where: { code } });
  }

  /** The database's today (YYYY-MM-DD): the same clock that turns overdue requests into expired ones. */
  async today(manager: EntityManager): Promise<string> {
    const [row] = (await manager.query('SELECT CAST(current_date AS text) AS today')) as Array<{ today: string }>;
    return row.today;
  }

  /** The organisations among `ids`, with what is needed to check they may be recommended. */
  findSchoolFacts(ids: string[], manager: EntityManager): Promise<SchoolFacts[]> {
    return manager.find(Organization, { select: { id: true, type: true, name: true, regionCode: true, archivedAt: true }, where: { id: In(ids) } });
  }

  /** Inserts a new request. */
  insertRequest(fields: Partial<PartnerRequest>, manager: EntityManager): Promise<PartnerRequest> {
    return manager.save(manager.create(PartnerRequest, fields));
  }

  /** Inserts recommendations in one statement and returns their ids, in the order given. */
  async insertRecommendations(rows: Array<Partial<PartnerRecommendation>>, manager: EntityManager): Promise<string[]> {
    const result = await manager.insert(PartnerRecommendation, rows);
    return result.identifiers.map((i) => String(i.id));
  }

  /** Changes a request's state fields and bumps its version (the row is locked by the caller). */
  async updateRequest(id: string, changes: Partial<Pick<PartnerRequest, 'status' | 'answeredByUserId' | 'answeredAt' | 'closedAt' | 'withdrawnReason'>>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(PartnerRequest)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Records the company's decision on a pending recommendation; false when it was no longer pending. */
  async decide(id: string, decision: Exclude<RecommendationDecision, 'pending'>, reason: string | null, userId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(PartnerRecommendation)
      .set({ decision, decisionReason: reason, decidedByUserId: userId, decidedAt: () => 'now()' })
      .where("id = :id AND decision = 'pending'", { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The decisions of every recommendation of a request. */
  async decisionsOf(requestId: string, manager: EntityManager): Promise<RecommendationDecision[]> {
    const rows = await manager.find(PartnerRecommendation, { select: { decision: true }, where: { requestId } });
    return rows.map((r) => r.decision);
  }

  /**
   * The best `limit` schools for a request, ranked by the candidate score, in one query: schools in
   * the request's region and in the office's jurisdiction, not archived, of a requested level (when
   * levels were asked for), not yet recommended in this request.
   */
  listCandidates(request: PartnerRequestRow, officeRegionCode: string, limit: number): Promise<CandidateRow[]> {
    const score = candidateScoreSql('s', 'f.has_partner', 'f.matched', 'CAST($2 AS varchar[])');
    return this.dataSource.query(
      `SELECT s.id, s.name, s.npsn, s.school_level AS "schoolLevel", s.region_code AS "regionCode",
              f.has_partner AS "hasActivePartner", f.matched AS "matchedNeeds"
         FROM organizations s
        CROSS JOIN LATERAL (
          SELECT ${hasActivePartnerSql('s')} AS has_partner,
                 ARRAY(SELECT n.topic FROM unnest(CAST($3 AS varchar[])) WITH ORDINALITY AS n(topic, pos)
                        WHERE n.topic = ANY(s.needs) ORDER BY n.pos) AS matched
        ) f
        WHERE s.type = 'school'
          AND s.archived_at IS NULL
          AND ${coversRegionSql('CAST($4 AS varchar)', 's.region_code')}
          AND ${coversRegionSql('CAST($5 AS varchar)', 's.region_code')}
          AND (cardinality(CAST($2 AS varchar[])) = 0 OR s.school_level = ANY(CAST($2 AS varchar[])))
          AND NOT EXISTS (SELECT 1 FROM partner_recommendations x WHERE x.request_id = $1 AND x.school_id = s.id)
        ORDER BY ${score} DESC, s.name ASC, s.id ASC
        LIMIT $6`,
      [request.id, request.schoolLevels, request.needTopics, request.regionCode, officeRegionCode, limit],
    );
  }

  /** The audit lines of a request and of its recommendations, oldest first, with who did each. */
  history(requestId: string): Promise<HistoryRow[]> {
    return this.dataSource.query(
      `SELECT e.id, e.occurred_at AS "occurredAt", e.action, e.entity_type AS "entityType", e.entity_id AS "entityId",
              e.actor_user_id AS "actorUserId", u.full_name AS "actorName",
              e.actor_organization_id AS "actorOrganizationId", o.name AS "actorOrganizationName", e.changes
         FROM audit_events e
         LEFT JOIN users u ON u.id = e.actor_user_id
         LEFT JOIN organizations o ON o.id = e.actor_organization_id
        WHERE (e.entity_type = 'partner_request' AND e.entity_id = $1)
           OR (e.entity_type = 'partner_recommendation'
               AND e.entity_id = ANY(ARRAY(SELECT CAST(x.id AS varchar) FROM partner_recommendations x WHERE x.request_id = $2)))
        ORDER BY e.occurred_at ASC, e.id ASC`,
      [requestId, requestId],
    );
  }
}
