import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { updateIfVersion } from '../common/database/optimistic';
import { AppError, RawFieldError } from '../common/errors/app-error';
import type { Lang } from '../common/errors/i18n';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { DocumentDownload, DocumentsService } from '../documents/documents.service';
import type { DocumentResponse } from '../documents/dto/document.response';
import type { CreateParentEngagementActivityDto, UpdateParentEngagementActivityDto } from './dto/activity-input.dto';
import { ParentEngagementActivityDetailResponse, ParentEngagementActivityResponse } from './dto/activity.response';
import type { ListParentEngagementQuery } from './dto/list-activities.query';
import { ParentEngagementActivity } from './parent-engagement-activity.entity';
import type { GradeCount } from './parent-engagement-kinds';
import { ParentEngagementRepository } from './parent-engagement.repository';

/** The owner type of activity evidence in `documents`. */
export const ACTIVITY_EVIDENCE_OWNER = 'parent_engagement_activity';
/** The document kind of activity evidence. */
export const ACTIVITY_EVIDENCE_KIND = 'parent_engagement_evidence';

/** Activities are the school's own record: written by its principal, never in its name by others. */
function requirePrincipal(actor: Actor, what: { en: string; id: string }): void {
  if (actor.role === 'principal' && actor.organizationType === 'school') return;
  throw AppError.rule(
    `only the school's principal can ${what.en}; others who see the school can read its parent-engagement activities but do not write them in its name`,
    `hanya kepala sekolah yang dapat ${what.id}; pihak lain yang dapat melihat sekolah ini dapat membaca kegiatan pelibatan orang tuanya tetapi tidak menulisnya atas nama sekolah`,
  );
}

const err = (field: string, code: string, en: string, id: string): RawFieldError => ({ field, code, message: { en, id } });

/**
 * The grade split as stored (in grade order), with its problems: a grade given twice, or parents
 * that do not add up to parentsReached.
 */
export function checkGradeSplit(split: GradeCount[] | null, parentsReached: number): { split: GradeCount[] | null; errors: RawFieldError[] } {
  if (split === null || split.length === 0) return { split: null, errors: [] };
  const errors: RawFieldError[] = [];
  const seen = new Set<number>();
  split.forEach((g, i) => {
    if (seen.has(g.grade)) {
      errors.push(err(`parentsByGrade[${i}].grade`, 'duplicate_grade', `parentsByGrade[${i}].grade ${g.grade} is listed twice; give each grade once`, `parentsByGrade[${i}].grade ${g.grade} tercantum dua kali; isi setiap kelas sekali saja`));
    }
    seen.add(g.grade);
  });
  const sum = split.reduce((s, g) => s + g.parents, 0);
  if (errors.length === 0 && sum !== parentsReached) {
    errors.push(
      err(
        'parentsByGrade',
        'grade_split_does_not_add_up',
        `parentsByGrade adds up to ${sum} parents but ${parentsReached} parents were reached; the split by grade must add up to the parents reached (or leave the split out)`,
        `parentsByGrade berjumlah ${sum} orang tua padahal orang tua yang terjangkau ${parentsReached}; rincian per kelas harus sama dengan jumlah orang tua yang terjangkau (atau kosongkan rinciannya)`,
      ),
    );
  }
  return { split: [...split].map((g) => ({ grade: g.grade, parents: g.parents })).sort((a, b) => a.grade - b.grade), errors };
}

