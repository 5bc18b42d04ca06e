import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * The hottest reads (the session check every signed-in request makes, an organisation's profile, a
 * page of the organisation list, the partnership timeline) sent straight to the pool, without
 * TypeORM's query runner around them; on a real PostgreSQL each is a named prepared statement of
 * its connection like every other statement with parameters (PreparingClient). Inside a transaction
 * (`manager` other than the default) the statement goes through the transaction's manager.
 */
@Injectable()
export class PreparedStatements {
  constructor(private readonly dataSource: DataSource) {}

  /** The rows of a SELECT `text` with `values`, on `manager` when it is a transaction's. */
  async rows<T>(text: string, values: readonly unknown[], manager?: EntityManager): Promise<T[]> {
    if (manager !== undefined && manager !== this.dataSource.manager) return (await manager.query(text, values as unknown[])) as T[];
    this.dataSource.logger.logQuery(text, values as unknown[]);
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    try {
      return (await pool.query(text, values as unknown[])).rows as T[];
    } catch (err) {
      // As TypeORM would: the error mapping (src/common/errors) reads the driver's error inside.
      throw new QueryFailedError(text, values as unknown[], err as Error);
    }
  }
}
