import { ApiProperty } from '@nestjs/swagger';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { DocumentResponse } from '../../documents/dto/document.response';
import { SCHOOL_LEVELS } from '../../organizations/organization-type';
import type { SchoolLevel } from '../../organizations/organization-type';
import { PRACTICE_EXAMPLE_IDS as IDS } from '../practice-examples';
import { PRACTICE_STATUSES } from '../practice-status';
import type { PracticeStatus } from '../practice-status';
import type { PracticeResult } from '../practice.entity';
import type { PracticeRow, SchoolProfileRow } from '../practices.repository';

/** One indicator value a practice reached. */
export class PracticeResultResponse {
  @ApiProperty({ example: 'Siswa kelas 1–3 yang membaca lancar' })
  indicator: string;

  @ApiProperty({ example: '78' })
  value: string;

  @ApiProperty({ nullable: true, type: String, example: '%' })
  unit: string | null;
}

/**
 * Who to contact about a practice: the school's public profile, as the organisation directory shows
 * it to every signed-in user. Never a person's e-mail address or phone number.
 */
export class SchoolContactResponse {
  @ApiProperty({ example: IDS.school })
  id: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: '30304122' })
  npsn: string | null;

  @ApiProperty({ nullable: true, enum: SCHOOL_LEVELS, example: 'SD' })
  schoolLevel: SchoolLevel | null;

  @ApiProperty({ nullable: true, type: String, example: 'Jl. Barito Hilir, Pelambuan, Banjarmasin Barat' })
  address: string | null;

  @ApiProperty({ nullable: true, type: String, example: '63.71' })
  regionCode: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Kota Banjarmasin' })
  regionName: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Kalimantan Selatan' })
  provinceName: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Banjarmasin Barat' })
  districtName: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Hj. Siti Rahmah, S.Pd.' })
  principalName: string | null;

  static from(this: void, r: SchoolProfileRow): SchoolContactResponse {
    return {
      id: r.schoolId,
      name: r.schoolName,
      npsn: r.npsn,
      schoolLevel: r.schoolLevelOfSchool,
      address: r.address,
      regionCode: r.regionCode,
      regionName: r.regionName,
      provinceName: r.provinceName,
      districtName: r.districtName,
      principalName: r.principalName,
    };
  }
}

/** The record a practice grew from, if any. */
export class PracticeSourceResponse {
  @ApiProperty({ nullable: true, type: String, example: IDS.plan2024 })
  planId: string | null;

  @ApiProperty({ nullable: true, type: String, example: IDS.plan2024Program })
  planProgramId: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  entryId: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** A practice of the library. */
export class PracticeResponse {
  @ApiProperty({ example: IDS.pojokBaca })
  id: string;

  @ApiProperty({ example: 'Pojok Baca Kelas: 15 menit membaca setiap pagi' })
  title: string;

  @ApiProperty({ example: 'Setiap kelas 1–6 memiliki pojok baca berisi 40 buku berjenjang dan jadwal membaca 15 menit sebelum pelajaran.' })
  summary: string;

  @ApiProperty({ enum: TOPICS, example: 'literacy' })
  topic: Topic;

  @ApiProperty({ enum: SCHOOL_LEVELS, example: 'SD' })
  schoolLevel: SchoolLevel;

  @ApiProperty({ example: 'Guru dan orang tua menata pojok baca di 12 kelas; wali kelas memandu membaca 15 menit setiap pagi.' })
  whatWasDone: string;

  @ApiProperty({ type: [PracticeResultResponse] })
  results: PracticeResultResponse[];

  @ApiProperty({ example: 2024 })
  year: number;

  @ApiProperty({ enum: PRACTICE_STATUSES, example: 'published' })
  status: PracticeStatus;

  @ApiProperty({ type: PracticeSourceResponse })
  source: PracticeSourceResponse;

  @ApiProperty({ type: SchoolContactResponse, description: "The school that shares it: who to contact (its public profile only)." })
  school: SchoolContactResponse;

  @ApiProperty({ nullable: true, type: String, example: '2024-12-02T03:00:00.000Z' })
  proposedAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2024-12-05T03:00:00.000Z' })
  publishedAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  returnedAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Why the reviewer returned it (while returned).' })
  returnedReason: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Rina Marlina (CSR Officer, PT Trakindo Utama)', description: 'Who published or returned it.' })
  reviewedByName: string | null;

  @ApiProperty({ nullable: true, type: Number, example: null, description: 'The search rank when the list was searched with q (higher is better); null otherwise.' })
  rank: number | null;

  @ApiProperty({ example: 3 })
  version: number;

  @ApiProperty({ example: '2024-12-01T03:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2024-12-05T03:00:00.000Z' })
  updatedAt: string;

  static from(this: void, r: PracticeRow): PracticeResponse {
    return {
      id: r.id,
      title: r.title,
      summary: r.summary,
      topic: r.topic,
      schoolLevel: r.schoolLevel,
      whatWasDone: r.whatWasDone,
      results: (r.results ?? []).map((x: PracticeResult) => ({ indicator: x.indicator, value: x.value, unit: x.unit ?? null })),
      year: r.year,
      status: r.status,
      source: { planId: r.sourcePlanId, planProgramId: r.sourcePlanProgramId, entryId: r.sourceEntryId },
      school: SchoolContactResponse.from(r),
      proposedAt: iso(r.proposedAt),
      publishedAt: iso(r.publishedAt),
      returnedAt: iso(r.returnedAt),
      returnedReason: r.status === 'returned' ? r.returnedReason : null,
      reviewedByName: r.reviewedByName,
      rank: r.rank === null || r.rank === undefined ? null : Number(r.rank),
      version: r.version,
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
    };
  }
}

/** One practice with its evidence files. */
export class PracticeDetailResponse extends PracticeResponse {
  @ApiProperty({ type: [DocumentResponse], description: 'Evidence files (PDF, PNG, JPEG); download each with GET /api/v1/practices/{id}/evidence/{documentId}.' })
  evidence: DocumentResponse[];
}

/** A practice not yet saved, filled in from a completed plan program or a competition entry: edit it, then POST /api/v1/practices. */
export class PracticeDraftResponse {
  @ApiProperty({ example: 'Gerakan Literasi Sekolah: Pojok Baca Kelas' })
  title: string;

  @ApiProperty({ example: 'Seluruh siswa kelas 1–3 membaca lancar dan setiap kelas memiliki pojok baca yang dipakai setiap hari.' })
  summary: string;

  @ApiProperty({ enum: TOPICS, example: 'literacy' })
  topic: Topic;

  @ApiProperty({ enum: SCHOOL_LEVELS, example: 'SD' })
  schoolLevel: SchoolLevel;

  @ApiProperty({ example: 'Latar belakang: ...\nKegiatan:\n- Membaca 15 menit sebelum pelajaran (Jurnal membaca per kelas)' })
  whatWasDone: string;

  @ApiProperty({ type: [PracticeResultResponse] })
  results: PracticeResultResponse[];

  @ApiProperty({ example: 2024 })
  year: number;

  @ApiProperty({ nullable: true, type: String, example: IDS.plan2024 })
  sourcePlanId: string | null;

  @ApiProperty({ nullable: true, type: String, example: IDS.plan2024Program })
  sourcePlanProgramId: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  sourceEntryId: string | null;
}
