import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager, ObjectLiteral, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG, AppConfig } from '../config/env';

/** The statement name of a text: the same text always has the same name, two texts never share one. */
export function statementName(text: string): string {
  return `jalin_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
}

/** PostgreSQL's answer to a prepared statement whose tables changed the columns it returns (a migration). */
function isStalePlan(err: unknown): boolean {
  return (err as { code?: string } | undefined)?.code === '0A000' && /cached plan must not change result type/.test(String((err as Error).message));
}

/**
 * The hottest statements as named prepared statements: the session check every signed-in request
 * makes, an organisation's profile and a page of the organisation list, a partnership, a grant and a
 * mentoring assignment as their details and the writes read them, and the partnership timeline. On
 * each pooled connection PostgreSQL parses and plans such a statement once and then only binds and
 * runs it; planning is most of its work for these short statements (a grant's seven-table join: 3 ms
 * to plan, 0.15 ms to run; docs/benchmarks.md). Outside a transaction they go straight to the pool,
 * without TypeORM's query runner around them; inside one (`manager` of a transaction) on the
 * transaction's own connection.
 *
 * Chosen statement by statement, never for every statement: a prepared statement may switch to a
 * generic plan that ignores its parameters' values, which is right for these lookups by id but was
 * catastrophic for the reports' aggregates (a region report over 30 s). Each text has one name and
 * the set of texts is fixed by the code, so what a connection keeps prepared is bounded.
 *
 * Not in the embedded mode: every pooled connection shares PGlite's one session, so a name prepared
 * through one connection would already exist for the next (node-pg's memory is per connection).
 *
 * A migration that changes the columns such a statement returns makes its next run on each
 * connection fail ("cached plan must not change result type"): outside a transaction that connection
 * is closed and the statement runs again, unnamed; inside one the transaction fails and its
 * connection is closed, so the pool opens a new one.
 */
@Injectable()
export class PreparedStatements {
  private readonly named: boolean;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.named = config.databaseUrl !== null;
  }

  /** The first row of a query builder's SELECT (built on `manager`), or null: a record by id. */
  async firstRow<T>(qb: SelectQueryBuilder<ObjectLiteral>, manager: EntityManager): Promise<T | null> {
    const [sql, params] = qb.getQueryAndParameters();
    const [row] = await this.rows<T>(sql, params, manager);
    return row ?? null;
  }

  /** The rows of a SELECT `text` with `values`, on `manager`'s connection when it is a transaction's. */
  async rows<T>(text: string, values: readonly unknown[], manager?: EntityManager): Promise<T[]> {
    const runner = manager?.queryRunner;
    if (!this.named) return (await (manager ?? this.dataSource.manager).query(text, values as unknown[])) as T[];
    this.dataSource.logger.logQuery(text, values as unknown[]);
    const query = { name: statementName(text), text, values: values as unknown[] };
    try {
      if (runner) {
        const client = (await runner.connect()) as PoolClient;
        try {
          return (await client.query(query)).rows as T[];
        } catch (err) {
          if (isStalePlan(err)) (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
          throw err;
        }
      }
      const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
      const client = await pool.connect();
      let failure: unknown;
      try {
        return (await client.query(query)).rows as T[];
      } catch (err) {
        failure = err;
        if (!isStalePlan(err)) throw err;
      } finally {
        // A stale plan: the connection is closed (release with an error), the statement runs unnamed
        // on another (which may hold the same old plan until its own next run closes it too).
        client.release(isStalePlan(failure) ? (failure as Error) : undefined);
      }
      return (await pool.query(text, values as unknown[])).rows as T[];
    } catch (err) {
      // As TypeORM would: the error mapping (src/common/errors) reads the driver's error inside.
      throw err instanceof QueryFailedError ? err : new QueryFailedError(text, values as unknown[], err as Error);
    }
  }
}
