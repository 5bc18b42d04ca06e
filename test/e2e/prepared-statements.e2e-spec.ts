import type { Client, Pool, PoolClient } from 'pg';
import { QueryFailedError } from 'typeorm';
import { MAX_PREPARED_PER_CONNECTION, PreparingClient } from '../../src/database/preparing-client';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PreparedStatements } from '../../src/database/prepared-statements';
import { PROFILE_BY_ID_SQL } from '../../src/organizations/organizations.repository';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, signedIn } from '../support/factories';

/**
 * The API's statements with parameters go to PostgreSQL as named prepared statements (parsed and
 * planned once per connection); everything else about them stays as it was: the rows, the errors,
 * transactions, statements without parameters. The hottest reads skip TypeORM's query runner.
 */
describe('prepared statements', () => {
  let t: TestApp;
  let statements: PreparedStatements;
  beforeAll(async () => {
    // Two connections, so the test can hold both and read what each has prepared.
    t = await createTestApp({ env: { DB_POOL_MAX: '2' } });
    statements = t.app.get(PreparedStatements);
  });
  afterAll(() => t.close());

  /** What the pool's connections have prepared: name → statement text. */
  async function preparedOnEveryConnection(): Promise<Map<string, string>> {
    const pool = (t.dataSource.driver as PostgresDriver).master as Pool;
    const clients: PoolClient[] = [await pool.connect(), await pool.connect()];
    try {
      const found = new Map<string, string>();
      for (const client of clients) {
        const { rows } = await client.query<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements');
        for (const row of rows) found.set(row.name, row.statement);
      }
      return found;
    } finally {
      for (const client of clients) client.release();
    }
  }

  it('sends the session check and an organisation profile as named statements, and answers as before', async () => {
    const school = await createOrganization(t.dataSource, 'school', { name: 'SDN Siap Saji', regionCode: '63.71' });
    const { auth } = await signedIn(t.dataSource, t.http, 'admin');
    for (let i = 0; i < 3; i++) {
      const res = await t.http.get(`/api/v1/organizations/${school.id}`).set('Authorization', auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: school.id, name: 'SDN Siap Saji', regionCode: '63.71', regionName: 'Kota Banjarmasin', hasActivePartner: false });
    }
    const prepared = [...(await preparedOnEveryConnection()).entries()];
    const named = (fragment: string) => prepared.filter(([name, text]) => name.startsWith('jalin_') && text.includes(fragment));
    expect(named('JOIN auth_sessions s ON s.id = $2')).toHaveLength(1);
    expect(named(PROFILE_BY_ID_SQL.trim().slice(0, 60))).toHaveLength(1);
  });

  it('ends a session at once all the same: a signed-out token is refused on its next request', async () => {
    const { auth } = await signedIn(t.dataSource, t.http, 'admin');
    expect((await t.http.get('/api/v1/auth/me').set('Authorization', auth)).status).toBe(200);
    expect((await t.http.post('/api/v1/auth/logout').set('Authorization', auth)).status).toBeLessThan(300);
    const after = await t.http.get('/api/v1/auth/me').set('Authorization', auth);
    expect(after.status).toBe(401);
  });

  it('gives one text one name, and reads the same rows as an ordinary query', async () => {
    const text = 'SELECT code, name FROM regions WHERE code = $1';
    const first = await statements.rows<{ code: string; name: string }>(text, ['63.71']);
    const again = await statements.rows<{ code: string; name: string }>(text, ['63.72']);
    expect(first).toEqual(await t.dataSource.query(text, ['63.71']));
    expect(again).toEqual(await t.dataSource.query(text, ['63.72']));
    const names = [...(await preparedOnEveryConnection()).entries()].filter(([, s]) => s === text).map(([name]) => name);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(1);
  });

  it('fails as TypeORM would, with the driver error inside, so the error mapping reads it', async () => {
    const failure = await statements.rows('SELECT id FROM no_such_table WHERE id = $1', [1]).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('42P01');
  });

  it('prepares what TypeORM sends with parameters, but not statements without parameters or bulk ones', async () => {
    const withParameters = `SELECT name FROM regions WHERE code = $1 AND level = $2`;
    expect(await t.dataSource.query(withParameters, ['63', 'province'])).toEqual([{ name: 'Kalimantan Selatan' }]);
    // Several statements in one text only work without parameters (the simple protocol): still so.
    await t.dataSource.query(`SELECT 1 AS one; SELECT 2 AS two`);
    const bulkValues = Array.from({ length: 120 }, (_, i) => `63.${String(i).padStart(2, '0')}`);
    const bulk = `SELECT count(*) AS n FROM regions WHERE code IN (${bulkValues.map((_, i) => `$${i + 1}`).join(', ')})`;
    expect(Number((await t.dataSource.query(bulk, bulkValues))[0].n)).toBeGreaterThan(0);
    const texts = [...(await preparedOnEveryConnection()).values()];
    expect(texts).toContain(withParameters);
    expect(texts).not.toContain(bulk);
    expect(texts.some((x) => x.includes('SELECT 2 AS two'))).toBe(false);
  });

  it(`keeps at most ${MAX_PREPARED_PER_CONNECTION} statements prepared per connection, and sends the rest unnamed`, async () => {
    const client: Client = new PreparingClient({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      for (let i = 0; i < MAX_PREPARED_PER_CONNECTION + 20; i++) {
        const { rows } = await client.query(`SELECT CAST($1 AS integer) + ${i} AS n`, [1]);
        expect(rows).toEqual([{ n: 1 + i }]);
      }
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_prepared_statements`);
      expect(Number(rows[0].n)).toBe(MAX_PREPARED_PER_CONNECTION);
    } finally {
      await client.end();
    }
  });

  it('gives up a connection whose prepared plan no longer fits a changed table, and the next connection works', async () => {
    await t.dataSource.query(`CREATE TABLE prepared_probe (code integer)`);
    await t.dataSource.query(`INSERT INTO prepared_probe VALUES (7)`);
    const client: Client = new PreparingClient({ connectionString: t.databaseUrl });
    client.on('error', () => {});
    await client.connect();
    const text = `SELECT code FROM prepared_probe WHERE code = $1`;
    expect((await client.query(text, [7])).rows).toEqual([{ code: 7 }]);
    // A migration changes the column's type while the connection holds the statement's plan.
    await t.dataSource.query(`ALTER TABLE prepared_probe ALTER COLUMN code TYPE bigint`);
    const stale = await client.query(text, [7]).catch((err: unknown) => err);
    expect((stale as { code?: string }).code).toBe('0A000');
    const after = await client.query(text, [7]).catch((err: unknown) => err);
    expect(after).toBeInstanceOf(Error);
    const fresh: Client = new PreparingClient({ connectionString: t.databaseUrl });
    await fresh.connect();
    try {
      expect((await fresh.query(text, [7])).rows).toEqual([{ code: '7' }]);
    } finally {
      await fresh.end();
      await t.dataSource.query(`DROP TABLE prepared_probe`);
    }
  });

  it("runs on a transaction's own connection when given its manager, and sees what it wrote", async () => {
    const seen = await t.dataSource.transaction(async (manager) => {
      const [org] = (await manager.query(`INSERT INTO organizations (type, name) VALUES ('company', 'PT Belum Tersimpan') RETURNING id`)) as Array<{ id: string }>;
      return statements.rows<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [org.id], manager);
    });
    expect(seen).toEqual([{ name: 'PT Belum Tersimpan' }]);
  });
});
