import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PreparedStatements } from '../database/prepared-statements';
import { CursorPart, decodeCursor } from '../common/pagination/pagination';
import { Region } from '../regions/region.entity';
import { hasActivePartnerSql } from './active-partner';
import type { ListOrganizationsQuery, OrganizationSort } from './dto/list-organizations.query';
import type { OrganizationRow } from './dto/organization.response';
import { Organization } from './organization.entity';

/** created_at with its microseconds, so a cursor on it is exact. */
const CREATED_CURSOR = `to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const NAME_CURSOR = 'CAST(o.name AS text)';

const SORTS: Record<OrganizationSort, { column: string; field: 'name' | 'createdAt'; cursorSql: string; part: CursorPart; direction: 'ASC' | 'DESC' }> = {
  name: { column: 'o.name', field: 'name', cursorSql: NAME_CURSOR, part: 'string', direction: 'ASC' },
  '-name': { column: 'o.name', field: 'name', cursorSql: NAME_CURSOR, part: 'string', direction: 'DESC' },
  createdAt: { column: 'o.created_at', field: 'createdAt', cursorSql: CREATED_CURSOR, part: 'timestamp', direction: 'ASC' },
  '-createdAt': { column: 'o.created_at', field: 'createdAt', cursorSql: CREATED_CURSOR, part: 'timestamp', direction: 'DESC' },
};

/** An organisation's own columns under the names of its entity's fields (node-pg reads the types: dates, integers, the needs array). */
export const PROFILE_COLUMNS = `o.id, o.type, o.name, o.npsn, o.school_level AS "schoolLevel", o.office_level AS "officeLevel", o.region_code AS "regionCode",
  o.district_code AS "districtCode", o.sector, o.ownership, o.address, o.student_count AS "studentCount", o.teacher_count AS "teacherCount",
  o.principal_name AS "principalName", o.needs, o.archived_at AS "archivedAt", o.version, o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

/**
 * The public profile of the organisations `page` selects (PROFILE_COLUMNS, already limited to a
 * page), with the names of their region and district and the partner flag. The flag is worked out
 * here, for the page's rows only, so it is one index probe per row, never a pass over every active
 * partnership as it would be inside the page's own query (whose row estimate is before its LIMIT).
 */
export function profileSql(page: string, order: string): string {
  return `SELECT p.*, r.name AS "regionName", d.name AS "districtName",
                 CASE WHEN p.type = 'school' THEN ${hasActivePartnerSql('p')} END AS "hasActivePartner"
            FROM (${page}) p
            LEFT JOIN regions r ON r.code = p."regionCode"
            LEFT JOIN regions d ON d.code = p."districtCode"
           ORDER BY ${order}`;
}

/** One organisation's public profile by id ($1). */
export const PROFILE_BY_ID_SQL = profileSql(`SELECT ${PROFILE_COLUMNS} FROM organizations o WHERE o.id = $1`, 'p.id');

/** A page of rows and, for each, the sort value its cursor needs. */
export interface OrganizationPageRows {
  rows: OrganizationRow[];
  cursorValues: string[];
}

/** Reads and writes organisations; every method does one named thing. */
@Injectable()
export class OrganizationsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statements: PreparedStatements,
  ) {}

  /** One organisation by id, archived or not. */
  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Organization | null> {
    return manager.findOne(Organization, { where: { id } });
  }

  /** The school holding an NPSN, if any. */
  findByNpsn(npsn: string, manager: EntityManager = this.dataSource.manager): Promise<Organization | null> {
    return manager.findOne(Organization, { where: { npsn } });
  }

  /** A region by code, if it is a known one. */
  findRegion(code: string, manager: EntityManager = this.dataSource.manager): Promise<Region | null> {
    return manager.findOne(Region, { where: { code } });
  }

  /** One organisation's public profile with its region name and partner flag. */
  async findProfile(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationRow | null> {
    const rows = await this.statements.rows<OrganizationRow>(PROFILE_BY_ID_SQL, [id], manager);
    return rows[0] ?? null;
  }

  /** A page of organisations in the asked order, fetched with one query (limit + 1 rows). */
  async listPage(query: ListOrganizationsQuery, limit: number): Promise<OrganizationPageRows> {
    const sort = SORTS[query.sort ?? 'name'];
    const after = decodeCursor(query.cursor, [sort.part, 'uuid']);
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (!query.includeArchived) where.push('o.archived_at IS NULL');
    if (query.type) where.push(`o.type = ${param(query.type)}`);
    if (query.level) where.push(`o.school_level = ${param(query.level)}`);
    if (query.regionCode) {
      const rc = param(query.regionCode);
      where.push(`o.region_code IN (SELECT rr.code FROM regions rr WHERE rr.code = ${rc} OR rr.province_code = ${rc})`);
    }
    if (query.districtCode) where.push(`o.district_code = ${param(query.districtCode)}`);
    if (query.q) where.push(`(o.name ILIKE ${param(`%${query.q.replace(/[%_\\]/g, '\\$&')}%`)} OR o.npsn = ${param(query.q.trim())})`);
    if (query.hasActivePartner !== undefined) where.push(`o.type = 'school' AND ${query.hasActivePartner ? '' : 'NOT '}${hasActivePartnerSql('o')}`);
    if (after) {
      const op = sort.direction === 'ASC' ? '>' : '<';
      const value = sort.part === 'timestamp' ? `CAST(${param(after[0])} AS timestamptz)` : param(after[0]);
      where.push(`(${sort.column}, o.id) ${op} (${value}, ${param(after[1])})`);
    }
    const page = `SELECT ${PROFILE_COLUMNS}, ${sort.cursorSql} AS "cursorValue"
                    FROM organizations o ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                   ORDER BY ${sort.column} ${sort.direction}, o.id ${sort.direction}
                   LIMIT ${param(limit + 1)}`;
    const rows = await this.statements.rows<OrganizationRow & { cursorValue: string }>(profileSql(page, `p."${sort.field}" ${sort.direction}, p.id ${sort.direction}`), params);
    return {
      rows: rows.map(({ cursorValue: _cursor, ...row }) => row),
      cursorValues: rows.map((r) => String(r.cursorValue)),
    };
  }
}
