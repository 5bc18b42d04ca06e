import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProgramYear } from './program-year.entity';
import type { ProgramYearStatus } from './program-year-status';
import type { Actor } from '../common/auth/actor';
import { partnershipScope } from '../partnerships/partnership-scope';
import { cohortCtes } from '../reports/definitions';
import type { PartnershipStatus } from '../partnerships/partnership-status';

/** A partnership of a year's cohort as read from the database. */
export interface CohortRow {
  partnershipId: string;
  schoolId: string;
  schoolName: string;
  npsn: string | null;
  status: PartnershipStatus;
  explicit: boolean;
}

/**
 * Reads and writes the years of one program. The caller has already found the program inside its
 * own scope, so every method here is narrowed to that program.
 */
@Injectable()
export class ProgramYearsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The years of a program, oldest first. */
  listOf(programId: string, manager: EntityManager = this.dataSource.manager): Promise<ProgramYear[]> {
    return manager.find(ProgramYear, { where: { programId }, order: { year: 'ASC' } });
  }

  /** One year of a program; null when the id names no year of it. With `lock`, the row stays locked until the transaction ends. */
  findOf(programId: string, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ProgramYear | null> {
    const qb = manager.getRepository(ProgramYear).createQueryBuilder('y').where('y.id = :id AND y.program_id = :programId', { id, programId });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** The record of a calendar year in a program, if any. */
  findByYear(programId: string, year: number, manager: EntityManager = this.dataSource.manager): Promise<ProgramYear | null> {
    return manager.findOne(ProgramYear, { where: { programId, year } });
  }

  /** Inserts a new year. */
  insert(fields: Partial<ProgramYear>, manager: EntityManager): Promise<ProgramYear> {
    return manager.save(manager.create(ProgramYear, fields));
  }

  /** Moves a (locked) year to `status` and bumps its version. */
  async setStatus(id: string, status: ProgramYearStatus, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ProgramYear)
      .set({ status, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Whole rupiah awarded in live (not cancelled) grants, per year of a program: the same sum the
   * grant award checks against the envelope. Years without grants are left out.
   */
  async committedByYear(programId: string, manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const rows = (await manager.query(
      `SELECT g.program_year_id AS "yearId", CAST(SUM(g.awarded_amount) AS text) AS total
         FROM grants g JOIN program_years y ON y.id = g.program_year_id
        WHERE y.program_id = $1 AND g.status <> 'cancelled'
        GROUP BY g.program_year_id`,
      [programId],
    )) as Array<{ yearId: string; total: string }>;
    return new Map(rows.map((r) => [r.yearId, r.total]));
  }

  /**
   * The partnerships of a year's cohort that the caller may see (the cohort rule of the reports:
   * counted in explicitly, or active on at least one day of the year up to `today`), by school name.
   */
  async cohortOf(actor: Actor, programId: string, yearId: string, today: string): Promise<CohortRow[]> {
    const scope = partnershipScope(actor, 'p');
    const named: Record<string, unknown> = { ...scope.params, programId, yearId, today };
    const sql = `WITH ${cohortCtes(`p.program_id = :programId AND ${scope.sql}`, 'y.id = :yearId')}
      SELECT c.partnership_id AS "partnershipId", s.id AS "schoolId", s.name AS "schoolName", s.npsn, p.status,
             EXISTS (SELECT 1 FROM partnership_years x WHERE x.partnership_id = c.partnership_id AND x.program_year_id = c.program_year_id) AS explicit
        FROM cohort c JOIN partnerships p ON p.id = c.partnership_id JOIN organizations s ON s.id = c.school_id
       ORDER BY s.name, c.partnership_id`;
    const [query, params] = this.dataSource.driver.escapeQueryWithParameters(sql, named);
    return (await this.dataSource.query(query, params)) as CohortRow[];
  }
}
