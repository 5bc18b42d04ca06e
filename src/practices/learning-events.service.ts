import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { updateIfVersion } from '../common/database/optimistic';
import { AppError, RawFieldError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import type { CreateLearningEventDto, LearningEventFieldsDto, ListLearningEventsQuery, UpdateLearningEventDto } from './dto/learning-event.dto';
import type { AttendeeRole } from './dto/learning-event.dto';
import { LearningEventResponse } from './dto/learning-event.response';
import { LearningEvent } from './learning-event.entity';
import { LearningEventRow, LearningEventsRepository } from './learning-events.repository';

const push = (errors: RawFieldError[], field: string, code: string, en: string, id: string) => errors.push({ field, code, message: { en, id } });

/** Events are recorded by the host school's principal, or a CSR officer or facilitator of the host's program; never by admins in their name. */
function requireRecorder(actor: Actor): void {
  const ok =
    (actor.role === 'principal' && actor.organizationType === 'school') ||
    (actor.role === 'csr_officer' && actor.organizationType === 'company') ||
    (actor.role === 'facilitator' && actor.organizationType === 'facilitator');
  if (ok) return;
  throw AppError.rule(
    "a horizontal-learning event is recorded by the host school's principal, or by a CSR officer or facilitator of the host's program; admins read but do not act in an organisation's name",
    'kegiatan belajar horizontal dicatat oleh kepala sekolah tuan rumah, atau oleh petugas CSR atau fasilitator program sekolah tersebut; admin hanya membaca dan tidak bertindak atas nama organisasi',
  );
}

function toResponse(this: void, r: LearningEventRow): LearningEventResponse {
  const attendees = (r.attendees ?? []).map((a) => ({ role: a.role as AttendeeRole, count: a.count }));
  const ref = (o: { id: string; name: string; regionName: string | null }) => ({ id: o.id, name: o.name, regionName: o.regionName ?? null });
  return {
    id: r.id,
    hostSchool: { id: r.hostSchoolId, name: r.hostName, regionName: r.hostRegionName },
    title: r.title,
    heldOn: r.heldOn,
    place: r.place,
    notes: r.notes,
    visitingSchools: r.visitors.filter((v) => v.kind === 'school').map(ref),
    visitingCompanies: r.visitors.filter((v) => v.kind === 'company').map(ref),
    practices: r.practices,
    attendees,
    attendeeTotal: attendees.reduce((sum, a) => sum + a.count, 0),
    version: r.version,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

@Injectable()
export class LearningEventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: LearningEventsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a sharing session hosted by a school: by its principal, or a CSR officer or facilitator
   * of its program. Visiting schools and companies come from the directory; the practices shown are
   * published ones or the host's own.
   */
  async create(actor: Actor, dto: CreateLearningEventDto): Promise<LearningEventResponse> {
    requireRecorder(actor);
    return this.dataSource.transaction(async (manager) => {
      const errors: RawFieldError[] = [];
      if (!(await this.events.mayHost(actor, dto.hostSchoolId, manager))) {
        push(errors, 'hostSchoolId', 'not_your_school', "hostSchoolId must be your own school (principal) or a school of your company's or organisation's programs", 'hostSchoolId harus sekolah Anda sendiri (kepala sekolah) atau sekolah dalam program perusahaan atau lembaga Anda');
      }
      const links = await this.checkFields(actor, dto.hostSchoolId, dto, manager, errors);
      if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
      const fields = { hostSchoolId: dto.hostSchoolId, title: dto.title, heldOn: dto.heldOn, place: dto.place, notes: dto.notes || null, attendees: dto.attendees.map((a) => ({ role: a.role, count: a.count })) };
      const id = await this.events.insert({ ...fields, createdByUserId: actor.userId }, manager);
      await this.events.replaceLinks(id, links.visitors, links.practiceIds, manager);
      await this.audit.record(manager, actor, { action: 'create', entityType: 'learning_event', entityId: id, changes: { ...fields, visitors: links.visitors, practiceIds: links.practiceIds } });
      return this.detail(actor, id, manager);
    });
  }

  /** The events the caller sees, latest first. */
  async list(actor: Actor, query: ListLearningEventsQuery): Promise<Page<LearningEventResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['date', 'uuid']) as [string, string] | null;
    const rows = await this.events.listPage(actor, { schoolId: query.schoolId, practiceId: query.practiceId, after }, limit);
    return toPage(rows, limit, (r) => [r.heldOn, r.id], toResponse);
  }

  /** One event the caller sees. */
  get(actor: Actor, id: string): Promise<LearningEventResponse> {
    return this.detail(actor, id, this.dataSource.manager);
  }

  /** Changes an event (whoever may record events for its host school); its visitors and practices are replaced by those sent. */
  async update(actor: Actor, id: string, dto: UpdateLearningEventDto): Promise<LearningEventResponse> {
    requireRecorder(actor);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.events.findVisible(actor, id, manager);
      if (!current) throw AppError.notFound('learning event', id);
      if (!(await this.events.mayHost(actor, current.hostSchoolId, manager))) {
        throw AppError.rule(`only the host school (${current.hostName}) or a CSR officer or facilitator of its program can change this event`, `hanya sekolah tuan rumah (${current.hostName}) atau petugas CSR atau fasilitator programnya yang dapat mengubah kegiatan ini`);
      }
      const errors: RawFieldError[] = [];
      const links = await this.checkFields(actor, current.hostSchoolId, dto, manager, errors);
      if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
      const changes = { title: dto.title, heldOn: dto.heldOn, place: dto.place, notes: dto.notes || null, attendees: dto.attendees.map((a) => ({ role: a.role, count: a.count })) };
      if (!(await updateIfVersion(manager, LearningEvent, id, dto.version, changes))) throw new AppError('stale_version', { sent: dto.version, current: current.version });
      await this.events.replaceLinks(id, links.visitors, links.practiceIds, manager);
      await this.audit.record(manager, actor, { action: 'update', entityType: 'learning_event', entityId: id, changes: { ...changes, visitors: links.visitors, practiceIds: links.practiceIds } });
      return this.detail(actor, id, manager);
    });
  }

  /** Checks the day, the attendee roles, the visitors and the practices; returns the links to write. */
  private async checkFields(actor: Actor, hostId: string, dto: LearningEventFieldsDto, manager: EntityManager, errors: RawFieldError[]) {
    const latest = this.clock.latestToday();
    if (dto.heldOn > latest) push(errors, 'heldOn', 'date_in_future', `heldOn ${dto.heldOn} is in the future; record the event once it has been held`, `heldOn ${dto.heldOn} ada di masa depan; catat kegiatan setelah dilaksanakan`);
    const seen = new Set<string>();
    dto.attendees.forEach((a, i) => {
      if (seen.has(a.role)) push(errors, `attendees[${i}].role`, 'duplicate_role', `${a.role} is counted twice; give each role one count`, `${a.role} dihitung dua kali; isi satu jumlah untuk setiap peran`);
      seen.add(a.role);
    });
    const schoolIds = dto.visitingSchoolIds;
    const companyIds = dto.visitingCompanyIds ?? [];
    const types = await this.events.organizationTypes([...schoolIds, ...companyIds], manager);
    schoolIds.forEach((id, i) => {
      if (id === hostId) push(errors, `visitingSchoolIds[${i}]`, 'host_visits', 'the host school is not one of its own visitors', 'sekolah tuan rumah bukan tamu kegiatannya sendiri');
      else if (types.get(id) !== 'school') push(errors, `visitingSchoolIds[${i}]`, 'not_a_school', `${id} is no school of the directory`, `${id} bukan sekolah dalam direktori`);
    });
    companyIds.forEach((id, i) => {
      if (types.get(id) !== 'company') push(errors, `visitingCompanyIds[${i}]`, 'not_a_company', `${id} is no company of the directory`, `${id} bukan perusahaan dalam direktori`);
    });
    const practiceIds = dto.practiceIds ?? [];
    const showable = await this.events.showablePractices(actor, practiceIds, hostId, manager);
    practiceIds.forEach((id, i) => {
      if (!showable.has(id)) push(errors, `practiceIds[${i}]`, 'not_showable', `${id} names no published practice, nor one of the host school's own`, `${id} tidak menunjuk praktik baik yang sudah terbit, atau milik sekolah tuan rumah`);
    });
    const visitors = [...schoolIds.map((organizationId) => ({ organizationId, kind: 'school' as const })), ...companyIds.map((organizationId) => ({ organizationId, kind: 'company' as const }))];
    return { visitors, practiceIds };
  }

  private async detail(actor: Actor, id: string, manager: EntityManager): Promise<LearningEventResponse> {
    const row = await this.events.findVisible(actor, id, manager);
    if (!row) throw AppError.notFound('learning event', id);
    return toResponse(row);
  }
}
