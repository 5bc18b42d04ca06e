import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../support/app';

const PORTAL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const INDEX = '<!doctype html><html lang="id"><head><script type="module" src="/assets/index-C0ffee12.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('Jalin '.repeat(400))});\n`;
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the web portal served by the API', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jalin-portal-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-C0ffee12.js'), SCRIPT);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    // A file where an API path would point: the portal's files are never looked up for the API.
    mkdirSync(join(dir, 'api', 'v1'), { recursive: true });
    writeFileSync(join(dir, 'api', 'v1', 'regions'), 'not the API');
    t = await createTestApp({ env: { PORTAL_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers / with index.html, revalidated, under the portal CSP', async () => {
    const res = await t.http.get('/').set('Accept', HTML);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(PORTAL_CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers.etag).toBeDefined();
  });

  it('never looks in the portal folder for an API path', async () => {
    const res = await t.http.get('/api/v1/regions');
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('not the API');
  });

  it('answers every page path with index.html, so a reload of /plans/123 works', async () => {
    for (const path of ['/plans/123', '/grants/00000000-0000-4000-8000-000000000901/ledger', '/masuk?next=%2Fplans', '/apis', '/documents/x.pdf']) {
      const res = await t.http.get(path).set('Accept', HTML);
      expect([path, res.status, res.text]).toEqual([path, 200, INDEX]);
      expect(res.headers['content-security-policy']).toBe(PORTAL_CSP);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const head = await t.http.head('/plans/123').set('Accept', HTML);
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toContain('text/html');
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(INDEX));
    const notModified = await t.http.get('/plans/123').set('Accept', HTML).set('If-None-Match', head.headers.etag);
    expect(notModified.status).toBe(304);
  });

  it('serves hashed assets for a year, immutable, compressed', async () => {
    const res = await t.http.get('/assets/index-C0ffee12.js').set('Accept', '*/*').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text).toBe(SCRIPT);
    const icon = await t.http.get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with 404, never with the page', async () => {
    for (const accept of ['*/*', HTML]) {
      const res = await t.http.get('/assets/index-0ld0ld00.js').set('Accept', accept);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('<div id="root">');
    }
  });

  it('keeps unknown API paths a JSON problem 404, even for a browser', async () => {
    for (const path of ['/api/v1/no-such-thing', '/api', '/api/v2/plans']) {
      const res = await t.http.get(path).set('Accept', HTML);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('route_not_found');
    }
    // Not a page load (a fetch, or a form post): no fallback either.
    for (const res of [await t.http.get('/plans/123').set('Accept', 'application/json'), await t.http.post('/plans/123').set('Accept', HTML)]) {
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('<div id="root">');
    }
  });

  it('keeps /health, /docs and /docs-json as they were', async () => {
    const health = await t.http.get('/health').set('Accept', HTML);
    expect(health.body).toEqual({ status: 'ok' });
    const docs = await t.http.get('/docs').set('Accept', HTML);
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui');
    // Swagger UI keeps helmet's own policy (its inline styles and scripts), not the portal's.
    expect(docs.headers['content-security-policy']).not.toBe(PORTAL_CSP);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    const json = await t.http.get('/docs-json').set('Accept', HTML);
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    const ready = await t.http.get('/health/ready').set('Accept', HTML);
    expect(ready.body.status).toBe('ok');
  });
});

describe('an API-only build (no portal folder)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { PORTAL_DIR: join(tmpdir(), `jalin-no-portal-${process.pid}`) } });
  });
  afterAll(() => t.close());

  it('answers / with a short page pointing to /docs, and nothing else changes', async () => {
    const res = await t.http.get('/').set('Accept', HTML);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('href="/docs"');
    expect(res.text).toContain('not built');
    expect(res.text).toContain('belum dibangun');
    expect((await t.http.get('/plans/123').set('Accept', HTML)).status).toBe(404);
    expect((await t.http.get('/api/v1/no-such-thing').set('Accept', HTML)).body.code).toBe('route_not_found');
    expect((await t.http.get('/docs')).text).toContain('swagger-ui');
  });
});
