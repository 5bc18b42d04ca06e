import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { DocumentDownload, DocumentsService } from '../documents/documents.service';
import type { ConditionCheckDto, CreateFacilityItemDto, HandoverFacilityItemDto, ListFacilitiesQuery, UpdateFacilityItemDto } from './dto/facility.dto';
import { ConditionCheckResponse, FacilityCatalogueResponse, FacilityItemDetailResponse, FacilityItemResponse } from './dto/facility.response';
import { FacilitiesRepository, FacilityItemRow } from './facilities.repository';
import { notBefore, notInFuture, requireCsrOfficer, requirePrincipal } from './facility-access';
import { CHECK_INTERVAL_MONTHS, FACILITY_CONDITION_LABELS } from './facility-catalogue';
import type { FacilityItem } from './facility-item.entity';

/** Documents of an item are stored under this owner type. */
export const FACILITY_DOCUMENT_OWNER = 'facility_item';
const HANDOVER_KIND = 'handover_scan';
const PHOTO_KIND = 'condition_photo';

const EDITABLE = ['category', 'itemName', 'quantity', 'unit', 'value', 'supplier', 'deliveredOn', 'note'] as const;

/** The position after the last row of a page: created_at (ISO, microseconds) and id. */
function decodeListCursor(cursor: string | undefined): [string, string] | null {
  const values = decodeCursor(cursor, ['timestamp', 'uuid']);
  return values === null ? null : [values[0] as string, values[1] as string];
}

/** Refuses a change to an item that was handed over: the berita acara fixed what the school received. */
function refuseIfHandedOver(r: FacilityItemRow, what: { en: string; id: string }): void {
  if (!r.handedOverOn) return;
  throw AppError.rule(
    `"${r.itemName}" was handed over on ${r.handedOverOn} (berita acara ${r.handoverNumber}), so it can no longer ${what.en}; record a new item for anything given later`,
    `"${r.itemName}" sudah diserahterimakan pada ${r.handedOverOn} (berita acara ${r.handoverNumber}), sehingga tidak dapat lagi ${what.id}; catat barang baru untuk bantuan berikutnya`,
  );
}

/**
 * In-kind facilities support (sarana prasarana): the company records items for a partner school in
 * a program year and their handover with the signed berita acara; the school records condition
 * checks over the years. Only handed-over items count as delivered.
 */
