import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/database/optimistic';
import { AppError } from '../common/errors/app-error';
import { DuplicateRecordError } from '../common/errors/duplicate-record';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import { AssignmentRow, AssignmentsRepository, FacilitatorFacts, ManageableYear } from './assignments.repository';
import { MentoringAssignmentResponse, MentoringAttendeeCandidatesResponse, MentoringCandidatesResponse } from './dto/assignment.response';
import type { CreateMentoringAssignmentDto, EndMentoringAssignmentDto, ReassignMentoringAssignmentDto } from './dto/assignment-input.dto';
import type { ListAssignmentsQuery } from './dto/list-assignments.query';
import { minutesOf } from './mentoring-status';
import { statusName } from '../common/errors/names';

/** Assignments are made in the company's name by its CSR officers (admins may correct them). */
function requireAssigner(actor: Actor): void {
  if (actor.role === 'csr_officer' || actor.role === 'admin') return;
  throw AppError.rule(
    "only a CSR officer of the program's company assigns facilitators; sign in as that company's CSR officer",
    'hanya petugas CSR perusahaan pemilik program yang menugaskan fasilitator; masuk sebagai petugas CSR perusahaan tersebut',
  );
}

/** A closed program year is read-only. */
export function refuseClosedYear(row: { yearStatus: string; year: number; programName: string }): void {
  if (row.yearStatus !== 'closed') return;
  throw AppError.rule(
    `${row.year} of ${row.programName} is closed and read-only: its mentoring records can no longer change`,
    `tahun ${row.year} program ${row.programName} sudah ditutup dan hanya-baca: catatan pendampingannya tidak dapat diubah lagi`,
  );
}

function duplicateAssignment(existingId: string, facilitatorName: string, schoolName: string, year: number): DuplicateRecordError {
  return new DuplicateRecordError('assignment_exists', existingId, {
    en: `${facilitatorName} is already assigned to ${schoolName} for ${year} (id ${existingId}); one active assignment per facilitator, school and year, so change or end that one instead`,
    id: `${facilitatorName} sudah ditugaskan ke ${schoolName} untuk tahun ${year} (id ${existingId}); satu penugasan aktif per fasilitator, sekolah dan tahun, jadi ubah atau akhiri penugasan tersebut`,
  });
}

