import { Controller, Get, Module } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Allow } from '../../src/common/auth/decorators';
import { Permission } from '../../src/common/auth/permissions';
import { AppLogger } from '../../src/common/logging/logger';
import { dataSourceOptions, revertLastMigrationLocked, runMigrationsLocked } from '../../src/database/data-source';
import { createTestApp, TestApp } from '../support/app';
import { databaseUrl, dropDatabase, onServer } from '../support/database';
import { signedIn } from '../support/factories';

/** A route that only this test has: a query that runs longer than the statement timeout. */
@Controller('test-only')
class SlowQueryController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('slow')
  @Allow(Permission.ProfileRead)
  async slow() {
    await this.dataSource.query('SELECT pg_sleep(5)');
    return { finished: true };
  }
}

@Module({ controllers: [SlowQueryController] })
class SlowQueryModule {}

/** A closed port on this machine: connecting is refused at once, as when the database is down. */
const CLOSED_PORT_URL = 'postgres://postgres@127.0.0.1:1/jalin_unreachable_test';

function expectUnavailable(res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }) {
  expect(res.status).toBe(503);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.headers['retry-after']).toMatch(/^\d+$/);
  expect(res.body).toMatchObject({ status: 503, code: 'service_unavailable', type: 'urn:jalin:problem:service_unavailable' });
  expect(res.body.requestId).toEqual(expect.any(String));
}

describe('faults end in clear, safe states', () => {
  let t: TestApp;
  let logger: AppLogger;
  let auth: string;
  beforeAll(async () => {
    logger = AppLogger.create('silent');
    t = await createTestApp({ extraModules: [SlowQueryModule], env: { DB_STATEMENT_TIMEOUT_MS: '300' }, logger });
    auth = (await signedIn(t.dataSource, t.http, 'admin')).auth;
  });
  afterAll(() => t.close());

  describe('database unreachable', () => {
    const pool = () => (t.dataSource.driver as unknown as { master: Pool & { options: { connectionString: string } } }).master;
    let realUrl: string;

    beforeAll(async () => {
      // Every open connection is cut and new ones go to a closed port: the database is down.
      realUrl = pool().options.connectionString;
      pool().options.connectionString = CLOSED_PORT_URL;
      const admin = new Client({ connectionString: t.databaseUrl });
      await admin.connect();
      try {
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      } finally {
        await admin.end();
      }
      // Let the pool notice its idle connections were closed.
      await new Promise((r) => setTimeout(r, 200));
    });
    afterAll(() => {
      pool().options.connectionString = realUrl;
    });

    it('answers a valid token 503 with Retry-After, not 401, and logs it', async () => {
      const errors = jest.spyOn(logger, 'error');
      const res = await t.http.get('/api/v1/auth/me').set('Authorization', auth).set('Accept-Language', 'en');
      expectUnavailable(res);
      expect(res.body.detail).toMatch(/sign-in is still valid/);
      expect(errors).toHaveBeenCalledWith(expect.objectContaining({ msg: 'database unavailable', requestId: res.body.requestId }));
      errors.mockRestore();
    });

    it('says so in Bahasa Indonesia', async () => {
      const res = await t.http.get('/api/v1/organizations').set('Authorization', auth).set('Accept-Language', 'id');
      expectUnavailable(res);
      expect(res.body.title).toBe('Layanan sedang tidak tersedia');
    });

    it('still answers 401 to a token that is not valid, without asking the database', async () => {
      const res = await t.http.get('/api/v1/auth/me').set('Authorization', `${auth.slice(0, -4)}AAAA`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
    });

    it('answers a sign-in 503, not 401 or 500', async () => {
      const res = await t.http.post('/api/v1/auth/login').send({ email: 'someone@example.org', password: 'a long test passphrase' });
      expectUnavailable(res);
    });
  });

  describe('database too slow', () => {
    it('cancels a query at the statement timeout and answers 503 with Retry-After, not 500', async () => {
      const started = Date.now();
      const res = await t.http.get('/api/v1/test-only/slow').set('Authorization', auth);
      expectUnavailable(res);
      expect(Date.now() - started).toBeLessThan(4000);
    });

    it('keeps answering other requests', async () => {
      const res = await t.http.get('/api/v1/auth/me').set('Authorization', auth);
      expect(res.status).toBe(200);
    });
  });

  describe('migrations', () => {
    it('run, revert and run again without the statement timeout, which the connections then get back', async () => {
      const server = process.env.JALIN_TEST_SERVER!;
      const name = `jalin_timeout_${Date.now().toString(36)}_test`;
      await onServer(server, (c) => c.query(`CREATE DATABASE "${name}"`));
      const ds = new DataSource(dataSourceOptions(databaseUrl(server, name), 2, undefined, 200));
      await ds.initialize();
      try {
        // A statement longer than the timeout would be cancelled on these connections...
        await expect(ds.query('SELECT pg_sleep(0.5)')).rejects.toMatchObject({ driverError: { code: '57014' } });
        // ...but the migration lock's connection lifts it while migrating.
        const applied = await runMigrationsLocked(ds);
        expect(applied.length).toBeGreaterThan(0);
        await revertLastMigrationLocked(ds);
        expect(await runMigrationsLocked(ds)).toEqual([applied[applied.length - 1]]);
        const settings: Array<{ statement_timeout: string }> = await ds.query('SHOW statement_timeout');
        expect(settings[0].statement_timeout).toBe('200ms');
      } finally {
        await ds.destroy();
        await dropDatabase(server, name);
      }
    }, 120_000);
  });
});
