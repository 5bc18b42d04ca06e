import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Topic } from '../../common/catalog/topics';
import type { OfficeLevel, OrganizationType, SchoolLevel, SchoolOwnership } from '../organization-type';
import type { ImportColumn, SchoolRow } from './school-rows';

/** Rows per INSERT or UPDATE statement: large enough to be few statements, small enough to keep each array parameter modest. */
export const IMPORT_CHUNK_SIZE = 5000;

/** Serialises imports with one another, so two files touching the same schools never deadlock. */
const IMPORT_LOCK_KEY = 720_103;

/** The stored fields of a school that an import can change. */
export interface StoredSchool {
  id: string;
  npsn: string;
  name: string;
  schoolLevel: SchoolLevel | null;
  regionCode: string | null;
  districtCode: string | null;
  ownership: SchoolOwnership | null;
  address: string | null;
  studentCount: number | null;
  teacherCount: number | null;
  principalName: string | null;
  needs: Topic[];
}

/** The organisation behind an education officer: its kind and jurisdiction. */
export interface OfficeRow {
  type: OrganizationType;
  officeLevel: OfficeLevel | null;
  regionCode: string | null;
}

/** How one file column is written: the table column, the array type of its parameter, and the value of a row. */
interface WriteColumn {
  db: string;
  arrayType: string;
  value: (s: SchoolRow) => unknown;
  /** SQL for the value from the unnest alias `u`, when it is not simply `u.<db>`. */
  expr?: string;
  /** SQL for the value of an UPDATE (where the stored row is `o`), when it differs from `expr`. */
  updateExpr?: string;
}

/** A row that names no district: a stored district stays while it lies in the row's regency/city. */
const KEEP_DISTRICT = 'keep';

const WRITE_COLUMNS: Record<ImportColumn, WriteColumn> = {
  npsn: { db: 'npsn', arrayType: 'bpchar[]', value: (s) => s.npsn },
  name: { db: 'name', arrayType: 'varchar[]', value: (s) => s.name },
  level: { db: 'school_level', arrayType: 'varchar[]', value: (s) => s.schoolLevel },
  ownership: { db: 'ownership', arrayType: 'varchar[]', value: (s) => s.ownership ?? null },
  region_code: { db: 'region_code', arrayType: 'varchar[]', value: (s) => s.regionCode },
  // Written with every import (region_code is always there), so a school moved to another regency/city never keeps a district of the old one.
  district_code: {
    db: 'district_code',
    arrayType: 'varchar[]',
    value: (s) => (s.districtCode === undefined ? KEEP_DISTRICT : s.districtCode),
    expr: `NULLIF(u.district_code, '${KEEP_DISTRICT}')`,
    updateExpr: `CASE WHEN u.district_code <> '${KEEP_DISTRICT}' THEN u.district_code WHEN left(o.district_code, 5) = u.region_code THEN o.district_code END`,
  },
  address: { db: 'address', arrayType: 'varchar[]', value: (s) => s.address ?? null },
  student_count: { db: 'student_count', arrayType: 'int4[]', value: (s) => s.studentCount ?? null },
  teacher_count: { db: 'teacher_count', arrayType: 'int4[]', value: (s) => s.teacherCount ?? null },
  principal_name: { db: 'principal_name', arrayType: 'varchar[]', value: (s) => s.principalName ?? null },
  // A 2-D array parameter cannot be unnested row by row, so each row's topics travel as one "a|b" text.
  needs: { db: 'needs', arrayType: 'text[]', value: (s) => (s.needs ?? []).join('|'), expr: `string_to_array(u.needs, '|')::varchar[]` },
};

/** The file's columns and district_code, which follows region_code whether or not the file has it. */
function withDistrict(columns: ImportColumn[]): ImportColumn[] {
  return columns.includes('district_code') ? columns : [...columns, 'district_code'];
}

