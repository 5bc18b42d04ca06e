import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/database/optimistic';
import { AppError } from '../common/errors/app-error';
import type { RawFieldError } from '../common/errors/app-error';
import { DuplicateRecordError } from '../common/errors/duplicate-record';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import { IdempotencyService, IdempotentResult } from '../idempotency/idempotency.service';
import type { CreatePlanDto } from './dto/create-plan.dto';
import type { ListPlansQuery } from './dto/list-plans.query';
import type { AddPlanEditorDto, ApprovePlanDto, RequestChangesDto, WithdrawPlanDto } from './dto/plan-actions.dto';
import { PlanDiffResponse, PlanVersionDetailResponse, PlanVersionListResponse, PlanVersionResponse } from './dto/plan-history.response';
import { PlanDetailResponse, PlanEditorListResponse, PlanEditorResponse, PlanResponse } from './dto/plan.response';
import type { UpdatePlanDto } from './dto/update-plan.dto';
import { notYourPart, PlanAccess, refuse, requireCsrOfficer, requireOpenYear } from './plan-access';
import { activitiesOf, emptyContent, indicatorsOf, missingForSubmission, normalizeContent, planTotals, programLabel, readStoredContent } from './plan-content';
import type { PlanContent, PlanContentInput } from './plan-content';
import { diffDocuments } from './plan-diff';
import { isLateSubmission, statusAfter, versionOutcomes } from './plan-status';
import type { PlanTransition } from './plan-status';
import { PlanDetailRow, PlanListCursor, PlansRepository } from './plans.repository';
import { statusName } from '../common/errors/names';
import { MailService } from '../mail/mail.service';
import type { PlanMailParams } from '../mail/templates/plan.templates';

/** How many changed paths an audit line of an update lists. */
const AUDITED_PATHS = 100;

/** The endpoint whose Idempotency-Key scope it is (a key used on it cannot be reused on another). */
export const CREATE_PLAN_ENDPOINT = 'POST /api/v1/plans';

function contentOrThrow(input: PlanContentInput | undefined): PlanContent {
  const { content, errors } = normalizeContent(input);
  if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
  return content;
}

/** A review step on a plan that changed since the reviewer read it (the version they sent) is refused with 409. */
function requireReadVersion(plan: { version: number }, read: number | undefined): void {
  if (read !== undefined && read !== plan.version) throw new AppError('stale_version', { sent: read, current: plan.version });
}

function duplicatePlan(existing: { id: string; title: string; status: string }, year: number): DuplicateRecordError {
  return new DuplicateRecordError('plan_exists', existing.id, {
    en: `The school already has a plan for ${year} in this program: "${existing.title}" (id ${existing.id}, status ${existing.status}). A school keeps one plan per program year; open that one with GET /api/v1/plans/${existing.id}`,
    id: `Sekolah sudah memiliki rencana untuk tahun ${year} dalam program ini: "${existing.title}" (id ${existing.id}, status ${existing.status}). Satu sekolah memiliki satu rencana per tahun program; buka rencana tersebut dengan GET /api/v1/plans/${existing.id}`,
  });
}

