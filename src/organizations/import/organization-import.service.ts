import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Actor, isAdmin } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { UploadedCsv } from './csv-upload.interceptor';
import { CsvDelimiter, decodeUtf8, parseCsv } from './csv';
import { SchoolImportOutcomeResponse, SchoolImportResponse } from './dto/school-import.response';
import { ImportFailedError } from './import-failed.error';
import { firstProblems, ProblemList } from './import-problems';
import { SchoolImportRepository, StoredSchool } from './school-import.repository';
import { DISTRICT_NAME_HEADER, ImportColumn, IMPORT_COLUMNS, ReadRow, SchoolRow, SchoolRowReader } from './school-rows';

/** At most this many per-row outcomes are returned; the counts always cover every row. */
export const MAX_REPORTED_OUTCOMES = 1000;

/** How often an import is retried when another writer registers one of its new NPSNs meanwhile. */
const MAX_ATTEMPTS = 3;

/** Where an education officer may import: a regency/city, or every regency/city of a province. */
interface Jurisdiction {
  regionCode: string;
  level: 'province' | 'regency';
}

function covers(j: Jurisdiction, regionCode: string): boolean {
  return j.level === 'province' ? regionCode.startsWith(`${j.regionCode}.`) : regionCode === j.regionCode;
}

function describe(j: Jurisdiction): { en: string; id: string } {
  return j.level === 'province' ? { en: `province ${j.regionCode}`, id: `provinsi ${j.regionCode}` } : { en: `regency/city ${j.regionCode}`, id: `kabupaten/kota ${j.regionCode}` };
}

/** The file after parsing and the checks that need no database. */
interface ReadFile {
  sha256: string;
  delimiter: CsvDelimiter;
  rows: ReadRow[];
  /** The file's columns, in documented order. */
  columns: ImportColumn[];
  problems: ProblemList[];
}

type Outcome = SchoolImportOutcomeResponse['outcome'];

/** What an import will do with each row. */
interface Plan {
  create: SchoolRow[];
  update: Array<{ id: string; school: SchoolRow }>;
  outcomes: Array<{ school: SchoolRow; outcome: Outcome; id: string | null }>;
}

/** Whether a stored school already has every value the file gives it. */
function sameAsStored(s: SchoolRow, t: StoredSchool): boolean {
  const same = <T>(value: T | undefined, stored: T) => value === undefined || value === stored;
  return (
    s.name === t.name &&
    s.schoolLevel === t.schoolLevel &&
    s.regionCode === t.regionCode &&
    (s.districtCode === undefined ? t.districtCode === null || t.districtCode.slice(0, 5) === s.regionCode : s.districtCode === t.districtCode) &&
    same(s.ownership, t.ownership) &&
    same(s.address, t.address) &&
    same(s.studentCount, t.studentCount) &&
    same(s.teacherCount, t.teacherCount) &&
    same(s.principalName, t.principalName) &&
    (s.needs === undefined || (s.needs.length === t.needs.length && s.needs.every((n, i) => n === t.needs[i])))
  );
}

/** Raised inside the transaction when another writer registered one of the file's new NPSNs first. */
class NpsnRaceError extends Error {}

