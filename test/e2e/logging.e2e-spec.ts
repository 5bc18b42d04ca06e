import { AppLogger } from '../../src/common/logging/logger';
import { createTestApp, TestApp } from '../support/app';
import { createUser, PASSWORD, signedIn } from '../support/factories';

type Line = Record<string, unknown> & { msg?: string; level?: string };

/** A pino destination that keeps every JSON line written to it. */
function capture(): { lines: Line[]; write(line: string): void } {
  const lines: Line[] = [];
  return { lines, write: (line: string) => void lines.push(JSON.parse(line) as Line) };
}

const requestLines = (lines: Line[]) => lines.filter((l) => l.msg === 'request' || l.msg === 'request failed');

describe('structured logs (pino)', () => {
  const out = capture();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ logger: AppLogger.create('info', out) });
  });
  afterAll(() => t.close());

  it('logs each request once with its request id, route pattern, status and the signed-in user', async () => {
    const s = await signedIn(t.dataSource, t.http, 'admin');
    out.lines.length = 0;
    const res = await t.http.get(`/api/v1/users/${s.user.id}?token=secret-in-query`).set('Authorization', s.auth).set('X-Request-Id', 'req-log-1');
    expect(res.status).toBe(200);
    const [line, ...more] = requestLines(out.lines);
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 'info', msg: 'request', requestId: res.headers['x-request-id'], correlationId: 'req-log-1', method: 'GET', route: '/api/v1/users/:id', status: 200, userId: s.user.id, req: { id: res.headers['x-request-id'], method: 'GET' }, res: { statusCode: 200 } });
    expect(typeof line.time).toBe('string');
    expect(typeof line.durationMs).toBe('number');
    expect(JSON.stringify(line)).not.toContain('secret-in-query');
    expect(JSON.stringify(line)).not.toContain(s.user.id + '?');
  });

  it('redacts authorization headers, cookies, tokens and passwords', async () => {
    const user = await createUser(t.dataSource, 'principal');
    out.lines.length = 0;
    const login = await t.http.post('/api/v1/auth/login').set('X-Jalin-Session', 'cookie').send({ email: user.email, password: 'Rahasia-Sekali-2026' });
    expect(login.status).toBe(401);
    const ok = await t.http.post('/api/v1/auth/login').set('X-Jalin-Session', 'cookie').send({ email: user.email, password: PASSWORD });
    const refresh = await t.http.post('/api/v1/auth/refresh').set('X-Jalin-Session', 'cookie').set('Cookie', ok.headers['set-cookie'] ?? 'jalin_refresh=abc');
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${ok.body.accessToken ?? 'x.y.z'}`).set('Cookie', 'jalin_refresh=cookie-value-123');
    expect(me.status).toBe(200);
    const written = JSON.stringify(out.lines);
    for (const secret of ['Rahasia-Sekali-2026', PASSWORD, ok.body.accessToken, 'cookie-value-123', String(refresh.headers['set-cookie'] ?? 'none-set').split(';')[0]]) {
      expect(written).not.toContain(secret);
    }
    const meLine = requestLines(out.lines).find((l) => l.route === '/api/v1/auth/me');
    expect(meLine).toMatchObject({ req: { headers: { authorization: '[redacted]', cookie: '[redacted]' } } });

    // Fields a caller logs by mistake are redacted too.
    out.lines.length = 0;
    t.app.get(AppLogger).info('a mistake', { password: 'p4ss', token: 't0ken', body: { refreshToken: 'r3fresh', accessToken: 'acc3ss', password: 'p4ss2' } });
    expect(out.lines).toEqual([expect.objectContaining({ msg: 'a mistake', password: '[redacted]', token: '[redacted]', body: { refreshToken: '[redacted]', accessToken: '[redacted]', password: '[redacted]' } })]);
  });

  it('logs an unexpected error with the request id and its stack, at level error', async () => {
    out.lines.length = 0;
    t.app.get(AppLogger).error({ msg: 'unexpected error', requestId: 'r-9', error: 'boom' }, 'Error: boom\n    at somewhere');
    expect(out.lines).toEqual([expect.objectContaining({ level: 'error', msg: 'unexpected error', requestId: 'r-9', stack: 'Error: boom\n    at somewhere' })]);
  });

  it('writes nothing at LOG_LEVEL=silent', () => {
    const quiet = capture();
    const logger = AppLogger.create('silent', quiet);
    logger.info('x');
    logger.error('y');
    logger.warn('z');
    logger.log('w');
    expect(quiet.lines).toEqual([]);
  });
});
