import type { Response } from 'superagent';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, signedIn } from '../support/factories';
import { completeContent, planWorld, PlanWorld } from '../support/plan-factories';

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('HTTP edges: caching of private answers, unknown paths', () => {
  let t: TestApp;
  let w: PlanWorld;
  let planId: string;
  beforeAll(async () => {
    t = await createTestApp();
    w = await planWorld(t.dataSource, t.http);
    const res = await t.http.post('/api/v1/plans').set('Authorization', w.principal.auth).send({ programYearId: w.year.id, title: 'Rencana Program 2026', facilitatorUserId: w.facilitator.user.id, content: completeContent() });
    expect(res.status).toBe(201);
    planId = res.body.id;
  });
  afterAll(() => t.close());

  it('never lets auth answers be stored, refusals included', async () => {
    const user = await signedIn(t.dataSource, t.http, 'admin');
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', user.auth);
    expect(me.status).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const login = await t.http.post('/api/v1/auth/login').send({ email: user.user.email, password: 'wrong password 123' });
    expect(login.status).toBe(401);
    expect(login.headers['cache-control']).toBe('no-store');
    const refresh = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken });
    expect(refresh.status).toBe(200);
    expect(refresh.headers['cache-control']).toBe('no-store');
  });

  it('never lets downloaded files be stored, and keeps ETags on JSON answers', async () => {
    for (const path of ['export.pdf', 'budget.csv', 'budget.xlsx']) {
      const res = await t.http.get(`/api/v1/plans/${planId}/${path}`).set('Authorization', w.principal.auth).buffer(true).parse(binary);
      expect([path, res.status, res.headers['cache-control']]).toEqual([path, 200, 'no-store']);
    }
    const plan = await t.http.get(`/api/v1/plans/${planId}`).set('Authorization', w.principal.auth);
    expect(plan.status).toBe(200);
    expect(plan.headers.etag).toBeDefined();
    expect(plan.headers['cache-control']).toBeUndefined();
    const admin = await signedIn(t.dataSource, t.http, 'admin');
    await createOrganization(t.dataSource, 'school');
    const list = await t.http.get('/api/v1/organizations').set('Authorization', admin.auth);
    expect(list.headers.etag).toBeDefined();
    expect(list.headers['cache-control']).toBeUndefined();
  });

  it('answers a request whose address is too long with a problem 431 that says what to do, in both languages', async () => {
    const res = await t.http.get(`/api/v1/organizations?q=${'x'.repeat(20_000)}`).set('Authorization', w.csr.auth);
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.text)).toMatchObject({ status: 431, code: 'request_too_large', detail: expect.stringContaining('persingkat kueri') });
    // The server goes on answering.
    expect((await t.http.get('/health')).status).toBe(200);
  });

  it('answers paths beginning with // and other unknown paths with a problem 404, never an HTML page', async () => {
    for (const path of ['//', '//x', '///', '//api/v1/auth/me', '//health', '//evil.example/a', '/nope', '/plans/1', '/health/x', '/']) {
      for (const accept of [HTML, 'application/json', '*/*']) {
        for (const method of ['get', 'post', 'head'] as const) {
          const res = await t.http[method](path).set('Accept', accept);
          expect([method, path, accept, res.status, res.headers['content-type']]).toEqual([method, path, accept, 404, expect.stringContaining('application/problem+json')]);
          if (method !== 'head') {
            expect(res.body).toMatchObject({ status: 404, code: 'route_not_found' });
            expect(res.text).not.toContain('Cannot');
          }
          expect(res.headers.location).toBeUndefined();
        }
      }
    }
    expect((await t.http.get('/api/v1/no-such-thing')).body.code).toBe('route_not_found');
    expect((await t.http.get('/health')).body).toEqual({ status: 'ok' });
    expect((await t.http.get('/health/ready')).status).toBe(200);
    expect((await t.http.get('/docs-json')).status).toBe(200);
  });
});
