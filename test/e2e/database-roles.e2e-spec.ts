import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { createApp } from '../../src/app.setup';
import { AppLogger } from '../../src/common/logging/logger';
import { loadConfig } from '../../src/config/env';
import { dataSourceOptions, grantRuntimeRoleLocked } from '../../src/database/data-source';
import { migrateAtStart, StartUpMigration } from '../../src/database/migrate-at-start';
import { APPEND_ONLY_TABLES, READ_ONLY_TABLES } from '../../src/database/runtime-role';
import { TEST_JWT_SECRET } from '../support/app';
import { databaseUrl, dropDatabase, onServer } from '../support/database';
import { createOrganization, signedIn } from '../support/factories';

// The split between the role that owns the schema (and migrates it) and the role the API runs as:
// the runtime role can use every table but cannot alter, disable the triggers of, truncate, drop,
// update or delete from the audit log. A fresh database and two login roles of its own (roles are
// cluster-wide, so both end in _test and are dropped afterwards, whatever happened).

const SETUP_TIMEOUT_MS = 5 * 60_000;

/** Roles are shared by every database of the server: the suite only ever creates or drops *_test ones. */
function assertTestRole(name: string): void {
  if (!/^[a-z0-9_]+_test$/.test(name)) throw new Error(`refusing to touch role "${name}": test roles must end in _test`);
}

function roleUrl(server: string, database: string, role: string, password: string): string {
  const url = new URL(databaseUrl(server, database));
  url.username = role;
  url.password = password;
  return url.toString();
}

