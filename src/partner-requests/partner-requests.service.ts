import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { AppError, RawFieldError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import { PartnerCandidateListResponse, PartnerCandidateResponse } from './dto/partner-candidate.response';
import { PartnerRequestHistoryResponse, PartnerRequestEventResponse } from './dto/partner-request-event.response';
import { AcceptRecommendationResponse, PartnerRequestDetailResponse, PartnerRequestResponse } from './dto/partner-request.response';
import type { AcceptRecommendationDto } from './dto/reason.dto';
import { PartnershipsService } from '../partnerships/partnerships.service';
import type { CreatePartnerRequestDto } from './dto/create-partner-request.dto';
import type { CreateRecommendationsDto } from './dto/create-recommendations.dto';
import type { ListCandidatesQuery } from './dto/list-candidates.query';
import type { ListPartnerRequestsQuery } from './dto/list-partner-requests.query';
import { coversRegion } from '../regions/jurisdiction';
import { refuseAction, refuseDecision, statusAfter, statusAfterDecisions } from './partner-request-status';
import type { PartnerRequestAction, RecommendationDecision } from './partner-request-status';
import { PartnerRecommendationRow, PartnerRequestRow, PartnerRequestsRepository, SchoolFacts } from './partner-requests.repository';

/** The company's steps are taken by its CSR officers, in its name: admins read but do not act for it. */
function requireCsrOfficer(actor: Actor, what: { en: string; id: string }): void {
  if (actor.role === 'csr_officer' && actor.organizationType === 'company') return;
  throw AppError.rule(
    `only a CSR officer of the requesting company can ${what.en}; sign in as that company's CSR officer`,
    `hanya petugas CSR perusahaan peminta yang dapat ${what.id}; masuk sebagai petugas CSR perusahaan tersebut`,
  );
}

/** Answers come from the addressed office's education officers: admins read but do not answer for it. */
function requireEducationOfficer(actor: Actor): void {
  if (actor.role === 'education_officer' && actor.organizationType === 'education_office') return;
  throw AppError.rule(
    "only an education officer of the addressed education office can recommend schools; admins can read requests and candidates but not answer in the office's name",
    'hanya petugas dinas pendidikan yang dituju yang dapat merekomendasikan sekolah; admin dapat membaca permintaan dan kandidat tetapi tidak menjawab atas nama dinas',
  );
}

function refuse(action: PartnerRequestAction, request: PartnerRequestRow): void {
  const refusal = refuseAction(action, request.status, request.dueDate);
  if (refusal) throw AppError.rule(refusal.en, refusal.id);
}

@Injectable()
export class PartnerRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: PartnerRequestsRepository,
    private readonly partnerships: PartnershipsService,
    private readonly audit: AuditService,
  ) {}

  /** Opens a request of the caller's company to an education office (CSR officer). */
  async create(actor: Actor, dto: CreatePartnerRequestDto): Promise<PartnerRequestDetailResponse> {
    requireCsrOfficer(actor, { en: 'open a partner request', id: 'membuka permintaan mitra' });
    return this.dataSource.transaction(async (manager) => {
      const office = await this.requests.findOrganization(dto.educationOfficeId, manager);
      if (!office || office.type !== 'education_office' || office.archivedAt !== null || office.regionCode === null) {
        throw AppError.field(
          'educationOfficeId',
          'not_an_education_office',
          'educationOfficeId must name an active education office; pick one from GET /api/v1/organizations?type=education_office',
          'educationOfficeId harus menunjuk dinas pendidikan yang aktif; pilih dari GET /api/v1/organizations?type=education_office',
        );
      }
      const region = await this.requests.findRegion(dto.regionCode, manager);
      if (!region) {
        throw AppError.field(
          'regionCode',
          'unknown_region',
          `regionCode ${dto.regionCode} is not a known province or regency/city code; use a national code such as 63.71`,
          `regionCode ${dto.regionCode} bukan kode provinsi atau kabupaten/kota yang dikenal; gunakan kode nasional seperti 63.71`,
        );
      }
      if (!coversRegion(office.regionCode, dto.regionCode)) {
        throw AppError.refused(
          'regionCode',
          'outside_jurisdiction',
          `regionCode ${dto.regionCode} (${region.name}) is outside the jurisdiction of ${office.name} (${office.regionCode}); choose a region inside ${office.regionCode}, or ask the education office of ${region.name}`,
          `regionCode ${dto.regionCode} (${region.name}) berada di luar wilayah ${office.name} (${office.regionCode}); pilih wilayah di dalam ${office.regionCode}, atau ajukan ke dinas pendidikan ${region.name}`,
        );
      }
      if (dto.programId && !(await this.requests.isCompanyProgram(dto.programId, actor.organizationId, manager))) {
        throw AppError.field(
          'programId',
          'unknown_program',
          "programId names none of your company's programs; pick one from GET /api/v1/programs, or leave it out",
          'programId tidak menunjuk program perusahaan Anda; pilih dari GET /api/v1/programs, atau kosongkan',
        );
      }
      const today = await this.requests.today(manager);
      if (dto.dueDate < today) {
        throw AppError.field(
          'dueDate',
          'due_date_in_past',
          `dueDate ${dto.dueDate} is in the past; choose today (${today}) or a later date`,
          `dueDate ${dto.dueDate} sudah lewat; pilih hari ini (${today}) atau tanggal sesudahnya`,
        );
      }
      const fields = {
        companyId: actor.organizationId,
        educationOfficeId: office.id,
        programId: dto.programId ?? null,
        regionCode: dto.regionCode,
        schoolLevels: dto.schoolLevels ?? [],
        schoolsWanted: dto.schoolsWanted,
        needTopics: dto.needTopics ?? [],
        needsNote: dto.needsNote || null,
        dueDate: dto.dueDate,
      };
      const request = await this.requests.insertRequest({ ...fields, status: 'open', createdByUserId: actor.userId }, manager);
      await this.audit.record(manager, actor, { action: 'create', entityType: 'partner_request', entityId: request.id, changes: { ...fields, status: 'open' } });
      return this.detail(actor, request.id, manager);
    });
  }

  /** Lists the requests the caller may see, newest first. */
  async list(actor: Actor, query: ListPartnerRequestsQuery): Promise<Page<PartnerRequestResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.requests.listPage(actor, { status: query.status, after }, limit);
    return toPage(rows, limit, (r) => [r.cursorCreatedAt, r.id], PartnerRequestResponse.from);
  }

  /** One request the caller may see, with its recommendations. */
  async get(actor: Actor, id: string): Promise<PartnerRequestDetailResponse> {
    return this.detail(actor, id, this.dataSource.manager);
  }

  /** Suggested schools for a request, ranked by the candidate score with the reasons for it. */
  async candidates(actor: Actor, id: string, query: ListCandidatesQuery): Promise<PartnerCandidateListResponse> {
    const request = await this.requests.findVisible(actor, id);
    if (!request) throw AppError.notFound('partner request', id);
    // An office always has a jurisdiction (a CHECK constraint); without one nothing would match.
    const rows = await this.requests.listCandidates(request, request.officeRegionCode ?? '', query.limit ?? DEFAULT_PAGE_SIZE);
    return { items: rows.map((c) => PartnerCandidateResponse.from(c, request)) };
  }

  /**
   * Answers a request with ranked schools from the office's jurisdiction (education officer of the
   * addressed office). All or nothing: one refused school refuses the whole answer.
   */
  async recommend(actor: Actor, id: string, dto: CreateRecommendationsDto): Promise<PartnerRequestDetailResponse> {
    requireEducationOfficer(actor);
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.findVisible(actor, id, manager, true);
      if (!request) throw AppError.notFound('partner request', id);
      refuse('answer', request);
      const schools = await this.checkRecommendations(request, dto, manager);
      const ids = await this.requests.insertRecommendations(
        dto.recommendations.map((r) => ({ requestId: request.id, schoolId: r.schoolId, rank: r.rank, rationale: r.rationale, recommendedByUserId: actor.userId })),
        manager,
      );
      const firstAnswer = request.status === 'open';
      await this.requests.updateRequest(request.id, firstAnswer ? { status: statusAfter('answer'), answeredByUserId: actor.userId, answeredAt: new Date() } : {}, manager);
      await this.audit.recordAll(
        manager,
        actor,
        dto.recommendations.map((r, i) => ({
          action: 'create',
          entityType: 'partner_recommendation',
          entityId: ids[i],
          changes: { requestId: request.id, schoolId: r.schoolId, schoolName: schools.get(r.schoolId)?.name, rank: r.rank, rationale: r.rationale },
        })),
      );
      if (firstAnswer) {
        await this.audit.record(manager, actor, {
          action: 'state_change',
          entityType: 'partner_request',
          entityId: request.id,
          changes: { status: { from: request.status, to: 'answered' }, answeredByUserId: actor.userId, schoolsRecommended: ids.length },
        });
      }
      return this.detail(actor, request.id, manager);
    });
  }

  /**
   * Accepts a recommended school (CSR officer). In the same transaction the school becomes a
   * prospective partner in the request's program (or the program the call names, for a request that
   * names none): a new partnership linked to the recommendation, or the school's existing one in that
   * program; the answer says which.
   */
  async accept(actor: Actor, id: string, recommendationId: string, dto: AcceptRecommendationDto): Promise<AcceptRecommendationResponse> {
    let partnership: AcceptRecommendationResponse['partnership'] = null;
    const detail = await this.decide(actor, id, recommendationId, 'accepted', null, async (request, recommendation, manager) => {
      const program = await this.programOfAccept(actor, request, dto, manager);
      if (!program) return null;
      const opened = await this.partnerships.openForAcceptedRecommendation(actor, manager, {
        recommendationId: recommendation.id,
        program,
        school: { id: recommendation.schoolId, name: recommendation.schoolName },
      });
      partnership = { id: opened.id, status: opened.status, outcome: opened.outcome, program: { id: program.id, name: program.name } };
      return { id: opened.id, programId: program.id, outcome: opened.outcome };
    });
    return { ...detail, partnership };
  }

  /** Declines a recommended school, with the company's reason (CSR officer). */
  decline(actor: Actor, id: string, recommendationId: string, reason: string): Promise<PartnerRequestDetailResponse> {
    return this.decide(actor, id, recommendationId, 'declined', reason);
  }

  /** Withdraws an open or answered request, with the company's reason (CSR officer). */
  async withdraw(actor: Actor, id: string, reason: string): Promise<PartnerRequestDetailResponse> {
    requireCsrOfficer(actor, { en: 'withdraw a partner request', id: 'menarik permintaan mitra' });
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.findVisible(actor, id, manager, true);
      if (!request) throw AppError.notFound('partner request', id);
      refuse('withdraw', request);
      await this.requests.updateRequest(request.id, { status: statusAfter('withdraw'), withdrawnReason: reason, closedAt: new Date() }, manager);
      await this.audit.record(manager, actor, {
        action: 'state_change',
        entityType: 'partner_request',
        entityId: request.id,
        changes: { status: { from: request.status, to: 'withdrawn' }, reason },
      });
      return this.detail(actor, request.id, manager);
    });
  }

  /** Closes an answered request, even while some recommended schools are still pending (CSR officer). */
  async close(actor: Actor, id: string): Promise<PartnerRequestDetailResponse> {
    requireCsrOfficer(actor, { en: 'close a partner request', id: 'menutup permintaan mitra' });
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.findVisible(actor, id, manager, true);
      if (!request) throw AppError.notFound('partner request', id);
      refuse('close', request);
      const pending = (await this.requests.decisionsOf(request.id, manager)).filter((d) => d === 'pending').length;
      await this.requests.updateRequest(request.id, { status: statusAfter('close'), closedAt: new Date() }, manager);
      await this.audit.record(manager, actor, {
        action: 'state_change',
        entityType: 'partner_request',
        entityId: request.id,
        changes: { status: { from: request.status, to: 'closed' }, pendingRecommendationsLeft: pending },
      });
      return this.detail(actor, request.id, manager);
    });
  }

  /** The audit history of a request and its recommendations, oldest first. */
  async history(actor: Actor, id: string): Promise<PartnerRequestHistoryResponse> {
    const request = await this.requests.findVisible(actor, id);
    if (!request) throw AppError.notFound('partner request', id);
    return { items: (await this.requests.history(request.id)).map(PartnerRequestEventResponse.from) };
  }

  private async detail(actor: Actor, id: string, manager: EntityManager): Promise<PartnerRequestDetailResponse> {
    const request = await this.requests.findVisible(actor, id, manager);
    if (!request) throw AppError.notFound('partner request', id);
    return PartnerRequestDetailResponse.of(request, await this.requests.findRecommendations(id, manager));
  }

  /**
   * Every recommended school must be an active school in the office's jurisdiction, recommended once
   * in the request, with a rank not yet taken. Every problem is reported at once, by item.
   */
  private async checkRecommendations(request: PartnerRequestRow, dto: CreateRecommendationsDto, manager: EntityManager): Promise<Map<string, SchoolFacts>> {
    const existing = await this.requests.findRecommendations(request.id, manager);
    const schools = new Map((await this.requests.findSchoolFacts([...new Set(dto.recommendations.map((r) => r.schoolId))], manager)).map((s) => [s.id, s]));
    const jurisdiction = request.officeRegionCode ?? '';
    const nextRank = Math.max(0, ...existing.map((e) => e.rank), ...dto.recommendations.map((r) => r.rank)) + 1;
    const errors: RawFieldError[] = [];
    const add = (field: string, code: string, en: string, id: string) => errors.push({ field, code, message: { en, id } });
    const seenSchools = new Set<string>();
    const seenRanks = new Set<number>();
    for (const [i, item] of dto.recommendations.entries()) {
      const field = `recommendations[${i}].schoolId`;
      const school = schools.get(item.schoolId);
      const taken = existing.find((e) => e.schoolId === item.schoolId);
      if (!school || school.type !== 'school') {
        add(field, 'not_a_school', `${field} names no school; pick one from the request's candidates or GET /api/v1/organizations?type=school`, `${field} tidak menunjuk sekolah mana pun; pilih dari kandidat permintaan ini atau GET /api/v1/organizations?type=school`);
      } else if (school.archivedAt !== null) {
        add(field, 'school_archived', `${school.name} is archived and cannot be recommended; pick an active school`, `${school.name} sudah diarsipkan dan tidak dapat direkomendasikan; pilih sekolah yang aktif`);
      } else if (!coversRegion(jurisdiction, school.regionCode)) {
        add(
          field,
          'outside_jurisdiction',
          `${school.name} is in region ${school.regionCode ?? '(none recorded)'}, outside the jurisdiction of ${request.educationOfficeName} (${jurisdiction}); an education office recommends only schools in its own jurisdiction`,
          `${school.name} berada di wilayah ${school.regionCode ?? '(tidak tercatat)'}, di luar wilayah ${request.educationOfficeName} (${jurisdiction}); dinas pendidikan hanya merekomendasikan sekolah di wilayahnya sendiri`,
        );
      } else if (taken) {
        add(field, 'already_recommended', `${school.name} was already recommended in this request (rank ${taken.rank}); leave it out`, `${school.name} sudah direkomendasikan dalam permintaan ini (peringkat ${taken.rank}); hapus dari daftar`);
      } else if (seenSchools.has(item.schoolId)) {
        add(field, 'duplicate_school', `${school.name} appears more than once in this answer; list each school once`, `${school.name} muncul lebih dari sekali dalam jawaban ini; cantumkan setiap sekolah sekali saja`);
      }
      seenSchools.add(item.schoolId);
      const rankField = `recommendations[${i}].rank`;
      const rankHolder = existing.find((e) => e.rank === item.rank);
      if (rankHolder) {
        add(rankField, 'rank_taken', `rank ${item.rank} is already given to ${rankHolder.schoolName} in this request; use a rank not yet taken, e.g. ${nextRank}`, `peringkat ${item.rank} sudah diberikan kepada ${rankHolder.schoolName} dalam permintaan ini; gunakan peringkat lain, misalnya ${nextRank}`);
      } else if (seenRanks.has(item.rank)) {
        add(rankField, 'duplicate_rank', `rank ${item.rank} appears more than once in this answer; give each school its own rank`, `peringkat ${item.rank} muncul lebih dari sekali dalam jawaban ini; beri setiap sekolah peringkatnya sendiri`);
      }
      seenRanks.add(item.rank);
    }
    if (errors.length > 0) throw AppError.ofFields(errors, ['school_archived', 'outside_jurisdiction', 'already_recommended', 'rank_taken']);
    return schools;
  }

  /** The program an accepted school becomes a partner in: the request's, or the one the call names when the request has none. */
  private async programOfAccept(actor: Actor, request: PartnerRequestRow, dto: AcceptRecommendationDto, manager: EntityManager) {
    if (request.programId && dto.programId && dto.programId !== request.programId) {
      throw AppError.field(
        'programId',
        'not_request_program',
        "this request is for one program already, and the school becomes a partner in that one; leave programId out",
        'permintaan ini sudah untuk satu program, dan sekolah menjadi mitra dalam program tersebut; kosongkan programId',
      );
    }
    const programId = request.programId ?? dto.programId;
    if (!programId) return null;
    const program = await this.requests.findCompanyProgram(programId, request.companyId, manager);
    if (!program) {
      throw AppError.field(
        'programId',
        'unknown_program',
        "programId names none of your company's programs; pick one from GET /api/v1/programs, or leave it out",
        'programId tidak menunjuk program perusahaan Anda; pilih dari GET /api/v1/programs, atau kosongkan',
      );
    }
    return program;
  }

  private async decide(
    actor: Actor,
    id: string,
    recommendationId: string,
    decision: Exclude<RecommendationDecision, 'pending'>,
    reason: string | null,
    /** What else the decision does in the same transaction (accepting opens the partnership); its answer goes into the audit line. */
    alongside?: (request: PartnerRequestRow, recommendation: PartnerRecommendationRow, manager: EntityManager) => Promise<Record<string, unknown> | null>,
  ): Promise<PartnerRequestDetailResponse> {
    requireCsrOfficer(actor, { en: 'accept or decline a recommended school', id: 'menerima atau menolak sekolah yang direkomendasikan' });
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.findVisible(actor, id, manager, true);
      if (!request) throw AppError.notFound('partner request', id);
      const recommendation = await this.requests.findRecommendation(request.id, recommendationId, manager);
      if (!recommendation) throw AppError.notFound('partner recommendation', recommendationId);
      const decided = refuseDecision(recommendation.decision, recommendation.decidedAt);
      if (decided) throw AppError.rule(decided.en, decided.id);
      refuse('decide', request);
      // The request row is locked, so the recommendation is still pending here.
      await this.requests.decide(recommendation.id, decision, reason, actor.userId, manager);
      const partnership = alongside ? await alongside(request, recommendation, manager) : null;
      await this.audit.record(manager, actor, {
        action: 'state_change',
        entityType: 'partner_recommendation',
        entityId: recommendation.id,
        changes: {
          requestId: request.id,
          schoolId: recommendation.schoolId,
          schoolName: recommendation.schoolName,
          decision: { from: 'pending', to: decision },
          ...(reason === null ? {} : { reason }),
          ...(partnership === null ? {} : { partnership }),
        },
      });
      const next = statusAfterDecisions(await this.requests.decisionsOf(request.id, manager));
      if (next === 'closed') {
        await this.requests.updateRequest(request.id, { status: 'closed', closedAt: new Date() }, manager);
        await this.audit.record(manager, actor, {
          action: 'state_change',
          entityType: 'partner_request',
          entityId: request.id,
          changes: { status: { from: request.status, to: 'closed' }, because: 'every recommended school was accepted or declined' },
        });
      } else {
        await this.requests.updateRequest(request.id, {}, manager);
      }
      return this.detail(actor, request.id, manager);
    });
  }
}
