import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { updateIfVersion } from '../common/database/optimistic';
import { AppError, RawFieldError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { DocumentDownload, DocumentsService } from '../documents/documents.service';
import type { DocumentResponse } from '../documents/dto/document.response';
import { IdempotencyService, IdempotentResult } from '../idempotency/idempotency.service';
import { AssignmentsRepository } from './assignments.repository';
import { refuseClosedYear } from './assignments.service';
import type { ListSessionsQuery } from './dto/list-sessions.query';
import type { CreateMentoringSessionDto, UpdateMentoringSessionDto } from './dto/session-input.dto';
import { MentoringSessionDetailResponse, MentoringSessionResponse } from './dto/session.response';
import { MentoringSession } from './mentoring-session.entity';
import { confirmationAfter, confirmationAfterEdit, refuseConfirmation, refuseSessionEdit } from './mentoring-status';
import type { ConfirmationAction } from './mentoring-status';
import { SessionRow, SessionsRepository } from './sessions.repository';
import { MailService } from '../mail/mail.service';

/** The owner type of session evidence in `documents`. */
export const SESSION_EVIDENCE_OWNER = 'mentoring_session';
/** The document kind of session evidence. */
export const SESSION_EVIDENCE_KIND = 'mentoring_evidence';

/** The endpoints whose Idempotency-Key scope they are (a key used on one cannot be reused on another). */
export const CREATE_SESSION_ENDPOINT = 'POST /api/v1/mentoring/sessions';
export const ADD_EVIDENCE_ENDPOINT = 'POST /api/v1/mentoring/sessions/:id/evidence';

/** Sessions are logged by the assigned facilitator: admins read but do not log in a facilitator's name. */
function requireFacilitator(actor: Actor, what: { en: string; id: string }): void {
  if (actor.role === 'facilitator') return;
  throw AppError.rule(
    `only the assigned facilitator can ${what.en}; administrators can read mentoring records but do not write them in a facilitator's name`,
    `hanya fasilitator yang ditugaskan yang dapat ${what.id}; administrator dapat membaca catatan pendampingan tetapi tidak menulisnya atas nama fasilitator`,
  );
}

/** The principal of the school confirms or disputes: admins read but do not answer for a school. */
function requirePrincipal(actor: Actor): void {
  if (actor.role === 'principal') return;
  throw AppError.rule(
    "only the school's principal can confirm or dispute a session; administrators can read sessions but do not answer for a school",
    'hanya kepala sekolah yang dapat mengonfirmasi atau menyanggah sesi; administrator dapat membaca sesi tetapi tidak menjawab atas nama sekolah',
  );
}

function futureDate(heldOn: string, today: string): AppError {
  return AppError.field(
    'heldOn',
    'date_in_future',
    `heldOn ${heldOn} is in the future; log a session on or after the day it is held (today is ${today})`,
    `heldOn ${heldOn} ada di masa depan; catat sesi pada hari pelaksanaannya atau sesudahnya (hari ini ${today})`,
  );
}

/** The plan link and attendees of a session, as they will be stored. */
interface SessionLinks {
  planId: string | null;
  planProgramId: string | null;
  attendeeUserIds: string[];
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly documents: DocumentsService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly mail: MailService,
  ) {}

  /**
   * Logs a session under the caller's active assignment (the assigned facilitator): held today or
   * earlier, linked to the school's plan of the year if given, with attendees from the school or
   * the facilitator's organisation. It starts pending until the principal confirms it.
   * With an Idempotency-Key, once per key: a retry (e.g. a phone sending what it kept offline)
   * replays the first answer instead of logging the session twice.
   */
  async create(actor: Actor, dto: CreateMentoringSessionDto, key?: string): Promise<MentoringSessionDetailResponse | IdempotentResult<MentoringSessionDetailResponse>> {
    requireFacilitator(actor, { en: 'log sessions', id: 'mencatat sesi' });
    const today = this.clock.today();
    // The session as understood: ids lower-cased, notes trimmed (by the DTO), absent and empty lists alike.
    const payload = {
      assignmentId: dto.assignmentId.toLowerCase(),
      heldOn: dto.heldOn,
      durationMinutes: dto.durationMinutes,
      mode: dto.mode,
      topic: dto.topic,
      planId: dto.planId?.toLowerCase() ?? null,
      planProgramId: dto.planProgramId?.toLowerCase() ?? null,
      attendeeUserIds: (dto.attendeeUserIds ?? []).map((u) => u.toLowerCase()),
      attendeeCounts: { ...(dto.attendeeCounts ?? {}) },
      notes: dto.notes || null,
    };
    return this.dataSource.transaction<MentoringSessionDetailResponse | IdempotentResult<MentoringSessionDetailResponse>>((manager) => {
      const effect = () => this.insertSession(actor, dto, today, manager);
      return key === undefined ? effect() : this.idempotency.once(manager, actor, { key, endpoint: CREATE_SESSION_ENDPOINT, payload }, 201, effect);
    });
  }

  private async insertSession(actor: Actor, dto: CreateMentoringSessionDto, today: string, manager: EntityManager): Promise<MentoringSessionDetailResponse> {
    const assignment = await this.assignments.findVisible(actor, dto.assignmentId, today, manager);
    if (!assignment) {
      throw AppError.field(
        'assignmentId',
        'unknown_assignment',
        'assignmentId names no assignment of yours; pick one from GET /api/v1/mentoring/assignments',
        'assignmentId tidak menunjuk penugasan Anda; pilih dari GET /api/v1/mentoring/assignments',
      );
    }
    if (assignment.endedAt !== null) {
      throw AppError.rule(
        `this assignment ended on ${assignment.endedAt.toISOString().slice(0, 10)}; log sessions under an active assignment${assignment.replacedById ? ` (the current one is ${assignment.replacedById})` : ''}`,
        `penugasan ini berakhir pada ${assignment.endedAt.toISOString().slice(0, 10)}; catat sesi pada penugasan yang aktif${assignment.replacedById ? ` (penugasan yang berlaku adalah ${assignment.replacedById})` : ''}`,
      );
    }
    refuseClosedYear(assignment);
    if (dto.heldOn > this.clock.latestToday()) throw futureDate(dto.heldOn, this.clock.latestToday());
    const links = await this.checkLinks(
      { planId: dto.planId ?? null, planProgramId: dto.planProgramId ?? null, attendeeUserIds: dto.attendeeUserIds ?? [] },
      { schoolId: assignment.schoolId, programYearId: assignment.programYearId, facilitatorOrganizationId: assignment.facilitatorOrganizationId },
      manager,
    );
    const fields = {
      assignmentId: assignment.id,
      schoolId: assignment.schoolId,
      heldOn: dto.heldOn,
      durationMinutes: dto.durationMinutes,
      mode: dto.mode,
      topic: dto.topic,
      ...links,
      attendeeCounts: { ...(dto.attendeeCounts ?? {}) },
      notes: dto.notes || null,
    };
    const id = await this.sessions.insert({ ...fields, confirmation: 'pending', createdByUserId: actor.userId }, manager);
    await this.audit.record(manager, actor, { action: 'create', entityType: 'mentoring_session', entityId: id, changes: fields });
    await this.mail.enqueueForUsers(manager, await this.mail.organizationUsers(manager, [assignment.schoolId], ['principal']), {
      kind: 'session_to_confirm',
      params: { sessionId: id, schoolName: assignment.schoolName, facilitatorName: assignment.facilitatorName, heldOn: dto.heldOn },
      entityType: 'mentoring_session',
      entityId: id,
    });
    return this.detail(actor, id, manager);
  }

  /** Lists the sessions the caller may see, newest first. */
  async list(actor: Actor, query: ListSessionsQuery): Promise<Page<MentoringSessionResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['date', 'uuid']) as [string, string] | null;
    const rows = await this.sessions.listPage(
      actor,
      { assignmentId: query.assignmentId, schoolId: query.schoolId, programYearId: query.programYearId, confirmation: query.confirmation, after },
      limit,
    );
    return toPage(rows, limit, (r) => [r.heldOn, r.id], MentoringSessionResponse.from);
  }

  /** One session the caller may see, with its evidence files. */
  get(actor: Actor, id: string): Promise<MentoringSessionDetailResponse> {
    return this.detail(actor, id, this.dataSource.manager);
  }

  /**
   * Changes a session that is not confirmed yet (its facilitator). Changing a disputed session
   * answers the dispute: it goes back to pending for the principal.
   */
  async update(actor: Actor, id: string, dto: UpdateMentoringSessionDto): Promise<MentoringSessionDetailResponse> {
    requireFacilitator(actor, { en: 'change sessions', id: 'mengubah sesi' });
    const latest = this.clock.latestToday();
    return this.dataSource.transaction(async (manager) => {
      const current = await this.sessions.findVisible(actor, id, manager);
      if (!current) throw AppError.notFound('mentoring session', id);
      refuseClosedYear(current);
      const refusal = refuseSessionEdit(current.confirmation);
      if (refusal) throw AppError.rule(refusal.en, refusal.id);
      if (dto.heldOn !== undefined && dto.heldOn > latest) throw futureDate(dto.heldOn, latest);
      const planId = dto.planId === undefined ? current.planId : dto.planId;
      const planProgramId = dto.planId === null && dto.planProgramId === undefined ? null : dto.planProgramId === undefined ? current.planProgramId : dto.planProgramId;
      const links = await this.checkLinks(
        { planId, planProgramId, attendeeUserIds: dto.attendeeUserIds ?? current.attendees.map((a) => a.id) },
        { schoolId: current.schoolId, programYearId: current.programYearId, facilitatorOrganizationId: current.facilitatorOrganizationId },
        manager,
      );
      const confirmation = confirmationAfterEdit(current.confirmation);
      const changes: Partial<MentoringSession> = { ...links };
      if (dto.heldOn !== undefined) changes.heldOn = dto.heldOn;
      if (dto.durationMinutes !== undefined) changes.durationMinutes = dto.durationMinutes;
      if (dto.mode !== undefined) changes.mode = dto.mode;
      if (dto.topic !== undefined) changes.topic = dto.topic;
      if (dto.attendeeCounts !== undefined) changes.attendeeCounts = { ...dto.attendeeCounts };
      if (dto.notes !== undefined) changes.notes = dto.notes || null;
      if (confirmation !== current.confirmation) Object.assign(changes, { confirmation, disputeReason: null, confirmedByUserId: null, confirmedAt: null });
      const before = { ...current, attendeeUserIds: current.attendees.map((a) => a.id) };
      const diff = diffFields(before as unknown as Partial<MentoringSession>, changes);
      if (!(await updateIfVersion(manager, MentoringSession, id, dto.version, changes as QueryDeepPartialEntity<MentoringSession>))) {
        throw new AppError('stale_version', { sent: dto.version, current: current.version });
      }
      await this.audit.record(manager, actor, {
        action: confirmation !== current.confirmation ? 'state_change' : 'update',
        entityType: 'mentoring_session',
        entityId: id,
        changes: confirmation !== current.confirmation ? { ...diff, answersDispute: current.disputeReason } : diff,
      });
      return this.detail(actor, id, manager);
    });
  }

  /** The principal confirms that a pending session at their school happened. */
  confirm(actor: Actor, id: string): Promise<MentoringSessionDetailResponse> {
    return this.decide(actor, id, 'confirm', null);
  }

  /** The principal disputes a pending session at their school, with the reason. */
  dispute(actor: Actor, id: string, reason: string): Promise<MentoringSessionDetailResponse> {
    return this.decide(actor, id, 'dispute', reason);
  }

  /**
   * Stores an evidence file (photo, attendance list) for a session through DocumentsService (its
   * facilitator). With an Idempotency-Key, once per key: the same file sent again under the key
   * replays the first answer instead of storing a second copy; another file under it is a 422.
   */
  async addEvidence(actor: Actor, id: string, file: UploadedDocument | undefined, key?: string): Promise<DocumentResponse | IdempotentResult<DocumentResponse>> {
    requireFacilitator(actor, { en: 'add session evidence', id: 'menambah bukti sesi' });
    const session = await this.sessions.findVisible(actor, id);
    if (!session) throw AppError.notFound('mentoring session', id);
    refuseClosedYear(session);
    const link = async (document: DocumentResponse, manager: EntityManager) => {
      await this.sessions.addEvidence(id, document.id, manager);
      await this.audit.record(manager, actor, { action: 'update', entityType: 'mentoring_session', entityId: id, changes: { evidenceAdded: { documentId: document.id, filename: document.filename } } });
      return document;
    };
    const store = () => this.documents.store(actor, { type: SESSION_EVIDENCE_OWNER, id }, SESSION_EVIDENCE_KIND, file);
    if (key === undefined) {
      const document = await store();
      return this.dataSource.transaction((manager) => link(document, manager));
    }
    // The same request: this session, and a file with the same name and bytes.
    const payload = { sessionId: id.toLowerCase(), filename: file?.originalname ?? null, sha256: file?.sha256 ?? null };
    return this.dataSource.transaction((manager) => this.idempotency.once(manager, actor, { key, endpoint: ADD_EVIDENCE_ENDPOINT, payload }, 201, async () => link(await store(), manager)));
  }

  /** One evidence file of a session the caller may see, ready to stream. */
  async openEvidence(actor: Actor, id: string, documentId: string): Promise<DocumentDownload> {
    if (!(await this.sessions.findVisible(actor, id))) throw AppError.notFound('mentoring session', id);
    return this.documents.open({ type: SESSION_EVIDENCE_OWNER, id }, documentId);
  }

  private async decide(actor: Actor, id: string, action: ConfirmationAction, reason: string | null): Promise<MentoringSessionDetailResponse> {
    requirePrincipal(actor);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.sessions.findVisible(actor, id, manager))) throw AppError.notFound('mentoring session', id);
      await this.sessions.lock(id, manager);
      const current = (await this.sessions.findVisible(actor, id, manager)) as SessionRow;
      refuseClosedYear(current);
      const refusal = refuseConfirmation(action, current.confirmation);
      if (refusal) throw AppError.rule(refusal.en, refusal.id);
      const to = confirmationAfter(action);
      await this.sessions.decide(id, to, reason, actor.userId, manager);
      await this.audit.record(manager, actor, {
        action: 'state_change',
        entityType: 'mentoring_session',
        entityId: id,
        changes: { confirmation: { from: current.confirmation, to }, ...(reason === null ? {} : { reason }) },
      });
      return this.detail(actor, id, manager);
    });
  }

  /**
   * A plan must be the school's plan for the assignment's year, and a plan program one of its
   * programs; named attendees must be users of the school or of the facilitator's organisation.
   * Every problem is reported at once.
   */
  private async checkLinks(links: SessionLinks, where: { schoolId: string; programYearId: string; facilitatorOrganizationId: string }, manager: EntityManager): Promise<SessionLinks> {
    const errors: RawFieldError[] = [];
    const add = (field: string, code: string, en: string, id: string) => errors.push({ field, code, message: { en, id } });
    if (links.planId !== null) {
      const plan = await this.sessions.findSchoolPlan(links.planId, where.schoolId, where.programYearId, manager);
      if (!plan) {
        add(
          'planId',
          'not_the_school_plan',
          "planId is not the school's plan for this assignment's program year; pick it from GET /api/v1/plans, or leave planId out",
          'planId bukan rencana sekolah untuk tahun program penugasan ini; pilih dari GET /api/v1/plans, atau kosongkan planId',
        );
      } else if (links.planProgramId !== null && !plan.programIds.includes(links.planProgramId.toLowerCase())) {
        add(
          'planProgramId',
          'not_in_plan',
          `planProgramId names no program of that plan; use one of content.programs[].id (${plan.programIds.join(', ') || 'the plan has no programs yet'})`,
          `planProgramId tidak menunjuk program dalam rencana tersebut; gunakan salah satu content.programs[].id (${plan.programIds.join(', ') || 'rencana belum memiliki program'})`,
        );
      }
    } else if (links.planProgramId !== null) {
      add('planProgramId', 'needs_plan', 'planProgramId needs planId: name the plan the program belongs to', 'planProgramId memerlukan planId: sebutkan rencana tempat program itu berada');
    }
    const known = new Set(await this.sessions.usersOf(links.attendeeUserIds, [where.schoolId, where.facilitatorOrganizationId], manager));
    links.attendeeUserIds.forEach((userId, i) => {
      if (known.has(userId)) return;
      add(
        `attendeeUserIds[${i}]`,
        'not_an_attendee',
        `attendeeUserIds[${i}] is not a user of the school or of the facilitator's organisation; count other people in attendeeCounts instead`,
        `attendeeUserIds[${i}] bukan pengguna sekolah atau organisasi fasilitator; hitung orang lain di attendeeCounts`,
      );
    });
    if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
    return { planId: links.planId, planProgramId: links.planProgramId?.toLowerCase() ?? null, attendeeUserIds: links.attendeeUserIds };
  }

  private async detail(actor: Actor, id: string, manager: EntityManager): Promise<MentoringSessionDetailResponse> {
    const row = await this.sessions.findVisible(actor, id, manager);
    if (!row) throw AppError.notFound('mentoring session', id);
    return MentoringSessionDetailResponse.of(row, await this.documents.listFor({ type: SESSION_EVIDENCE_OWNER, id }, manager));
  }
}