@Injectable()
export class OrganizationImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SchoolImportRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks a CSV file of schools row by row and, unless `dryRun`, writes every row in one
   * transaction (new NPSNs created, known ones updated) or, if any row has a problem, nothing.
   */
  async importSchools(actor: Actor, file: UploadedCsv | undefined, dryRun: boolean): Promise<SchoolImportResponse> {
    if (!file) {
      throw AppError.field(
        'file',
        'required',
        'file is required: send the CSV as multipart/form-data in the form field "file"',
        'file wajib diisi: kirim CSV sebagai multipart/form-data di isian formulir "file"',
      );
    }
    const read = this.readFile(file.buffer, dryRun);
    const jurisdiction = isAdmin(actor) ? null : await this.jurisdictionOf(actor);
    read.problems.push(await this.checkRegions(read.rows, jurisdiction));

    // A dry run, or a file already known to fail, is checked outside any transaction and takes no lock.
    if (dryRun || read.problems.some((p) => p.total > 0)) {
      const plan = await this.plan(this.dataSource.manager, read, jurisdiction, dryRun);
      return this.report(read, plan, dryRun);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const plan = await this.dataSource.transaction((manager) => this.write(manager, actor, file, read, jurisdiction));
        return this.report(read, plan, false);
      } catch (err) {
        if (!(err instanceof NpsnRaceError)) throw err;
        if (attempt >= MAX_ATTEMPTS) {
          throw AppError.rule(
            'Schools with NPSNs of this file kept being registered by others while it was imported, so nothing was written. Upload the file again.',
            'Sekolah dengan NPSN dari berkas ini terus didaftarkan pihak lain selama impor berjalan, sehingga tidak ada yang ditulis. Unggah ulang berkas tersebut.',
          );
        }
      }
    }
  }

  /** Parses the file and checks every row on its own; throws when the file cannot be read at all. */
  private readFile(bytes: Buffer, dryRun: boolean): ReadFile {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const fail = (code: string, en: string, id: string): never => {
      const problems = new ProblemList();
      problems.add(null, null, code, en, id);
      throw new ImportFailedError({ dryRun, sha256, rows: 0, problemCount: 1, problems: problems.kept });
    };
    const text = decodeUtf8(bytes);
    if (text === null) {
      return fail('not_utf8', 'the file is not UTF-8 text: save it from your spreadsheet as "CSV UTF-8"', 'berkas bukan teks UTF-8: simpan dari spreadsheet sebagai "CSV UTF-8"');
    }
    const csv = parseCsv(text);
    const [header, ...records] = csv.records;
    if (!header && csv.error) {
      return fail('unterminated_quote', 'a quoted column name in the header row is never closed: check for a missing "', 'nama kolom berkutip di baris judul tidak pernah ditutup: periksa tanda " yang hilang');
    }
    if (!header || SchoolRowReader.isBlank(header)) {
      return fail('empty_file', 'the file is empty: its first row must name the columns, e.g. npsn,name,level,region_code', 'berkas kosong: baris pertamanya harus berisi nama kolom, misalnya npsn,name,level,region_code');
    }
    const reader = new SchoolRowReader(header);
    const rows: ReadRow[] = [];
    records.forEach((cells, index) => {
      if (!SchoolRowReader.isBlank(cells)) rows.push(reader.read(cells, index + 2));
    });
    reader.finish();
    const parseProblems = new ProblemList();
    if (csv.error) {
      parseProblems.add(
        csv.error.record,
        null,
        'unterminated_quote',
        'a quoted value starting on this row is never closed, so the rest of the file cannot be read: check for a missing "',
        'nilai berkutip yang dimulai di baris ini tidak pernah ditutup, sehingga sisa berkas tidak dapat dibaca: periksa tanda " yang hilang',
      );
    } else if (rows.length === 0) {
      parseProblems.add(null, null, 'no_rows', 'the file has a header row but no data rows', 'berkas memiliki baris judul tetapi tidak ada baris data');
    }
    return {
      sha256,
      delimiter: csv.delimiter,
      rows,
      columns: IMPORT_COLUMNS.filter((c) => reader.present.has(c)),
      problems: [parseProblems, reader.headerProblems, reader.rowProblems],
    };
  }

  /** The education office the officer works for; its region and level are the jurisdiction. */
  private async jurisdictionOf(actor: Actor): Promise<Jurisdiction> {
    const office = await this.repository.findOffice(actor.organizationId);
    if (office?.type !== 'education_office' || !office.regionCode || !office.officeLevel) {
      throw AppError.rule(
        'Only an admin or an officer of an education office with a jurisdiction may import schools.',
        'Hanya admin atau petugas dinas pendidikan yang memiliki wilayah kerja yang dapat mengimpor sekolah.',
      );
    }
    return { regionCode: office.regionCode, level: office.officeLevel };
  }

  /** Region codes that are unknown, or outside the officer's jurisdiction, with one query. */
  private async checkRegions(rows: ReadRow[], jurisdiction: Jurisdiction | null): Promise<ProblemList> {
    const problems = new ProblemList();
    const codes = [...new Set(rows.flatMap((r) => [r.regionCode, r.districtCode].filter((c): c is string => c !== null)))];
    const known = await this.repository.knownRegionCodes(codes);
    const named = rows.filter((r) => r.districtName !== null && r.regionCode !== null && known.has(r.regionCode));
    const byName = await this.repository.districtsByName(named.map((r) => ({ regencyCode: r.regionCode as string, name: r.districtName as string })));
    const scope = jurisdiction && describe(jurisdiction);
    for (const r of named) {
      const code = byName.get(`${r.regionCode}|${r.districtName}`);
      if (code) {
        known.add(code);
        r.districtCode = code;
        if (r.school) r.school.districtCode = code;
      } else {
        problems.add(
          r.row,
          DISTRICT_NAME_HEADER,
          'unknown_district_name',
          `Kecamatan "${r.districtName}" is not a district (kecamatan) of ${r.regionCode}; write its name as in GET /api/v1/regions?regencyCode=${r.regionCode}, or give its code in district_code (e.g. ${r.regionCode}.01)`,
          `Kecamatan "${r.districtName}" bukan kecamatan di ${r.regionCode}; tulis namanya seperti di daftar kecamatan wilayah itu, atau isi kodenya di district_code (misalnya ${r.regionCode}.01)`,
        );
      }
    }
    for (const r of rows) {
      if (r.districtCode && !known.has(r.districtCode)) {
        problems.add(r.row, 'district_code', 'unknown_district', `district ${r.districtCode} is not a known district (kecamatan) code`, `kecamatan ${r.districtCode} bukan kode kecamatan yang dikenal`);
      }
      if (!r.regionCode) continue;
      if (!known.has(r.regionCode)) {
        problems.add(r.row, 'region_code', 'unknown_region', `region_code ${r.regionCode} is not a known regency/city code`, `region_code ${r.regionCode} bukan kode kabupaten/kota yang dikenal`);
      } else if (jurisdiction && scope && !covers(jurisdiction, r.regionCode)) {
        problems.add(
          r.row,
          'region_code',
          'outside_jurisdiction',
          `region_code ${r.regionCode} is outside your office's jurisdiction (${scope.en})`,
          `region_code ${r.regionCode} di luar wilayah dinas Anda (${scope.id})`,
        );
      }
    }
    return problems;
  }

  /**
   * Reads the schools the file names (one query) and decides each row's outcome. An officer may not
   * take over a school registered outside their jurisdiction. Throws ImportFailedError when the file
   * has any problem, this pass's included.
   */
  private async plan(manager: EntityManager, read: ReadFile, jurisdiction: Jurisdiction | null, dryRun: boolean): Promise<Plan> {
    const fail = (extra: ProblemList[]): never => {
      const { problems, total } = firstProblems([...read.problems, ...extra]);
      throw new ImportFailedError({ dryRun, sha256: read.sha256, rows: read.rows.length, problemCount: total, problems });
    };
    // Without a jurisdiction to check, the stored schools cannot add a problem: no need to read them for a refused file.
    if (!jurisdiction && read.problems.some((p) => p.total > 0)) fail([]);
    const stored = await this.repository.findSchoolsByNpsn(manager, read.rows.flatMap((r) => (r.npsn ? [r.npsn] : [])));
    const problems = new ProblemList();
    if (jurisdiction) {
      const scope = describe(jurisdiction);
      for (const r of read.rows) {
        const school = r.npsn ? stored.get(r.npsn) : undefined;
        if (school && !(school.regionCode && covers(jurisdiction, school.regionCode))) {
          problems.add(
            r.row,
            'npsn',
            'school_outside_jurisdiction',
            `npsn ${school.npsn} belongs to ${school.name}, a school outside your office's jurisdiction (${scope.en}); ask an admin to change it`,
            `npsn ${school.npsn} milik ${school.name}, sekolah di luar wilayah dinas Anda (${scope.id}); minta admin untuk mengubahnya`,
          );
        }
      }
    }
    if (problems.total > 0 || read.problems.some((p) => p.total > 0)) fail([problems]);

    const plan: Plan = { create: [], update: [], outcomes: [] };
    for (const { school } of read.rows) {
      if (!school) continue; // cannot happen: a row without a school has a problem
      const existing = stored.get(school.npsn);
      if (!existing) {
        plan.create.push(school);
        plan.outcomes.push({ school, outcome: 'created', id: null });
      } else if (sameAsStored(school, existing)) {
        plan.outcomes.push({ school, outcome: 'unchanged', id: existing.id });
      } else {
        plan.update.push({ id: existing.id, school });
        plan.outcomes.push({ school, outcome: 'updated', id: existing.id });
      }
    }
    return plan;
  }

  /** The import proper, inside one transaction: plan against the current rows, insert, update, one audit event. */
  private async write(manager: EntityManager, actor: Actor, file: UploadedCsv, read: ReadFile, jurisdiction: Jurisdiction | null): Promise<Plan> {
    await this.repository.lockImports(manager);
    const plan = await this.plan(manager, read, jurisdiction, false);
    const ids = await this.repository.insertSchools(manager, read.columns, plan.create);
    if (ids.size < plan.create.length) throw new NpsnRaceError();
    for (const o of plan.outcomes) if (o.outcome === 'created') o.id = ids.get(o.school.npsn) ?? null;
    await this.repository.updateSchools(manager, read.columns, plan.update);
    await this.audit.record(manager, actor, {
      action: 'import',
      entityType: 'organization_import',
      entityId: read.sha256,
      changes: {
        sha256: read.sha256,
        fileName: file.originalname.slice(0, 200),
        bytes: file.size,
        columns: read.columns,
        rows: read.rows.length,
        created: plan.create.length,
        updated: plan.update.length,
        unchanged: plan.outcomes.length - plan.create.length - plan.update.length,
      },
    });
    return plan;
  }

  private report(read: ReadFile, plan: Plan, dryRun: boolean): SchoolImportResponse {
    return {
      dryRun,
      sha256: read.sha256,
      delimiter: read.delimiter,
      rows: read.rows.length,
      created: plan.create.length,
      updated: plan.update.length,
      unchanged: plan.outcomes.length - plan.create.length - plan.update.length,
      problemCount: 0,
      problems: [],
      outcomes: plan.outcomes.slice(0, MAX_REPORTED_OUTCOMES).map((o) => ({ row: o.school.row, npsn: o.school.npsn, outcome: o.outcome, id: o.id })),
      outcomesTruncated: plan.outcomes.length > MAX_REPORTED_OUTCOMES,
    };
  }
}
