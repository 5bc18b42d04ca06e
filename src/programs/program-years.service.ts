import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { isUniqueViolation, updateIfVersion } from '../common/database/optimistic';
import { AppError } from '../common/errors/app-error';
import { DuplicateRecordError } from '../common/errors/duplicate-record';
import { parseRupiah } from '../common/money/rupiah';
import type { ChangeYearStatusDto } from './dto/change-year-status.dto';
import type { CreateProgramYearDto } from './dto/create-program-year.dto';
import { CohortListResponse, ProgramYearListResponse, ProgramYearResponse } from './dto/program-year.response';
import { Clock } from '../common/clock';
import type { UpdateProgramYearDto } from './dto/update-program-year.dto';
import { ProgramYear } from './program-year.entity';
import { canMoveYear, isYearReadOnly, nextYearStatus } from './program-year-status';
import type { ProgramYearStatus } from './program-year-status';
import { Program } from './program.entity';
import { ProgramYearsRepository } from './program-years.repository';
import { ProgramsRepository } from './programs.repository';
import { statusName } from '../common/errors/names';

type Calendar = Pick<ProgramYear, 'planningWorkshopDate' | 'planDeadline'>;

/** Plans are drafted at the planning workshop, so they cannot be due before it. */
function checkCalendar(c: Calendar): void {
  if (c.planningWorkshopDate && c.planDeadline && c.planDeadline < c.planningWorkshopDate) {
    throw AppError.field(
      'planDeadline',
      'deadline_before_workshop',
      `planDeadline ${c.planDeadline} is before the planning workshop on ${c.planningWorkshopDate}; plans are drafted at the workshop, so give a later deadline`,
      `planDeadline ${c.planDeadline} sebelum lokakarya perencanaan pada ${c.planningWorkshopDate}; rencana disusun di lokakarya, jadi beri tenggat yang lebih akhir`,
    );
  }
}

function duplicateYear(program: Program, year: number, existingId: string): DuplicateRecordError {
  return new DuplicateRecordError('program_year_exists', existingId, {
    en: `${program.name} already has a record for ${year} (id ${existingId}); each year is kept once, so change that one with PATCH /api/v1/programs/${program.id}/years/${existingId}`,
    id: `${program.name} sudah memiliki data untuk tahun ${year} (id ${existingId}); setiap tahun hanya dicatat sekali, jadi ubah data tersebut dengan PATCH /api/v1/programs/${program.id}/years/${existingId}`,
  });
}

function readOnly(program: Program, y: ProgramYear): AppError {
  return AppError.rule(
    `${y.year} of ${program.name} is closed and read-only: its theme, budget, dates and status can no longer change`,
    `tahun ${y.year} program ${program.name} sudah ditutup dan hanya-baca: tema, anggaran, tanggal dan statusnya tidak dapat diubah lagi`,
  );
}

/** The year's grant money is the company's own: its users and admins read it, nobody else. */
function readsMoney(actor: Actor, companyId: string): boolean {
  return actor.role === 'admin' || actor.organizationId === companyId;
}

