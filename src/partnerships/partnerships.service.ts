import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { Actor } from '../common/auth/actor';
import { isUniqueViolation } from '../common/database/optimistic';
import { AppError, RawFieldError } from '../common/errors/app-error';
import { DuplicateRecordError } from '../common/errors/duplicate-record';
import type { Lang } from '../common/errors/i18n';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import type { Organization } from '../organizations/organization.entity';
import type { Program } from '../programs/program.entity';
import type { ChangePartnershipStatusDto } from './dto/change-partnership-status.dto';
import type { CreatePartnershipDto } from './dto/create-partnership.dto';
import type { ListPartnershipsQuery } from './dto/list-partnerships.query';
import { PartnershipDetailResponse, PartnershipResponse, PartnershipRow } from './dto/partnership.response';
import { PartnershipTimelineResponse } from './dto/partnership-timeline.response';
import type { SetCohortYearsDto } from './dto/set-cohort-years.dto';
import { canMovePartnership, needsReason, partnershipMovesFrom } from './partnership-status';
import type { PartnershipStatus } from './partnership-status';
import { PartnershipsRepository } from './partnerships.repository';
import { buildTimeline } from './timeline/build-timeline';
import { PartnershipTimelineSources } from './timeline/timeline-source';
import { statusName } from '../common/errors/names';

/** A recommended school the company accepted, in the program it becomes a partner in. */
export interface AcceptedRecommendation {
  recommendationId: string;
  program: Pick<Program, 'id' | 'name' | 'companyId'>;
  school: { id: string; name: string };
}

/**
 * Which partnership an accepted recommendation stands for: created now (prospective), an existing
 * one linked to the recommendation now, or an existing one already born from another recommendation.
 */
export interface PartnershipForRecommendation {
  id: string;
  status: PartnershipStatus;
  outcome: 'created' | 'linked' | 'existing';
}

function duplicatePartnership(existingId: string, schoolName: string, programName: string): DuplicateRecordError {
  return new DuplicateRecordError('partnership_exists', existingId, {
    en: `${schoolName} already has a partnership in ${programName} (id ${existingId}); a school has one partnership per program, so change that one's status or cohort years instead`,
    id: `${schoolName} sudah memiliki kemitraan dalam ${programName} (id ${existingId}); satu sekolah hanya memiliki satu kemitraan per program, jadi ubah status atau tahun kohort kemitraan tersebut`,
  });
}

function recommendationTaken(recommendationId: string, partnershipId: string): DuplicateRecordError {
  return new DuplicateRecordError('recommendation_already_linked', partnershipId, {
    en: `recommendation ${recommendationId} already opened partnership ${partnershipId}; each accepted recommendation opens one partnership, so leave recommendationId out`,
    id: `rekomendasi ${recommendationId} sudah membuka kemitraan ${partnershipId}; setiap rekomendasi yang diterima hanya membuka satu kemitraan, jadi kosongkan recommendationId`,
  });
}

/** Why a partnership cannot move from `from` to `to`, naming the moves it has. */
function refuseMove(from: PartnershipStatus, to: PartnershipStatus): AppError {
  const moves = partnershipMovesFrom(from);
  if (moves.length === 0) {
    return AppError.rule(
      `the partnership has ended, and an ended partnership cannot change status any more (it cannot become ${to})`,
      `kemitraan sudah berakhir, dan kemitraan yang berakhir tidak dapat berubah status lagi (tidak dapat menjadi ${statusName(to, 'id')})`,
    );
  }
  const already = from === to ? `it is already ${to}; ` : '';
  const sudah = from === to ? `statusnya sudah ${statusName(to, 'id')}; ` : '';
  const article = /^[aeiou]/.test(from) ? 'an' : 'a';
  return AppError.rule(
    `${already}${article} ${from} partnership can move to ${moves.join(' or ')}, not to ${to}`,
    `${sudah}kemitraan berstatus ${statusName(from, 'id')} dapat berpindah ke ${moves.map((m) => statusName(m, 'id')).join(' atau ')}, bukan ke ${statusName(to, 'id')}`,
  );
}