function chunks<T>(items: T[], size = IMPORT_CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The set-based reads and writes of a school import: one query per question, and one statement per
 * chunk of rows, never one per row.
 */
@Injectable()
export class SchoolImportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The caller's organisation, to find an education office's jurisdiction. */
  async findOffice(organizationId: string): Promise<OfficeRow | null> {
    const rows: OfficeRow[] = await this.dataSource.query(
      `SELECT type, office_level AS "officeLevel", region_code AS "regionCode" FROM organizations WHERE id = $1`,
      [organizationId],
    );
    return rows[0] ?? null;
  }

  /** Which of `codes` are known regency/city or district codes (each known at its own level). */
  async knownRegionCodes(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: Array<{ code: string }> = await this.dataSource.query(
      `SELECT code FROM regions WHERE level IN ('regency', 'district') AND code = ANY($1::varchar[]) AND (level = 'regency') = (length(code) = 5)`,
      [codes],
    );
    return new Set(rows.map((r) => r.code));
  }

  /**
   * The districts named in a file, found by name inside their regency/city (one query): keyed
   * "regencyCode|name" with the name as normaliseDistrictName gives it, compared without case and
   * with runs of spaces as one.
   */
  async districtsByName(pairs: Array<{ regencyCode: string; name: string }>): Promise<Map<string, string>> {
    if (pairs.length === 0) return new Map();
    const rows: Array<{ key: string; code: string }> = await this.dataSource.query(
      `SELECT DISTINCT ON (p.regency_code, p.name) p.regency_code || '|' || p.name AS key, r.code
         FROM unnest($1::varchar[], $2::text[]) AS p(regency_code, name)
         JOIN regions r ON r.level = 'district' AND r.regency_code = p.regency_code AND lower(regexp_replace(trim(r.name), '\\s+', ' ', 'g')) = p.name
        ORDER BY p.regency_code, p.name, r.code`,
      [pairs.map((p) => p.regencyCode), pairs.map((p) => p.name)],
    );
    return new Map(rows.map((r) => [r.key, r.code]));
  }

  /** The schools holding any of `npsns`, by NPSN. */
  async findSchoolsByNpsn(manager: EntityManager, npsns: string[]): Promise<Map<string, StoredSchool>> {
    if (npsns.length === 0) return new Map();
    // bpchar[] matches the char(8) column, so the unique index on npsn is used.
    const rows: StoredSchool[] = await manager.query(
      `SELECT id, npsn, name, school_level AS "schoolLevel", region_code AS "regionCode", district_code AS "districtCode", ownership, address,
              student_count AS "studentCount", teacher_count AS "teacherCount", principal_name AS "principalName", needs
         FROM organizations WHERE npsn = ANY($1::bpchar[])`,
      [npsns],
    );
    return new Map(rows.map((r) => [r.npsn, r]));
  }

  /** Waits for any other import to commit; released when `manager`'s transaction ends. */
  async lockImports(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
  }

  /**
   * Inserts new schools with the file's columns, skipping any NPSN that another writer registered
   * meanwhile; returns the id of each school inserted, by NPSN.
   */
  async insertSchools(manager: EntityManager, columns: ImportColumn[], schools: SchoolRow[]): Promise<Map<string, string>> {
    const cols = withDistrict(columns).map((c) => WRITE_COLUMNS[c]);
    const sql =
      `INSERT INTO organizations (type, ${cols.map((c) => c.db).join(', ')}) ` +
      `SELECT 'school', ${cols.map((c) => c.expr ?? `u.${c.db}`).join(', ')} ` +
      `FROM unnest(${cols.map((c, i) => `$${i + 1}::${c.arrayType}`).join(', ')}) AS u(${cols.map((c) => c.db).join(', ')}) ` +
      `ON CONFLICT (npsn) WHERE npsn IS NOT NULL DO NOTHING RETURNING id, npsn`;
    const ids = new Map<string, string>();
    for (const chunk of chunks(schools)) {
      const rows: Array<{ id: string; npsn: string }> = await manager.query(
        sql,
        cols.map((c) => chunk.map(c.value)),
      );
      for (const r of rows) ids.set(r.npsn, r.id);
    }
    return ids;
  }

  /**
   * Writes the file's columns over existing schools (by id), bumping their version; returns how many
   * rows were changed.
   */
  async updateSchools(manager: EntityManager, columns: ImportColumn[], updates: Array<{ id: string; school: SchoolRow }>): Promise<number> {
    const cols = withDistrict(columns)
      .filter((c) => c !== 'npsn')
      .map((c) => WRITE_COLUMNS[c]);
    const sql =
      `UPDATE organizations AS o SET ${cols.map((c) => `${c.db} = ${c.updateExpr ?? c.expr ?? `u.${c.db}`}`).join(', ')}, version = o.version + 1, updated_at = now() ` +
      `FROM unnest($1::uuid[], ${cols.map((c, i) => `$${i + 2}::${c.arrayType}`).join(', ')}) AS u(id, ${cols.map((c) => c.db).join(', ')}) ` +
      `WHERE o.id = u.id`;
    let changed = 0;
    for (const chunk of chunks(updates)) {
      // TypeORM answers an UPDATE with [rows, affected].
      const [, affected] = (await manager.query(sql, [chunk.map((u) => u.id), ...cols.map((c) => chunk.map((u) => c.value(u.school)))])) as [unknown[], number];
      changed += affected;
    }
    return changed;
  }
}
