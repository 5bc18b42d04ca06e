import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProgramYear } from './program-year.entity';
import type { ProgramYearStatus } from './program-year-status';

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
}