function futureDate(field: string, date: string, today: string): AppError {
  return AppError.field(
    field,
    'date_in_future',
    `${field} ${date} is in the future; record a change on or after the day it happens (today is ${today})`,
    `${field} ${date} ada di masa depan; catat perubahan pada hari terjadinya atau sesudahnya (hari ini ${today})`,
  );
}

@Injectable()
export class PartnershipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partnerships: PartnershipsRepository,
    private readonly timelineSources: PartnershipTimelineSources,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens a partnership of a program's company with a school (CSR officer of that company, or
   * admin), prospective or already active, optionally born from an accepted recommendation.
   */
  async create(actor: Actor, dto: CreatePartnershipDto): Promise<PartnershipDetailResponse> {
    const status = dto.status ?? 'prospective';
    if (status === 'prospective' && dto.startedOn !== undefined) {
      throw AppError.field(
        'startedOn',
        'only_when_active',
        'startedOn is the day the cooperation became active; leave it out for a prospective partnership, or send status active',
        'startedOn adalah tanggal kerja sama mulai aktif; kosongkan untuk kemitraan prospektif, atau kirim status active',
      );
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const program = await this.partnerships.findManageableProgram(actor, dto.programId, manager);
        if (!program) {
          throw AppError.field(
            'programId',
            'unknown_program',
            "programId names no program of your company; pick one from GET /api/v1/programs",
            'programId tidak menunjuk program perusahaan Anda; pilih dari GET /api/v1/programs',
          );
        }
        const school = await this.checkSchool(dto.schoolId, manager);
        const latest = this.clock.latestToday();
        const startedOn = status === 'active' ? (dto.startedOn ?? this.clock.today()) : null;
        if (startedOn && startedOn > latest) throw futureDate('startedOn', startedOn, latest);
        const existing = await this.partnerships.findByProgramAndSchool(program.id, school.id, manager);
        if (existing) throw duplicatePartnership(existing.id, school.name, program.name);
        if (dto.recommendationId) await this.checkRecommendation(dto.recommendationId, program, school, manager);
        const fields = { programId: program.id, companyId: program.companyId, schoolId: school.id, recommendationId: dto.recommendationId ?? null, status, startedOn };
        const partnership = await this.partnerships.insert(fields, manager);
        await this.partnerships.insertEvent(
          { partnershipId: partnership.id, fromStatus: null, toStatus: status, occurredOn: startedOn ?? this.clock.today(), reason: null, byUserId: actor.userId },
          manager,
        );
        await this.audit.record(manager, actor, { action: 'create', entityType: 'partnership', entityId: partnership.id, changes: fields });
        return this.detail(actor, partnership.id, manager);
      });
    } catch (err) {
      throw (await this.explainRace(actor, err, dto)) ?? err;
    }
  }

  /**
   * The partnership a recommendation accepted by the company stands for, inside the accepting
   * transaction: a new prospective one linked to the recommendation, or the school's existing
   * partnership in the program, linked to the recommendation when it was born from none. An ended
   * partnership cannot be reopened, so accepting is refused then.
   */
  async openForAcceptedRecommendation(actor: Actor, manager: EntityManager, accepted: AcceptedRecommendation): Promise<PartnershipForRecommendation> {
    const { program, school, recommendationId } = accepted;
    let existing = await this.partnerships.findByProgramAndSchoolForUpdate(program.id, school.id, manager);
    if (!existing) {
      const fields = { programId: program.id, companyId: program.companyId, schoolId: school.id, recommendationId };
      const id = await this.partnerships.insertProspectiveIfAbsent(fields, manager);
      if (id) {
        const today = this.clock.today();
        await this.partnerships.insertEvent({ partnershipId: id, fromStatus: null, toStatus: 'prospective', occurredOn: today, reason: null, byUserId: actor.userId }, manager);
        await this.audit.record(manager, actor, { action: 'create', entityType: 'partnership', entityId: id, changes: { ...fields, status: 'prospective', startedOn: null } });
        return { id, status: 'prospective', outcome: 'created' };
      }
      // A concurrent accept of the same school in the same program made it first.
      existing = await this.partnerships.findByProgramAndSchoolForUpdate(program.id, school.id, manager);
      if (!existing) throw new Error('a partnership that blocked the insert is not there');
    }
    if (existing.status === 'ended') {
      throw AppError.rule(
        `${school.name}'s partnership in ${program.name} ended${existing.endedOn ? ` on ${existing.endedOn}` : ''} (id ${existing.id}), and an ended partnership cannot be reopened: a school has one partnership per program. Decline this recommendation with that reason, or accept it in a request for another program`,
        `kemitraan ${school.name} dalam ${program.name} sudah berakhir${existing.endedOn ? ` pada ${existing.endedOn}` : ''} (id ${existing.id}), dan kemitraan yang berakhir tidak dapat dibuka lagi: satu sekolah hanya memiliki satu kemitraan per program. Tolak rekomendasi ini dengan alasan tersebut, atau terima dalam permintaan untuk program lain`,
      );
    }
    if (existing.recommendationId !== null) return { id: existing.id, status: existing.status, outcome: 'existing' };
    await this.partnerships.linkRecommendation(existing.id, recommendationId, manager);
    await this.audit.record(manager, actor, { action: 'update', entityType: 'partnership', entityId: existing.id, changes: { recommendationId: { from: null, to: recommendationId } } });
    return { id: existing.id, status: existing.status, outcome: 'linked' };
  }

  /** Lists the partnerships the caller may read, by school name. */
  async list(actor: Actor, query: ListPartnershipsQuery): Promise<Page<PartnershipResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['string', 'uuid']);
    const rows = await this.partnerships.listPage(actor, { programId: query.programId, schoolId: query.schoolId, status: query.status, after }, limit);
    return toPage(rows, limit, (p) => [p.schoolName, p.id], PartnershipResponse.from);
  }

  /** One partnership the caller may read, with the program years the school took part in. */
  get(actor: Actor, id: string): Promise<PartnershipDetailResponse> {
    return this.detail(actor, id, this.dataSource.manager);
  }

  /**
   * Moves a partnership to another status on a date (default today) using the allowed moves,
   * with a reason when pausing or ending; records the change in its history (CSR officer of the
   * company, or admin).
   */
  async changeStatus(actor: Actor, id: string, dto: ChangePartnershipStatusDto): Promise<PartnershipDetailResponse> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.partnerships.findManageable(actor, id, manager);
      if (!current) throw AppError.notFound('partnership', id);
      if (!canMovePartnership(current.status, dto.status)) throw refuseMove(current.status, dto.status);
      if (needsReason(dto.status) && !dto.reason) {
        throw AppError.field(
          'reason',
          'reason_required',
          `say why the partnership is ${dto.status}: reason is required when pausing or ending, and the timeline shows it`,
          `jelaskan mengapa kemitraan ${dto.status === 'paused' ? 'dihentikan sementara' : 'diakhiri'}: reason wajib diisi saat menghentikan sementara atau mengakhiri, dan ditampilkan di linimasa`,
        );
      }
      const latest = this.clock.latestToday();
      const on = dto.on ?? this.clock.today();
      if (on > latest) throw futureDate('on', on, latest);
      const last = await this.partnerships.lastChangeOn(id, manager);
      if (last && on < last) {
        throw AppError.field(
          'on',
          'before_last_change',
          `on ${on} is before the partnership's last status change on ${last}; give ${last} or a later date`,
          `on ${on} sebelum perubahan status terakhir kemitraan pada ${last}; isi ${last} atau tanggal sesudahnya`,
        );
      }
      const changes = {
        status: dto.status,
        statusReason: needsReason(dto.status) ? (dto.reason ?? null) : null,
        ...(dto.status === 'active' && current.startedOn === null ? { startedOn: on } : {}),
        ...(dto.status === 'ended' ? { endedOn: on } : {}),
      };
      await this.partnerships.updateStatus(id, changes, manager);
      await this.partnerships.insertEvent({ partnershipId: id, fromStatus: current.status, toStatus: dto.status, occurredOn: on, reason: dto.reason ?? null, byUserId: actor.userId }, manager);
      await this.audit.record(manager, actor, {
        action: 'state_change',
        entityType: 'partnership',
        entityId: id,
        changes: { status: { from: current.status, to: dto.status }, on, ...(dto.reason ? { reason: dto.reason } : {}) },
      });
      return this.detail(actor, id, manager);
    });
  }

  /**
   * Sets the explicit cohort: the program years the school is counted in besides those it was
   * active in. Years must be the partnership's program's; a closed year is neither added nor
   * removed (CSR officer of the company, or admin).
   */
  async setCohortYears(actor: Actor, id: string, dto: SetCohortYearsDto): Promise<PartnershipDetailResponse> {
    return this.dataSource.transaction(async (manager) => {
      const partnership = await this.partnerships.findManageable(actor, id, manager);
      if (!partnership) throw AppError.notFound('partnership', id);
      const found = new Map((await this.partnerships.findProgramYears(partnership.programId, dto.programYearIds, manager)).map((y) => [y.id, y]));
      const errors: RawFieldError[] = [];
      dto.programYearIds.forEach((yearId, i) => {
        if (found.has(yearId)) return;
        const field = `programYearIds[${i}]`;
        errors.push({
          field,
          code: 'not_in_program',
          message: {
            en: `${field} names no year of ${partnership.programName}; pick one from GET /api/v1/programs/${partnership.programId}/years`,
            id: `${field} tidak menunjuk tahun program ${partnership.programName}; pilih dari GET /api/v1/programs/${partnership.programId}/years`,
          },
        });
      });
      if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
      const current = await this.partnerships.explicitYears(id, manager);
      const wanted = new Set(dto.programYearIds);
      const kept = new Set(current.map((c) => c.programYearId));
      const add = [...found.values()].filter((y) => !kept.has(y.id));
      const remove = current.filter((c) => !wanted.has(c.programYearId));
      const closedAdds = add.filter((y) => y.status === 'closed').map((y) => y.year).sort((a, b) => a - b);
      const closedRemoves = remove.filter((c) => c.status === 'closed').map((c) => c.year);
      if (closedAdds.length > 0 || closedRemoves.length > 0) {
        const en: string[] = [];
        const idText: string[] = [];
        if (closedAdds.length > 0) {
          en.push(`cannot add ${closedAdds.join(', ')}`);
          idText.push(`tidak dapat menambahkan ${closedAdds.join(', ')}`);
        }
        if (closedRemoves.length > 0) {
          en.push(`cannot remove ${closedRemoves.join(', ')}`);
          idText.push(`tidak dapat menghapus ${closedRemoves.join(', ')}`);
        }
        throw AppError.rule(
          `the cohort of a closed program year is read-only: ${en.join('; ')}. Keep closed years as they are and change only open ones`,
          `kohort tahun program yang sudah ditutup hanya-baca: ${idText.join('; ')}. Biarkan tahun yang sudah ditutup dan ubah hanya tahun yang masih terbuka`,
        );
      }
      if (add.length > 0 || remove.length > 0) {
        await this.partnerships.changeExplicitYears(id, add.map((y) => y.id), remove.map((r) => r.programYearId), actor.userId, manager);
        const after = [...found.values()].map((y) => y.year).sort((a, b) => a - b);
        await this.audit.record(manager, actor, { action: 'update', entityType: 'partnership', entityId: id, changes: { cohortYears: { from: current.map((c) => c.year), to: after } } });
      }
      return this.detail(actor, id, manager);
    });
  }

  /**
   * The partnership year by year, oldest first: each year's theme, whether the school was in its
   * cohort, and what happened (status changes, MoUs, and whatever later modules register as
   * timeline sources), each event's title and detail in `lang`. Two statements, whatever the number
   * of years and sources: the partnership with the caller's scope, then the cohort years and every
   * source's events together.
   */
  async timeline(actor: Actor, id: string, lang: Lang): Promise<PartnershipTimelineResponse> {
    const partnership = await this.partnerships.findVisible(actor, id);
    if (!partnership) throw AppError.notFound('partnership', id);
    const today = this.clock.today();
    const sources = this.timelineSources.list();
    const { years, rows } = await this.partnerships.timelineFacts(partnership, sources);
    const events = sources.map((source, i) => source.events(rows[i], lang));
    const entries = buildTimeline({ programStartYear: partnership.programStartYear, startedOn: partnership.startedOn, currentYear: Number(today.slice(0, 4)), years, events });
    return PartnershipTimelineResponse.of(partnership, entries);
  }

  private async detail(actor: Actor, id: string, manager: EntityManager): Promise<PartnershipDetailResponse> {
    const row: PartnershipRow | null = await this.partnerships.findVisible(actor, id, manager);
    if (!row) throw AppError.notFound('partnership', id);
    return PartnershipDetailResponse.of(row, await this.partnerships.cohortYears(row.id, row.programId, manager));
  }

  private async checkSchool(schoolId: string, manager: EntityManager): Promise<Organization> {
    const school = await this.partnerships.findOrganization(schoolId, manager);
    if (school && school.type === 'school' && school.archivedAt === null) return school;
    throw AppError.field(
      'schoolId',
      'not_a_school',
      'schoolId must name an active school; pick one from GET /api/v1/organizations?type=school',
      'schoolId harus menunjuk sekolah yang aktif; pilih dari GET /api/v1/organizations?type=school',
    );
  }

  /** The recommendation must be one of this school, accepted in a request of the program's company, and not used yet. */
  private async checkRecommendation(recommendationId: string, program: Program, school: Organization, manager: EntityManager): Promise<void> {
    const rec = await this.partnerships.findRecommendation(recommendationId, manager);
    const wrong = (code: string, en: string, id: string) => AppError.refused('recommendationId', code, en, id);
    if (!rec || rec.requestCompanyId !== program.companyId) {
      throw wrong(
        'unknown_recommendation',
        "recommendationId names no recommendation made to the program's company; see GET /api/v1/partner-requests/{id}",
        'recommendationId tidak menunjuk rekomendasi yang diberikan kepada perusahaan pemilik program; lihat GET /api/v1/partner-requests/{id}',
      );
    }
    if (rec.schoolId !== school.id) {
      throw wrong(
        'other_school',
        `this recommendation is for ${rec.schoolName}, not ${school.name}; give the recommendation of ${school.name}, or leave recommendationId out`,
        `rekomendasi ini untuk ${rec.schoolName}, bukan ${school.name}; isi rekomendasi untuk ${school.name}, atau kosongkan recommendationId`,
      );
    }
    if (rec.decision !== 'accepted') {
      throw wrong(
        'not_accepted',
        `this recommendation is ${rec.decision}; only an accepted one can open a partnership: accept it first with POST /api/v1/partner-requests/${rec.requestId}/recommendations/${rec.id}/accept`,
        `rekomendasi ini berstatus ${statusName(rec.decision, 'id')}; hanya rekomendasi yang diterima yang dapat membuka kemitraan: terima dulu dengan POST /api/v1/partner-requests/${rec.requestId}/recommendations/${rec.id}/accept`,
      );
    }
    if (rec.partnershipId) throw recommendationTaken(rec.id, rec.partnershipId);
  }

  /** The 409 for a unique-index race lost to a concurrent request, or null. */
  private async explainRace(actor: Actor, err: unknown, dto: CreatePartnershipDto): Promise<DuplicateRecordError | null> {
    if (isUniqueViolation(err, 'partnerships_program_school_key')) {
      const existing = await this.partnerships.findByProgramAndSchool(dto.programId, dto.schoolId);
      const row = existing && (await this.partnerships.findVisible(actor, existing.id));
      if (row) return duplicatePartnership(row.id, row.schoolName, row.programName);
    }
    if (isUniqueViolation(err, 'partnerships_recommendation_key') && dto.recommendationId) {
      const rec = await this.partnerships.findRecommendation(dto.recommendationId, this.dataSource.manager);
      if (rec?.partnershipId) return recommendationTaken(rec.id, rec.partnershipId);
    }
    return null;
  }
}
