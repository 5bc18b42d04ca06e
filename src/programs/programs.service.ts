import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import { Actor, isAdmin } from '../common/auth/actor';
import { updateIfVersion } from '../common/database/optimistic';
import { AppError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, Page, toPage } from '../common/pagination/pagination';
import type { CreateProgramDto } from './dto/create-program.dto';
import type { ListProgramsQuery } from './dto/list-programs.query';
import { ProgramResponse, ProgramRow } from './dto/program.response';
import type { UpdateProgramDto } from './dto/update-program.dto';
import { Program } from './program.entity';
import { ProgramsRepository } from './programs.repository';

function checkYearRange(startYear: number, endYear: number | null): void {
  if (endYear !== null && endYear < startYear) {
    throw AppError.field(
      'endYear',
      'end_before_start',
      `endYear ${endYear} is before startYear ${startYear}; give a year from ${startYear} on, or null for a program with no planned end`,
      `endYear ${endYear} sebelum startYear ${startYear}; isi tahun ${startYear} atau sesudahnya, atau null untuk program tanpa rencana akhir`,
    );
  }
}

/** The company a new program belongs to: a CSR officer's own; the one an admin names. */
function owningCompany(actor: Actor, companyId: string | undefined): string {
  if (isAdmin(actor)) {
    if (companyId) return companyId;
    throw AppError.field(
      'companyId',
      'required_for_admin',
      'companyId is required: name the company that owns the program (see GET /api/v1/organizations?type=company)',
      'companyId wajib diisi: sebutkan perusahaan pemilik program (lihat GET /api/v1/organizations?type=company)',
    );
  }
  if (companyId !== undefined && companyId !== actor.organizationId) {
    throw AppError.refused(
      'companyId',
      'own_company_only',
      "a CSR officer creates programs for their own company only; leave companyId out or give your own company's id",
      'petugas CSR hanya membuat program untuk perusahaannya sendiri; kosongkan companyId atau isi dengan id perusahaan Anda',
    );
  }
  return actor.organizationId;
}

