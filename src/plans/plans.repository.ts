import { planLateSql, TODAY } from '../reports/definitions';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/auth/actor';
import { updateIfVersion } from '../common/database/optimistic';
import { Document } from '../documents/document.entity';
import { Organization } from '../organizations/organization.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { facilitatorOfPlanSql, partnershipScope } from '../partnerships/partnership-scope';
import type { PartnershipStatus } from '../partnerships/partnership-status';
import { ProgramYear } from '../programs/program-year.entity';
import type { ProgramYearStatus } from '../programs/program-year-status';
import { Program } from '../programs/program.entity';
import type { Role } from '../users/role';
import { User } from '../users/user.entity';
import { PlanComment } from './plan-comment.entity';
import { PlanEditor } from './plan-editor.entity';
import { PlanActivityProgress, PlanIndicatorResult } from './plan-progress.entity';
import type { ActivityProgress, PlanStatus } from './plan-status';
import { PlanVersion } from './plan-version.entity';
import { Plan } from './plan.entity';

/** A plan as read: with its school, program year, program, company and the names of the people involved. */
export interface PlanRow {
  id: string;
  schoolId: string;
  schoolName: string;
  schoolNpsn: string | null;
  programYearId: string;
  year: number;
  theme: string;
  planDeadline: string | null;
  yearStatus: ProgramYearStatus;
  programId: string;
  programName: string;
  companyId: string;
  companyName: string;
  partnershipId: string;
  facilitatorUserId: string | null;
  facilitatorName: string | null;
  title: string;
  status: PlanStatus;
  revision: number;
  submittedAt: Date | null;
  submittedLate: boolean;
  approvedAt: Date | null;
  approvedByUserId: string | null;
  approvedByName: string | null;
  completedAt: Date | null;
  withdrawnReason: string | null;
  createdByUserId: string;
  createdByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A plan with its template. */
export type PlanDetailRow = PlanRow & { content: Record<string, unknown> };

/** A plan in a list: its budget totals computed in SQL from the template's lines. */
export type PlanListRow = PlanRow & { budgetTotal: string; stimulusGrantTotal: string };

/** The partnership that lets a school plan for a program year. */
export interface PlanningGround {
  programYearId: string;
  year: number;
  yearStatus: ProgramYearStatus;
  programId: string;
  programName: string;
  partnershipId: string | null;
  partnershipStatus: PartnershipStatus | null;
}

/** A submitted version as listed, with who submitted it. */
export type PlanVersionRow = Omit<PlanVersion, 'plan' | 'content'> & { submittedByName: string | null };

/** A comment with its author. */
export interface PlanCommentRow {
  id: string;
  planId: string;
  parentId: string | null;
  fieldPath: string | null;
  versionNumber: number | null;
  body: string;
  authorUserId: string;
  authorName: string | null;
  authorRole: Role | null;
  authorOrganizationId: string | null;
  authorOrganizationName: string | null;
  createdAt: Date;
}

/** An editor of a plan with their name. */
export interface PlanEditorRow {
  userId: string;
  fullName: string;
  email: string;
  createdAt: Date;
}

/** An activity's progress with who reported it and the evidence file's name. */
export interface ActivityProgressRow {
  activityId: string;
  status: ActivityProgress;
  note: string | null;
  evidenceDocumentId: string | null;
  evidenceFilename: string | null;
  evidenceContentType: string | null;
  updatedByUserId: string;
  updatedByName: string | null;
  updatedAt: Date;
}

/** An indicator's result with who reported it. */
export interface IndicatorResultRow {
  indicatorId: string;
  achievedValue: string;
  note: string | null;
  updatedByUserId: string;
  updatedByName: string | null;
  updatedAt: Date;
}

/** What the page cursor of the plan list holds: the year, the school name and the plan id of the last row. */
export type PlanListCursor = [number, string, string];

const lineSum = (where: string) =>
  `(SELECT CAST(COALESCE(SUM(CAST(bl.v->>'total' AS numeric)), 0) AS text)
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(pl.content->'programs') = 'array' THEN pl.content->'programs' ELSE CAST('[]' AS jsonb) END) AS pg(v)
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(pg.v->'budgetLines') = 'array' THEN pg.v->'budgetLines' ELSE CAST('[]' AS jsonb) END) AS bl(v)
     WHERE ${where})`;

/**
 * Reads and writes plans and their versions, comments, editors, progress and results. Plans are
 * always read inside the caller's scope: the plan's partnership must be one the caller sees
 * (partnershipScope), and a facilitator sees only the plans that name them as facilitator.
 */
@Injectable()
export class PlansRepository {
  constructor(private readonly dataSource: DataSource) {}