@Injectable()
export class FacilitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: FacilitiesRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The categories and conditions, with their names in both languages. */
  catalogue(): FacilityCatalogueResponse {
    return FacilityCatalogueResponse.build(CHECK_INTERVAL_MONTHS);
  }

  /** Lists the items the caller may see, newest first. */
  async list(actor: Actor, query: ListFacilitiesQuery): Promise<Page<FacilityItemResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const today = this.clock.today();
    const rows = await this.items.listPage(
      actor,
      { partnershipId: query.partnershipId, schoolId: query.schoolId, programYearId: query.programYearId, category: query.category, status: query.status, after: decodeListCursor(query.cursor) },
      limit,
    );
    return toPage(rows, limit, (r) => [r.cursorCreatedAt, r.id], (r) => FacilityItemResponse.of(r, today));
  }

  /** One item the caller may see, with its condition checks and documents. */
  async get(actor: Actor, id: string): Promise<FacilityItemDetailResponse> {
    return this.detail(actor, id, this.dataSource.manager);
  }

  /**
   * Records an item for a partnership of the company in a year of its program (CSR officer). The
   * item awaits its handover until the berita acara is recorded.
   */
  async create(actor: Actor, dto: CreateFacilityItemDto): Promise<FacilityItemDetailResponse> {
    requireCsrOfficer(actor, { en: 'record facilities support', id: 'mencatat bantuan sarana prasarana' });
    if (dto.deliveredOn) notInFuture('deliveredOn', dto.deliveredOn, this.clock.latestToday());
    return this.dataSource.transaction(async (manager) => {
      const p = await this.items.findCompanyPartnership(actor.organizationId, dto.partnershipId, manager);
      if (!p) {
        throw AppError.field(
          'partnershipId',
          'not_a_partnership',
          "partnershipId names no partnership of your company; pick one from GET /api/v1/partnerships",
          'partnershipId tidak menunjuk kemitraan perusahaan Anda; pilih dari GET /api/v1/partnerships',
        );
      }
      if (!(await this.items.yearOfProgram(p.programId, dto.programYearId, manager))) {
        throw AppError.field(
          'programYearId',
          'not_a_program_year',
          "programYearId is not a year of the partnership's program; pick one from GET /api/v1/programs/{id}/years",
          'programYearId bukan tahun dari program kemitraan ini; pilih dari GET /api/v1/programs/{id}/years',
        );
      }
      const fields = {
        partnershipId: p.id,
        programYearId: dto.programYearId,
        companyId: p.companyId,
        schoolId: p.schoolId,
        category: dto.category,
        itemName: dto.itemName,
        quantity: dto.quantity,
        unit: dto.unit,
        value: dto.value,
        supplier: dto.supplier || null,
        deliveredOn: dto.deliveredOn ?? null,
        note: dto.note || null,
        createdByUserId: actor.userId,
      };
      const id = await this.items.insertItem(fields, manager);
      await this.audit.record(manager, actor, { action: 'create', entityType: 'facility_item', entityId: id, changes: fields });
      return this.detail(actor, id, manager);
    });
  }

  /** Changes an item before its handover (CSR officer), with a version check. */
  async update(actor: Actor, id: string, dto: UpdateFacilityItemDto): Promise<FacilityItemDetailResponse> {
    requireCsrOfficer(actor, { en: 'change facilities support', id: 'mengubah bantuan sarana prasarana' });
    if (dto.deliveredOn) notInFuture('deliveredOn', dto.deliveredOn, this.clock.latestToday());
    return this.dataSource.transaction(async (manager) => {
      const r = await this.row(actor, id, manager, true);
      refuseIfHandedOver(r, { en: 'be changed', id: 'diubah' });
      if (dto.version !== Number(r.version)) throw new AppError('stale_version', { sent: dto.version, current: Number(r.version) });
      const changes: Partial<Pick<FacilityItem, (typeof EDITABLE)[number]>> = {};
      for (const key of EDITABLE) {
        const v = dto[key];
        if (v === undefined) continue;
        (changes as Record<string, unknown>)[key] = (key === 'supplier' || key === 'note') && v === '' ? null : v;
      }
      const before = Object.fromEntries(EDITABLE.map((k) => [k, r[k]]));
      await this.items.updateItem(id, changes, manager);
      await this.audit.record(manager, actor, { action: 'update', entityType: 'facility_item', entityId: id, changes: diffFields(before, changes) });
      return this.detail(actor, id, manager);
    });
  }

  /**
   * Records the handover of an item with the signed berita acara (CSR officer): its number, the day
   * and who received it for the school, and the scan (PDF or JPEG/PNG). From then on the item counts
   * as delivered and is fixed. The scan is stored first; the handover is written under a lock that
   * checks again that no other handover came first.
   */
  async handover(actor: Actor, id: string, dto: HandoverFacilityItemDto, file: UploadedDocument | undefined): Promise<FacilityItemDetailResponse> {
    requireCsrOfficer(actor, { en: 'record a handover', id: 'mencatat serah terima' });
    notInFuture('handedOverOn', dto.handedOverOn, this.clock.latestToday());
    const check = (r: FacilityItemRow) => {
      refuseIfHandedOver(r, { en: 'be handed over again', id: 'diserahterimakan lagi' });
      if (r.deliveredOn) notBefore('handedOverOn', dto.handedOverOn, r.deliveredOn, { en: 'the delivery', id: 'tanggal pengiriman' });
    };
    check(await this.row(actor, id, this.dataSource.manager));
    const document = await this.documents.store(actor, { type: FACILITY_DOCUMENT_OWNER, id }, HANDOVER_KIND, file);
    return this.dataSource.transaction(async (manager) => {
      check(await this.row(actor, id, manager, true));
      const changes = {
        handoverNumber: dto.handoverNumber,
        handedOverOn: dto.handedOverOn,
        receivedBy: dto.receivedBy,
        handoverDocumentId: document.id,
        handedOverByUserId: actor.userId,
        handedOverAt: this.clock.now(),
      };
      await this.items.updateItem(id, changes, manager);
      await this.audit.record(manager, actor, { action: 'state_change', entityType: 'facility_item', entityId: id, changes: { handover: { ...changes, filename: document.filename } } });
      return this.detail(actor, id, manager);
    });
  }

  /**
   * Records a condition check of a handed-over item (principal of the school), optionally with a
   * photo. The item's last check moves to it when it is the latest by date.
   */
  async addCheck(actor: Actor, id: string, dto: ConditionCheckDto, file: UploadedDocument | undefined): Promise<FacilityItemDetailResponse> {
    requirePrincipal(actor);
    notInFuture('checkedOn', dto.checkedOn, this.clock.latestToday());
    const check = (r: FacilityItemRow) => {
      if (!r.handedOverOn) {
        throw AppError.rule(
          `"${r.itemName}" has not been handed over yet; the school checks the condition of what it received, after the berita acara serah terima is recorded`,
          `"${r.itemName}" belum diserahterimakan; sekolah memeriksa kondisi barang yang sudah diterima, setelah berita acara serah terima dicatat`,
        );
      }
      notBefore('checkedOn', dto.checkedOn, r.handedOverOn, { en: 'the handover', id: 'tanggal serah terima' });
    };
    check(await this.row(actor, id, this.dataSource.manager));
    const photo = file ? await this.documents.store(actor, { type: FACILITY_DOCUMENT_OWNER, id }, PHOTO_KIND, file) : null;
    return this.dataSource.transaction(async (manager) => {
      check(await this.row(actor, id, manager, true));
      const fields = { itemId: id, condition: dto.condition, checkedOn: dto.checkedOn, note: dto.note || null, photoDocumentId: photo?.id ?? null, checkedByUserId: actor.userId };
      const checkId = await this.items.insertCheck(fields, manager);
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'facility_condition_check',
        entityId: checkId,
        changes: { ...fields, conditionName: FACILITY_CONDITION_LABELS[dto.condition].en },
      });
      return this.detail(actor, id, manager);
    });
  }

  /** A document of an item (the handover scan or a check's photo), ready to stream. */
  async openDocument(actor: Actor, id: string, documentId: string): Promise<DocumentDownload> {
    await this.row(actor, id, this.dataSource.manager);
    if (!(await this.items.ownsDocument(id, documentId))) throw AppError.notFound('document', documentId);
    return this.documents.open({ type: FACILITY_DOCUMENT_OWNER, id }, documentId);
  }

  private async row(actor: Actor, id: string, manager: EntityManager, lock = false): Promise<FacilityItemRow> {
    const r = await this.items.findVisible(actor, id, manager, lock);
    if (!r) throw AppError.notFound('facility item', id);
    return r;
  }

  private async detail(actor: Actor, id: string, manager: EntityManager): Promise<FacilityItemDetailResponse> {
    const r = await this.row(actor, id, manager);
    const checks = await this.items.checks(id, manager);
    const documents = await this.documents.listFor({ type: FACILITY_DOCUMENT_OWNER, id }, manager);
    return { ...FacilityItemResponse.of(r, this.clock.today()), conditionChecks: checks.map(ConditionCheckResponse.of), documents };
  }
}