@Injectable()
export class ProgramsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly programs: ProgramsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Creates a program of the caller's company (CSR officer) or of the company an admin names. */
  async create(actor: Actor, dto: CreateProgramDto): Promise<ProgramResponse> {
    const companyId = owningCompany(actor, dto.companyId);
    const endYear = dto.endYear ?? null;
    checkYearRange(dto.startYear, endYear);
    return this.dataSource.transaction(async (manager) => {
      await this.checkCompany(companyId, manager);
      const regionCodes = dto.regionCodes ?? [];
      const facilitatorIds = dto.facilitatorIds ?? [];
      await this.checkRegions(regionCodes, manager);
      await this.checkFacilitators(facilitatorIds, manager);
      const fields = {
        companyId,
        name: dto.name,
        description: dto.description || null,
        focusAreas: dto.focusAreas ?? [],
        startYear: dto.startYear,
        endYear,
        regionCodes,
      };
      const program = await this.programs.insertProgram(fields, manager);
      await this.programs.replaceFacilitators(program.id, facilitatorIds, manager);
      await this.audit.record(manager, actor, { action: 'create', entityType: 'program', entityId: program.id, changes: { ...fields, facilitatorIds } });
      return ProgramResponse.from(await this.visible(actor, program.id, manager));
    });
  }

  /** Lists the programs the caller may read, by name. */
  async list(actor: Actor, query: ListProgramsQuery): Promise<Page<ProgramResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.programs.listPage(actor, query, limit);
    return toPage(rows, limit, (p) => [p.name, p.id], ProgramResponse.from);
  }

  /** One program the caller may read. */
  async get(actor: Actor, id: string): Promise<ProgramResponse> {
    return ProgramResponse.from(await this.visible(actor, id, this.dataSource.manager));
  }

  /**
   * Changes a program (CSR officer of the owning company, or admin) with a version check. The
   * start and end year may not leave any existing program year outside them.
   */
  async update(actor: Actor, id: string, dto: UpdateProgramDto): Promise<ProgramResponse> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.programs.findManageable(actor, id, manager, true);
      if (!current) throw AppError.notFound('program', id);
      const startYear = dto.startYear ?? current.startYear;
      const endYear = dto.endYear !== undefined ? dto.endYear : current.endYear;
      checkYearRange(startYear, endYear);
      if (startYear !== current.startYear || endYear !== current.endYear) await this.checkYearsInside(current, startYear, endYear, manager);
      if (dto.regionCodes) await this.checkRegions(dto.regionCodes, manager);
      if (dto.facilitatorIds) await this.checkFacilitators(dto.facilitatorIds, manager);
      const changes: Partial<Program> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.description !== undefined) changes.description = dto.description || null;
      if (dto.focusAreas !== undefined) changes.focusAreas = dto.focusAreas;
      if (dto.startYear !== undefined) changes.startYear = dto.startYear;
      if (dto.endYear !== undefined) changes.endYear = dto.endYear;
      if (dto.regionCodes !== undefined) changes.regionCodes = dto.regionCodes;
      const diff: Record<string, unknown> = diffFields(current, changes);
      if (dto.facilitatorIds !== undefined) {
        const before = await this.programs.facilitatorIds(id, manager);
        const after = [...dto.facilitatorIds].sort();
        if (JSON.stringify(before) !== JSON.stringify(after)) diff.facilitatorIds = { from: before, to: after };
      }
      if (!(await updateIfVersion(manager, Program, id, dto.version, changes))) {
        throw new AppError('stale_version', { sent: dto.version, current: current.version });
      }
      if (dto.facilitatorIds !== undefined) await this.programs.replaceFacilitators(id, dto.facilitatorIds, manager);
      await this.audit.record(manager, actor, { action: 'update', entityType: 'program', entityId: id, changes: diff });
      return ProgramResponse.from(await this.visible(actor, id, manager));
    });
  }

  private async visible(actor: Actor, id: string, manager: EntityManager): Promise<ProgramRow> {
    const row = await this.programs.findVisible(actor, id, manager);
    if (!row) throw AppError.notFound('program', id);
    return row;
  }

  private async checkCompany(companyId: string, manager: EntityManager): Promise<void> {
    const [company] = await this.programs.findOrganizations([companyId], manager);
    if (company && company.type === 'company' && company.archivedAt === null) return;
    throw AppError.field(
      'companyId',
      'not_a_company',
      'companyId must name an active company; pick one from GET /api/v1/organizations?type=company',
      'companyId harus menunjuk perusahaan yang aktif; pilih dari GET /api/v1/organizations?type=company',
    );
  }

  private async checkRegions(codes: string[], manager: EntityManager): Promise<void> {
    const known = await this.programs.knownRegionCodes(codes, manager);
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length === 0) return;
    throw AppError.field(
      'regionCodes',
      'unknown_region',
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a known region code' : 'are not known region codes'}; use province (63) or regency/city (63.71) codes from GET /api/v1/regions`,
      `${unknown.join(', ')} bukan kode wilayah yang dikenal; gunakan kode provinsi (63) atau kabupaten/kota (63.71) dari GET /api/v1/regions`,
    );
  }

  private async checkFacilitators(ids: string[], manager: EntityManager): Promise<void> {
    const found = new Map((await this.programs.findOrganizations(ids, manager)).map((o) => [o.id, o]));
    const wrong = ids.filter((id) => {
      const o = found.get(id);
      return !o || o.type !== 'facilitator' || o.archivedAt !== null;
    });
    if (wrong.length === 0) return;
    throw AppError.field(
      'facilitatorIds',
      'not_a_facilitator',
      `${wrong.join(', ')} ${wrong.length === 1 ? 'is not an active facilitator organisation' : 'are not active facilitator organisations'}; pick them from GET /api/v1/organizations?type=facilitator`,
      `${wrong.join(', ')} bukan organisasi fasilitator yang aktif; pilih dari GET /api/v1/organizations?type=facilitator`,
    );
  }

  private async checkYearsInside(program: Program, startYear: number, endYear: number | null, manager: EntityManager): Promise<void> {
    const outside = await this.programs.yearsOutside(program.id, startYear, endYear, manager);
    if (outside.length === 0) return;
    const field = outside.some((y) => y < startYear) ? 'startYear' : 'endYear';
    const range = endYear === null ? `${startYear} onwards` : `${startYear}–${endYear}`;
    const rentang = endYear === null ? `${startYear} dan sesudahnya` : `${startYear}–${endYear}`;
    throw AppError.refused(
      field,
      'years_outside_range',
      `the program already has years ${outside.join(', ')}, outside ${range}; choose a range that keeps every existing year`,
      `program ini sudah memiliki tahun ${outside.join(', ')}, di luar ${rentang}; pilih rentang yang tetap mencakup semua tahun yang ada`,
    );
  }
}
