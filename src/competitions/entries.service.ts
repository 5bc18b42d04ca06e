import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/database/optimistic';
import { AppError } from '../common/errors/app-error';
import { DuplicateRecordError } from '../common/errors/duplicate-record';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { DocumentDownload, DocumentsService } from '../documents/documents.service';
import type { DocumentResponse } from '../documents/dto/document.response';
import { IdempotencyService, IdempotentResult } from '../idempotency/idempotency.service';
import { readStoredContent } from '../plans/plan-content';
import type { PlanProgram } from '../plans/plan-content';
import { refuseEntryChange } from './competition-phase';
import type { TeamMember } from './competition-entry.entity';
import { CompetitionRow, CompetitionsRepository } from './competitions.repository';
import type { CreateEntryDto } from './dto/create-entry.dto';
import { EntryDetailResponse, EntryResponse } from './dto/entry.response';
import type { ListEntriesQuery } from './dto/list-entries.query';
import type { UpdateEntryDto } from './dto/update-entry.dto';
import { EntriesRepository, EntryRow } from './entries.repository';

/** The owner type of entry evidence in the documents table. */
export const ENTRY_DOCUMENT_OWNER = 'competition_entry';
const EVIDENCE_KIND = 'evidence';

/** The endpoint whose Idempotency-Key scope it is (a key used on it cannot be reused on another). */
export const CREATE_ENTRY_ENDPOINT = 'POST /api/v1/competitions/:id/entries';

/** Entries are a school's: submitted and changed by its principal, not by admins in its name. */
function requirePrincipal(actor: Actor, what: { en: string; id: string }): void {
  if (actor.role === 'principal' && actor.organizationType === 'school') return;
  throw AppError.rule(
    `only the principal of a partner school can ${what.en}; admins can read entries but not act in a school's name`,
    `hanya kepala sekolah mitra yang dapat ${what.id}; admin dapat membaca karya tetapi tidak bertindak atas nama sekolah`,
  );
}

function refuseWindow(competition: CompetitionRow, now: Date): void {
  const refusal = refuseEntryChange(competition, now);
  if (refusal) throw AppError.rule(refusal.en, refusal.id);
}

function duplicateEntry(existingId: string, schoolName: string, categoryName: string): DuplicateRecordError {
  return new DuplicateRecordError('entry_exists', existingId, {
    en: `${schoolName} already has an entry in the category ${categoryName} (id ${existingId}); a school submits one entry per category, so change that one with PATCH /api/v1/entries/${existingId}`,
    id: `${schoolName} sudah memiliki karya dalam kategori ${categoryName} (id ${existingId}); satu sekolah mengirim satu karya per kategori, jadi ubah karya tersebut dengan PATCH /api/v1/entries/${existingId}`,
  });
}

const TOPIC_TITLE = (topic: string) => topic.charAt(0).toUpperCase() + topic.slice(1).replace(/_/g, ' ');

/** The plan and plan program an entry links to, as checked. */
interface PlanLink {
  planId: string | null;
  planProgramId: string | null;
  program: PlanProgram | null;
}