/** The SQLSTATE a statement fails with, or null when it succeeds. */
async function failure(client: Client, sql: string): Promise<string | null> {
  try {
    await client.query(sql);
    return null;
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

describe('database roles: a schema owner that migrates, a runtime role the API runs as', () => {
  const server = process.env.JALIN_TEST_SERVER as string;
  const suffix = randomBytes(4).toString('hex');
  const database = `jalin_roles_${suffix}_test`;
  const owner = `jalin_owner_${suffix}_test`;
  const runtime = `jalin_runtime_${suffix}_test`;
  const ownerPassword = randomBytes(12).toString('hex');
  const runtimePassword = randomBytes(12).toString('hex');
  const ownerUrl = roleUrl(server, database, owner, ownerPassword);
  const runtimeUrl = roleUrl(server, database, runtime, runtimePassword);

  const roles: string[] = [];
  let databaseCreated = false;
  let app: INestApplication | null = null;
  let http: ReturnType<typeof request>;
  let api: DataSource;
  let ownerSource: DataSource | null = null;
  let asRuntime: Client | null = null;
  let asOwner: Client | null = null;
  let started: StartUpMigration;

  const runtimeClient = () => asRuntime as Client;
  const ownerClient = () => asOwner as Client;

  beforeAll(async () => {
    await onServer(server, async (c) => {
      for (const [role, password] of [
        [owner, ownerPassword],
        [runtime, runtimePassword],
      ]) {
        assertTestRole(role);
        await c.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}'`);
        roles.push(role);
      }
      await c.query(`CREATE DATABASE "${database}" OWNER "${owner}"`);
      databaseCreated = true;
    });
    // What docs/operations.md asks of servers older than PostgreSQL 15 (where PUBLIC may create in
    // schema public); a no-op on newer ones.
    const superuser = new Client({ connectionString: databaseUrl(server, database) });
    await superuser.connect();
    try {
      await superuser.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    } finally {
      await superuser.end();
    }

    // Started as src/main.ts starts it: the API's pool as the runtime role, then the start-up
    // migration as the owner (with the grants), then the HTTP application.
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: runtimeUrl,
      MIGRATION_DATABASE_URL: ownerUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      DB_POOL_MAX: '4',
    });
    const nest = await createApp({ config, databaseUrl: runtimeUrl, logger: AppLogger.create('silent') });
    app = nest;
    api = nest.get(DataSource);
    started = await migrateAtStart(config, api);
    await nest.init();
    http = request(nest.getHttpServer());

    ownerSource = new DataSource(dataSourceOptions(ownerUrl, 2));
    await ownerSource.initialize();
    asRuntime = new Client({ connectionString: runtimeUrl });
    await asRuntime.connect();
    asOwner = new Client({ connectionString: ownerUrl });
    await asOwner.connect();
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await ownerSource?.destroy().catch(() => undefined);
    await asRuntime?.end().catch(() => undefined);
    await asOwner?.end().catch(() => undefined);
    if (databaseCreated) await dropDatabase(server, database);
    await onServer(server, async (c) => {
      for (const role of roles) {
        assertTestRole(role);
        await c.query(`DROP ROLE IF EXISTS "${role}"`);
      }
    });
  });

  it('migrates as the owner at start-up and grants the runtime role, which owns nothing', async () => {
    expect(started.applied).toHaveLength(MIGRATIONS.length);
    expect(started.grants).toEqual({ role: runtime, tables: expect.any(Number), warnings: [] });
    expect(started.grants?.tables).toBeGreaterThan(20);
    const owners = await ownerClient().query(
      `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace`,
    );
    expect(owners.rows).toEqual([{ owner }]);
    const applied = await runtimeClient().query('SELECT count(*)::int AS n FROM migrations');
    expect(applied.rows).toEqual([{ n: MIGRATIONS.length }]);
  });

  it.each([
    ['alter the audit table', 'ALTER TABLE audit_events ADD COLUMN tampered boolean'],
    ['disable its append-only trigger', 'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete'],
    ['disable all its triggers', 'ALTER TABLE audit_events DISABLE TRIGGER ALL'],
    ['drop its trigger', 'DROP TRIGGER audit_events_no_truncate ON audit_events'],
    ['replace the trigger function', `CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`],
    ['take the table over', 'ALTER TABLE audit_events OWNER TO CURRENT_USER'],
    ['rename it', 'ALTER TABLE audit_events RENAME TO audit_events_old'],
    ['truncate it', 'TRUNCATE audit_events'],
    ['drop it', 'DROP TABLE audit_events'],
    ['delete audit rows', 'DELETE FROM audit_events'],
    ['update audit rows', `UPDATE audit_events SET action = 'tampered'`],
    ['skip triggers for its session', 'SET session_replication_role = replica'],
    ['create a table of its own', 'CREATE TABLE audit_events_copy (id bigint)'],
  ])('the runtime role cannot %s', async (_what, sql) => {
    expect(await failure(runtimeClient(), sql)).toBe('42501');
  });

  it('leaves the audit table, its triggers and its rows as they were after those attempts', async () => {
    await ownerClient().query(`INSERT INTO audit_events (action, entity_type) VALUES ('probe', 'test')`);
    for (const sql of ['TRUNCATE audit_events', 'DELETE FROM audit_events', `UPDATE audit_events SET action = 'tampered'`, 'ALTER TABLE audit_events DISABLE TRIGGER ALL']) {
      expect(await failure(runtimeClient(), sql)).toBe('42501');
    }
    const probes = await ownerClient().query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'probe'`);
    expect(probes.rows).toEqual([{ n: 1 }]);
    const triggers = await ownerClient().query(
      `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal ORDER BY tgname`,
    );
    expect(triggers.rows).toEqual([
      { tgname: 'audit_events_no_truncate', tgenabled: 'O' },
      { tgname: 'audit_events_no_update_delete', tgenabled: 'O' },
    ]);
  });

  it('the runtime role appends to the audit log and reads and writes the other tables', async () => {
    const db = runtimeClient();
    const line = await db.query(`INSERT INTO audit_events (action, entity_type, entity_id) VALUES ('create', 'organization', 'x') RETURNING id`);
    const read = await db.query('SELECT action FROM audit_events WHERE id = $1', [line.rows[0].id]);
    expect(read.rows).toEqual([{ action: 'create' }]);

    const org = await db.query(`INSERT INTO organizations (type, name) VALUES ('company', 'PT Peran Uji') RETURNING id`);
    const id = org.rows[0].id as string;
    await db.query(`UPDATE organizations SET name = 'PT Peran Uji Baru', version = version + 1 WHERE id = $1`, [id]);
    expect((await db.query('SELECT name FROM organizations WHERE id = $1', [id])).rows).toEqual([{ name: 'PT Peran Uji Baru' }]);
    expect((await db.query('DELETE FROM organizations WHERE id = $1', [id])).rowCount).toBe(1);
    // A BIGSERIAL table: the sequence may be used.
    await db.query(`INSERT INTO login_failures (scope, key) VALUES ('account', 'probe@jalin.test')`);
    expect((await db.query(`DELETE FROM login_failures WHERE key = 'probe@jalin.test'`)).rowCount).toBe(1);

    // The record of migrations and the money ledgers are not the runtime role's to change either.
    expect(await failure(db, `INSERT INTO migrations (timestamp, name) VALUES (1, 'Fake1')`)).toBe('42501');
    expect(await failure(db, 'DELETE FROM migrations')).toBe('42501');
    expect(await failure(db, 'UPDATE grant_ledger_entries SET amount = 0')).toBe('42501');
    expect(await failure(db, 'DELETE FROM disbursements')).toBe('42501');
    expect(await failure(db, 'TRUNCATE organizations')).toBe('42501');
  });

  it('has exactly the rights the policy names on every table, and every table that refuses TRUNCATE by trigger is append-only', async () => {
    const rows = (
      await ownerClient().query(
        `SELECT c.relname AS name,
                array_remove(ARRAY[
                  CASE WHEN has_table_privilege($1, c.oid, 'SELECT') THEN 'SELECT' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'INSERT') THEN 'INSERT' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'UPDATE') THEN 'UPDATE' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'DELETE') THEN 'DELETE' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'TRUNCATE') THEN 'TRUNCATE' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'REFERENCES') THEN 'REFERENCES' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'TRIGGER') THEN 'TRIGGER' END], NULL) AS rights
           FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
        [runtime],
      )
    ).rows as Array<{ name: string; rights: string[] }>;
    expect(rows.length).toBeGreaterThan(20);
    for (const { name, rights } of rows) {
      const expected = APPEND_ONLY_TABLES.includes(name) ? ['SELECT', 'INSERT'] : READ_ONLY_TABLES.includes(name) ? ['SELECT'] : ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
      expect({ name, rights }).toEqual({ name, rights: expected });
    }
    const refusingTruncate = (
      await ownerClient().query(
        // tgtype bits: 2 BEFORE, 32 TRUNCATE.
        `SELECT DISTINCT tgrelid::regclass::text AS name FROM pg_trigger WHERE NOT tgisinternal AND tgtype & 2 <> 0 AND tgtype & 32 <> 0 ORDER BY 1`,
      )
    ).rows.map((r: { name: string }) => r.name);
    expect(refusingTruncate.length).toBeGreaterThan(0);
    expect([...APPEND_ONLY_TABLES].sort()).toEqual(refusingTruncate);
  });

  it('the API, running as the runtime role, is ready, signs in and records an audited change', async () => {
    expect((await http.get('/health/ready')).status).toBe(200);
    const admin = await signedIn(api, http, 'admin');
    const org = await createOrganization(api, 'company');
    const res = await http.patch(`/api/v1/organizations/${org.id}`).set('Authorization', admin.auth).send({ version: 1, name: 'PT Peran Baru' });
    expect(res.status).toBe(200);
    const events = await http.get(`/api/v1/audit-events?entityType=organization&entityId=${org.id}`).set('Authorization', admin.auth);
    expect(events.status).toBe(200);
    expect(events.body.items).toEqual([expect.objectContaining({ action: 'update', actorUserId: admin.user.id })]);
    const logins = await runtimeClient().query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'login' AND actor_user_id = $1`, [admin.user.id]);
    expect(logins.rows).toEqual([{ n: 1 }]);
  });

  it('granting again takes back rights given by hand and keeps the API working', async () => {
    await ownerClient().query(`GRANT UPDATE, DELETE, TRUNCATE ON audit_events TO "${runtime}"`);
    expect(await failure(runtimeClient(), `UPDATE audit_events SET action = action WHERE false`)).toBeNull();
    const grants = await grantRuntimeRoleLocked(ownerSource as DataSource, runtime);
    expect(grants.warnings).toEqual([]);
    expect(await failure(runtimeClient(), `UPDATE audit_events SET action = action WHERE false`)).toBe('42501');
    expect(await failure(runtimeClient(), 'TRUNCATE audit_events')).toBe('42501');
    expect((await http.get('/health/ready')).status).toBe(200);
  });

  it('refuses to grant to a role that could undo the protection', async () => {
    const source = ownerSource as DataSource;
    await expect(grantRuntimeRoleLocked(source, owner)).rejects.toThrow(/is the role that migrates/);
    await expect(grantRuntimeRoleLocked(source, `jalin_missing_${suffix}_test`)).rejects.toThrow(/does not exist/);
    const [{ rolname }] = (await ownerClient().query('SELECT rolname FROM pg_roles WHERE rolsuper ORDER BY oid LIMIT 1')).rows;
    await expect(grantRuntimeRoleLocked(source, rolname)).rejects.toThrow(/is a superuser/);
  });
});
