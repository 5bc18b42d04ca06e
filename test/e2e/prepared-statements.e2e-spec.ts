import type { Pool, PoolClient } from 'pg';
import { QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PreparedStatements } from '../../src/database/prepared-statements';
import { PROFILE_BY_ID_SQL } from '../../src/organizations/organizations.repository';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, signedIn } from '../support/factories';

/**
 * The hottest statements go to PostgreSQL as named prepared statements (parsed and planned once per
 * connection); everything else about them stays as it was: the rows, the errors, transactions. Other
 * statements are not prepared.
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

  it('leaves every other statement unprepared', async () => {
    const other = `SELECT name FROM regions WHERE code = $1 AND level = $2`;
    expect(await t.dataSource.query(other, ['63', 'province'])).toEqual([{ name: 'Kalimantan Selatan' }]);
    expect([...(await preparedOnEveryConnection()).values()]).not.toContain(other);
  });

  it('answers from a new connection when a migration changed the columns a prepared statement returns', async () => {
    await t.dataSource.query(`CREATE TABLE prepared_probe (code integer)`);
    await t.dataSource.query(`INSERT INTO prepared_probe VALUES (7)`);
    const text = `SELECT code FROM prepared_probe WHERE code = $1`;
    try {
      // Prepared on both connections, so the next run meets the old plan whichever it gets.
      await Promise.all([statements.rows(text, [7]), statements.rows(text, [7])]);
      await Promise.all([statements.rows(text, [7]), statements.rows(text, [7])]);
      await t.dataSource.query(`ALTER TABLE prepared_probe ALTER COLUMN code TYPE bigint`);
      expect(await statements.rows(text, [7])).toEqual([{ code: '7' }]);
      expect(await statements.rows(text, [7])).toEqual([{ code: '7' }]);
    } finally {
      await t.dataSource.query(`DROP TABLE prepared_probe`);
    }
  });

  it("runs on a transaction's own connection when given its manager, prepared there, and sees what it wrote", async () => {
    const text = 'SELECT name FROM organizations WHERE id = $1';
    const { seen, prepared } = await t.dataSource.transaction(async (manager) => {
      const [org] = (await manager.query(`INSERT INTO organizations (type, name) VALUES ('company', 'PT Belum Tersimpan') RETURNING id`)) as Array<{ id: string }>;
      const rows = await statements.rows<{ name: string }>(text, [org.id], manager);
      // Prepared on the transaction's own connection.
      const names = (await manager.query('SELECT name FROM pg_prepared_statements WHERE statement = $1', [text])) as Array<{ name: string }>;
      return { seen: rows, prepared: names };
    });
    expect(seen).toEqual([{ name: 'PT Belum Tersimpan' }]);
    expect(prepared).toHaveLength(1);
  });
});
