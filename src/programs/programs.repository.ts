import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { decodeCursor } from '../common/pagination/pagination';
import { Organization } from '../organizations/organization.entity';
import { companyManageScope, programScope } from '../partnerships/partnership-scope';
import { Region } from '../regions/region.entity';
import type { ListProgramsQuery } from './dto/list-programs.query';
import type { ProgramRow } from './dto/program.response';
import { ProgramFacilitator } from './program-facilitator.entity';
import { ProgramYear } from './program-year.entity';
import { Program } from './program.entity';

/** What the service needs of an organisation named in a program (company, facilitators). */
export type OrganizationFacts = Pick<Organization, 'id' | 'type' | 'name' | 'archivedAt'>;

/** Reads and writes programs and their facilitators, always inside the caller's scope. */
@Injectable()
export class ProgramsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Programs with their company's name, their regions and facilitators by name, in one statement. */
  private programQuery(manager: EntityManager): SelectQueryBuilder<Program> {
    return manager
      .createQueryBuilder()
      .select('pr.id', 'id')
      .addSelect('pr.company_id', 'companyId')
      .addSelect('c.name', 'companyName')
      .addSelect('pr.name', 'name')
      .addSelect('pr.description', 'description')
      .addSelect('pr.focus_areas', 'focusAreas')
      .addSelect('pr.start_year', 'startYear')
      .addSelect('pr.end_year', 'endYear')
      .addSelect('pr.region_codes', 'regionCodes')
      .addSelect(
        `COALESCE((SELECT json_agg(json_build_object('code', rg.code, 'name', rg.name) ORDER BY rg.code)
                     FROM regions rg WHERE rg.code = ANY(pr.region_codes)), '[]')`,
        'regions',
      )
      .addSelect(
        `COALESCE((SELECT json_agg(json_build_object('id', fo.id, 'name', fo.name) ORDER BY fo.name, fo.id)
                     FROM program_facilitators pf JOIN organizations fo ON fo.id = pf.facilitator_id
                    WHERE pf.program_id = pr.id), '[]')`,
        'facilitators',
      )
      .addSelect('pr.version', 'version')
      .addSelect('pr.created_at', 'createdAt')
      .addSelect('pr.updated_at', 'updatedAt')
      .from(Program, 'pr')
      .innerJoin(Organization, 'c', 'c.id = pr.company_id') as SelectQueryBuilder<Program>;
  }

  /** A program the caller may read; null for missing and not-yours alike. */
  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<ProgramRow | null> {
    const scope = programScope(actor, 'pr');
    const row = await this.programQuery(manager).where('pr.id = :id', { id }).andWhere(scope.sql, scope.params).getRawOne<ProgramRow>();
    return row ?? null;
  }

  /**
   * A program the caller may change, as stored; null for missing and not-theirs alike. With `lock`,
   * the row stays locked until the transaction ends, so changes to one program (and the adding of
   * its years) happen one after another.
   */
  findManageable(actor: Actor, id: string, manager: EntityManager, lock = false): Promise<Program | null> {
    const scope = companyManageScope(actor, 'pr');
    const qb = manager.getRepository(Program).createQueryBuilder('pr').where('pr.id = :id', { id }).andWhere(scope.sql, scope.params);
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** A page of the programs the caller may read, by name, in one query (limit + 1 rows). */
  listPage(actor: Actor, query: ListProgramsQuery, limit: number): Promise<ProgramRow[]> {
    const after = decodeCursor(query.cursor, ['string', 'uuid']);
    const scope = programScope(actor, 'pr');
    const qb = this.programQuery(this.dataSource.manager).where(scope.sql, scope.params);
    if (query.companyId) qb.andWhere('pr.company_id = :companyId', { companyId: query.companyId });
    if (query.q) qb.andWhere('pr.name ILIKE :q', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    if (after) qb.andWhere('(pr.name, pr.id) > (CAST(:afterName AS varchar), CAST(:afterId AS uuid))', { afterName: after[0], afterId: after[1] });
    return qb.orderBy('pr.name', 'ASC').addOrderBy('pr.id', 'ASC').limit(limit + 1).getRawMany<ProgramRow>();
  }

  /** The organisations among `ids`, with what is needed to check their type. */
  findOrganizations(ids: string[], manager: EntityManager): Promise<OrganizationFacts[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.find(Organization, { select: { id: true, type: true, name: true, archivedAt: true }, where: { id: In(ids) } });
  }

  /** Which of `codes` are known region codes. */
  async knownRegionCodes(codes: string[], manager: EntityManager): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await manager.find(Region, { select: { code: true }, where: { code: In(codes) } });
    return new Set(rows.map((r) => r.code));
  }

  /** The years of a program that fall outside `startYear`..`endYear` (open end when null). */
  async yearsOutside(programId: string, startYear: number, endYear: number | null, manager: EntityManager): Promise<number[]> {
    const qb = manager
      .getRepository(ProgramYear)
      .createQueryBuilder('y')
      .select('y.year', 'year')
      .where('y.program_id = :programId', { programId })
      .andWhere(endYear === null ? 'y.year < :startYear' : '(y.year < :startYear OR y.year > :endYear)', { startYear, endYear })
      .orderBy('y.year', 'ASC');
    return (await qb.getRawMany<{ year: number }>()).map((r) => r.year);
  }

  /** The ids of a program's facilitator organisations. */
  async facilitatorIds(programId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.find(ProgramFacilitator, { select: { facilitatorId: true }, where: { programId }, order: { facilitatorId: 'ASC' } });
    return rows.map((r) => r.facilitatorId);
  }

  /** Inserts a new program. */
  insertProgram(fields: Partial<Program>, manager: EntityManager): Promise<Program> {
    return manager.save(manager.create(Program, fields));
  }

  /** Makes `facilitatorIds` the program's facilitators: removes the others, adds the new ones. */
  async replaceFacilitators(programId: string, facilitatorIds: string[], manager: EntityManager): Promise<void> {
    const qb = manager.createQueryBuilder().delete().from(ProgramFacilitator).where('program_id = :programId', { programId });
    if (facilitatorIds.length > 0) qb.andWhere('NOT (facilitator_id = ANY(:keep))', { keep: facilitatorIds });
    await qb.execute();
    if (facilitatorIds.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ProgramFacilitator)
        .values(facilitatorIds.map((facilitatorId) => ({ programId, facilitatorId })))
        .orIgnore()
        .execute();
    }
  }
}