@Injectable()
export class ProgramYearsService {
  constructor(
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly programs: ProgramsRepository,
    private readonly years: ProgramYearsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The years of a program the caller may read, oldest first; the company's users and admins also get the money committed. */
  async list(actor: Actor, programId: string): Promise<ProgramYearListResponse> {
    const program = await this.programs.findVisible(actor, programId);
    if (!program) throw AppError.notFound('program', programId);
    const committed = readsMoney(actor, program.companyId) ? await this.years.committedByYear(programId) : null;
    return { items: (await this.years.listOf(programId)).map((y) => ProgramYearResponse.from(y, committed ? (committed.get(y.id) ?? '0') : null)) };
  }

  /** One year of a program the caller may read. */
  async get(actor: Actor, programId: string, id: string): Promise<ProgramYearResponse> {
    const program = await this.programs.findVisible(actor, programId);
    if (!program) throw AppError.notFound('program', programId);
    const year = await this.years.findOf(programId, id);
    if (!year) throw AppError.notFound('program year', id);
    return this.respond(actor, program.companyId, year);
  }

  /** The partnerships in a year's cohort that the caller may see, by school name. */
  async cohort(actor: Actor, programId: string, id: string): Promise<CohortListResponse> {
    if (!(await this.programs.findVisible(actor, programId))) throw AppError.notFound('program', programId);
    if (!(await this.years.findOf(programId, id))) throw AppError.notFound('program year', id);
    const rows = await this.years.cohortOf(actor, programId, id, this.clock.today());
    return {
      items: rows.map((r) => ({ partnershipId: r.partnershipId, school: { id: r.schoolId, name: r.schoolName, npsn: r.npsn }, status: r.status, explicit: r.explicit })),
    };
  }

  /** A year as an answer, with its committed money for those who read it. */
  private async respond(actor: Actor, companyId: string, year: ProgramYear, manager?: EntityManager): Promise<ProgramYearResponse> {
    if (!readsMoney(actor, companyId)) return ProgramYearResponse.from(year);
    const committed = await this.years.committedByYear(year.programId, manager);
    return ProgramYearResponse.from(year, committed.get(year.id) ?? '0');
  }

  /**
   * Adds a year to a program (CSR officer of the owning company, or admin): inside the program's
   * years, once per year, starting in planning.
   */
  async create(actor: Actor, programId: string, dto: CreateProgramYearDto): Promise<ProgramYearResponse> {
    const budgetEnvelope = parseRupiah(dto.budgetEnvelope, 'budgetEnvelope');
    const calendar = {
      planningWorkshopDate: dto.planningWorkshopDate ?? null,
      planDeadline: dto.planDeadline ?? null,
      grantReportingDeadline: dto.grantReportingDeadline ?? null,
      competitionDate: dto.competitionDate ?? null,
    };
    checkCalendar(calendar);
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Locked, so two requests for the same year queue instead of racing to the unique index.
        const program = await this.programs.findManageable(actor, programId, manager, true);
        if (!program) throw AppError.notFound('program', programId);
        this.checkInsideProgram(program, dto.year);
        const existing = await this.years.findByYear(programId, dto.year, manager);
        if (existing) throw duplicateYear(program, dto.year, existing.id);
        const fields = { programId, year: dto.year, theme: dto.theme, description: dto.description || null, budgetEnvelope, ...calendar, status: 'planning' as const };
        const year = await this.years.insert(fields, manager);
        await this.audit.record(manager, actor, { action: 'create', entityType: 'program_year', entityId: year.id, changes: fields });
        return this.respond(actor, program.companyId, (await this.years.findOf(programId, year.id, manager)) as ProgramYear, manager);
      });
    } catch (err) {
      if (isUniqueViolation(err, 'program_years_program_year_key')) {
        const program = await this.programs.findManageable(actor, programId, this.dataSource.manager);
        const existing = await this.years.findByYear(programId, dto.year);
        if (program && existing) throw duplicateYear(program, dto.year, existing.id);
      }
      throw err;
    }
  }

  /** Changes a year that is not closed, with a version check (CSR officer of the owning company, or admin). */
  async update(actor: Actor, programId: string, id: string, dto: UpdateProgramYearDto): Promise<ProgramYearResponse> {
    const budgetEnvelope = dto.budgetEnvelope === undefined ? undefined : parseRupiah(dto.budgetEnvelope, 'budgetEnvelope');
    return this.dataSource.transaction(async (manager) => {
      const { program, year: current } = await this.manageableYear(actor, programId, id, manager);
      if (isYearReadOnly(current.status)) throw readOnly(program, current);
      const changes: Partial<ProgramYear> = {};
      if (dto.theme !== undefined) changes.theme = dto.theme;
      if (dto.description !== undefined) changes.description = dto.description || null;
      if (budgetEnvelope !== undefined) changes.budgetEnvelope = budgetEnvelope;
      for (const key of ['planningWorkshopDate', 'planDeadline', 'grantReportingDeadline', 'competitionDate'] as const) {
        if (dto[key] !== undefined) changes[key] = dto[key] ?? null;
      }
      checkCalendar({ ...current, ...changes });
      const diff = diffFields(current, changes);
      if (!(await updateIfVersion(manager, ProgramYear, id, dto.version, changes))) {
        throw new AppError('stale_version', { sent: dto.version, current: current.version });
      }
      await this.audit.record(manager, actor, { action: 'update', entityType: 'program_year', entityId: id, changes: diff });
      return this.respond(actor, program.companyId, (await this.years.findOf(programId, id, manager)) as ProgramYear, manager);
    });
  }

  /** Moves a year one step forward: planning → running → evaluating → closed (CSR officer of the owning company, or admin). */
  async changeStatus(actor: Actor, programId: string, id: string, dto: ChangeYearStatusDto): Promise<ProgramYearResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { program, year } = await this.manageableYear(actor, programId, id, manager);
      this.checkMove(program, year, dto.status);
      await this.years.setStatus(id, dto.status, manager);
      await this.audit.record(manager, actor, {
        action: 'state_change',
        entityType: 'program_year',
        entityId: id,
        changes: { programId, year: year.year, status: { from: year.status, to: dto.status } },
      });
      return this.respond(actor, program.companyId, (await this.years.findOf(programId, id, manager)) as ProgramYear, manager);
    });
  }

  /** The program the caller may change and one of its years, locked until the transaction ends. */
  private async manageableYear(actor: Actor, programId: string, id: string, manager: EntityManager): Promise<{ program: Program; year: ProgramYear }> {
    const program = await this.programs.findManageable(actor, programId, manager);
    if (!program) throw AppError.notFound('program', programId);
    const year = await this.years.findOf(programId, id, manager, true);
    if (!year) throw AppError.notFound('program year', id);
    return { program, year };
  }

  private checkInsideProgram(program: Program, year: number): void {
    if (year >= program.startYear && (program.endYear === null || year <= program.endYear)) return;
    const range = program.endYear === null ? `${program.startYear} onwards` : `${program.startYear}–${program.endYear}`;
    const rentang = program.endYear === null ? `${program.startYear} dan sesudahnya` : `${program.startYear}–${program.endYear}`;
    throw AppError.refused(
      'year',
      'outside_program',
      `${year} is outside the years of ${program.name} (${range}); give a year inside them, or change the program's start or end year first`,
      `${year} berada di luar tahun program ${program.name} (${rentang}); isi tahun di dalamnya, atau ubah dulu tahun mulai atau akhir program`,
    );
  }

  private checkMove(program: Program, year: ProgramYear, to: ProgramYearStatus): void {
    if (canMoveYear(year.status, to)) return;
    if (isYearReadOnly(year.status)) throw readOnly(program, year);
    const next = nextYearStatus(year.status);
    if (year.status === to) {
      throw AppError.rule(
        `${year.year} of ${program.name} is already ${to}; the next status it can move to is ${next}`,
        `tahun ${year.year} program ${program.name} sudah berstatus ${statusName(to, 'id')}; status berikutnya yang dapat dituju adalah ${next === null ? '-' : statusName(next, 'id')}`,
      );
    }
    throw AppError.rule(
      `a program year moves one step forward only (planning → running → evaluating → closed): from ${year.status} the only allowed next status is ${next}, not ${to}`,
      `tahun program hanya maju satu langkah (planning → running → evaluating → closed): dari ${year.status} satu-satunya status berikutnya adalah ${next}, bukan ${to}`,
    );
  }
}