function refuseEnded(row: AssignmentRow, what: { en: string; id: string }): void {
  if (row.endedAt === null) return;
  const next = row.replacedById ? { en: `; the current one is ${row.replacedById}`, id: `; penugasan yang berlaku adalah ${row.replacedById}` } : { en: '', id: '' };
  throw AppError.rule(
    `cannot ${what.en}: this assignment ended on ${row.endedAt.toISOString().slice(0, 10)} (${row.endedReason ?? 'no reason given'})${next.en}`,
    `tidak dapat ${what.id}: penugasan ini berakhir pada ${row.endedAt.toISOString().slice(0, 10)} (${row.endedReason ?? 'tanpa alasan'})${next.id}`,
  );
}

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assignments: AssignmentsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Assigns a facilitator to a school for a program year (CSR officer of the program's company):
   * the facilitator's organisation must work in the program and the school must have a partnership
   * in it that is not paused or ended.
   */
  async create(actor: Actor, dto: CreateMentoringAssignmentDto): Promise<MentoringAssignmentResponse> {
    requireAssigner(actor);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const year = await this.assignments.findManageableYear(actor, dto.programYearId, manager);
        if (!year) {
          throw AppError.field(
            'programYearId',
            'unknown_program_year',
            "programYearId names no year of your company's programs; pick one from GET /api/v1/programs/{id}/years",
            'programYearId tidak menunjuk tahun program perusahaan Anda; pilih dari GET /api/v1/programs/{id}/years',
          );
        }
        refuseClosedYear({ yearStatus: year.status, year: year.year, programName: year.programName });
        const facilitator = await this.checkFacilitator(dto.facilitatorUserId, year, 'facilitatorUserId', manager);
        const partnership = await this.assignments.findSchoolPartnership(year.programId, dto.schoolId, manager);
        if (!partnership) {
          throw AppError.refused(
            'schoolId',
            'no_partnership',
            `schoolId names no school with a partnership in ${year.programName}; pick a partner school from GET /api/v1/partnerships?programId=${year.programId}`,
            `schoolId tidak menunjuk sekolah yang bermitra dalam ${year.programName}; pilih sekolah mitra dari GET /api/v1/partnerships?programId=${year.programId}`,
          );
        }
        if (partnership.status === 'paused' || partnership.status === 'ended') {
          throw AppError.refused(
            'schoolId',
            'partnership_not_running',
            `the partnership of ${partnership.schoolName} in ${year.programName} is ${partnership.status}; resume it before assigning a facilitator`,
            `kemitraan ${partnership.schoolName} dalam ${year.programName} berstatus ${statusName(partnership.status, 'id')}; aktifkan kembali sebelum menugaskan fasilitator`,
          );
        }
        const existing = await this.assignments.findActive(facilitator.id, dto.schoolId, year.id, manager);
        if (existing) throw duplicateAssignment(existing, facilitator.fullName, partnership.schoolName, year.year);
        const fields = {
          facilitatorUserId: facilitator.id,
          facilitatorOrganizationId: facilitator.organizationId,
          schoolId: dto.schoolId,
          programYearId: year.id,
          partnershipId: partnership.id,
          plannedSessions: dto.plannedSessions,
          plannedMinutes: minutesOf(dto.plannedHours),
        };
        const id = await this.assignments.insert({ ...fields, assignedByUserId: actor.userId }, manager);
        await this.audit.record(manager, actor, { action: 'create', entityType: 'mentoring_assignment', entityId: id, changes: fields });
        return this.detail(actor, id, manager);
      });
    } catch (err) {
      throw (await this.explainRace(actor, err, dto)) ?? err;
    }
  }

  /**
   * The choices for a new assignment in a year of the caller's company (CSR officer, or admin):
   * the facilitators of the organisations working in the program and the partner schools whose
   * partnership is running.
   */
  async candidates(actor: Actor, programYearId: string): Promise<MentoringCandidatesResponse> {
    requireAssigner(actor);
    const manager = this.dataSource.manager;
    const year = await this.assignments.findManageableYear(actor, programYearId, manager);
    if (!year) {
      throw AppError.field(
        'programYearId',
        'unknown_program_year',
        "programYearId names no year of your company's programs; pick one from GET /api/v1/programs/{id}/years",
        'programYearId tidak menunjuk tahun program perusahaan Anda; pilih dari GET /api/v1/programs/{id}/years',
      );
    }
    const [facilitators, schools] = await Promise.all([this.assignments.listCandidateFacilitators(year.programId, manager), this.assignments.listCandidateSchools(year.programId, manager)]);
    return {
      programYear: { id: year.id, year: year.year, status: year.status, programId: year.programId, programName: year.programName },
      facilitators: facilitators.map((f) => ({ id: f.id, fullName: f.fullName, organization: { id: f.organizationId, name: f.organizationName } })),
      schools,
    };
  }

  /** Who can be named as an attendee of a session under an assignment the caller may see: the school's users and the facilitator organisation's. */
  async attendeeCandidates(actor: Actor, id: string): Promise<MentoringAttendeeCandidatesResponse> {
    const row = await this.assignments.findVisible(actor, id, this.clock.today());
    if (!row) throw AppError.notFound('mentoring assignment', id);
    return { items: await this.assignments.listAttendeeCandidates(row.schoolId, row.facilitatorOrganizationId) };
  }

  /** Lists the assignments the caller may see, by school name, each with its progress as of today. */
  async list(actor: Actor, query: ListAssignmentsQuery): Promise<Page<MentoringAssignmentResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['string', 'uuid']) as [string, string] | null;
    const rows = await this.assignments.listPage(
      actor,
      { programYearId: query.programYearId, schoolId: query.schoolId, facilitatorUserId: query.facilitatorUserId, includeEnded: query.includeEnded, noContact: query.noContact, after },
      this.clock.today(),
      limit,
    );
    return toPage(rows, limit, (r) => [r.schoolName, r.id], MentoringAssignmentResponse.from);
  }

  /** One assignment the caller may see, with its progress as of today. */
  get(actor: Actor, id: string): Promise<MentoringAssignmentResponse> {
    return this.detail(actor, id, this.dataSource.manager);
  }

  /**
   * Hands an active assignment to another facilitator (CSR officer): this one ends with the reason
   * and links the new one, which keeps the school, year and (unless given) the planned sessions and hours; its open
   * follow-ups move to the new assignment. Sessions stay with the assignment they were held under.
   */
  async reassign(actor: Actor, id: string, dto: ReassignMentoringAssignmentDto): Promise<MentoringAssignmentResponse> {
    requireAssigner(actor);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const current = await this.lockedActive(actor, id, { en: 'reassign it', id: 'mengalihkannya' }, manager);
        const year: ManageableYear = { id: current.programYearId, year: current.year, status: current.yearStatus, programId: current.programId, programName: current.programName, companyId: current.companyId };
        const facilitator = await this.checkFacilitator(dto.facilitatorUserId, year, 'facilitatorUserId', manager);
        if (facilitator.id === current.facilitatorUserId) {
          throw AppError.refused(
            'facilitatorUserId',
            'same_facilitator',
            `${facilitator.fullName} already holds this assignment; name another facilitator, or change nothing`,
            `${facilitator.fullName} sudah memegang penugasan ini; sebutkan fasilitator lain, atau tidak perlu diubah`,
          );
        }
        const existing = await this.assignments.findActive(facilitator.id, current.schoolId, current.programYearId, manager);
        if (existing) throw duplicateAssignment(existing, facilitator.fullName, current.schoolName, current.year);
        const fields = {
          facilitatorUserId: facilitator.id,
          facilitatorOrganizationId: facilitator.organizationId,
          schoolId: current.schoolId,
          programYearId: current.programYearId,
          partnershipId: current.partnershipId,
          plannedSessions: dto.plannedSessions ?? current.plannedSessions,
          plannedMinutes: dto.plannedHours === undefined ? current.plannedMinutes : minutesOf(dto.plannedHours),
        };
        await this.assignments.end(current.id, dto.reason, manager);
        const newId = await this.assignments.insert({ ...fields, assignedByUserId: actor.userId }, manager);
        await this.assignments.linkReplacement(current.id, newId, manager);
        const moved = await this.assignments.handOverOpenActions(current.id, newId, current.facilitatorUserId, facilitator.id, manager);
        await this.audit.record(manager, actor, {
          action: 'state_change',
          entityType: 'mentoring_assignment',
          entityId: current.id,
          changes: { ended: { from: false, to: true }, reason: dto.reason, replacedById: newId, openActionsHandedOver: moved },
        });
        await this.audit.record(manager, actor, { action: 'create', entityType: 'mentoring_assignment', entityId: newId, changes: { ...fields, replacesId: current.id, reason: dto.reason } });
        return this.detail(actor, newId, manager);
      });
    } catch (err) {
      if (isUniqueViolation(err, 'mentoring_assignments_active_key')) {
        throw AppError.rule(
          'the new facilitator was assigned to this school for the year by someone else just now; reload the assignments',
          'fasilitator baru baru saja ditugaskan ke sekolah ini untuk tahun tersebut oleh orang lain; muat ulang daftar penugasan',
        );
      }
      throw err;
    }
  }

  /** Ends an active assignment without a successor (CSR officer); its sessions and actions stay with it. */
  async end(actor: Actor, id: string, dto: EndMentoringAssignmentDto): Promise<MentoringAssignmentResponse> {
    requireAssigner(actor);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockedActive(actor, id, { en: 'end it', id: 'mengakhirinya' }, manager);
      await this.assignments.end(current.id, dto.reason, manager);
      await this.audit.record(manager, actor, {
        action: 'state_change',
        entityType: 'mentoring_assignment',
        entityId: current.id,
        changes: { ended: { from: false, to: true }, reason: dto.reason, openActionsLeft: await this.assignments.countOpenActions(current.id, manager) },
      });
      return this.detail(actor, current.id, manager);
    });
  }

  /** Two assigners raced on the same facilitator, school and year: name the row that won. */
  private async explainRace(actor: Actor, err: unknown, dto: CreateMentoringAssignmentDto): Promise<DuplicateRecordError | null> {
    if (!isUniqueViolation(err, 'mentoring_assignments_active_key')) return null;
    const id = await this.assignments.findActive(dto.facilitatorUserId, dto.schoolId, dto.programYearId, this.dataSource.manager);
    const row = id ? await this.assignments.findVisible(actor, id, this.clock.today()) : null;
    return row ? duplicateAssignment(row.id, row.facilitatorName, row.schoolName, row.year) : null;
  }

  /** The visible assignment, locked, still active and in a year that is not closed. */
  private async lockedActive(actor: Actor, id: string, what: { en: string; id: string }, manager: EntityManager): Promise<AssignmentRow> {
    if (!(await this.assignments.findVisible(actor, id, this.clock.today(), manager))) throw AppError.notFound('mentoring assignment', id);
    await this.assignments.lock(id, manager);
    const current = (await this.assignments.findVisible(actor, id, this.clock.today(), manager)) as AssignmentRow;
    refuseEnded(current, what);
    refuseClosedYear(current);
    return current;
  }

  /** A user who can be assigned in the year's program: a facilitator, enabled, of an organisation working in it. */
  private async checkFacilitator(userId: string, year: ManageableYear, field: string, manager: EntityManager): Promise<FacilitatorFacts> {
    const f = await this.assignments.findFacilitator(userId, year.programId, manager);
    if (!f || f.role !== 'facilitator' || f.organizationType !== 'facilitator') {
      throw AppError.field(
        field,
        'not_a_facilitator',
        `${field} names no user with the facilitator role; pick a user of a facilitator organisation working in ${year.programName}`,
        `${field} tidak menunjuk pengguna berperan fasilitator; pilih pengguna dari organisasi fasilitator yang bekerja dalam ${year.programName}`,
      );
    }
    if (f.disabled) {
      throw AppError.refused(field, 'user_disabled', `${f.fullName}'s account is disabled; pick an active facilitator`, `akun ${f.fullName} dinonaktifkan; pilih fasilitator yang aktif`);
    }
    if (!f.worksInProgram) {
      throw AppError.refused(
        field,
        'organization_not_in_program',
        `${f.fullName} works for ${f.organizationName}, which does not work in ${year.programName}; add the organisation to the program's facilitators first, or pick another facilitator`,
        `${f.fullName} bekerja untuk ${f.organizationName}, yang tidak bekerja dalam ${year.programName}; tambahkan organisasi tersebut ke fasilitator program terlebih dahulu, atau pilih fasilitator lain`,
      );
    }
    return f;
  }

  private async detail(actor: Actor, id: string, manager: EntityManager): Promise<MentoringAssignmentResponse> {
    const row = await this.assignments.findVisible(actor, id, this.clock.today(), manager);
    if (!row) throw AppError.notFound('mentoring assignment', id);
    return MentoringAssignmentResponse.from(row);
  }
}
