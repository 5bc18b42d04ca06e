import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import { Actor, isAdmin } from '../common/auth/actor';
import { isUniqueViolation, updateIfVersion } from '../common/database/optimistic';
import { AppError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, Page, toPage } from '../common/pagination/pagination';
import type { CreateOrganizationDto } from './dto/create-organization.dto';
import type { ListOrganizationsQuery } from './dto/list-organizations.query';
import { OrganizationResponse } from './dto/organization.response';
import type { UpdateOrganizationDto } from './dto/update-organization.dto';
import { Organization } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';

type Shape = Pick<
  Organization,
  'type' | 'npsn' | 'schoolLevel' | 'officeLevel' | 'regionCode' | 'districtCode' | 'ownership' | 'sector' | 'studentCount' | 'teacherCount' | 'principalName' | 'needs'
>;

const SCHOOL_ONLY = ['npsn', 'schoolLevel', 'districtCode', 'ownership', 'studentCount', 'teacherCount', 'principalName'] as const;

/** Fields only an admin may change, because other records and scopes hang on them. */
const ADMIN_ONLY = ['npsn', 'officeLevel', 'regionCode', 'archived'] as const;

const onlyFor = (field: string, what: string, whatId: string) =>
  AppError.field(field, `only_for_${what.replace(/ /g, '_')}`, `${field} is only for ${what}s; remove it`, `${field} hanya untuk ${whatId}; hapus isian ini`);

