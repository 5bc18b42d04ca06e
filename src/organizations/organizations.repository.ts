import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CursorPart, decodeCursor } from '../common/pagination/pagination';
import { Region } from '../regions/region.entity';
import { hasActivePartnerSql } from './active-partner';
import type { ListOrganizationsQuery, OrganizationSort } from './dto/list-organizations.query';
import type { OrganizationRow } from './dto/organization.response';
import { Organization } from './organization.entity';

/** created_at with its microseconds, so a cursor on it is exact. */
const CREATED_CURSOR = `to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// An expression, not the bare column: TypeORM would take a bare "o.name" alias for the entity's own field.
const NAME_CURSOR = 'CAST(o.name AS text)';

const SORTS: Record<OrganizationSort, { column: string; cursorSql: string; part: CursorPart; direction: 'ASC' | 'DESC' }> = {
  name: { column: 'o.name', cursorSql: NAME_CURSOR, part: 'string', direction: 'ASC' },
  '-name': { column: 'o.name', cursorSql: NAME_CURSOR, part: 'string', direction: 'DESC' },
  createdAt: { column: 'o.created_at', cursorSql: CREATED_CURSOR, part: 'timestamp', direction: 'ASC' },
  '-createdAt': { column: 'o.created_at', cursorSql: CREATED_CURSOR, part: 'timestamp', direction: 'DESC' },
};

/** A page of rows and, for each, the sort value its cursor needs. */
export interface OrganizationPageRows {
  rows: OrganizationRow[];
  cursorValues: string[];
}

/** Reads and writes organisations; every method does one named thing. */
@Injectable()
export class OrganizationsRepository {
  constructor(private readonly dataSource: DataSource) {}

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

  private profileQuery(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<Organization> {
    return manager
      .getRepository(Organization)
      .createQueryBuilder('o')
      .leftJoin(Region, 'r', 'r.code = o.region_code')
      .addSelect('r.name', 'region_name')
      .leftJoin(Region, 'd', 'd.code = o.district_code')
      .addSelect('d.name', 'district_name')
      .addSelect(`CASE WHEN o.type = 'school' THEN ${hasActivePartnerSql('o')} END`, 'has_active_partner');
  }

  private static merge(raw: Array<Record<string, unknown>>, entities: Organization[]): OrganizationRow[] {
    return entities.map((e, i) => Object.assign(e, { regionName: raw[i].region_name as string | null, districtName: raw[i].district_name as string | null, hasActivePartner: raw[i].has_active_partner as boolean | null }));
  }

  /** One organisation's public profile with its region name and partner flag. */
  async findProfile(id: string, manager?: EntityManager): Promise<OrganizationRow | null> {
    const { raw, entities } = await this.profileQuery(manager).where('o.id = :id', { id }).getRawAndEntities();
    return OrganizationsRepository.merge(raw, entities)[0] ?? null;
  }

  /** A page of organisations in the asked order, fetched with one query (limit + 1 rows). */
  async listPage(query: ListOrganizationsQuery, limit: number): Promise<OrganizationPageRows> {
    const sort = SORTS[query.sort ?? 'name'];
    const after = decodeCursor(query.cursor, [sort.part, 'uuid']);
    const qb = this.profileQuery().addSelect(sort.cursorSql, 'cursor_value');
    if (!query.includeArchived) qb.andWhere('o.archived_at IS NULL');
    if (query.type) qb.andWhere('o.type = :type', { type: query.type });
    if (query.level) qb.andWhere('o.school_level = :level', { level: query.level });
    if (query.regionCode) {
      qb.andWhere('o.region_code IN (SELECT rr.code FROM regions rr WHERE rr.code = :rc OR rr.province_code = :rc)', { rc: query.regionCode });
    }
    if (query.districtCode) qb.andWhere('o.district_code = :dc', { dc: query.districtCode });
    if (query.q) {
      qb.andWhere('(o.name ILIKE :q OR o.npsn = :npsn)', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%`, npsn: query.q.trim() });
    }
    if (query.hasActivePartner !== undefined) {
      qb.andWhere(`o.type = 'school' AND ${query.hasActivePartner ? '' : 'NOT '}${hasActivePartnerSql('o')}`);
    }
    if (after) {
      const op = sort.direction === 'ASC' ? '>' : '<';
      const value = sort.part === 'timestamp' ? 'CAST(:afterValue AS timestamptz)' : ':afterValue';
      qb.andWhere(`(${sort.column}, o.id) ${op} (${value}, :afterId)`, { afterValue: after[0], afterId: after[1] });
    }
    qb.orderBy(sort.column, sort.direction).addOrderBy('o.id', sort.direction).limit(limit + 1);
    const { raw, entities } = await qb.getRawAndEntities();
    return { rows: OrganizationsRepository.merge(raw, entities), cursorValues: raw.map((r) => String(r.cursor_value)) };
  }
}