@Injectable()
export class ParentEngagementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activities: ParentEngagementRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records an activity of the principal's own school: held today or earlier (by the latest
   * calendar in Indonesia), the grade split adding up, and the plan link naming a program of one
   * of the school's plans.
   */
  async create(actor: Actor, dto: CreateParentEngagementActivityDto, lang: Lang): Promise<ParentEngagementActivityDetailResponse> {
    requirePrincipal(actor, { en: 'record parent-engagement activities', id: 'mencatat kegiatan pelibatan orang tua' });
    return this.dataSource.transaction(async (manager) => {
      const schoolId = actor.organizationId;
      const errors: RawFieldError[] = [];
      this.checkDate(dto.heldOn, errors);
      const grades = checkGradeSplit(dto.parentsByGrade ?? null, dto.parentsReached);
      errors.push(...grades.errors);
      const link = await this.checkPlanLink(dto.planId ?? null, dto.planProgramId ?? null, schoolId, manager, errors);
      if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
      const fields = {
        schoolId,
        kind: dto.kind,
        heldOn: dto.heldOn,
        parentsReached: dto.parentsReached,
        parentsByGrade: grades.split,
        teachersInvolved: dto.teachersInvolved ?? 0,
        notes: dto.notes || null,
        ...link,
      };
      const id = await this.activities.insert({ ...fields, createdByUserId: actor.userId } as QueryDeepPartialEntity<ParentEngagementActivity>, manager);
      await this.audit.record(manager, actor, { action: 'create', entityType: 'parent_engagement_activity', entityId: id, changes: fields });
      return this.detail(actor, id, lang, manager);
    });
  }

  /** One school's activities the caller may see, newest first; a school out of reach is a 404. */
  async list(actor: Actor, query: ListParentEngagementQuery, lang: Lang): Promise<Page<ParentEngagementActivityResponse>> {
    const schoolId = query.schoolId ?? (actor.role === 'principal' ? actor.organizationId : undefined);
    if (schoolId === undefined) {
      throw AppError.field('schoolId', 'school_required', 'schoolId is required: name the school whose activities you want to read', 'schoolId wajib diisi: sebutkan sekolah yang kegiatannya ingin Anda baca');
    }
    if (!(await this.activities.schoolVisible(actor, schoolId))) throw AppError.notFound('school', schoolId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['date', 'uuid']) as [string, string] | null;
    const rows = await this.activities.listPage(actor, { schoolId, year: query.year, kind: query.kind, after }, limit);
    return toPage(rows, limit, (r) => [r.heldOn, r.id], (r) => ParentEngagementActivityResponse.from(r, lang));
  }

  /** One activity the caller may see, with its evidence files. */
  get(actor: Actor, id: string, lang: Lang): Promise<ParentEngagementActivityDetailResponse> {
    return this.detail(actor, id, lang, this.dataSource.manager);
  }

  /** Changes an activity of the principal's school, if nobody changed it since `version`. */
  async update(actor: Actor, id: string, dto: UpdateParentEngagementActivityDto, lang: Lang): Promise<ParentEngagementActivityDetailResponse> {
    requirePrincipal(actor, { en: 'change parent-engagement activities', id: 'mengubah kegiatan pelibatan orang tua' });
    return this.dataSource.transaction(async (manager) => {
      const current = await this.activities.findVisible(actor, id, manager);
      if (!current) throw AppError.notFound('parent-engagement activity', id);
      const errors: RawFieldError[] = [];
      if (dto.heldOn !== undefined) this.checkDate(dto.heldOn, errors);
      const parentsReached = dto.parentsReached ?? current.parentsReached;
      const grades = checkGradeSplit(dto.parentsByGrade === undefined ? current.parentsByGrade : dto.parentsByGrade, parentsReached);
      errors.push(...grades.errors);
      const planId = dto.planId === undefined ? current.planId : dto.planId;
      const planProgramId = dto.planId === null && dto.planProgramId === undefined ? null : dto.planProgramId === undefined ? current.planProgramId : dto.planProgramId;
      const link = await this.checkPlanLink(planId, planProgramId, current.schoolId, manager, errors);
      if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
      const changes: Partial<ParentEngagementActivity> = { ...link, parentsByGrade: grades.split };
      if (dto.kind !== undefined) changes.kind = dto.kind;
      if (dto.heldOn !== undefined) changes.heldOn = dto.heldOn;
      if (dto.parentsReached !== undefined) changes.parentsReached = dto.parentsReached;
      if (dto.teachersInvolved !== undefined) changes.teachersInvolved = dto.teachersInvolved;
      if (dto.notes !== undefined) changes.notes = dto.notes || null;
      const diff = diffFields(current as unknown as Partial<ParentEngagementActivity>, changes);
      if (!(await updateIfVersion(manager, ParentEngagementActivity, id, dto.version, changes as QueryDeepPartialEntity<ParentEngagementActivity>))) {
        throw new AppError('stale_version', { sent: dto.version, current: current.version });
      }
      await this.audit.record(manager, actor, { action: 'update', entityType: 'parent_engagement_activity', entityId: id, changes: diff });
      return this.detail(actor, id, lang, manager);
    });
  }

  /** Stores an evidence file (photo, attendance list, minutes) of an activity of the principal's school. */
  async addEvidence(actor: Actor, id: string, file: UploadedDocument | undefined): Promise<DocumentResponse> {
    requirePrincipal(actor, { en: 'add evidence to parent-engagement activities', id: 'menambah bukti kegiatan pelibatan orang tua' });
    if (!(await this.activities.findVisible(actor, id))) throw AppError.notFound('parent-engagement activity', id);
    const document = await this.documents.store(actor, { type: ACTIVITY_EVIDENCE_OWNER, id }, ACTIVITY_EVIDENCE_KIND, file);
    await this.dataSource.transaction(async (manager) => {
      await this.activities.touch(id, manager);
      await this.audit.record(manager, actor, { action: 'update', entityType: 'parent_engagement_activity', entityId: id, changes: { evidenceAdded: { documentId: document.id, filename: document.filename } } });
    });
    return document;
  }

  /** One evidence file of an activity the caller may see, ready to stream. */
  async openEvidence(actor: Actor, id: string, documentId: string): Promise<DocumentDownload> {
    if (!(await this.activities.findVisible(actor, id))) throw AppError.notFound('parent-engagement activity', id);
    return this.documents.open({ type: ACTIVITY_EVIDENCE_OWNER, id }, documentId);
  }

  private checkDate(heldOn: string, errors: RawFieldError[]): void {
    const latest = this.clock.latestToday();
    if (heldOn <= latest) return;
    errors.push(
      err(
        'heldOn',
        'date_in_future',
        `heldOn ${heldOn} is in the future; record an activity on or after the day it is held (today is ${latest})`,
        `heldOn ${heldOn} ada di masa depan; catat kegiatan pada hari pelaksanaannya atau sesudahnya (hari ini ${latest})`,
      ),
    );
  }

  /** The plan link as stored, after checking the plan is the school's and the program is inside it. */
  private async checkPlanLink(planId: string | null, planProgramId: string | null, schoolId: string, manager: EntityManager, errors: RawFieldError[]): Promise<{ planId: string | null; planProgramId: string | null }> {
    if (planId === null) {
      if (planProgramId !== null) errors.push(err('planProgramId', 'needs_plan', 'planProgramId needs planId: name the plan the program belongs to', 'planProgramId memerlukan planId: sebutkan rencana tempat program itu berada'));
      return { planId: null, planProgramId: null };
    }
    const plan = await this.activities.findSchoolPlan(planId, schoolId, manager);
    if (!plan) {
      errors.push(err('planId', 'not_school_plan', "planId names no plan of this school; pick one of the school's plans (GET /api/v1/plans)", 'planId tidak menunjuk rencana sekolah ini; pilih salah satu rencana sekolah (GET /api/v1/plans)'));
      return { planId: null, planProgramId: null };
    }
    const programId = planProgramId?.toLowerCase() ?? null;
    if (programId !== null && !plan.programs.some((p) => p.id === programId)) {
      const ids = plan.programs.map((p) => p.id).join(', ');
      errors.push(
        err(
          'planProgramId',
          'not_in_plan',
          `planProgramId names no program of that plan; use one of content.programs[].id (${ids || 'the plan has no programs yet'})`,
          `planProgramId tidak menunjuk program dalam rencana tersebut; gunakan salah satu content.programs[].id (${ids || 'rencana belum memiliki program'})`,
        ),
      );
    }
    return { planId: plan.id, planProgramId: programId };
  }

  private async detail(actor: Actor, id: string, lang: Lang, manager: EntityManager): Promise<ParentEngagementActivityDetailResponse> {
    const row = await this.activities.findVisible(actor, id, manager);
    if (!row) throw AppError.notFound('parent-engagement activity', id);
    return ParentEngagementActivityDetailResponse.of(row, await this.documents.listFor({ type: ACTIVITY_EVIDENCE_OWNER, id }, manager), lang);
  }
}
