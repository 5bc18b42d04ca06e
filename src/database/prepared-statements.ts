import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG, AppConfig } from '../config/env';

/**
 * The hottest reads (the session check every signed-in request makes, an organisation's profile,
 * a page of the organisation list, the timeline's statements) as named prepared statements: on each
 * pooled connection PostgreSQL parses and plans such a statement once and then only binds and runs
 * it, which takes about a third of the server's time per statement that a fresh parse and plan takes
 * (docs/benchmarks.md). The name is derived from the SQL text, so a text always has the same name
 * and two texts never share one; node-pg remembers per connection which names it has prepared.
 *
 * Not in the embedded mode: there every pooled connection shares PGlite's one session, so a name
 * prepared through one connection would already exist for the next (node-pg's memory is per
 * connection). There, and inside a transaction (`manager` other than the default), the statement is
 * sent as any other, through TypeORM.
 */
@Injectable()
export class PreparedStatements {
  private readonly names = new Map<string, string>();
  private readonly named: boolean;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.named = config.databaseUrl !== null;
  }

  /** The rows of a SELECT `text` with `values`, on `manager` when it is a transaction's. */
  async rows<T>(text: string, values: readonly unknown[], manager?: EntityManager): Promise<T[]> {
    if (!this.named || (manager !== undefined && manager !== this.dataSource.manager)) {
      return (await (manager ?? this.dataSource.manager).query(text, values as unknown[])) as T[];
    }
    this.dataSource.logger.logQuery(text, values as unknown[]);
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    try {
      const result = await pool.query({ name: this.nameOf(text), text, values: values as unknown[] });
      return result.rows as T[];
    } catch (err) {
      // As TypeORM would: the error mapping (src/common/errors) reads the driver's error inside.
      throw new QueryFailedError(text, values as unknown[], err as Error);
    }
  }

  private nameOf(text: string): string {
    let name = this.names.get(text);
    if (name === undefined) {
      name = `jalin_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      this.names.set(text, name);
    }
    return name;
  }
}
