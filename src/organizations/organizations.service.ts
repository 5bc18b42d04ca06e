import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { isUniqueViolation, updateIfVersion } from '../common/database/optimistic';
import { AppError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, Page, toPage } from '../common/pagination/pagination';
import type { CreateOrganizationDto } from './dto/create-organization.dto';
import type { ListOrganizationsQuery } from './dto/list-organizations.query';
import { OrganizationResponse } from './dto/organization.response';
import type { UpdateOrganizationDto } from './dto/update-organization.dto';
import { Organization } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';

type Shape = Pick<Organization, 'type' | 'npsn' | 'schoolLevel' | 'officeLevel' | 'regionCode'>;

/** The fields each type needs and refuses, checked before anything is written. */
function checkShape(o: Shape): void {
  const isSchool = o.type === 'school';
  if (isSchool && !o.npsn) throw AppError.field('npsn', 'required_for_school', 'npsn is required for a school: give its 8-digit NPSN', 'npsn wajib untuk sekolah: isi NPSN 8 digit');
  if (isSchool && !o.schoolLevel) throw AppError.field('schoolLevel', 'required_for_school', 'schoolLevel is required for a school, e.g. SD', 'schoolLevel wajib untuk sekolah, misalnya SD');
  if (!isSchool && o.npsn) throw AppError.field('npsn', 'only_for_school', 'npsn is only for schools; remove it', 'npsn hanya untuk sekolah; hapus isian ini');
  if (!isSchool && o.schoolLevel) throw AppError.field('schoolLevel', 'only_for_school', 'schoolLevel is only for schools; remove it', 'schoolLevel hanya untuk sekolah; hapus isian ini');
  const isOffice = o.type === 'education_office';
  if (isOffice && !o.officeLevel) throw AppError.field('officeLevel', 'required_for_office', 'officeLevel is required for an education office: province or regency', 'officeLevel wajib untuk dinas pendidikan: province atau regency');
  if (isOffice && !o.regionCode) throw AppError.field('regionCode', 'required_for_office', 'regionCode is required for an education office: its jurisdiction, e.g. 63.71', 'regionCode wajib untuk dinas pendidikan: wilayahnya, misalnya 63.71');
  if (!isOffice && o.officeLevel) throw AppError.field('officeLevel', 'only_for_office', 'officeLevel is only for education offices; remove it', 'officeLevel hanya untuk dinas pendidikan; hapus isian ini');
  if (isOffice && o.officeLevel === 'province' && o.regionCode?.includes('.')) {
    throw AppError.field('regionCode', 'province_code_expected', 'a province office needs a 2-digit province code, e.g. 63', 'dinas provinsi memerlukan kode provinsi 2 digit, misalnya 63');
  }
  if (isOffice && o.officeLevel === 'regency' && !o.regionCode?.includes('.')) {
    throw AppError.field('regionCode', 'regency_code_expected', 'a regency/city office needs a regency/city code, e.g. 63.71', 'dinas kabupaten/kota memerlukan kode kabupaten/kota, misalnya 63.71');
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

  /** Registers an organisation (admin). */
  async create(actor: Actor, dto: CreateOrganizationDto): Promise<OrganizationResponse> {
    const shape: Shape = {
      type: dto.type,
      npsn: dto.npsn ?? null,
      schoolLevel: dto.schoolLevel ?? null,
      officeLevel: dto.officeLevel ?? null,
      regionCode: dto.regionCode ?? null,
    };
    checkShape(shape);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const taken = shape.npsn ? await this.npsnTaken(shape.npsn, manager) : null;
        if (taken) throw taken;
        const org = await manager.save(manager.create(Organization, { ...shape, name: dto.name.trim() }));
        await this.audit.record(manager, actor, { action: 'create', entityType: 'organization', entityId: org.id, changes: { ...shape, name: org.name } });
        return OrganizationResponse.from(org);
      });
    } catch (err) {
      // Two imports racing for one NPSN: the unique index decides, the loser gets the same 409.
      if (isUniqueViolation(err, 'organizations_npsn_key') && shape.npsn) throw (await this.npsnTaken(shape.npsn, this.dataSource.manager)) ?? err;
      throw err;
    }
  }

  /** Lists organisations' public profiles, sorted by name. */
  async list(query: ListOrganizationsQuery): Promise<Page<OrganizationResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.organizations.listPage(query, limit);
    return toPage(rows, limit, (o) => [o.name, o.id], OrganizationResponse.from);
  }

  /** One organisation's public profile. */
  async get(id: string): Promise<OrganizationResponse> {
    const org = await this.organizations.findById(id);
    if (!org) throw AppError.notFound('organization', id);
    return OrganizationResponse.from(org);
  }

  /** Changes an organisation (admin), refusing a stale version. */
  async update(actor: Actor, id: string, dto: UpdateOrganizationDto): Promise<OrganizationResponse> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.organizations.findById(id, manager);
      if (!current) throw AppError.notFound('organization', id);
      const { version, archived, ...fields } = dto;
      const next: Shape = {
        type: current.type,
        npsn: fields.npsn ?? current.npsn,
        schoolLevel: fields.schoolLevel ?? current.schoolLevel,
        officeLevel: fields.officeLevel ?? current.officeLevel,
        regionCode: fields.regionCode ?? current.regionCode,
      };
      checkShape(next);
      if (fields.npsn && fields.npsn !== current.npsn) {
        const taken = await this.npsnTaken(fields.npsn, manager, id);
        if (taken) throw taken;
      }
      const changes: Partial<Organization> = { ...fields };
      if (fields.name) changes.name = fields.name.trim();
      if (archived !== undefined) changes.archivedAt = archived ? (current.archivedAt ?? new Date()) : null;
      const diff = diffFields(current, changes);
      if (!(await updateIfVersion(manager, Organization, id, version, changes))) {
        throw new AppError('stale_version', { sent: version, current: current.version });
      }
      const updated = await this.organizations.findById(id, manager);
      await this.audit.record(manager, actor, {
        action: archived !== undefined && Object.keys(diff).includes('archivedAt') ? 'state_change' : 'update',
        entityType: 'organization',
        entityId: id,
        changes: diff,
      });
      return OrganizationResponse.from(updated as Organization);
    });
  }
}
