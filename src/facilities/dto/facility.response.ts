import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/pagination';
import { DocumentResponse } from '../../documents/dto/document.response';
import { FACILITY_CATEGORIES, FACILITY_CATEGORY_LABELS, FACILITY_CONDITIONS, FACILITY_CONDITION_LABELS, isCheckOverdue, nextCheckDueOn } from '../facility-catalogue';
import type { FacilityCategory, FacilityCondition } from '../facility-catalogue';
import type { ConditionCheckRow, FacilityItemRow } from '../facilities.repository';

/** A name in both languages. */
export class BilingualLabelResponse {
  @ApiProperty({ example: 'Teknologi informasi dan komunikasi (TIK)' })
  id: string;

  @ApiProperty({ example: 'Information and communication technology (ICT)' })
  en: string;
}

/** One category of the catalogue. */
export class FacilityCategoryResponse {
  @ApiProperty({ enum: FACILITY_CATEGORIES, example: 'ict' })
  code: FacilityCategory;

  @ApiProperty({ type: BilingualLabelResponse })
  label: BilingualLabelResponse;
}

/** One condition a check can find. */
export class FacilityConditionResponse {
  @ApiProperty({ enum: FACILITY_CONDITIONS, example: 'good' })
  code: FacilityCondition;

  @ApiProperty({ type: BilingualLabelResponse })
  label: BilingualLabelResponse;
}

/** The catalogue of categories and conditions. */
export class FacilityCatalogueResponse {
  @ApiProperty({ type: [FacilityCategoryResponse] })
  categories: FacilityCategoryResponse[];

  @ApiProperty({ type: [FacilityConditionResponse] })
  conditions: FacilityConditionResponse[];

  @ApiProperty({ example: 12, description: 'An item not checked for this many months after its handover or last check is overdue for a check.' })
  checkIntervalMonths: number;

  static build(checkIntervalMonths: number): FacilityCatalogueResponse {
    return {
      categories: FACILITY_CATEGORIES.map((code) => ({ code, label: FACILITY_CATEGORY_LABELS[code] })),
      conditions: FACILITY_CONDITIONS.map((code) => ({ code, label: FACILITY_CONDITION_LABELS[code] })),
      checkIntervalMonths,
    };
  }
}

/** The handover of an item (berita acara serah terima). */
export class FacilityHandoverResponse {
  @ApiProperty({ example: '014/BAST/CSR-TU/II/2026' })
  handoverNumber: string;

  @ApiProperty({ example: '2026-02-12' })
  handedOverOn: string;

  @ApiProperty({ example: 'Hj. Siti Rahmah, S.Pd.' })
  receivedBy: string;

  @ApiProperty({ nullable: true, type: String, example: '5c1f0a9e-2b7d-4e3a-8c6f-1d2e3f4a5b6c', description: 'The signed scan; download it from GET /facilities/{id}/documents/{documentId}. Null for a handover taken over from the paper archive.' })
  documentId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Rina Marlina (CSR Officer, PT Trakindo Utama)' })
  recordedByName: string | null;
}