  private planQuery(manager: EntityManager): SelectQueryBuilder<Plan> {
    return manager
      .createQueryBuilder()
      .select('pl.id', 'id')
      .addSelect('pl.school_id', 'schoolId')
      .addSelect('s.name', 'schoolName')
      .addSelect('s.npsn', 'schoolNpsn')
      .addSelect('pl.program_year_id', 'programYearId')
      .addSelect('py.year', 'year')
      .addSelect('py.theme', 'theme')
      // As text: the driver would turn a date into a local-midnight Date.
      .addSelect('CAST(py.plan_deadline AS text)', 'planDeadline')
      .addSelect('py.status', 'yearStatus')
      .addSelect('pr.id', 'programId')
      .addSelect('pr.name', 'programName')
      .addSelect('p.company_id', 'companyId')
      .addSelect('c.name', 'companyName')
      .addSelect('pl.partnership_id', 'partnershipId')
      .addSelect('pl.facilitator_user_id', 'facilitatorUserId')
      .addSelect('fu.full_name', 'facilitatorName')
      .addSelect('pl.title', 'title')
      .addSelect('pl.status', 'status')
      .addSelect('pl.revision', 'revision')
      .addSelect('pl.submitted_at', 'submittedAt')
      .addSelect('pl.submitted_late', 'submittedLate')
      .addSelect('pl.approved_at', 'approvedAt')
      .addSelect('pl.approved_by_user_id', 'approvedByUserId')
      .addSelect('au.full_name', 'approvedByName')
      .addSelect('pl.completed_at', 'completedAt')
      .addSelect('pl.withdrawn_reason', 'withdrawnReason')
      .addSelect('pl.created_by_user_id', 'createdByUserId')
      .addSelect('cu.full_name', 'createdByName')
      .addSelect('pl.version', 'version')
      .addSelect('pl.created_at', 'createdAt')
      .addSelect('pl.updated_at', 'updatedAt')
      .from(Plan, 'pl')
      .innerJoin(Partnership, 'p', 'p.id = pl.partnership_id')
      .innerJoin(ProgramYear, 'py', 'py.id = pl.program_year_id')
      .innerJoin(Program, 'pr', 'pr.id = py.program_id')
      .innerJoin(Organization, 's', 's.id = pl.school_id')
      .innerJoin(Organization, 'c', 'c.id = p.company_id')
      .leftJoin(User, 'fu', 'fu.id = pl.facilitator_user_id')
      .leftJoin(User, 'au', 'au.id = pl.approved_by_user_id')
      .leftJoin(User, 'cu', 'cu.id = pl.created_by_user_id') as SelectQueryBuilder<Plan>;
  }

  /** Puts the caller's scope in the WHERE clause. */
  private scope(qb: SelectQueryBuilder<Plan>, actor: Actor): void {
    const s = partnershipScope(actor, 'p');
    qb.andWhere(s.sql, s.params);
    // A facilitator reviews the plans that name them, and those of schools assigned to them for that year.
    if (actor.role === 'facilitator') qb.andWhere(facilitatorOfPlanSql('pl'), { scopeUser: actor.userId });
  }

  /**
   * A plan the caller may see, with its template; null for missing and not-yours alike. With
   * `lock`, the plan row stays locked until the transaction ends, so steps on one plan happen one
   * after another.
   */
  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<PlanDetailRow | null> {
    const qb = this.planQuery(manager).addSelect('pl.content', 'content').where('pl.id = :id', { id });
    this.scope(qb, actor);
    if (lock) qb.setLock('pessimistic_write', undefined, ['pl']);
    return (await qb.getRawOne<PlanDetailRow>()) ?? null;
  }

