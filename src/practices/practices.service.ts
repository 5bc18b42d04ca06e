import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { updateIfVersion } from '../common/database/optimistic';
import { AppError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import type { DocumentResponse } from '../documents/dto/document.response';
import { DocumentDownload, DocumentsService } from '../documents/documents.service';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { readStoredContent } from '../plans/plan-content';
import type { PlanProgram } from '../plans/plan-content';
import type { ListPracticesQuery } from './dto/list-practices.query';
import { PRACTICE_DOCUMENT_KIND } from './dto/practice-input.dto';
import type { CreatePracticeDto, PracticeFieldsDto, PrefillPracticeQuery, ReturnPracticeDto, UpdatePracticeDto } from './dto/practice-input.dto';
import { PracticeDetailResponse, PracticeDraftResponse, PracticeResponse } from './dto/practice.response';
import { draftFromEntry, draftFromPlanProgram } from './practice-prefill';
import { parsePracticeQuery } from './practice-search';
import { refusePracticeAction } from './practice-status';
import type { PracticeAction } from './practice-status';
import { Practice } from './practice.entity';
import type { PracticeResult } from './practice.entity';
import { PracticeRow, PracticesRepository } from './practices.repository';

/** The owner type of practice evidence in `documents`. */
export const PRACTICE_DOCUMENT_OWNER = 'practice';

/** A practice is its school's: written and proposed by its principal, never in the school's name by others. */
function requirePrincipal(actor: Actor, what: { en: string; id: string }): void {
  if (actor.role === 'principal' && actor.organizationType === 'school') return;
  throw AppError.rule(
    `only the principal of the school can ${what.en}; admins can read practices but not write them in a school's name`,
    `hanya kepala sekolah dari sekolah tersebut yang dapat ${what.id}; admin dapat membaca praktik baik tetapi tidak menulisnya atas nama sekolah`,
  );
}

/** Publication is decided by the school's partner company (CSR officer) or its assigned facilitator. */
function requireReviewer(actor: Actor, what: { en: string; id: string }): void {
  if ((actor.role === 'csr_officer' && actor.organizationType === 'company') || (actor.role === 'facilitator' && actor.organizationType === 'facilitator')) return;
  throw AppError.rule(
    `only a CSR officer of a company the school partners with, or a facilitator assigned to the school, can ${what.en}; admins read but do not decide in an organisation's name`,
    `hanya petugas CSR perusahaan mitra sekolah, atau fasilitator yang ditugaskan ke sekolah, yang dapat ${what.id}; admin hanya membaca dan tidak memutuskan atas nama organisasi`,
  );
}

function refuse(action: PracticeAction, row: Pick<PracticeRow, 'status'>): void {
  const refusal = refusePracticeAction(action, row.status);
  if (refusal) throw AppError.rule(refusal.en, refusal.id);
}

function results(dto: PracticeFieldsDto): PracticeResult[] {
  return dto.results.map((r) => ({ indicator: r.indicator, value: r.value, unit: r.unit || null }));
}

function fieldsOf(dto: PracticeFieldsDto) {
  return { title: dto.title, summary: dto.summary, topic: dto.topic, schoolLevel: dto.schoolLevel, whatWasDone: dto.whatWasDone, results: results(dto), year: dto.year };
}

/** The names of the source fields: the prefill's query, or the body of a new practice. */
interface SourceFields {
  planId: string;
  planProgramId: string;
  entryId: string;
}
const QUERY_FIELDS: SourceFields = { planId: 'planId', planProgramId: 'planProgramId', entryId: 'entryId' };
const BODY_FIELDS: SourceFields = { planId: 'sourcePlanId', planProgramId: 'sourcePlanProgramId', entryId: 'sourceEntryId' };

@Injectable()
export class PracticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly practices: PracticesRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * A practice not yet saved, pre-filled from a program of a completed plan of the principal's
   * school (planId + planProgramId) or from one of its competition entries (entryId).
   */
  async prefill(actor: Actor, query: PrefillPracticeQuery): Promise<PracticeDraftResponse> {
    requirePrincipal(actor, { en: 'write a practice', id: 'menulis praktik baik' });
    if (!query.planId && !query.planProgramId && !query.entryId) {
      throw AppError.field('planId', 'required', 'send planId and planProgramId (a completed plan program of your school) or entryId (a competition entry of your school)', 'kirim planId dan planProgramId (program dari rencana sekolah Anda yang sudah selesai) atau entryId (karya kompetisi sekolah Anda)');
    }
    return this.draftFrom(actor, { planId: query.planId, planProgramId: query.planProgramId, entryId: query.entryId }, this.dataSource.manager);
  }

  private async draftFrom(actor: Actor, source: { planId?: string; planProgramId?: string; entryId?: string }, manager: EntityManager, f: SourceFields = QUERY_FIELDS): Promise<PracticeDraftResponse> {
    const level = (await this.practices.schoolLevelOf(actor.organizationId, manager)) ?? 'SD';
    if (source.entryId && (source.planId || source.planProgramId)) {
      throw AppError.field(source.planId ? f.planId : f.planProgramId, 'one_source', 'a practice grows from a plan program or from a competition entry, not both', 'praktik baik berasal dari program rencana atau dari karya kompetisi, tidak keduanya');
    }
    if (source.entryId) {
      const entry = await this.practices.findSchoolEntry(actor.organizationId, source.entryId, manager);
      if (!entry) throw AppError.field(f.entryId, 'not_found', `${f.entryId} names no competition entry of your school`, `${f.entryId} tidak menunjuk karya kompetisi sekolah Anda`);
      const program = entry.planId && entry.planContent ? readStoredContent(entry.planContent).programs.find((p) => p.id === entry.planProgramId) : undefined;
      const achieved = entry.planId ? await this.practices.indicatorResults(entry.planId, manager) : new Map<string, string>();
      return draftFromEntry(entry, program, achieved, level);
    }
    if (!source.planId) throw AppError.field(f.planId, 'required', `${f.planId} is required with ${f.planProgramId}`, `${f.planId} wajib diisi bersama ${f.planProgramId}`);
    if (!source.planProgramId) throw AppError.field(f.planProgramId, 'required', `${f.planProgramId} is required with ${f.planId}: which program of the plan the practice grew from`, `${f.planProgramId} wajib diisi bersama ${f.planId}: program mana dari rencana tersebut`);
    const plan = await this.practices.findSchoolPlan(actor.organizationId, source.planId, manager);
    if (!plan) throw AppError.field(f.planId, 'not_found', `${f.planId} names no plan of your school`, `${f.planId} tidak menunjuk rencana sekolah Anda`);
    if (plan.status !== 'completed') {
      throw AppError.field(f.planId, 'plan_not_completed', `the ${plan.year} plan is ${plan.status}, not completed: a practice grows from what a completed plan achieved`, `rencana ${plan.year} berstatus ${plan.status}, belum selesai: praktik baik berasal dari hasil rencana yang sudah selesai`);
    }
    const program: PlanProgram | undefined = readStoredContent(plan.content).programs.find((p) => p.id === source.planProgramId);
    if (!program) throw AppError.field(f.planProgramId, 'not_found', `${f.planProgramId} names no program of the ${plan.year} plan`, `${f.planProgramId} tidak menunjuk program dalam rencana ${plan.year}`);
    return draftFromPlanProgram(plan, program, await this.practices.indicatorResults(plan.id, manager), level);
  }

  /** Writes a practice of the principal's school as a draft: fresh, or from a completed plan program or a competition entry of the school. */
  async create(actor: Actor, dto: CreatePracticeDto): Promise<PracticeDetailResponse> {
    requirePrincipal(actor, { en: 'write a practice', id: 'menulis praktik baik' });
    return this.dataSource.transaction(async (manager) => {
      let source = { sourcePlanId: null as string | null, sourcePlanProgramId: null as string | null, sourceEntryId: null as string | null };
      if (dto.sourcePlanId || dto.sourcePlanProgramId || dto.sourceEntryId) {
        const draft = await this.draftFrom(actor, { planId: dto.sourcePlanId, planProgramId: dto.sourcePlanProgramId, entryId: dto.sourceEntryId }, manager, BODY_FIELDS);
        source = { sourcePlanId: draft.sourcePlanId, sourcePlanProgramId: draft.sourcePlanProgramId, sourceEntryId: draft.sourceEntryId };
      }
      const fields = { ...fieldsOf(dto), ...source };
      const id = await this.practices.insert({ ...fields, schoolId: actor.organizationId, status: 'draft', createdByUserId: actor.userId }, manager);
      await this.audit.record(manager, actor, { action: 'create', entityType: 'practice', entityId: id, changes: { ...fields, status: 'draft' } });
      return this.detail(actor, id, manager);
    });
  }

  /**
   * The library: published practices of every organisation, plus the caller's unpublished ones;
   * searched (ranked best first) or newest first, filtered; one query per page.
   */
  async list(actor: Actor, query: ListPracticesQuery): Promise<Page<PracticeResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const search = parsePracticeQuery(query.q);
    const after = decodeCursor(query.cursor, search ? ['number', 'uuid'] : ['timestamp', 'uuid']) as [number | string, string] | null;
    const rows = await this.practices.listPage(
      actor,
      { query: search, topic: query.topic, schoolLevel: query.schoolLevel, regionCode: query.regionCode, year: query.year, status: query.status, schoolId: query.schoolId, after },
      limit,
    );
    return toPage(rows, limit, (r) => (search ? [Number(r.rank), r.id] : [r.cursorCreatedAt, r.id]), PracticeResponse.from);
  }

  /** One practice the caller may read, with its evidence files. */
  get(actor: Actor, id: string): Promise<PracticeDetailResponse> {
    return this.detail(actor, id, this.dataSource.manager);
  }

  /** Changes a draft or returned practice (its school's principal). */
  async update(actor: Actor, id: string, dto: UpdatePracticeDto): Promise<PracticeDetailResponse> {
    requirePrincipal(actor, { en: 'change a practice', id: 'mengubah praktik baik' });
    return this.dataSource.transaction(async (manager) => {
      const current = await this.writable(actor, id, manager);
      refuse('edit', current);
      const changes = fieldsOf(dto);
      await this.versioned(manager, id, dto.version, current, changes);
      await this.audit.record(manager, actor, { action: 'update', entityType: 'practice', entityId: id, changes: diffFields(current, changes) });
      return this.detail(actor, id, manager);
    });
  }

  /** Proposes a draft or returned practice for publication (its school's principal); it needs at least one result. */
  async propose(actor: Actor, id: string, version: number): Promise<PracticeDetailResponse> {
    requirePrincipal(actor, { en: 'propose a practice', id: 'mengusulkan praktik baik' });
    return this.dataSource.transaction(async (manager) => {
      const current = await this.writable(actor, id, manager);
      refuse('propose', current);
      if ((current.results ?? []).length === 0) {
        throw AppError.field('results', 'results_required', 'add at least one result (an indicator and the value reached) before proposing the practice', 'tambahkan minimal satu hasil (indikator dan nilai yang dicapai) sebelum mengusulkan praktik baik');
      }
      await this.versioned(manager, id, version, current, { status: 'proposed', proposedAt: this.clock.now(), returnedReason: null });
      await this.audit.record(manager, actor, { action: 'state_change', entityType: 'practice', entityId: id, changes: { status: { from: current.status, to: 'proposed' } } });
      return this.detail(actor, id, manager);
    });
  }

  /** Publishes a proposed practice (a CSR officer of a partner company of the school, or its assigned facilitator): from then on every signed-in user reads it. */
  async publish(actor: Actor, id: string, version: number): Promise<PracticeDetailResponse> {
    requireReviewer(actor, { en: 'publish a practice', id: 'menerbitkan praktik baik' });
    return this.dataSource.transaction(async (manager) => {
      const current = await this.reviewable(actor, id, manager);
      refuse('publish', current);
      await this.versioned(manager, id, version, current, { status: 'published', publishedAt: this.clock.now(), reviewedByUserId: actor.userId, returnedReason: null });
      await this.audit.record(manager, actor, { action: 'state_change', entityType: 'practice', entityId: id, changes: { status: { from: current.status, to: 'published' } } });
      return this.detail(actor, id, manager);
    });
  }

  /** Returns a proposed practice to its school with the reason (the same reviewers as publishing). */
  async return(actor: Actor, id: string, dto: ReturnPracticeDto): Promise<PracticeDetailResponse> {
    requireReviewer(actor, { en: 'return a practice', id: 'mengembalikan praktik baik' });
    return this.dataSource.transaction(async (manager) => {
      const current = await this.reviewable(actor, id, manager);
      refuse('return', current);
      await this.versioned(manager, id, dto.version, current, { status: 'returned', returnedAt: this.clock.now(), returnedReason: dto.reason, reviewedByUserId: actor.userId });
      await this.audit.record(manager, actor, { action: 'state_change', entityType: 'practice', entityId: id, changes: { status: { from: current.status, to: 'returned' }, reason: dto.reason } });
      return this.detail(actor, id, manager);
    });
  }

  /** Attaches an evidence file to a draft or returned practice (its school's principal). */
  async uploadEvidence(actor: Actor, id: string, file: UploadedDocument | undefined): Promise<DocumentResponse> {
    requirePrincipal(actor, { en: 'add evidence to a practice', id: 'menambah bukti praktik baik' });
    const current = await this.practices.findVisible(actor, id);
    if (!current || current.schoolId !== actor.organizationId) throw AppError.notFound('practice', id);
    refuse('attach', current);
    return this.documents.store(actor, { type: PRACTICE_DOCUMENT_OWNER, id }, PRACTICE_DOCUMENT_KIND, file);
  }

  /** An evidence file of a practice the caller may read. */
  async openEvidence(actor: Actor, id: string, documentId: string): Promise<DocumentDownload> {
    if (!(await this.practices.findVisible(actor, id))) throw AppError.notFound('practice', id);
    return this.documents.open({ type: PRACTICE_DOCUMENT_OWNER, id }, documentId);
  }

  private async writable(actor: Actor, id: string, manager: EntityManager): Promise<PracticeRow> {
    const row = await this.practices.findWritable(actor, id, manager);
    if (!row) throw AppError.notFound('practice', id);
    return row;
  }

  private async reviewable(actor: Actor, id: string, manager: EntityManager): Promise<PracticeRow> {
    const row = await this.practices.findReviewable(actor, id, manager);
    if (!row) throw AppError.notFound('practice', id);
    return row;
  }

  private async versioned(manager: EntityManager, id: string, version: number, current: PracticeRow, changes: Partial<Practice>): Promise<void> {
    if (!(await updateIfVersion(manager, Practice, id, version, changes as Parameters<typeof updateIfVersion<Practice>>[4]))) {
      throw new AppError('stale_version', { sent: version, current: current.version });
    }
  }

  private async detail(actor: Actor, id: string, manager: EntityManager): Promise<PracticeDetailResponse> {
    const row = await this.practices.findVisible(actor, id, manager);
    if (!row) throw AppError.notFound('practice', id);
    const evidence = await this.documents.listFor({ type: PRACTICE_DOCUMENT_OWNER, id }, manager);
    return { ...PracticeResponse.from(row), evidence };
  }
}

