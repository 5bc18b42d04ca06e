import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor } from '../common/pagination/pagination';
import type { ListOrganizationsQuery } from './dto/list-organizations.query';
import { Organization } from './organization.entity';

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

  /** A page of organisations sorted by name then id, fetched with one query (limit + 1 rows). */
  listPage(query: ListOrganizationsQuery, limit: number): Promise<Organization[]> {
    const after = decodeCursor(query.cursor, ['string', 'uuid']);
    const qb = this.dataSource.getRepository(Organization).createQueryBuilder('o');
    if (!query.includeArchived) qb.andWhere('o.archived_at IS NULL');
    if (query.type) qb.andWhere('o.type = :type', { type: query.type });
    if (query.q) qb.andWhere('(o.name ILIKE :q OR o.npsn = :npsn)', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%`, npsn: query.q });
    if (after) qb.andWhere('(o.name, o.id) > (:afterName, :afterId)', { afterName: after[0], afterId: after[1] });
    return qb.orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').limit(limit + 1).getMany();
  }
}
