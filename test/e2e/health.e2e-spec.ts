import { createTestApp, TestApp } from '../support/app';

describe('health: liveness and readiness through terminus', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Two pooled connections, so a test can hold both and make the database not answer in time.
    t = await createTestApp({ env: { DB_POOL_MAX: '2' } });
  });
  afterAll(() => t.close());

  it('answers liveness with the same body as ever', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('is ready when the database answers, every migration is applied and the documents disk has room', async () => {
    const res = await t.http.get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', documents: 'ok' } });
  });

  it('is unavailable, within the 2-second timeout, when the database does not answer', async () => {
    const runners = [t.dataSource.createQueryRunner(), t.dataSource.createQueryRunner()];
    for (const runner of runners) await runner.connect(); // the whole pool: every other query now waits
    try {
      const started = Date.now();
      const res = await t.http.get('/health/ready');
      const took = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'unavailable', checks: { database: 'unreachable', migrations: 'unknown', documents: 'ok' } });
      expect(took).toBeGreaterThanOrEqual(1900);
      // Liveness does not touch the database.
      expect((await t.http.get('/health')).status).toBe(200);
    } finally {
      for (const runner of runners) await runner.release();
    }
    expect((await t.http.get('/health/ready')).status).toBe(200);
  });

  it('is unavailable when a migration is missing', async () => {
    const [last] = await t.dataSource.query('SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1');
    await t.dataSource.query('DELETE FROM migrations WHERE id = $1', [last.id]);
    try {
      const res = await t.http.get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'unavailable', checks: { database: 'ok', migrations: 'pending', documents: 'ok' } });
    } finally {
      await t.dataSource.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [last.id, last.timestamp, last.name]);
    }
  });
});
