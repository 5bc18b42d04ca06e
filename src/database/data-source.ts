import { DataSource, DataSourceOptions, Logger, MigrationExecutor, QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './naming.strategy';
import { grantRuntimeRole, RuntimeGrants } from './runtime-role';

/**
 * The one set of DataSource options, used by the API, the migrations CLI and the tests.
 * `statementTimeoutMs` (0: none) is sent as the connections' statement_timeout: the API's queries are
 * cancelled (SQLSTATE 57014, answered as 503) instead of hanging while the database is frozen;
 * migrations run without it.
 */
export function dataSourceOptions(url: string, poolMax = 10, logger?: Logger, statementTimeoutMs = 0): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install (PGlite has none).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    logging: logger ? ['query'] : false,
    logger,
    extra: { max: poolMax, connectionTimeoutMillis: 10000, ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}) },
  };
}

/** Advisory lock key that serialises migration runs of several replicas starting at once. */
const MIGRATION_LOCK_KEY = 720_101;

/**
 * Runs `work` on one connection holding the migration lock, without the API's statement timeout (a
 * migration on a large table may take longer); the connection gets its own timeout back before it
 * returns to the pool.
 */
async function underMigrationLock<T>(dataSource: DataSource, work: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await runner.query('SET statement_timeout = 0');
      return await work(runner);
    } finally {
      await runner.query('RESET statement_timeout');
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** Runs pending migrations while holding a database lock, so only one replica migrates at a time. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  return underMigrationLock(dataSource, async (runner) => {
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const done = await executor.executePendingMigrations();
    return done.map((m) => m.name);
  });
}

/**
 * Runs pending migrations as the schema owner and then, under the same lock (concurrent GRANTs on one
 * table fail), grants the runtime role its rights on every table, those just created included.
 */
export async function runMigrationsAndGrantLocked(dataSource: DataSource, runtimeRole: string): Promise<{ applied: string[]; grants: RuntimeGrants }> {
  return underMigrationLock(dataSource, async (runner) => {
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const done = await executor.executePendingMigrations();
    const grants = await grantRuntimeRole(runner, runtimeRole);
    return { applied: done.map((m) => m.name), grants };
  });
}

/** Grants the runtime role its rights (see grantRuntimeRole) under the migration lock. */
export async function grantRuntimeRoleLocked(dataSource: DataSource, runtimeRole: string): Promise<RuntimeGrants> {
  return underMigrationLock(dataSource, (runner) => grantRuntimeRole(runner, runtimeRole));
}

/** Reverts the last migration while holding the same lock as a migration run. */
export async function revertLastMigrationLocked(dataSource: DataSource): Promise<void> {
  await underMigrationLock(dataSource, async (runner) => {
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    await executor.undoLastMigration();
  });
}

/**
 * Whether every known migration is recorded as applied; reads only, unlike TypeORM's
 * showMigrations(), which creates the migrations table when it is missing.
 */
export async function migrationsApplied(dataSource: DataSource): Promise<boolean> {
  const [{ present }] = await dataSource.query(`SELECT to_regclass('public.migrations') IS NOT NULL AS present`);
  if (!present) return false;
  const rows: Array<{ name: string }> = await dataSource.query('SELECT name FROM migrations');
  const applied = new Set(rows.map((r) => r.name));
  return dataSource.migrations.every((m) => m.name !== undefined && applied.has(m.name));
}

/** SQL that would bring the database to the entities; empty when the migrations are complete. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query),
  };
}