  /** A page of the plans the caller may see, newest program year first, then by school name, in one query (limit + 1 rows). */
  listPage(actor: Actor, filter: { programYearId?: string; schoolId?: string; status?: PlanStatus; late?: boolean; today: string; after: PlanListCursor | null }, limit: number): Promise<PlanListRow[]> {
    const qb = this.planQuery(this.dataSource.manager)
      .addSelect(lineSum('TRUE'), 'budgetTotal')
      .addSelect(lineSum(`bl.v->>'fundingSource' = 'stimulus_grant'`), 'stimulusGrantTotal');
    this.scope(qb, actor);
    if (filter.programYearId) qb.andWhere('pl.program_year_id = :programYearId', { programYearId: filter.programYearId });
    if (filter.schoolId) qb.andWhere('pl.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.status) qb.andWhere('pl.status = :status', { status: filter.status });
    // Late as the portfolio report counts it (reports/definitions.ts), on the Clock's today.
    if (filter.late !== undefined) qb.andWhere(`${filter.late ? '' : 'NOT '}${planLateSql('pl', 'py', TODAY)}`, { today: filter.today });
    if (filter.after) {
      const [afterYear, afterName, afterId] = filter.after;
      qb.andWhere('(py.year < :afterYear OR (py.year = :afterYear AND (s.name, pl.id) > (CAST(:afterName AS varchar), CAST(:afterId AS uuid))))', { afterYear, afterName, afterId });
    }
    return qb.orderBy('py.year', 'DESC').addOrderBy('s.name', 'ASC').addOrderBy('pl.id', 'ASC').limit(limit + 1).getRawMany<PlanListRow>();
  }

  /** The program year and the school's partnership in its program, if any (no scope: the caller checks the school is theirs). */
  async findPlanningGround(programYearId: string, schoolId: string, manager: EntityManager): Promise<PlanningGround | null> {
    const [row] = (await manager.query(
      `SELECT py.id AS "programYearId", py.year, py.status AS "yearStatus", pr.id AS "programId", pr.name AS "programName",
              p.id AS "partnershipId", p.status AS "partnershipStatus"
         FROM program_years py
         JOIN programs pr ON pr.id = py.program_id
         LEFT JOIN partnerships p ON p.program_id = py.program_id AND p.school_id = $2
        WHERE py.id = $1`,
      [programYearId, schoolId],
    )) as PlanningGround[];
    return row ?? null;
  }

  /** The id and title of the school's plan for a program year, if there is one. */
  async findExisting(schoolId: string, programYearId: string, manager: EntityManager): Promise<{ id: string; title: string; status: PlanStatus } | null> {
    return manager.findOne(Plan, { select: { id: true, title: true, status: true }, where: { schoolId, programYearId } });
  }

  /** Whether a user can be a plan's facilitator in a program: an enabled facilitator of an organisation that works in it. */
  async isProgramFacilitator(userId: string, programId: string, manager: EntityManager): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM users u JOIN program_facilitators pf ON pf.facilitator_id = u.organization_id AND pf.program_id = $2
        WHERE u.id = $1 AND u.role = 'facilitator' AND u.disabled_at IS NULL`,
      [userId, programId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** An organisation by id (the school an admin names). */
  findOrganization(id: string, manager: EntityManager): Promise<Organization | null> {
    return manager.findOne(Organization, { where: { id } });
  }

  /** Inserts a plan and returns its id. */
  async insertPlan(fields: Partial<Plan>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(Plan, fields as QueryDeepPartialEntity<Plan>);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Applies `changes` only while the plan is still at `version` (checked in the UPDATE's WHERE); false when it moved on. */
  updateIfVersion(id: string, version: number, changes: Partial<Pick<Plan, 'title' | 'content' | 'facilitatorUserId'>>, manager: EntityManager): Promise<boolean> {
    return updateIfVersion(manager, Plan, id, version, changes as QueryDeepPartialEntity<Plan>);
  }

  /** The plan's current version (after a refused update, to tell the caller). */
  async currentVersion(id: string, manager: EntityManager): Promise<number | null> {
    const row = await manager.findOne(Plan, { select: { id: true, version: true }, where: { id } });
    return row?.version ?? null;
  }

  /** Changes a (locked) plan's state fields and bumps its version. */
  async updateState(id: string, changes: QueryDeepPartialEntity<Plan>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Plan)
      .set({ ...changes, version: () => 'version + 1' } as QueryDeepPartialEntity<Plan>)
      .where('id = :id', { id })
      .execute();
  }

  /** The next submission number of a (locked) plan. */
  async nextVersionNumber(planId: string, manager: EntityManager): Promise<number> {
    const [row] = (await manager.query('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM plan_versions WHERE plan_id = $1', [planId])) as Array<{ next: number }>;
    return Number(row.next);
  }

  /** Stores the snapshot of a submission. */
  async insertVersion(fields: Partial<PlanVersion>, manager: EntityManager): Promise<void> {
    await manager.insert(PlanVersion, fields as QueryDeepPartialEntity<PlanVersion>);
  }

  /** The submitted versions of a plan, oldest first. */
  listVersions(planId: string, manager: EntityManager = this.dataSource.manager): Promise<PlanVersionRow[]> {
    return manager
      .createQueryBuilder()
      .select('v.id', 'id')
      .addSelect('v.plan_id', 'planId')
      .addSelect('v.number', 'number')
      .addSelect('v.revision', 'revision')
      .addSelect('v.title', 'title')
      .addSelect('v.submitted_by_user_id', 'submittedByUserId')
      .addSelect('u.full_name', 'submittedByName')
      .addSelect('v.submitted_at', 'submittedAt')
      .addSelect('v.late', 'late')
      .from(PlanVersion, 'v')
      .leftJoin(User, 'u', 'u.id = v.submitted_by_user_id')
      .where('v.plan_id = :planId', { planId })
      .orderBy('v.number', 'ASC')
      .getRawMany<PlanVersionRow>();
  }

  /** One submitted version of a plan with its snapshot. */
  findVersion(planId: string, number: number, manager: EntityManager = this.dataSource.manager): Promise<PlanVersion | null> {
    return manager.findOne(PlanVersion, { where: { planId, number } });
  }

  /** The comments of a plan, oldest first, with their authors. */
  listComments(planId: string, manager: EntityManager = this.dataSource.manager): Promise<PlanCommentRow[]> {
    return this.commentRows(manager, 'pc.plan_id = :planId', { planId });
  }

  /** One comment of a plan with its author; null when it belongs to no such plan. */
  async findCommentRow(planId: string, id: string, manager: EntityManager): Promise<PlanCommentRow | null> {
    return (await this.commentRows(manager, 'pc.plan_id = :planId AND pc.id = :id', { planId, id }))[0] ?? null;
  }

  private commentRows(manager: EntityManager, where: string, params: Record<string, string>): Promise<PlanCommentRow[]> {
    return manager
      .createQueryBuilder()
      .select('pc.id', 'id')
      .addSelect('pc.plan_id', 'planId')
      .addSelect('pc.parent_id', 'parentId')
      .addSelect('pc.field_path', 'fieldPath')
      .addSelect('pc.version_number', 'versionNumber')
      .addSelect('pc.body', 'body')
      .addSelect('pc.author_user_id', 'authorUserId')
      .addSelect('u.full_name', 'authorName')
      .addSelect('u.role', 'authorRole')
      .addSelect('o.id', 'authorOrganizationId')
      .addSelect('o.name', 'authorOrganizationName')
      .addSelect('pc.created_at', 'createdAt')
      .from(PlanComment, 'pc')
      .leftJoin(User, 'u', 'u.id = pc.author_user_id')
      .leftJoin(Organization, 'o', 'o.id = u.organization_id')
      .where(where, params)
      .orderBy('pc.created_at', 'ASC')
      .addOrderBy('pc.id', 'ASC')
      .getRawMany<PlanCommentRow>();
  }

  /** One comment of a plan; null when it belongs to no such plan. */
  findComment(planId: string, id: string, manager: EntityManager): Promise<PlanComment | null> {
    return manager.findOne(PlanComment, { where: { planId, id } });
  }

  /** How many comments a plan has. */
  countComments(planId: string, manager: EntityManager): Promise<number> {
    return manager.count(PlanComment, { where: { planId } });
  }

  /** Inserts a comment and returns its id. */
  async insertComment(fields: QueryDeepPartialEntity<PlanComment>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(PlanComment, fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** The editors of a plan, by name. */
  listEditors(planId: string, manager: EntityManager = this.dataSource.manager): Promise<PlanEditorRow[]> {
    return manager
      .createQueryBuilder()
      .select('e.user_id', 'userId')
      .addSelect('u.full_name', 'fullName')
      .addSelect('u.email', 'email')
      .addSelect('e.created_at', 'createdAt')
      .from(PlanEditor, 'e')
      .innerJoin(User, 'u', 'u.id = e.user_id')
      .where('e.plan_id = :planId', { planId })
      .orderBy('u.full_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .getRawMany<PlanEditorRow>();
  }

  /** Whether a user was made an editor of a plan. */
  async isEditor(planId: string, userId: string, manager: EntityManager): Promise<boolean> {
    return (await manager.count(PlanEditor, { where: { planId, userId } })) > 0;
  }

  /** A user of an organisation (for editors: users of the plan's school). */
  findUserOf(organizationId: string, userId: string, manager: EntityManager): Promise<User | null> {
    return manager.findOne(User, { where: { id: userId, organizationId } });
  }

  /** Adds an editor (the caller has checked they are not one yet). */
  async insertEditor(planId: string, userId: string, manager: EntityManager): Promise<void> {
    await manager.insert(PlanEditor, { planId, userId });
  }

  /** Removes an editor; false when they were none. */
  async deleteEditor(planId: string, userId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.delete(PlanEditor, { planId, userId });
    return (result.affected ?? 0) > 0;
  }

  /** The progress reported on a plan's activities. */
  listProgress(planId: string, manager: EntityManager = this.dataSource.manager): Promise<ActivityProgressRow[]> {
    return manager
      .createQueryBuilder()
      .select('ap.activity_id', 'activityId')
      .addSelect('ap.status', 'status')
      .addSelect('ap.note', 'note')
      .addSelect('ap.evidence_document_id', 'evidenceDocumentId')
      .addSelect('d.filename', 'evidenceFilename')
      .addSelect('d.content_type', 'evidenceContentType')
      .addSelect('ap.updated_by_user_id', 'updatedByUserId')
      .addSelect('u.full_name', 'updatedByName')
      .addSelect('ap.updated_at', 'updatedAt')
      .from(PlanActivityProgress, 'ap')
      .leftJoin(Document, 'd', 'd.id = ap.evidence_document_id')
      .leftJoin(User, 'u', 'u.id = ap.updated_by_user_id')
      .where('ap.plan_id = :planId', { planId })
      .getRawMany<ActivityProgressRow>();
  }

  /** The results reported on a plan's indicators. */
  listResults(planId: string, manager: EntityManager = this.dataSource.manager): Promise<IndicatorResultRow[]> {
    return manager
      .createQueryBuilder()
      .select('ir.indicator_id', 'indicatorId')
      .addSelect('CAST(ir.achieved_value AS text)', 'achievedValue')
      .addSelect('ir.note', 'note')
      .addSelect('ir.updated_by_user_id', 'updatedByUserId')
      .addSelect('u.full_name', 'updatedByName')
      .addSelect('ir.updated_at', 'updatedAt')
      .from(PlanIndicatorResult, 'ir')
      .leftJoin(User, 'u', 'u.id = ir.updated_by_user_id')
      .where('ir.plan_id = :planId', { planId })
      .getRawMany<IndicatorResultRow>();
  }

  /** The ids of the activities and indicators that have progress or results, which a revision must keep. */
  async reportedItemIds(planId: string, manager: EntityManager): Promise<{ activityIds: string[]; indicatorIds: string[] }> {
    const activities = await manager.find(PlanActivityProgress, { select: { activityId: true }, where: { planId } });
    const indicators = await manager.find(PlanIndicatorResult, { select: { indicatorId: true }, where: { planId } });
    return { activityIds: activities.map((a) => a.activityId), indicatorIds: indicators.map((i) => i.indicatorId) };
  }

  /** The current progress of one activity, if any. */
  findProgress(planId: string, activityId: string, manager: EntityManager): Promise<PlanActivityProgress | null> {
    return manager.findOne(PlanActivityProgress, { where: { planId, activityId } });
  }

  /** Records an activity's progress, replacing the previous report. */
  async upsertProgress(fields: Pick<PlanActivityProgress, 'planId' | 'activityId' | 'status' | 'note' | 'evidenceDocumentId' | 'updatedByUserId'>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(PlanActivityProgress)
      .values(fields)
      .orUpdate(['status', 'note', 'evidence_document_id', 'updated_by_user_id', 'updated_at'], ['plan_id', 'activity_id'])
      .execute();
  }

  /** The current result of one indicator, if any. */
  findResult(planId: string, indicatorId: string, manager: EntityManager): Promise<PlanIndicatorResult | null> {
    return manager.findOne(PlanIndicatorResult, { where: { planId, indicatorId } });
  }

  /** Records an indicator's achieved value, replacing the previous report. */
  async upsertResult(fields: Pick<PlanIndicatorResult, 'planId' | 'indicatorId' | 'achievedValue' | 'note' | 'updatedByUserId'>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(PlanIndicatorResult)
      .values(fields)
      .orUpdate(['achieved_value', 'note', 'updated_by_user_id', 'updated_at'], ['plan_id', 'indicator_id'])
      .execute();
  }

  /** Whether a stored document belongs to the plan (uploaded as evidence for it). */
  async isPlanDocument(planId: string, documentId: string, manager: EntityManager): Promise<boolean> {
    return (await manager.count(Document, { where: { id: documentId, ownerType: 'plan', ownerId: planId } })) > 0;
  }
}