@Injectable()
export class EntriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly competitions: CompetitionsRepository,
    private readonly entries: EntriesRepository,
    private readonly documents: DocumentsService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Submits the caller's school's entry in one category (principal): while the competition is open
   * and before its entry deadline, for a school in the year's cohort, once per category. With a
   * plan program and no title or summary, they are taken from the plan program. With an
   * Idempotency-Key, once per key: a retry replays the first answer.
   */
  async create(actor: Actor, competitionId: string, dto: CreateEntryDto, key?: string): Promise<EntryDetailResponse | IdempotentResult<EntryDetailResponse>> {
    requirePrincipal(actor, { en: 'submit a competition entry', id: 'mengirim karya kompetisi' });
    const payload = {
      competitionId,
      categoryId: dto.categoryId.toLowerCase(),
      title: dto.title ?? null,
      summary: dto.summary ?? null,
      planId: dto.planId?.toLowerCase() ?? null,
      planProgramId: dto.planProgramId?.toLowerCase() ?? null,
      teamMembers: (dto.teamMembers ?? []).map((m) => ({ name: m.name, role: m.role })),
    };
    try {
      return await this.dataSource.transaction<EntryDetailResponse | IdempotentResult<EntryDetailResponse>>((manager) => {
        const effect = async () => {
          const competition = await this.competitions.findVisible(actor, competitionId, manager, 'share');
          if (!competition) throw AppError.notFound('competition', competitionId);
          refuseWindow(competition, this.clock.now());
          const schoolId = actor.organizationId;
          const schoolName = await this.entries.schoolName(schoolId, manager);
          if (!(await this.entries.inCohort(competition.programId, competition.programYearId, schoolId, manager))) {
            throw AppError.rule(
              `${schoolName} is not in the ${competition.year} cohort of ${competition.programName}: only schools with an active partnership in the program, or with ${competition.year} in their partnership's cohort years, can enter; ask the CSR officer to add ${competition.year} to your partnership's cohort years`,
              `${schoolName} tidak termasuk kohort ${competition.year} program ${competition.programName}: hanya sekolah dengan kemitraan aktif dalam program, atau dengan tahun ${competition.year} dalam tahun kohort kemitraannya, yang dapat ikut; minta petugas CSR menambahkan ${competition.year} ke tahun kohort kemitraan Anda`,
            );
          }
          const category = await this.entries.findCategory(competition.id, dto.categoryId, manager);
          if (!category) {
            throw AppError.field(
              'categoryId',
              'unknown_category',
              `categoryId names no category of this competition; pick one from GET /api/v1/competitions/${competition.id}`,
              `categoryId tidak menunjuk kategori kompetisi ini; pilih dari GET /api/v1/competitions/${competition.id}`,
            );
          }
          const existing = await this.entries.findBySchoolAndCategory(competition.id, category.id, schoolId, manager);
          if (existing) throw duplicateEntry(existing.id, schoolName, category.name);
          if (dto.planProgramId && !dto.planId) throw this.planProgramNeedsPlan();
          const link = await this.checkPlan(competition, schoolId, dto.planId ?? null, dto.planProgramId ?? null, manager);
          const title = dto.title ?? (link.program ? (link.program.name ?? TOPIC_TITLE(link.program.topic)) : null);
          const summary = dto.summary ?? link.program?.goal ?? null;
          if (!title) {
            throw AppError.field('title', 'required', 'title is required: name the innovation, or give planProgramId to take the name of the plan program', 'title wajib diisi: beri nama inovasinya, atau isi planProgramId untuk memakai nama program dalam rencana');
          }
          if (!summary) {
            const en = link.program ? `summary is required: the plan program has no goal to take it from, so describe the innovation` : 'summary is required: describe the innovation, or give planProgramId to take the goal of the plan program';
            const id = link.program ? 'summary wajib diisi: program dalam rencana belum memiliki tujuan untuk diambil, jadi jelaskan inovasinya' : 'summary wajib diisi: jelaskan inovasinya, atau isi planProgramId untuk memakai tujuan program dalam rencana';
            throw AppError.field('summary', 'required', en, id);
          }
          const fields = {
            competitionId: competition.id,
            categoryId: category.id,
            schoolId,
            title: title.slice(0, 200),
            summary,
            planId: link.planId,
            planProgramId: link.planProgramId,
            teamMembers: (dto.teamMembers ?? []).map((m): TeamMember => ({ name: m.name, role: m.role })),
            submittedByUserId: actor.userId,
          };
          const id = await this.entries.insert(fields, manager);
          await this.audit.record(manager, actor, { action: 'create', entityType: 'competition_entry', entityId: id, changes: fields });
          return this.detail(id, manager);
        };
        return key === undefined ? effect() : this.idempotency.once(manager, actor, { key, endpoint: CREATE_ENTRY_ENDPOINT, payload }, 201, effect);
      });
    } catch (err) {
      if (isUniqueViolation(err, 'competition_entries_school_key')) {
        const manager = this.dataSource.manager;
        const existing = await this.entries.findBySchoolAndCategory(competitionId, dto.categoryId, actor.organizationId, manager);
        const category = await this.entries.findCategory(competitionId, dto.categoryId, manager);
        if (existing && category) throw duplicateEntry(existing.id, await this.entries.schoolName(actor.organizationId, manager), category.name);
      }
      throw err;
    }
  }

  /**
   * The entries of a competition the caller may see, by category then school name: CSR officers
   * all, principals their school's, judges those assigned to them, education officers those of
   * schools in their jurisdiction once results are published.
   */
  async list(actor: Actor, competitionId: string, query: ListEntriesQuery): Promise<Page<EntryResponse>> {
    const after = decodeCursor(query.cursor, ['int', 'string', 'uuid']) as [number | string, string, string] | null;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    if (!(await this.competitions.findVisible(actor, competitionId))) throw AppError.notFound('competition', competitionId);
    const rows = await this.entries.listPage(actor, competitionId, { categoryId: query.categoryId, after: after ? [Number(after[0]), after[1], after[2]] : null }, limit);
    return toPage(rows, limit, (e) => [e.categoryPosition, e.schoolName, e.id], EntryResponse.from);
  }

  /** One entry the caller may see, with its evidence files. */
  async get(actor: Actor, id: string): Promise<EntryDetailResponse> {
    const entry = await this.entries.findVisible(actor, id);
    if (!entry) throw AppError.notFound('competition entry', id);
    return EntryDetailResponse.of(entry, await this.documents.listFor({ type: ENTRY_DOCUMENT_OWNER, id }));
  }

  /** Changes the school's entry until the entry deadline (principal), with a version check. */
  async update(actor: Actor, id: string, dto: UpdateEntryDto): Promise<EntryDetailResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { competition, entry } = await this.lockForChange(actor, id, manager, { en: 'change a competition entry', id: 'mengubah karya kompetisi' });
      const planId = dto.planId !== undefined ? dto.planId : entry.planId;
      const planProgramId = dto.planProgramId !== undefined ? dto.planProgramId : planId === entry.planId ? entry.planProgramId : null;
      if (planProgramId && !planId) throw this.planProgramNeedsPlan();
      const link = await this.checkPlan(competition, entry.schoolId, planId, planProgramId, manager);
      const changes: Partial<Pick<EntryRow, 'title' | 'summary' | 'planId' | 'planProgramId' | 'teamMembers'>> = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.summary !== undefined) changes.summary = dto.summary;
      if (link.planId !== entry.planId) changes.planId = link.planId;
      if (link.planProgramId !== entry.planProgramId) changes.planProgramId = link.planProgramId;
      if (dto.teamMembers !== undefined) changes.teamMembers = dto.teamMembers.map((m) => ({ name: m.name, role: m.role }));
      const diff = diffFields(entry, changes);
      if (!(await this.entries.update(id, dto.version, changes, manager))) throw new AppError('stale_version', { sent: dto.version, current: entry.version });
      await this.audit.record(manager, actor, { action: 'update', entityType: 'competition_entry', entityId: id, changes: diff });
      return this.detail(id, manager);
    });
  }

  /**
   * Attaches an evidence file to the school's entry until the entry deadline (principal); the file
   * is checked and stored by DocumentsService.
   */
  async uploadEvidence(actor: Actor, id: string, file: UploadedDocument | undefined): Promise<DocumentResponse> {
    const what = { en: 'add evidence to a competition entry', id: 'menambahkan bukti pada karya kompetisi' };
    requirePrincipal(actor, what);
    const entry = await this.entries.findVisible(actor, id);
    if (!entry) throw AppError.notFound('competition entry', id);
    const competition = await this.competitions.findVisible(actor, entry.competitionId);
    if (!competition) throw AppError.notFound('competition entry', id);
    refuseWindow(competition, this.clock.now());
    const document = await this.documents.store(actor, { type: ENTRY_DOCUMENT_OWNER, id }, EVIDENCE_KIND, file);
    await this.dataSource.transaction(async (manager) => {
      await this.lockForChange(actor, id, manager, what);
      await this.entries.appendEvidence(id, document.id, manager);
      await this.audit.record(manager, actor, {
        action: 'update',
        entityType: 'competition_entry',
        entityId: id,
        changes: { evidenceDocumentIds: { added: document.id, filename: document.filename } },
      });
    });
    return document;
  }

  /** One evidence file of an entry the caller may see, ready to stream. */
  async openEvidence(actor: Actor, id: string, documentId: string): Promise<DocumentDownload> {
    if (!(await this.entries.findVisible(actor, id))) throw AppError.notFound('competition entry', id);
    return this.documents.open({ type: ENTRY_DOCUMENT_OWNER, id }, documentId);
  }

  /**
   * The competition (share-locked first, so a phase change waits) and the entry (locked), both
   * visible to the caller, the caller the school's principal and the entry window open.
   */
  private async lockForChange(actor: Actor, id: string, manager: EntityManager, what: { en: string; id: string }): Promise<{ competition: CompetitionRow; entry: EntryRow }> {
    const seen = await this.entries.findVisible(actor, id, manager);
    if (!seen) throw AppError.notFound('competition entry', id);
    requirePrincipal(actor, what);
    const competition = await this.competitions.findVisible(actor, seen.competitionId, manager, 'share');
    if (!competition) throw AppError.notFound('competition entry', id);
    refuseWindow(competition, this.clock.now());
    const entry = await this.entries.findVisible(actor, id, manager, true);
    if (!entry) throw AppError.notFound('competition entry', id);
    return { competition, entry };
  }

  private async detail(id: string, manager: EntityManager): Promise<EntryDetailResponse> {
    const entry = (await this.entries.findById(id, manager)) as EntryRow;
    return EntryDetailResponse.of(entry, await this.documents.listFor({ type: ENTRY_DOCUMENT_OWNER, id }, manager));
  }

  private planProgramNeedsPlan(): AppError {
    return AppError.field(
      'planProgramId',
      'needs_plan',
      'planProgramId names a program inside a plan: give planId too',
      'planProgramId menunjuk program di dalam sebuah rencana: isi juga planId',
    );
  }

  /** The plan must be the school's plan for the competition's year; the plan program one of its programs. */
  private async checkPlan(competition: CompetitionRow, schoolId: string, planId: string | null, planProgramId: string | null, manager: EntityManager): Promise<PlanLink> {
    if (!planId) return { planId: null, planProgramId: null, program: null };
    const plan = await this.entries.findPlan(planId, manager);
    if (!plan || plan.schoolId !== schoolId || plan.programYearId !== competition.programYearId) {
      throw AppError.refused(
        'planId',
        'not_the_school_plan',
        `planId must be your school's plan for ${competition.year} of ${competition.programName}; find it with GET /api/v1/plans, or leave planId out`,
        `planId harus rencana sekolah Anda untuk tahun ${competition.year} program ${competition.programName}; cari dengan GET /api/v1/plans, atau kosongkan planId`,
      );
    }
    if (!planProgramId) return { planId, planProgramId: null, program: null };
    const programs = readStoredContent(plan.content).programs;
    const program = programs.find((p) => p.id === planProgramId) ?? null;
    if (!program) {
      const ids = programs.map((p) => p.id).join(', ') || '(the plan has no programs yet)';
      throw AppError.field(
        'planProgramId',
        'unknown_plan_program',
        `planProgramId names no program of the plan; use one of content.programs[].id: ${ids}`,
        `planProgramId tidak menunjuk program dalam rencana; pakai salah satu content.programs[].id: ${ids}`,
      );
    }
    return { planId, planProgramId, program };
  }
}
