import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import type { AuditActor } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { isUniqueViolation, updateIfVersion } from '../common/database/optimistic';
import { AppError, RawFieldError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import type { DocumentResponse } from '../documents/dto/document.response';
import { DocumentDownload, DocumentsService } from '../documents/documents.service';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { coversRegion } from '../regions/jurisdiction';
import type { CreateMouDto, MouObligationDto, MouPartyDto } from './dto/create-mou.dto';
import type { ListMousQuery } from './dto/list-mous.query';
import type { CreateAmendmentDto, CreateRenewalDto, MouDocumentKind, TerminateMouDto } from './dto/mou-actions.dto';
import { MouDetailResponse, MouResponse } from './dto/mou.response';
import type { UpdateMouDto } from './dto/update-mou.dto';
import { MouLifecycleService, overlapRefusal } from './mou-lifecycle.service';
import { activation, amendmentComplete, isPastExpiry, refuseMouAction } from './mou-status';
import type { MouAction, MouPeriod, Refusal } from './mou-status';
import { Mou } from './mou.entity';
import { ActivationRow, MouRow, MousRepository, ObligationFields, OrganizationFacts, PartnershipFacts, PartyFields } from './mous.repository';

/** The owner type of MoU documents. */
const DOCUMENT_OWNER = 'mou';

const err = (field: string, code: string, en: string, id: string): RawFieldError => ({ field, code, message: { en, id } });

function failIf(errors: RawFieldError[]): void {
  if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
}

function refuse(action: MouAction, row: MouRow): void {
  const refusal = refuseMouAction(action, row.status);
  if (refusal) throw AppError.rule(refusal.en, refusal.id);
}

function rule(refusal: Refusal): AppError {
  return AppError.rule(refusal.en, refusal.id);
}

/**
 * An MoU is drafted, changed, amended, renewed and terminated in the company's name by its CSR
 * officers; admins read every MoU but do not act for a company.
 */
function requireCompanyOfficer(actor: Actor, companyId: string, what: Refusal): void {
  if (actor.role === 'csr_officer' && actor.organizationId === companyId) return;
  throw AppError.rule(
    `only a CSR officer of the partnership's company can ${what.en}; administrators can read MoUs but do not act in a company's name`,
    `hanya petugas CSR perusahaan dalam kemitraan ini yang dapat ${what.id}; administrator dapat membaca MoU tetapi tidak bertindak atas nama perusahaan`,
  );
}

function checkPeriod(period: MouPeriod, field = 'expiryDate'): void {
  if (period.expiryDate > period.effectiveDate) return;
  throw AppError.field(
    field,
    'expiry_not_after_effective',
    `${field} ${period.expiryDate} must be after effectiveDate ${period.effectiveDate}: the MoU needs at least one day in force`,
    `${field} ${period.expiryDate} harus sesudah effectiveDate ${period.effectiveDate}: MoU harus berlaku minimal satu hari`,
  );
}

const partyFields = (parties: readonly MouPartyDto[]): PartyFields[] =>
  parties.map((p) => ({ organizationId: p.organizationId.toLowerCase(), role: p.role, signatureRequired: p.signatureRequired ?? true }));

const obligationFields = (obligations: readonly MouObligationDto[] | undefined): ObligationFields[] =>
  (obligations ?? []).map((o) => ({ ownerOrganizationId: o.ownerOrganizationId.toLowerCase(), text: o.text, dueDate: o.dueDate ?? null }));

/** What the party rules are checked against. */
interface PartyContext {
  partnership: PartnershipFacts;
  organizations: Map<string, OrganizationFacts>;
  facilitators: Set<string>;
}

/**
 * The parties: the partnership's company as first party and its school as second party (both
 * always sign), witnesses that are education offices whose jurisdiction covers the school, and
 * supporting facilitator organisations that work in the partnership's program (so they can see the
 * MoU they are to sign); each organisation once.
 */
function checkParties(parties: readonly PartyFields[], ctx: PartyContext, field = 'parties'): RawFieldError[] {
  const errors: RawFieldError[] = [];
  const { partnership } = ctx;
  const seen = new Set<string>();
  parties.forEach((party, i) => {
    const at = `${field}[${i}]`;
    const org = ctx.organizations.get(party.organizationId);
    if (seen.has(party.organizationId)) {
      errors.push(err(`${at}.organizationId`, 'duplicate_party', 'this organisation is already a party; list each organisation once, with one role', 'organisasi ini sudah menjadi pihak; cantumkan setiap organisasi sekali, dengan satu peran'));
      return;
    }
    seen.add(party.organizationId);
    if (!org || org.archived) {
      errors.push(err(`${at}.organizationId`, 'unknown_organization', 'organizationId names no active organisation; pick one from GET /api/v1/organizations', 'organizationId tidak menunjuk organisasi aktif mana pun; pilih dari GET /api/v1/organizations'));
      return;
    }
    if (party.role === 'first_party' && org.id !== partnership.companyId) {
      errors.push(err(`${at}.organizationId`, 'first_party_not_company', `the first party must be the partnership's company (${partnership.companyId}), not ${org.name}`, `pihak pertama harus perusahaan dalam kemitraan (${partnership.companyId}), bukan ${org.name}`));
    }
    if (party.role === 'second_party' && org.id !== partnership.schoolId) {
      errors.push(err(`${at}.organizationId`, 'second_party_not_school', `the second party must be the partnership's school (${partnership.schoolId}), not ${org.name}`, `pihak kedua harus sekolah dalam kemitraan (${partnership.schoolId}), bukan ${org.name}`));
    }
    if (party.role === 'witness' && (org.type !== 'education_office' || org.regionCode === null || !coversRegion(org.regionCode, partnership.schoolRegionCode))) {
      errors.push(
        err(
          `${at}.organizationId`,
          'witness_not_covering_office',
          `a witness must be an education office whose jurisdiction covers the school's region (${partnership.schoolRegionCode ?? 'none'}); ${org.name} is not one. Pick the school's city/regency or province office`,
          `saksi harus dinas pendidikan yang wilayahnya mencakup wilayah sekolah (${partnership.schoolRegionCode ?? 'tidak ada'}); ${org.name} bukan dinas tersebut. Pilih dinas kota/kabupaten atau provinsi sekolah itu`,
        ),
      );
    }
    if (party.role === 'supporting' && (org.type !== 'facilitator' || !ctx.facilitators.has(org.id))) {
      errors.push(
        err(
          `${at}.organizationId`,
          'supporting_not_program_facilitator',
          `a supporting party must be a facilitator organisation that works in the partnership's program; ${org.name} is not one. Add it to the program's facilitators first`,
          `pihak pendukung harus organisasi fasilitator yang bekerja dalam program kemitraan ini; ${org.name} bukan fasilitator program. Tambahkan dahulu ke fasilitator program`,
        ),
      );
    }
    if ((party.role === 'first_party' || party.role === 'second_party') && !party.signatureRequired) {
      errors.push(err(`${at}.signatureRequired`, 'signature_required', 'the first and second party always sign the MoU; leave signatureRequired out or set it to true', 'pihak pertama dan kedua selalu menandatangani MoU; kosongkan signatureRequired atau isi true'));
    }
  });
  if (!parties.some((p) => p.role === 'first_party' && p.organizationId === partnership.companyId)) {
    errors.push(err(field, 'first_party_missing', `list the partnership's company (${partnership.companyId}) with role first_party`, `cantumkan perusahaan dalam kemitraan (${partnership.companyId}) dengan peran first_party`));
  }
  if (!parties.some((p) => p.role === 'second_party' && p.organizationId === partnership.schoolId)) {
    errors.push(err(field, 'second_party_missing', `list the partnership's school (${partnership.schoolId}) with role second_party`, `cantumkan sekolah dalam kemitraan (${partnership.schoolId}) dengan peran second_party`));
  }
  return errors;
}

/** Each obligation is owed by a party, and falls due inside the MoU's period. */
function checkObligations(obligations: readonly ObligationFields[], partyIds: ReadonlySet<string>, period: MouPeriod, field = 'obligations'): RawFieldError[] {
  const errors: RawFieldError[] = [];
  obligations.forEach((o, i) => {
    if (!partyIds.has(o.ownerOrganizationId)) {
      errors.push(err(`${field}[${i}].ownerOrganizationId`, 'not_a_party', 'the owner of an obligation must be one of the parties; add the organisation to parties or pick a party', 'pemilik kewajiban harus salah satu pihak; tambahkan organisasinya ke parties atau pilih salah satu pihak'));
    }
    if (o.dueDate !== null && (o.dueDate < period.effectiveDate || o.dueDate > period.expiryDate)) {
      errors.push(
        err(
          `${field}[${i}].dueDate`,
          'outside_period',
          `dueDate ${o.dueDate} is outside the MoU's period ${period.effectiveDate} to ${period.expiryDate}; pick a date inside it or leave it out`,
          `dueDate ${o.dueDate} berada di luar masa berlaku MoU ${period.effectiveDate} sampai ${period.expiryDate}; pilih tanggal di dalamnya atau kosongkan`,
        ),
      );
    }
  });
  return errors;
}

@Injectable()
export class MousService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mous: MousRepository,
    private readonly lifecycle: MouLifecycleService,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The 409 for a number another MoU holds. */
  private async numberTaken(number: string, manager: EntityManager, exceptId?: string): Promise<void> {
    const existing = await this.mous.findByNumber(number, manager);
    if (existing && existing.id !== exceptId) throw new AppError('mou_number_taken', { number });
  }

  /** Refuses a period that overlaps another MoU in force for the partnership (the renewed one aside). */
  private async checkNoOverlap(partnershipId: string, period: MouPeriod, exceptIds: Array<string | null>, manager: EntityManager): Promise<void> {
    const [conflict] = await this.mous.overlappingActive(partnershipId, period, exceptIds.filter((x): x is string => x !== null), manager);
    if (conflict) throw rule(overlapRefusal(conflict));
  }

  private async partyContext(partnership: PartnershipFacts, parties: readonly PartyFields[], manager: EntityManager): Promise<PartyContext> {
    const organizations = await this.mous.organizations([...new Set(parties.map((p) => p.organizationId))], manager);
    return {
      partnership,
      organizations: new Map(organizations.map((o) => [o.id, o])),
      facilitators: new Set(await this.mous.programFacilitators(partnership.programId, manager)),
    };
  }

  private async checkTerms(partnership: PartnershipFacts, parties: readonly PartyFields[], obligations: readonly ObligationFields[], period: MouPeriod, manager: EntityManager): Promise<void> {
    const ctx = await this.partyContext(partnership, parties, manager);
    failIf([...checkParties(parties, ctx), ...checkObligations(obligations, new Set(parties.map((p) => p.organizationId)), period)]);
  }

  /** An ended partnership takes no new MoU (a field error on create, a rule on renewal, where no partnershipId is sent). */
  private refuseEndedPartnership(partnership: PartnershipFacts, field: 'partnershipId' | null): void {
    if (partnership.status !== 'ended') return;
    const en = 'the partnership has ended, so it takes no new MoU; reopen the cooperation as a new partnership first';
    const id = 'kemitraan ini sudah berakhir sehingga tidak dapat menerima MoU baru; buka kembali kerja sama sebagai kemitraan baru terlebih dahulu';
    throw field ? AppError.refused(field, 'partnership_ended', en, id) : AppError.rule(en, id);
  }

  /** The MoU the caller may see, locked for a change and read again under the lock; 404 otherwise. */
  private async loadForChange(actor: Actor, id: string, manager: EntityManager): Promise<MouRow> {
    if (!(await this.mous.findVisible(actor, id, manager))) throw AppError.notFound('MoU', id);
    await this.mous.lock(id, manager);
    return (await this.mous.findById(id, manager)) as MouRow;
  }

  private async detail(id: string, manager: EntityManager): Promise<MouDetailResponse> {
    const row = (await this.mous.findById(id, manager)) as MouRow;
    // One after another: inside a transaction they share one connection anyway.
    const parties = await this.mous.parties(id, manager);
    const obligations = await this.mous.obligations(id, manager);
    const amendments = await this.mous.amendments(id, manager);
    const amendmentSignatures = await this.mous.amendmentSignatures(id, manager);
    const documents = await this.documents.listFor({ type: DOCUMENT_OWNER, id }, manager);
    const chain = await this.mous.chain(id, manager);
    return MouDetailResponse.build({ row, parties, obligations, amendments, amendmentSignatures, documents, chain }, this.clock.today());
  }

  private async explainUniqueRace(err: unknown, number: string, renewsId?: string): Promise<unknown> {
    if (isUniqueViolation(err, 'mous_number_key')) return new AppError('mou_number_taken', { number });
    if (renewsId && isUniqueViolation(err, 'mous_renews_key')) {
      const renewal = await this.mous.renewalOf(renewsId, this.dataSource.manager);
      const source = await this.mous.findById(renewsId, this.dataSource.manager);
      if (renewal && source) return new AppError('mou_already_renewed', { number: source.number, renewalNumber: renewal.number, renewalId: renewal.id });
    }
    return err;
  }

  /** Drafts an MoU for a partnership of the caller's company (CSR officer); it starts as a draft. */
  async create(actor: Actor, dto: CreateMouDto): Promise<MouDetailResponse> {
    const parties = partyFields(dto.parties);
    const obligations = obligationFields(dto.obligations);
    const period = { effectiveDate: dto.effectiveDate, expiryDate: dto.expiryDate };
    checkPeriod(period);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const partnership = await this.mous.findPartnership(actor, dto.partnershipId, manager);
        if (!partnership) {
          throw AppError.field('partnershipId', 'unknown_partnership', 'partnershipId names no partnership you can see; pick one from GET /api/v1/partnerships', 'partnershipId tidak menunjuk kemitraan yang dapat Anda lihat; pilih dari GET /api/v1/partnerships');
        }
        requireCompanyOfficer(actor, partnership.companyId, { en: 'draft an MoU', id: 'menyusun MoU' });
        this.refuseEndedPartnership(partnership, 'partnershipId');
        await this.checkTerms(partnership, parties, obligations, period, manager);
        await this.numberTaken(dto.number, manager);
        await this.checkNoOverlap(partnership.id, period, [], manager);
        const fields = { partnershipId: partnership.id, number: dto.number, title: dto.title, scope: dto.scope, ...period };
        const id = await this.mous.insertMou({ ...fields, status: 'draft', renewsMouId: null, createdByUserId: actor.userId }, manager);
        await this.mous.replaceParties(id, parties, manager);
        await this.mous.insertObligations(id, null, obligations, manager);
        await this.audit.record(manager, actor, { action: 'create', entityType: 'mou', entityId: id, changes: { ...fields, status: 'draft', parties, obligations } });
        return this.detail(id, manager);
      });
    } catch (e) {
      throw await this.explainUniqueRace(e, dto.number);
    }
  }

  /** Lists the MoUs the caller may see, with filters; `expiringWithinDays` keeps active MoUs expiring soon. */
  async list(actor: Actor, query: ListMousQuery): Promise<Page<MouResponse>> {
    const today = this.clock.today();
    const expiring = query.expiringWithinDays !== undefined ? { today, days: query.expiringWithinDays } : undefined;
    if (expiring && query.status && query.status !== 'active') {
      throw AppError.field('status', 'conflicts_with_expiring', 'expiringWithinDays lists active MoUs only; leave status out or set it to active', 'expiringWithinDays hanya menampilkan MoU yang aktif; kosongkan status atau isi active');
    }
    const sort = query.sort ?? (expiring ? 'expiryDate' : '-createdAt');
    const after = decodeCursor(query.cursor, sort === 'expiryDate' ? ['date', 'uuid'] : ['timestamp', 'uuid']) as [string, string] | null;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.mous.listPage(actor, { partnershipId: query.partnershipId, status: query.status, expiring, sort, after }, limit);
    return toPage(
      rows,
      limit,
      (r) => (sort === 'expiryDate' ? [r.expiryDate, r.id] : [r.cursorCreatedAt, r.id]),
      (r) => MouResponse.from(r, today),
    );
  }

  /**
   * One MoU the caller may see, in full. An MoU whose day has come is settled first: a fully signed
   * one whose effective date is today or earlier takes effect, an active one past its expiry
   * expires (the daily job does the same for MoUs nobody reads).
   */
  async get(actor: Actor, id: string): Promise<MouDetailResponse> {
    const today = this.clock.today();
    if (!(await this.mous.findVisible(actor, id))) throw AppError.notFound('MoU', id);
    const facts = (await this.mous.activationFacts(id, this.dataSource.manager)) as ActivationRow;
    const due = activation(facts, today) === 'ready' || (facts.status === 'active' && isPastExpiry(facts.expiryDate, today));
    if (!due) return this.detail(id, this.dataSource.manager);
    const system: AuditActor = { userId: null, organizationId: null, requestId: actor.requestId };
    return this.dataSource.transaction(async (manager) => {
      await this.lifecycle.settle(manager, id, today, system);
      return this.detail(id, manager);
    });
  }

  /** Changes a draft's terms (CSR officer of the company), refusing a stale version; lists replace the whole list. */
  async update(actor: Actor, id: string, dto: UpdateMouDto): Promise<MouDetailResponse> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const row = await this.loadForChange(actor, id, manager);
        requireCompanyOfficer(actor, row.companyId, { en: "change the MoU's terms", id: 'mengubah isi MoU' });
        refuse('edit', row);
        const period = { effectiveDate: dto.effectiveDate ?? row.effectiveDate, expiryDate: dto.expiryDate ?? row.expiryDate };
        checkPeriod(period);
        if (row.renewsMouId) await this.checkRenewalStart(row.renewsMouId, period.effectiveDate, manager);
        const partnership = await this.mous.partnershipOf(row.partnershipId, manager);
        const parties = dto.parties
          ? partyFields(dto.parties)
          : (await this.mous.parties(id, manager)).map((p) => ({ organizationId: p.organizationId, role: p.role, signatureRequired: p.signatureRequired }));
        const obligations = dto.obligations
          ? obligationFields(dto.obligations)
          : (await this.mous.obligations(id, manager)).filter((o) => o.amendmentId === null).map((o) => ({ ownerOrganizationId: o.ownerOrganizationId, text: o.text, dueDate: o.dueDate }));
        await this.checkTerms(partnership, parties, obligations, period, manager);
        if (dto.number !== undefined && dto.number !== row.number) await this.numberTaken(dto.number, manager, id);
        await this.checkNoOverlap(row.partnershipId, period, [id, row.renewsMouId], manager);
        const changes: Partial<Pick<Mou, 'number' | 'title' | 'scope' | 'effectiveDate' | 'expiryDate'>> = {};
        for (const key of ['number', 'title', 'scope', 'effectiveDate', 'expiryDate'] as const) if (dto[key] !== undefined) changes[key] = dto[key];
        const diff: Record<string, unknown> = diffFields(row, changes);
        if (!(await updateIfVersion(manager, Mou, id, dto.version, changes))) throw new AppError('stale_version', { sent: dto.version, current: row.version });
        if (dto.parties) {
          await this.mous.replaceParties(id, parties, manager);
          diff.parties = parties;
        }
        if (dto.obligations) {
          await this.mous.replaceObligations(id, obligations, manager);
          diff.obligations = obligations;
        }
        await this.audit.record(manager, actor, { action: 'update', entityType: 'mou', entityId: id, changes: diff });
        return this.detail(id, manager);
      });
    } catch (e) {
      throw await this.explainUniqueRace(e, dto.number ?? '');
    }
  }

  /** A renewal starts after the MoU it renews started. */
  private async checkRenewalStart(renewsId: string, effectiveDate: string, manager: EntityManager): Promise<void> {
    const previous = await this.mous.findById(renewsId, manager);
    if (!previous || effectiveDate > previous.effectiveDate) return;
    throw AppError.field(
      'effectiveDate',
      'renewal_starts_too_early',
      `a renewal must take effect after the MoU it renews took effect (${previous.effectiveDate}); pick a later effectiveDate, usually the day after ${previous.expiryDate}`,
      `perpanjangan harus berlaku sesudah MoU yang diperpanjang mulai berlaku (${previous.effectiveDate}); pilih effectiveDate yang lebih akhir, biasanya sehari setelah ${previous.expiryDate}`,
    );
  }

  /** Submits a draft for signatures (CSR officer of the company): its terms are fixed from now on. */
  async submit(actor: Actor, id: string): Promise<MouDetailResponse> {
    const today = this.clock.today();
    return this.dataSource.transaction(async (manager) => {
      const row = await this.loadForChange(actor, id, manager);
      requireCompanyOfficer(actor, row.companyId, { en: 'submit the MoU for signatures', id: 'mengajukan MoU untuk ditandatangani' });
      refuse('submit', row);
      if (isPastExpiry(row.expiryDate, today)) {
        throw AppError.rule(
          `the MoU's expiry date ${row.expiryDate} has already passed; change its dates (PATCH /api/v1/mous/${id}) before submitting it`,
          `tanggal berakhir MoU ${row.expiryDate} sudah lewat; ubah tanggalnya (PATCH /api/v1/mous/${id}) sebelum mengajukannya`,
        );
      }
      await this.checkNoOverlap(row.partnershipId, row, [id, row.renewsMouId], manager);
      await this.mous.moveStatus(id, ['draft'], 'awaiting_signatures', manager);
      await this.audit.record(manager, actor, { action: 'state_change', entityType: 'mou', entityId: id, changes: { status: { from: 'draft', to: 'awaiting_signatures' } } });
      return this.detail(id, manager);
    });
  }

  /** The caller's party, if their organisation must sign the MoU; 403 otherwise (they can see it, but do not sign it). */
  private async signingParty(actor: Actor, mouId: string, manager: EntityManager) {
    const party = (await this.mous.parties(mouId, manager)).find((p) => p.organizationId === actor.organizationId && p.signatureRequired);
    if (!party) throw new AppError('not_a_signing_party');
    return party;
  }

  /**
   * Signs the MoU for the caller's organisation, recording who, when and from which request. The
   * last required signature makes it active when its effective date has come; otherwise the daily
   * job (or the first read on or after that date) activates it.
   */
  async sign(actor: Actor, id: string): Promise<MouDetailResponse> {
    const today = this.clock.today();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const row = await this.loadForChange(actor, id, manager);
        const party = await this.signingParty(actor, id, manager);
        refuse('sign', row);
        if (isPastExpiry(row.expiryDate, today)) {
          throw AppError.rule(
            `the MoU's expiry date ${row.expiryDate} has passed before every party signed, so it can no longer take effect; the CSR officer should draft a new MoU`,
            `tanggal berakhir MoU ${row.expiryDate} sudah lewat sebelum semua pihak menandatangani, sehingga MoU tidak dapat berlaku lagi; petugas CSR perlu menyusun MoU baru`,
          );
        }
        if (party.signedAt !== null) {
          throw new AppError('already_signed', { organization: party.organizationName, signedAt: new Date(party.signedAt).toISOString().slice(0, 10), what: 'MoU', whatId: 'MoU' });
        }
        await this.mous.insertSignature({ mouId: id, amendmentId: null, organizationId: party.organizationId, signedByUserId: actor.userId, requestId: actor.requestId }, manager);
        await this.audit.record(manager, actor, { action: 'sign', entityType: 'mou', entityId: id, changes: { organizationId: party.organizationId, role: party.role, signedByUserId: actor.userId } });
        const outcome = await this.lifecycle.activateIfReady(manager, id, today, actor);
        if (outcome.result === 'blocked') throw rule(outcome.refusal);
        return this.detail(id, manager);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'mou_signatures_mou_key')) throw new AppError('already_signed', { organization: '', signedAt: '', what: 'MoU', whatId: 'MoU' });
      throw e;
    }
  }

  /** Drafts the next numbered amendment of an active MoU (CSR officer of the company); it waits for the parties' signatures. */
  async amend(actor: Actor, id: string, dto: CreateAmendmentDto): Promise<MouDetailResponse> {
    const today = this.clock.today();
    return this.dataSource.transaction(async (manager) => {
      const row = await this.loadForChange(actor, id, manager);
      requireCompanyOfficer(actor, row.companyId, { en: 'amend the MoU', id: 'membuat adendum MoU' });
      refuse('amend', row);
      const open = await this.mous.openAmendment(id, manager);
      if (open) {
        throw AppError.rule(
          `amendment ${open.number} of this MoU is still waiting for signatures; have every party sign it (or let it be) before drafting another, so the changes stay in order`,
          `adendum ${open.number} MoU ini masih menunggu tanda tangan; minta semua pihak menandatanganinya sebelum membuat adendum lain, agar perubahan tetap berurutan`,
        );
      }
      const newExpiry = dto.newExpiryDate ?? null;
      if (newExpiry !== null) {
        if (newExpiry <= row.effectiveDate) {
          throw AppError.field('newExpiryDate', 'expiry_not_after_effective', `newExpiryDate must be after the MoU's effective date ${row.effectiveDate}`, `newExpiryDate harus sesudah tanggal mulai berlaku MoU ${row.effectiveDate}`);
        }
        if (newExpiry === row.expiryDate) {
          throw AppError.field('newExpiryDate', 'unchanged', `newExpiryDate is already the MoU's expiry date; leave it out to keep it`, `newExpiryDate sama dengan tanggal berakhir MoU saat ini; kosongkan untuk mempertahankannya`);
        }
        if (newExpiry < today) {
          throw AppError.field('newExpiryDate', 'in_past', `newExpiryDate ${newExpiry} is in the past; pick today (${today}) or later`, `newExpiryDate ${newExpiry} sudah lewat; pilih hari ini (${today}) atau sesudahnya`);
        }
        await this.checkNoOverlap(row.partnershipId, { effectiveDate: row.effectiveDate, expiryDate: newExpiry }, [id, row.renewsMouId], manager);
      }
      const obligations = obligationFields(dto.obligations);
      const partyIds = new Set((await this.mous.parties(id, manager)).map((p) => p.organizationId));
      failIf(checkObligations(obligations, partyIds, { effectiveDate: row.effectiveDate, expiryDate: newExpiry ?? row.expiryDate }));
      const amendment = await this.mous.insertAmendment({ mouId: id, summary: dto.summary, newExpiryDate: newExpiry, createdByUserId: actor.userId }, manager);
      await this.mous.insertObligations(id, amendment.id, obligations, manager);
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'mou_amendment',
        entityId: amendment.id,
        changes: { mouId: id, number: amendment.number, summary: dto.summary, newExpiryDate: newExpiry, obligations, status: 'awaiting_signatures' },
      });
      return this.detail(id, manager);
    });
  }

  /**
   * Signs an amendment for the caller's organisation. With the last required signature it comes
   * into force, and its new expiry date, if any, becomes the MoU's.
   */
  async signAmendment(actor: Actor, id: string, amendmentId: string): Promise<MouDetailResponse> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const row = await this.loadForChange(actor, id, manager);
        const amendment = await this.mous.findAmendment(id, amendmentId, manager);
        if (!amendment) throw AppError.notFound('MoU amendment', amendmentId);
        const party = await this.signingParty(actor, id, manager);
        if (amendment.status === 'active') {
          throw AppError.rule(`amendment ${amendment.number} is already signed by every party and in force`, `adendum ${amendment.number} sudah ditandatangani semua pihak dan berlaku`);
        }
        if (row.status !== 'active') {
          throw AppError.rule(
            `the MoU is no longer in force (status ${row.status}), so its amendment ${amendment.number} can no longer be signed`,
            `MoU sudah tidak berlaku (status ${row.status}), sehingga adendum ${amendment.number} tidak dapat ditandatangani lagi`,
          );
        }
        const existing = await this.mous.signatureOf(id, amendmentId, party.organizationId, manager);
        if (existing) {
          throw new AppError('already_signed', { organization: party.organizationName, signedAt: existing.signedAt.toISOString().slice(0, 10), what: `amendment ${amendment.number}`, whatId: `adendum ${amendment.number}` });
        }
        await this.mous.insertSignature({ mouId: id, amendmentId, organizationId: party.organizationId, signedByUserId: actor.userId, requestId: actor.requestId }, manager);
        await this.audit.record(manager, actor, {
          action: 'sign',
          entityType: 'mou_amendment',
          entityId: amendmentId,
          changes: { mouId: id, number: amendment.number, organizationId: party.organizationId, signedByUserId: actor.userId },
        });
        const required = (await this.mous.parties(id, manager)).filter((p) => p.signatureRequired).map((p) => p.organizationId);
        if (amendmentComplete(required, await this.mous.amendmentSigners(amendmentId, manager))) {
          if (amendment.newExpiryDate) await this.checkNoOverlap(row.partnershipId, { effectiveDate: row.effectiveDate, expiryDate: amendment.newExpiryDate }, [id, row.renewsMouId], manager);
          await this.mous.activateAmendment(amendmentId, manager);
          await this.audit.record(manager, actor, { action: 'state_change', entityType: 'mou_amendment', entityId: amendmentId, changes: { mouId: id, status: { from: 'awaiting_signatures', to: 'active' } } });
          if (amendment.newExpiryDate) {
            await this.mous.setExpiry(id, amendment.newExpiryDate, manager);
            await this.audit.record(manager, actor, {
              action: 'update',
              entityType: 'mou',
              entityId: id,
              changes: { expiryDate: { from: row.expiryDate, to: amendment.newExpiryDate }, amendmentId, amendmentNumber: amendment.number },
            });
          }
        }
        return this.detail(id, manager);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'mou_signatures_amendment_key')) throw new AppError('already_signed', { organization: '', signedAt: '', what: 'amendment', whatId: 'adendum' });
      throw e;
    }
  }

  /**
   * Drafts the renewal of an active or expired MoU (CSR officer of the company): a new MoU of the
   * same partnership linked to this one, copying its parties and the obligations in force unless
   * given. One renewal per MoU. When the renewal takes effect, this MoU is superseded.
   */
  async renew(actor: Actor, id: string, dto: CreateRenewalDto): Promise<MouDetailResponse> {
    const period = { effectiveDate: dto.effectiveDate, expiryDate: dto.expiryDate };
    checkPeriod(period);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const source = await this.loadForChange(actor, id, manager);
        requireCompanyOfficer(actor, source.companyId, { en: 'renew the MoU', id: 'memperpanjang MoU' });
        refuse('renew', source);
        const existing = await this.mous.renewalOf(id, manager);
        if (existing) throw new AppError('mou_already_renewed', { number: source.number, renewalNumber: existing.number, renewalId: existing.id });
        const partnership = await this.mous.partnershipOf(source.partnershipId, manager);
        this.refuseEndedPartnership(partnership, null);
        await this.checkRenewalStart(id, period.effectiveDate, manager);
        const parties = dto.parties
          ? partyFields(dto.parties)
          : (await this.mous.parties(id, manager)).map((p) => ({ organizationId: p.organizationId, role: p.role, signatureRequired: p.signatureRequired }));
        const obligations = dto.obligations ? obligationFields(dto.obligations) : await this.mous.obligationsInForce(id, manager);
        await this.checkTerms(partnership, parties, obligations, period, manager);
        await this.numberTaken(dto.number, manager);
        await this.checkNoOverlap(source.partnershipId, period, [id], manager);
        const fields = { partnershipId: source.partnershipId, number: dto.number, title: dto.title ?? source.title, scope: dto.scope ?? source.scope, ...period };
        const renewalId = await this.mous.insertMou({ ...fields, status: 'draft', renewsMouId: id, createdByUserId: actor.userId }, manager);
        await this.mous.replaceParties(renewalId, parties, manager);
        await this.mous.insertObligations(renewalId, null, obligations, manager);
        await this.audit.record(manager, actor, { action: 'create', entityType: 'mou', entityId: renewalId, changes: { ...fields, status: 'draft', renewsMouId: id, parties, obligations } });
        return this.detail(renewalId, manager);
      });
    } catch (e) {
      throw await this.explainUniqueRace(e, dto.number, id);
    }
  }

  /** Ends an active MoU early (CSR officer of the company), with the day it ended and why. */
  async terminate(actor: Actor, id: string, dto: TerminateMouDto): Promise<MouDetailResponse> {
    const today = this.clock.latestToday();
    return this.dataSource.transaction(async (manager) => {
      const row = await this.loadForChange(actor, id, manager);
      requireCompanyOfficer(actor, row.companyId, { en: 'terminate the MoU', id: 'mengakhiri MoU' });
      refuse('terminate', row);
      if (dto.on < row.effectiveDate || dto.on > row.expiryDate) {
        throw AppError.field('on', 'outside_period', `on must lie in the MoU's period ${row.effectiveDate} to ${row.expiryDate}`, `on harus berada dalam masa berlaku MoU ${row.effectiveDate} sampai ${row.expiryDate}`);
      }
      if (dto.on > today) {
        throw AppError.field('on', 'in_future', `on ${dto.on} is in the future; terminate the MoU on or after the day it ends (today is ${today})`, `on ${dto.on} masih di masa depan; akhiri MoU pada atau setelah hari berakhirnya (hari ini ${today})`);
      }
      await this.mous.moveStatus(id, ['active'], 'terminated', manager, { terminatedOn: dto.on, terminationReason: dto.reason });
      await this.audit.record(manager, actor, {
        action: 'state_change',
        entityType: 'mou',
        entityId: id,
        changes: { status: { from: 'active', to: 'terminated' }, terminatedOn: dto.on, terminationReason: dto.reason },
      });
      return this.detail(id, manager);
    });
  }

  /** Attaches the signed MoU or an annex (CSR officer of the company); the file is checked and stored by DocumentsService. */
  async uploadDocument(actor: Actor, id: string, kind: MouDocumentKind, file: UploadedDocument | undefined): Promise<DocumentResponse> {
    const row = await this.mous.findVisible(actor, id);
    if (!row) throw AppError.notFound('MoU', id);
    requireCompanyOfficer(actor, row.companyId, { en: 'upload MoU documents', id: 'mengunggah dokumen MoU' });
    return this.documents.store(actor, { type: DOCUMENT_OWNER, id }, kind, file);
  }

  /** One document of an MoU the caller may see, ready to stream. */
  async openDocument(actor: Actor, id: string, documentId: string): Promise<DocumentDownload> {
    if (!(await this.mous.findVisible(actor, id))) throw AppError.notFound('MoU', id);
    return this.documents.open({ type: DOCUMENT_OWNER, id }, documentId);
  }
}