/** The fields each type needs and refuses, checked before anything is written. */
function checkShape(o: Shape): void {
  const isSchool = o.type === 'school';
  if (isSchool) {
    if (!o.npsn) throw AppError.field('npsn', 'required_for_school', 'npsn is required for a school: give its 8-digit NPSN', 'npsn wajib untuk sekolah: isi NPSN 8 digit');
    if (!o.schoolLevel) throw AppError.field('schoolLevel', 'required_for_school', 'schoolLevel is required for a school, e.g. SD', 'schoolLevel wajib untuk sekolah, misalnya SD');
    if (o.regionCode && !o.regionCode.includes('.')) {
      throw AppError.field('regionCode', 'regency_code_expected', 'a school needs a regency/city code such as 63.71, not a province code', 'sekolah memerlukan kode kabupaten/kota seperti 63.71, bukan kode provinsi');
    }
    if (o.districtCode && o.districtCode.slice(0, 5) !== o.regionCode) {
      throw AppError.field(
        'districtCode',
        'district_outside_region',
        `district ${o.districtCode} is not in the school's regency/city ${o.regionCode ?? '(none)'}; pick one of GET /api/v1/regions?regencyCode=${o.regionCode ?? ''} or send null`,
        `kecamatan ${o.districtCode} tidak berada di kabupaten/kota sekolah ${o.regionCode ?? '(belum ada)'}; pilih salah satu kecamatan di kabupaten/kota itu atau kosongkan`,
      );
    }
  } else {
    for (const field of SCHOOL_ONLY) if (o[field] !== null && o[field] !== undefined) throw onlyFor(field, 'school', 'sekolah');
    if (o.needs.length > 0) throw onlyFor('needs', 'school', 'sekolah');
  }
  if (o.type !== 'company' && o.sector) throw onlyFor('sector', 'company', 'perusahaan');
  const isOffice = o.type === 'education_office';
  if (isOffice) {
    if (!o.officeLevel) throw AppError.field('officeLevel', 'required_for_office', 'officeLevel is required for an education office: province or regency', 'officeLevel wajib untuk dinas pendidikan: province atau regency');
    if (!o.regionCode) throw AppError.field('regionCode', 'required_for_office', 'regionCode is required for an education office: its jurisdiction, e.g. 63.71', 'regionCode wajib untuk dinas pendidikan: wilayahnya, misalnya 63.71');
    if (o.officeLevel === 'province' && o.regionCode.includes('.')) {
      throw AppError.field('regionCode', 'province_code_expected', 'a province office needs a 2-digit province code, e.g. 63', 'dinas provinsi memerlukan kode provinsi 2 digit, misalnya 63');
    }
    if (o.officeLevel === 'regency' && !o.regionCode.includes('.')) {
      throw AppError.field('regionCode', 'regency_code_expected', 'a regency/city office needs a regency/city code, e.g. 63.71', 'dinas kabupaten/kota memerlukan kode kabupaten/kota, misalnya 63.71');
    }
  } else if (o.officeLevel) {
    throw onlyFor('officeLevel', 'education office', 'dinas pendidikan');
  }
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
  ) {}

  private async npsnTaken(npsn: string, manager: EntityManager, exceptId?: string): Promise<AppError | null> {
    const existing = await this.organizations.findByNpsn(npsn, manager);
    if (!existing || existing.id === exceptId) return null;
    return new AppError('npsn_taken', { npsn, existingName: existing.name, existingId: existing.id });
  }

  private async checkRegion(code: string | null, manager: EntityManager): Promise<void> {
    if (code === null || (await this.organizations.findRegion(code, manager))) return;
    throw AppError.field(
      'regionCode',
      'unknown_region',
      `regionCode ${code} is not a known province or regency/city code; see GET /api/v1/regions`,
      `regionCode ${code} bukan kode provinsi atau kabupaten/kota yang dikenal; lihat GET /api/v1/regions`,
    );
  }

  private async checkDistrict(code: string | null | undefined, manager: EntityManager): Promise<void> {
    if (!code || (await this.organizations.findRegion(code, manager))?.level === 'district') return;
    throw AppError.field('districtCode', 'unknown_district', `districtCode ${code} is not a known district (kecamatan) code; see GET /api/v1/regions?regencyCode=${code.slice(0, 5)}`, `districtCode ${code} bukan kode kecamatan yang dikenal; lihat daftar kecamatan kabupaten/kota ${code.slice(0, 5)}`);
  }

  /** The 409 for a unique-index race on the NPSN, or the error itself. */
  private async explainNpsnRace(err: unknown, npsn: string | null | undefined, exceptId?: string): Promise<unknown> {
    if (npsn && isUniqueViolation(err, 'organizations_npsn_key')) return (await this.npsnTaken(npsn, this.dataSource.manager, exceptId)) ?? err;
    return err;
  }

  /** Registers an organisation (admin). */
  async create(actor: Actor, dto: CreateOrganizationDto): Promise<OrganizationResponse> {
    const shape: Shape = {
      type: dto.type,
      npsn: dto.npsn ?? null,
      schoolLevel: dto.schoolLevel ?? null,
      officeLevel: dto.officeLevel ?? null,
      regionCode: dto.regionCode ?? null,
      districtCode: dto.districtCode ?? null,
      ownership: dto.ownership ?? null,
      sector: dto.sector?.trim() || null,
      studentCount: dto.studentCount ?? null,
      teacherCount: dto.teacherCount ?? null,
      principalName: dto.principalName?.trim() || null,
      needs: [...new Set(dto.needs ?? [])],
    };
    checkShape(shape);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.checkRegion(shape.regionCode, manager);
        await this.checkDistrict(shape.districtCode, manager);
        const taken = shape.npsn ? await this.npsnTaken(shape.npsn, manager) : null;
        if (taken) throw taken;
        const org = await manager.save(manager.create(Organization, { ...shape, name: dto.name.trim(), address: dto.address?.trim() || null }));
        await this.audit.record(manager, actor, { action: 'create', entityType: 'organization', entityId: org.id, changes: { ...shape, name: org.name } });
        return OrganizationResponse.from((await this.organizations.findProfile(org.id, manager)) as Organization);
      });
    } catch (err) {
      throw await this.explainNpsnRace(err, shape.npsn);
    }
  }

  /** Lists organisations' public profiles with filters and order. */
  async list(query: ListOrganizationsQuery): Promise<Page<OrganizationResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const { rows, cursorValues } = await this.organizations.listPage(query, limit);
    return toPage(
      rows.map((row, i) => ({ row, cursorValue: cursorValues[i] })),
      limit,
      (r) => [r.cursorValue, r.row.id],
      (r) => OrganizationResponse.from(r.row),
    );
  }

  /** One organisation's public profile. */
  async get(id: string): Promise<OrganizationResponse> {
    const org = await this.organizations.findProfile(id);
    if (!org) throw AppError.notFound('organization', id);
    return OrganizationResponse.from(org);
  }

  /**
   * Changes an organisation, refusing a stale version. Admins change any; everyone else only
   * their own organisation's profile (another one is a 404).
   */
  async update(actor: Actor, id: string, dto: UpdateOrganizationDto): Promise<OrganizationResponse> {
    const admin = isAdmin(actor);
    if (!admin && id !== actor.organizationId) throw AppError.notFound('organization', id);
    if (!admin) {
      for (const field of ADMIN_ONLY) {
        if (dto[field] !== undefined) {
          throw AppError.refused(field, 'admin_only', `only an administrator can change ${field}; ask one`, `hanya administrator yang dapat mengubah ${field}; minta kepada administrator`);
        }
      }
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const current = await this.organizations.findById(id, manager);
        if (!current) throw AppError.notFound('organization', id);
        const { version, archived, ...fields } = dto;
        const next: Shape = {
          type: current.type,
          npsn: fields.npsn ?? current.npsn,
          schoolLevel: fields.schoolLevel ?? current.schoolLevel,
          officeLevel: fields.officeLevel ?? current.officeLevel,
          regionCode: fields.regionCode ?? current.regionCode,
          districtCode: fields.districtCode === undefined ? current.districtCode : fields.districtCode,
          ownership: fields.ownership ?? current.ownership,
          sector: fields.sector ?? current.sector,
          studentCount: fields.studentCount ?? current.studentCount,
          teacherCount: fields.teacherCount ?? current.teacherCount,
          principalName: fields.principalName ?? current.principalName,
          needs: fields.needs ?? current.needs,
        };
        checkShape(next);
        if (fields.regionCode) await this.checkRegion(fields.regionCode, manager);
        if (fields.districtCode) await this.checkDistrict(fields.districtCode, manager);
        if (fields.npsn && fields.npsn !== current.npsn) {
          const taken = await this.npsnTaken(fields.npsn, manager, id);
          if (taken) throw taken;
        }
        const changes: Partial<Organization> = { ...fields };
        if (fields.name) changes.name = fields.name.trim();
        if (fields.needs) changes.needs = [...new Set(fields.needs)];
        if (archived !== undefined) changes.archivedAt = archived ? (current.archivedAt ?? new Date()) : null;
        const diff = diffFields(current, changes);
        if (!(await updateIfVersion(manager, Organization, id, version, changes))) {
          throw new AppError('stale_version', { sent: version, current: current.version });
        }
        await this.audit.record(manager, actor, {
          action: diff.archivedAt ? 'state_change' : 'update',
          entityType: 'organization',
          entityId: id,
          changes: diff,
        });
        return OrganizationResponse.from((await this.organizations.findProfile(id, manager)) as Organization);
      });
    } catch (err) {
      throw await this.explainNpsnRace(err, dto.npsn, id);
    }
  }
}