@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
    private readonly access: PlanAccess,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly mail: MailService,
  ) {}

  /**
   * Starts a school's plan for a program year (principal of the school, or admin naming the school):
   * the school needs a prospective or active partnership in the year's program, the year must not be
   * closed, and a school keeps one plan per program year (a second one answers 409 naming the first).
   * With an Idempotency-Key, once per key: a retry replays the first answer instead of answering 409.
   */
  async create(actor: Actor, dto: CreatePlanDto, key?: string): Promise<PlanDetailResponse | IdempotentResult<PlanDetailResponse>> {
    const schoolId = this.schoolOf(actor, dto.schoolId);
    const content = dto.content ? contentOrThrow(dto.content) : emptyContent();
    // The template as understood (amounts normalised); new items get a placeholder id, as real ones are made afresh per request.
    const payload = {
      schoolId,
      programYearId: dto.programYearId.toLowerCase(),
      title: dto.title,
      facilitatorUserId: dto.facilitatorUserId?.toLowerCase() ?? null,
      content: dto.content ? normalizeContent(dto.content, 'content', () => 'new').content : null,
    };
    try {
      return await this.dataSource.transaction<PlanDetailResponse | IdempotentResult<PlanDetailResponse>>((manager) => {
        const effect = async () => {
          if (actor.role === 'admin') {
            const school = await this.plans.findOrganization(schoolId, manager);
            if (!school || school.type !== 'school') {
              throw AppError.field('schoolId', 'not_a_school', 'schoolId names no school; pick one from GET /api/v1/organizations?type=school', 'schoolId tidak menunjuk sekolah mana pun; pilih dari GET /api/v1/organizations?type=school');
            }
          }
          const ground = await this.plans.findPlanningGround(dto.programYearId, schoolId, manager);
          if (!ground) {
            throw AppError.field('programYearId', 'unknown_program_year', 'programYearId names no program year; pick one from GET /api/v1/programs/{id}/years', 'programYearId tidak menunjuk tahun program mana pun; pilih dari GET /api/v1/programs/{id}/years');
          }
          if (ground.partnershipId === null || (ground.partnershipStatus !== 'prospective' && ground.partnershipStatus !== 'active')) {
            const state = ground.partnershipStatus === null ? 'has no partnership' : `has a partnership that is ${statusName(ground.partnershipStatus, 'en')}`;
            const stateId = ground.partnershipStatus === null ? 'tidak memiliki kemitraan' : `memiliki kemitraan berstatus ${statusName(ground.partnershipStatus, 'id')}`;
            throw AppError.rule(
              `the school ${state} in the program of this year (${ground.year}); a plan is made inside a prospective or active partnership, so ask the company's CSR officer to open or resume it first`,
              `sekolah ${stateId} dalam program tahun ini (${ground.year}); rencana dibuat di dalam kemitraan yang prospektif atau aktif, jadi minta petugas CSR perusahaan membuka atau melanjutkannya terlebih dahulu`,
            );
          }
          requireOpenYear({ year: ground.year, programName: ground.programName, yearStatus: ground.yearStatus });
          const existing = await this.plans.findExisting(schoolId, dto.programYearId, manager);
          if (existing) throw duplicatePlan(existing, ground.year);
          if (dto.facilitatorUserId) await this.checkFacilitator(dto.facilitatorUserId, ground.programId, manager);
          const fields = {
            schoolId,
            programYearId: dto.programYearId,
            partnershipId: ground.partnershipId,
            facilitatorUserId: dto.facilitatorUserId ?? null,
            title: dto.title,
            status: 'draft' as const,
            revision: 0,
          };
          const id = await this.plans.insertPlan({ ...fields, content: content as unknown as Record<string, unknown>, createdByUserId: actor.userId }, manager);
          const totals = planTotals(content);
          await this.audit.record(manager, actor, { action: 'create', entityType: 'plan', entityId: id, changes: { ...fields, programs: content.programs.length, budgetTotal: totals.total } });
          return this.detail(actor, id, manager);
        };
        return key === undefined ? effect() : this.idempotency.once(manager, actor, { key, endpoint: CREATE_PLAN_ENDPOINT, payload }, 201, effect);
      });
    } catch (err) {
      if (isUniqueViolation(err, 'plans_school_year_key')) {
        const existing = await this.plans.findExisting(schoolId, dto.programYearId, this.dataSource.manager);
        const ground = await this.plans.findPlanningGround(dto.programYearId, schoolId, this.dataSource.manager);
        if (existing && ground) throw duplicatePlan(existing, ground.year);
      }
      throw err;
    }
  }

  /** Lists the plans the caller may see, newest program year first, then by school name, in one query. */
  async list(actor: Actor, query: ListPlansQuery): Promise<Page<PlanResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['int', 'string', 'uuid']) as PlanListCursor | null;
    const today = this.clock.today();
    const rows = await this.plans.listPage(
      actor,
      { programYearId: query.programYearId, schoolId: query.schoolId, status: query.status, late: query.late, today, after: after && [Number(after[0]), after[1], after[2]] },
      limit,
    );
    return toPage(rows, limit, (r) => [r.year, r.schoolName, r.id], (r) => PlanResponse.fromListRow(r, today));
  }

  /** One plan the caller may see, with its template, computed totals, deadline and late flag. */
  async get(actor: Actor, id: string): Promise<PlanDetailResponse> {
    return this.detail(actor, id, this.dataSource.manager);
  }

  /**
   * Changes the title, template or facilitator of a draft (or of a plan with changes requested),
   * for the school's writers. The change applies only while the plan is still at the version the
   * caller read (checked in the UPDATE's WHERE clause); otherwise 409 with the current version.
   */
  async update(actor: Actor, id: string, dto: UpdatePlanDto): Promise<PlanDetailResponse> {
    const content = dto.content ? contentOrThrow(dto.content) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.access.find(actor, id, manager);
      await this.access.requireSchoolWriter(actor, plan, manager);
      requireOpenYear(plan);
      refuse('edit', plan);
      if (dto.version !== plan.version) throw new AppError('stale_version', { sent: dto.version, current: plan.version });
      if (dto.facilitatorUserId) await this.checkFacilitator(dto.facilitatorUserId, plan.programId, manager);
      if (content && plan.revision > 0) await this.keepReportedItems(plan, content, manager);
      const before = readStoredContent(plan.content);
      const changes: { title?: string; content?: Record<string, unknown>; facilitatorUserId?: string | null } = {};
      const audited: Record<string, unknown> = {};
      if (dto.title !== undefined && dto.title !== plan.title) {
        changes.title = dto.title;
        audited.title = { from: plan.title, to: dto.title };
      }
      if (dto.facilitatorUserId !== undefined && dto.facilitatorUserId !== plan.facilitatorUserId) {
        changes.facilitatorUserId = dto.facilitatorUserId;
        audited.facilitatorUserId = { from: plan.facilitatorUserId, to: dto.facilitatorUserId };
      }
      if (content) {
        const paths = diffDocuments(before as unknown as Record<string, unknown>, content as unknown as Record<string, unknown>).map((d) => `content.${d.path} ${d.change}`);
        if (paths.length > 0) {
          changes.content = content as unknown as Record<string, unknown>;
          audited.content = { changed: paths.slice(0, AUDITED_PATHS), changedCount: paths.length, budgetTotal: { from: planTotals(before).total, to: planTotals(content).total } };
        }
      }
      if (!(await this.plans.updateIfVersion(plan.id, dto.version, changes, manager))) {
        throw new AppError('stale_version', { sent: dto.version, current: (await this.plans.currentVersion(plan.id, manager)) ?? dto.version });
      }
      await this.audit.record(manager, actor, { action: 'update', entityType: 'plan', entityId: plan.id, changes: audited });
      return this.detail(actor, plan.id, manager);
    });
  }

  /** The users of the school the principal added as editors. */
  async editors(actor: Actor, id: string): Promise<PlanEditorListResponse> {
    const plan = await this.access.find(actor, id);
    return { items: (await this.plans.listEditors(plan.id)).map(PlanEditorResponse.from) };
  }

  /** Lets a user of the plan's school edit it (the school's principal, or admin). */
  async addEditor(actor: Actor, id: string, dto: AddPlanEditorDto): Promise<PlanEditorListResponse> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.access.find(actor, id, manager, true);
      this.requirePrincipal(actor, plan);
      requireOpenYear(plan);
      this.requireOpenPlan(plan);
      const user = await this.plans.findUserOf(plan.schoolId, dto.userId, manager);
      if (!user || user.disabledAt !== null) {
        throw AppError.refused('userId', 'not_a_school_user', `userId must name an enabled user of ${plan.schoolName}; invite teachers first with POST /api/v1/users`, `userId harus menunjuk pengguna aktif ${plan.schoolName}; undang guru terlebih dahulu dengan POST /api/v1/users`);
      }
      if (!(await this.plans.isEditor(plan.id, user.id, manager))) {
        await this.plans.insertEditor(plan.id, user.id, manager);
        await this.audit.record(manager, actor, { action: 'create', entityType: 'plan_editor', entityId: plan.id, changes: { planId: plan.id, userId: user.id, fullName: user.fullName } });
      }
      return { items: (await this.plans.listEditors(plan.id, manager)).map(PlanEditorResponse.from) };
    });
  }

  /** Takes a user's edit right away again (the school's principal, or admin). */
  async removeEditor(actor: Actor, id: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const plan = await this.access.find(actor, id, manager, true);
      this.requirePrincipal(actor, plan);
      requireOpenYear(plan);
      if (!(await this.plans.deleteEditor(plan.id, userId, manager))) throw AppError.notFound('plan editor', userId);
      await this.audit.record(manager, actor, { action: 'delete', entityType: 'plan_editor', entityId: plan.id, changes: { planId: plan.id, userId } });
    });
  }

  /**
   * Submits a draft (or a plan with changes requested) for review: every missing piece is listed
   * by field path (422); otherwise the plan is snapshotted as the next version. A first submission
   * after the year's plan deadline is allowed but flagged late.
   */
  async submit(actor: Actor, id: string): Promise<PlanDetailResponse> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.access.find(actor, id, manager, true);
      await this.access.requireSchoolWriter(actor, plan, manager);
      requireOpenYear(plan);
      refuse('submit', plan);
      const content = readStoredContent(plan.content);
      const missing = missingForSubmission(content);
      if (missing.length > 0) throw new AppError('validation_failed', {}, missing);
      const number = await this.plans.nextVersionNumber(plan.id, manager);
      const late = isLateSubmission(this.clock.today(), plan.planDeadline, plan.revision);
      await this.plans.insertVersion({ planId: plan.id, number, revision: plan.revision, title: plan.title, content: plan.content, submittedByUserId: actor.userId, late }, manager);
      // The deadline is for the first submission; resubmissions and revisions keep its flag.
      await this.plans.updateState(plan.id, { status: statusAfter('submit'), submittedAt: () => 'now()', submittedLate: number === 1 ? late : plan.submittedLate }, manager);
      await this.recordTransition(manager, actor, plan, 'submit', { versionNumber: number, revision: plan.revision, late, deadline: plan.planDeadline });
      const reviewers = await this.mail.organizationUsers(manager, [plan.companyId], ['csr_officer']);
      if (plan.facilitatorUserId) reviewers.push(plan.facilitatorUserId);
      await this.mail.enqueueForUsers(manager, reviewers, { kind: 'plan_submitted', params: await this.planMail(manager, actor, plan), entityType: 'plan', entityId: plan.id });
      return this.detail(actor, plan.id, manager);
    });
  }

  /** Sends a submitted plan back to the school with a general comment saying what to change (its facilitator or the company's CSR officer). */
  async requestChanges(actor: Actor, id: string, dto: RequestChangesDto): Promise<PlanDetailResponse> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.access.find(actor, id, manager, true);
      if (!this.access.isReviewer(actor, plan)) {
        throw AppError.rule(
          "only the plan's facilitator or a CSR officer of the program's company can request changes; admins can read plans but not review them",
          'hanya fasilitator rencana atau petugas CSR perusahaan pemilik program yang dapat meminta perubahan; admin dapat membaca rencana tetapi tidak menelaahnya',
        );
      }
      requireOpenYear(plan);
      requireReadVersion(plan, dto.version);
      refuse('request_changes', plan);
      const versionNumber = (await this.plans.nextVersionNumber(plan.id, manager)) - 1;
      const commentId = await this.plans.insertComment({ planId: plan.id, versionNumber, fieldPath: null, parentId: null, authorUserId: actor.userId, body: dto.comment }, manager);
      await this.audit.record(manager, actor, { action: 'create', entityType: 'plan_comment', entityId: commentId, changes: { planId: plan.id, versionNumber, body: dto.comment } });
      await this.plans.updateState(plan.id, { status: statusAfter('request_changes') }, manager);
      await this.recordTransition(manager, actor, plan, 'request_changes', { versionNumber, commentId });
      await this.mail.enqueueForUsers(manager, await this.mail.organizationUsers(manager, [plan.schoolId], ['principal']), {
        kind: 'plan_changes_requested',
        params: { ...(await this.planMail(manager, actor, plan)), comment: dto.comment },
        entityType: 'plan',
        entityId: plan.id,
      });
      return this.detail(actor, plan.id, manager);
    });
  }

  /** Approves a submitted plan (a CSR officer of the program's company); it is frozen from then on. */
  async approve(actor: Actor, id: string, dto: ApprovePlanDto = {}): Promise<PlanDetailResponse> {
    const authorize = (plan: PlanDetailRow) => {
      requireCsrOfficer(actor, { en: 'approve a plan', id: 'menyetujui rencana' });
      requireReadVersion(plan, dto.version);
    };
    return this.transition(actor, id, 'approve', authorize, async (plan, manager) => {
      const versionNumber = (await this.plans.nextVersionNumber(plan.id, manager)) - 1;
      await this.plans.updateState(plan.id, { status: statusAfter('approve'), approvedAt: () => 'now()', approvedByUserId: actor.userId }, manager);
      await this.mail.enqueueForUsers(manager, await this.mail.organizationUsers(manager, [plan.schoolId], ['principal']), {
        kind: 'plan_approved',
        params: await this.planMail(manager, actor, plan),
        entityType: 'plan',
        entityId: plan.id,
      });
      return { versionNumber, revision: plan.revision };
    });
  }

  /** Starts carrying out an approved plan (the school's writers or the company's CSR officer). */
  async start(actor: Actor, id: string): Promise<PlanDetailResponse> {
    return this.transition(actor, id, 'start', (plan, manager) => this.requireSchoolOrCompany(actor, plan, manager, { en: 'start carrying out this plan', id: 'memulai pelaksanaan rencana ini' }), async (plan, manager) => {
      await this.plans.updateState(plan.id, { status: statusAfter('start') }, manager);
      return {};
    });
  }

  /** Completes a plan being carried out: every indicator needs its achieved value (422 naming the missing ones). */
  async complete(actor: Actor, id: string): Promise<PlanDetailResponse> {
    return this.transition(actor, id, 'complete', (plan, manager) => this.requireSchoolOrCompany(actor, plan, manager, { en: 'complete this plan', id: 'menyelesaikan rencana ini' }), async (plan, manager) => {
      const content = readStoredContent(plan.content);
      const reported = new Set((await this.plans.listResults(plan.id, manager)).map((r) => r.indicatorId));
      const missing: RawFieldError[] = indicatorsOf(content)
        .filter(({ indicator }) => !reported.has(indicator.id))
        .map(({ program, programIndex, indicator, index }) => {
          const path = `content.programs[${programIndex}].indicators[${index}]`;
          return {
            field: path,
            code: 'result_missing',
            message: {
              en: `${programLabel(program, programIndex)}: indicator "${indicator.name}" has no achieved value yet; report the value it reached in the plan's progress first`,
              id: `${programLabel(program, programIndex)}: indikator "${indicator.name}" belum memiliki nilai capaian; laporkan dahulu nilai yang dicapai pada kemajuan rencana`,
            },
          };
        });
      if (missing.length > 0) throw new AppError('validation_failed', {}, missing);
      await this.plans.updateState(plan.id, { status: statusAfter('complete'), completedAt: () => 'now()' }, manager);
      return { indicators: reported.size, activities: activitiesOf(content).length };
    });
  }

  /** Withdraws a plan before its first approval, with the school's reason. */
  async withdraw(actor: Actor, id: string, dto: WithdrawPlanDto): Promise<PlanDetailResponse> {
    return this.transition(actor, id, 'withdraw', (plan, manager) => this.access.requireSchoolWriter(actor, plan, manager), async (plan, manager) => {
      await this.plans.updateState(plan.id, { status: statusAfter('withdraw'), withdrawnReason: dto.reason }, manager);
      return { reason: dto.reason };
    });
  }

  /**
   * Opens a revision of an approved plan (the school's writers): it becomes an editable draft of
   * the next revision round, to be submitted and approved again; the approved version stays in the
   * history, and progress and results are kept.
   */
  async revise(actor: Actor, id: string): Promise<PlanDetailResponse> {
    return this.transition(actor, id, 'revise', (plan, manager) => this.access.requireSchoolWriter(actor, plan, manager), async (plan, manager) => {
      await this.plans.updateState(plan.id, { status: statusAfter('revise'), revision: plan.revision + 1 }, manager);
      return { revision: { from: plan.revision, to: plan.revision + 1 } };
    });
  }

  /** Every submitted version of a plan, oldest first, with what became of each. */
  async versions(actor: Actor, id: string): Promise<PlanVersionListResponse> {
    const plan = await this.access.find(actor, id);
    const rows = await this.plans.listVersions(plan.id);
    const outcomes = versionOutcomes(rows, plan.status, plan.revision);
    return { items: rows.map((v, i) => PlanVersionResponse.from(v, outcomes[i])) };
  }

  /** One submitted version with its snapshot and the totals computed from it. */
  async version(actor: Actor, id: string, number: number): Promise<PlanVersionDetailResponse> {
    const plan = await this.access.find(actor, id);
    const rows = await this.plans.listVersions(plan.id);
    const index = rows.findIndex((v) => v.number === number);
    const snapshot = index < 0 ? null : await this.plans.findVersion(plan.id, number);
    if (!snapshot) throw AppError.notFound('plan version', String(number));
    const content = readStoredContent(snapshot.content);
    return PlanVersionDetailResponse.of(rows[index], versionOutcomes(rows, plan.status, plan.revision)[index], content, planTotals(content));
  }

  /** What changed field by field between two submitted versions (by default: version n against n − 1). */
  async diff(actor: Actor, id: string, number: number, against?: number): Promise<PlanDiffResponse> {
    const plan = await this.access.find(actor, id);
    const newer = await this.plans.findVersion(plan.id, number);
    if (!newer) throw AppError.notFound('plan version', String(number));
    const base = against ?? (number > 1 ? number - 1 : null);
    let older: { title: string; content: Record<string, unknown> } | null = null;
    if (base !== null) {
      older = await this.plans.findVersion(plan.id, base);
      if (!older) throw AppError.notFound('plan version', String(base));
    }
    const doc = (v: { title: string; content: Record<string, unknown> }) => ({ title: v.title, content: readStoredContent(v.content) as unknown as Record<string, unknown> });
    // Version 1 on its own is compared with an empty template, so its filled-in fields are listed one by one.
    const empty = { content: emptyContent() as unknown as Record<string, unknown> };
    return PlanDiffResponse.of(number, base, diffDocuments(older ? doc(older) : empty, doc(newer)));
  }

  /** Locks the plan, checks who may act (`authorize`), then the year and the state, applies the step and audits it. */
  private async transition(
    actor: Actor,
    id: string,
    action: Exclude<PlanTransition, 'submit' | 'request_changes'>,
    authorize: (plan: PlanDetailRow, manager: EntityManager) => Promise<void> | void,
    apply: (plan: PlanDetailRow, manager: EntityManager) => Promise<Record<string, unknown>>,
  ): Promise<PlanDetailResponse> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.access.find(actor, id, manager, true);
      await authorize(plan, manager);
      requireOpenYear(plan);
      refuse(action, plan);
      const details = await apply(plan, manager);
      await this.recordTransition(manager, actor, plan, action, details);
      return this.detail(actor, plan.id, manager);
    });
  }

  private recordTransition(manager: EntityManager, actor: Actor, plan: PlanDetailRow, action: PlanTransition, details: Record<string, unknown>): Promise<void> {
    return this.audit.record(manager, actor, {
      action: 'state_change',
      entityType: 'plan',
      entityId: plan.id,
      changes: { status: { from: plan.status, to: statusAfter(action) }, ...details },
    });
  }

  /** The values of a plan e-mail, naming the caller as the one who acted. */
  private async planMail(manager: EntityManager, actor: Actor, plan: PlanDetailRow): Promise<PlanMailParams> {
    return { planId: plan.id, title: plan.title, schoolName: plan.schoolName, programName: plan.programName, year: plan.year, actorName: await this.mail.fullNameOf(manager, actor.userId) };
  }

  private async detail(actor: Actor, id: string, manager: EntityManager): Promise<PlanDetailResponse> {
    const plan = await this.access.find(actor, id, manager);
    return PlanDetailResponse.from(plan, await this.plans.listEditors(plan.id, manager), this.clock.today());
  }

  /** The school a new plan is for: a principal's own; the one an admin names. */
  private schoolOf(actor: Actor, schoolId: string | undefined): string {
    if (actor.role === 'admin') {
      if (!schoolId) throw AppError.field('schoolId', 'required_for_admin', 'schoolId is required when an admin starts a plan: name the school', 'schoolId wajib diisi bila admin memulai rencana: sebutkan sekolahnya');
      return schoolId;
    }
    if (actor.role !== 'principal' || actor.organizationType !== 'school') throw notYourPart(actor, { en: 'start a plan', id: 'memulai rencana' });
    if (schoolId && schoolId !== actor.organizationId) {
      throw AppError.refused('schoolId', 'own_school_only', 'a principal starts plans only for their own school; leave schoolId out', 'kepala sekolah hanya memulai rencana untuk sekolahnya sendiri; kosongkan schoolId');
    }
    return actor.organizationId;
  }

  private async checkFacilitator(userId: string, programId: string, manager: EntityManager): Promise<void> {
    if (await this.plans.isProgramFacilitator(userId, programId, manager)) return;
    throw AppError.refused(
      'facilitatorUserId',
      'not_a_program_facilitator',
      "facilitatorUserId must name an enabled facilitator user of an organisation that works in the year's program; see the program's facilitators",
      'facilitatorUserId harus menunjuk pengguna fasilitator aktif dari organisasi yang bekerja dalam program tahun ini; lihat fasilitator program',
    );
  }

  /** Editors are managed by the school's principal-role users (and admins). */
  private requirePrincipal(actor: Actor, plan: PlanDetailRow): void {
    if (actor.role === 'admin' || (actor.role === 'principal' && actor.organizationId === plan.schoolId)) return;
    throw notYourPart(actor, { en: "manage this plan's editors", id: 'mengatur editor rencana ini' });
  }

  private requireOpenPlan(plan: PlanDetailRow): void {
    if (plan.status !== 'completed' && plan.status !== 'withdrawn') return;
    throw AppError.rule(
      `the plan is ${statusName(plan.status, 'en')} and its record is final; editors can no longer be added`,
      `rencana berstatus ${statusName(plan.status, 'id')} dan catatannya final; editor tidak dapat ditambahkan lagi`,
    );
  }

  private async requireSchoolOrCompany(actor: Actor, plan: PlanDetailRow, manager: EntityManager, what: { en: string; id: string }): Promise<void> {
    if (actor.role === 'csr_officer') return;
    if (await this.access.isSchoolWriter(actor, plan, manager)) return;
    throw notYourPart(actor, what);
  }

  /**
   * A revision may change an approved plan, but not drop the activities and indicators the school
   * has already reported on: their progress and results would lose their place.
   */
  private async keepReportedItems(plan: PlanDetailRow, content: PlanContent, manager: EntityManager): Promise<void> {
    const reported = await this.plans.reportedItemIds(plan.id, manager);
    const activityIds = new Set(activitiesOf(content).map((a) => a.activity.id));
    const indicatorIds = new Set(indicatorsOf(content).map((i) => i.indicator.id));
    const before = readStoredContent(plan.content);
    const errors: RawFieldError[] = [];
    for (const { activity, programIndex, index } of activitiesOf(before)) {
      if (reported.activityIds.includes(activity.id) && !activityIds.has(activity.id)) {
        const path = `content.programs[${programIndex}].activities[${index}]`;
        errors.push({
          field: path,
          code: 'reported_item_removed',
          message: {
            en: `activity "${activity.name}" (id ${activity.id}, ${path} in the approved plan) has progress reported and cannot be removed in a revision; keep it (with its id)`,
            id: `kegiatan "${activity.name}" (id ${activity.id}, ${path} pada rencana yang disetujui) sudah memiliki laporan kemajuan dan tidak dapat dihapus dalam revisi; pertahankan (dengan id-nya)`,
          },
        });
      }
    }
    for (const { indicator, programIndex, index } of indicatorsOf(before)) {
      if (reported.indicatorIds.includes(indicator.id) && !indicatorIds.has(indicator.id)) {
        const path = `content.programs[${programIndex}].indicators[${index}]`;
        errors.push({
          field: path,
          code: 'reported_item_removed',
          message: {
            en: `indicator "${indicator.name}" (id ${indicator.id}, ${path} in the approved plan) has a result reported and cannot be removed in a revision; keep it (with its id)`,
            id: `indikator "${indicator.name}" (id ${indicator.id}, ${path} pada rencana yang disetujui) sudah memiliki hasil yang dilaporkan dan tidak dapat dihapus dalam revisi; pertahankan (dengan id-nya)`,
          },
        });
      }
    }
    if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
  }
}
