import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, pendingSchemaChanges, revertLastMigrationLocked, runMigrationsLocked } from '../../src/database/data-source';
import { loadDemoData } from '../../src/demo/demo';
import { databaseUrl, dropDatabase, onServer } from '../support/database';

// Every migration goes down as well as up: on an empty database and on one holding the demo (every
// kind of record, invited users without a password among them), all the way down and up again,
// ending with the same schema (as PostgreSQL describes it) and the one the entities describe.

const TIMEOUT_MS = 10 * 60_000;

async function emptyDatabase(): Promise<{ name: string; dataSource: DataSource }> {
  const server = process.env.JALIN_TEST_SERVER as string;
  const name = `jalin_updown_${randomBytes(4).toString('hex')}_test`;
  await onServer(server, (c) => c.query(`CREATE DATABASE "${name}"`));
  const dataSource = new DataSource(dataSourceOptions(databaseUrl(server, name), 2));
  await dataSource.initialize();
  return { name, dataSource };
}

async function migrationNames(ds: DataSource): Promise<string[]> {
  return ((await ds.query(`SELECT name FROM migrations ORDER BY id`)) as Array<{ name: string }>).map((r) => r.name);
}

async function tables(ds: DataSource): Promise<string[]> {
  return ((await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as Array<{ tablename: string }>).map((r) => r.tablename);
}

/** The schema as PostgreSQL describes it: columns, constraints, indexes, triggers and functions. */
async function schemaDump(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(`
    SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
      FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL
    SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL
    SELECT 'trigger ' || tgrelid::regclass || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL
    SELECT 'function ' || p.proname || ' ' || md5(pg_get_functiondef(p.oid)) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
    ORDER BY 1`)) as Array<{ line: string }>;
  return rows.map((r) => r.line);
}

async function downToNothing(ds: DataSource): Promise<void> {
  for (let left = (await migrationNames(ds)).length; left > 0; left--) await revertLastMigrationLocked(ds);
  expect(await migrationNames(ds)).toEqual([]);
  // Only TypeORM's own bookkeeping table is left.
  expect(await tables(ds)).toEqual(['migrations']);
}

describe('migrations', () => {
  const server = process.env.JALIN_TEST_SERVER as string;
  let created: Array<{ name: string; dataSource: DataSource }> = [];
  afterAll(async () => {
    for (const db of created) {
      await db.dataSource.destroy().catch(() => undefined);
      await dropDatabase(server, db.name);
    }
    created = [];
  });

  it(
    'go up, all the way down and up again on an empty database, ending with the schema of the entities',
    async () => {
      const db = await emptyDatabase();
      created.push(db);
      const applied = await runMigrationsLocked(db.dataSource);
      expect(applied.length).toBeGreaterThan(5);
      const before = await schemaDump(db.dataSource);
      expect(before.length).toBeGreaterThan(100);
      await downToNothing(db.dataSource);
      expect(await runMigrationsLocked(db.dataSource)).toEqual(applied);
      expect(await schemaDump(db.dataSource)).toEqual(before);
      expect(await pendingSchemaChanges(db.dataSource)).toEqual({ up: [], down: [] });
    },
    TIMEOUT_MS,
  );

  it(
    'go down and up again over the demo data without an error',
    async () => {
      const db = await emptyDatabase();
      created.push(db);
      const applied = await runMigrationsLocked(db.dataSource);
      const before = await schemaDump(db.dataSource);
      expect(await loadDemoData(db.dataSource)).toBe(true);
      const [{ invited }] = (await db.dataSource.query(`SELECT count(*)::int AS invited FROM users WHERE password_hash IS NULL`)) as Array<{ invited: number }>;
      expect(invited).toBeGreaterThan(0);
      await downToNothing(db.dataSource);
      expect(await runMigrationsLocked(db.dataSource)).toEqual(applied);
      expect(await schemaDump(db.dataSource)).toEqual(before);
      expect(await pendingSchemaChanges(db.dataSource)).toEqual({ up: [], down: [] });
      // The demo loads again on the rebuilt schema.
      expect(await loadDemoData(db.dataSource)).toBe(true);
    },
    TIMEOUT_MS,
  );
});