/** An item of in-kind support as everyone who sees it reads it. */
export class FacilityItemResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000fac10001' })
  id: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901' })
  partnershipId: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000826' })
  programYearId: string;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801' })
  programId: string;

  @ApiProperty({ example: 'Generasi Trakindo' })
  programName: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000101' })
  companyId: string;

  @ApiProperty({ example: 'PT Trakindo Utama' })
  companyName: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  schoolId: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  schoolName: string;

  @ApiProperty({ enum: FACILITY_CATEGORIES, example: 'ict' })
  category: FacilityCategory;

  @ApiProperty({ type: BilingualLabelResponse })
  categoryLabel: BilingualLabelResponse;

  @ApiProperty({ example: 'Laptop untuk laboratorium komputer' })
  itemName: string;

  @ApiProperty({ example: 5 })
  quantity: number;

  @ApiProperty({ example: 'unit' })
  unit: string;

  @ApiProperty({ example: '42500000', description: 'Whole rupiah as a string of digits: the value of the whole line.' })
  value: string;

  @ApiProperty({ nullable: true, type: String, example: 'CV Banua Komputer' })
  supplier: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-02-10' })
  deliveredOn: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  note: string | null;

  @ApiProperty({ enum: ['awaiting_handover', 'handed_over'], example: 'handed_over', description: 'Only a handed-over item counts as delivered.' })
  status: 'awaiting_handover' | 'handed_over';

  @ApiProperty({ type: FacilityHandoverResponse, nullable: true })
  handover: FacilityHandoverResponse | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-07-20', description: 'The latest condition check.' })
  lastCheckedOn: string | null;

  @ApiProperty({ nullable: true, enum: FACILITY_CONDITIONS, example: 'good' })
  lastCondition: FacilityCondition | null;

  @ApiProperty({ nullable: true, type: String, example: '2027-07-20', description: '12 months after the last check (or the handover); null before the handover and for a lost item.' })
  nextCheckDueOn: string | null;

  @ApiProperty({ example: false, description: 'True when the next check was due before today.' })
  checkOverdue: boolean;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ example: '2026-02-03T02:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-02-12T06:30:00.000Z' })
  updatedAt: string;

  static of(r: FacilityItemRow, today: string): FacilityItemResponse {
    const due = { handedOverOn: r.handedOverOn, lastCheckedOn: r.lastCheckedOn, lastCondition: r.lastCondition };
    return {
      id: r.id,
      partnershipId: r.partnershipId,
      programYearId: r.programYearId,
      year: Number(r.year),
      programId: r.programId,
      programName: r.programName,
      companyId: r.companyId,
      companyName: r.companyName,
      schoolId: r.schoolId,
      schoolName: r.schoolName,
      category: r.category,
      categoryLabel: FACILITY_CATEGORY_LABELS[r.category],
      itemName: r.itemName,
      quantity: Number(r.quantity),
      unit: r.unit,
      value: String(r.value),
      supplier: r.supplier,
      deliveredOn: r.deliveredOn,
      note: r.note,
      status: r.handedOverOn ? 'handed_over' : 'awaiting_handover',
      handover:
        r.handedOverOn && r.handoverNumber && r.receivedBy
          ? { handoverNumber: r.handoverNumber, handedOverOn: r.handedOverOn, receivedBy: r.receivedBy, documentId: r.handoverDocumentId, recordedByName: r.handedOverByName }
          : null,
      lastCheckedOn: r.lastCheckedOn,
      lastCondition: r.lastCondition,
      nextCheckDueOn: nextCheckDueOn(due),
      checkOverdue: isCheckOverdue(due, today),
      version: Number(r.version),
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
    };
  }
}

/** One condition check. */
export class ConditionCheckResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000fac20001' })
  id: string;

  @ApiProperty({ enum: FACILITY_CONDITIONS, example: 'minor_repair' })
  condition: FacilityCondition;

  @ApiProperty({ type: BilingualLabelResponse })
  conditionLabel: BilingualLabelResponse;

  @ApiProperty({ example: '2016-08-15' })
  checkedOn: string;

  @ApiProperty({ nullable: true, type: String, example: 'Dua rak goyah, sudah dikencangkan oleh penjaga sekolah.' })
  note: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'The photo, if one was sent; download it from GET /facilities/{id}/documents/{documentId}.' })
  photoDocumentId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Hj. Siti Rahmah, S.Pd. (Kepala Sekolah)' })
  checkedByName: string | null;

  @ApiProperty({ example: '2016-08-15T03:00:00.000Z' })
  createdAt: string;

  static of(c: ConditionCheckRow): ConditionCheckResponse {
    return {
      id: c.id,
      condition: c.condition,
      conditionLabel: FACILITY_CONDITION_LABELS[c.condition],
      checkedOn: c.checkedOn,
      note: c.note,
      photoDocumentId: c.photoDocumentId,
      checkedByName: c.checkedByName,
      createdAt: new Date(c.createdAt).toISOString(),
    };
  }
}

/** One item with its condition checks (newest first) and its documents (the handover scan and the photos). */
export class FacilityItemDetailResponse extends FacilityItemResponse {
  @ApiProperty({ type: [ConditionCheckResponse] })
  conditionChecks: ConditionCheckResponse[];

  @ApiProperty({ type: [DocumentResponse] })
  documents: DocumentResponse[];
}

export const FacilityItemPage = PageOf(FacilityItemResponse, 'FacilityItemPage');
