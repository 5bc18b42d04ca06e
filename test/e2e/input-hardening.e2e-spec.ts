import { createTestApp, TestApp } from '../support/app';
import { signedIn } from '../support/factories';

describe('input hardening: no input answers 5xx', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await createTestApp();
    auth = (await signedIn(t.dataSource, t.http, 'admin')).auth;
  });
  afterAll(() => t.close());

  describe('deeply nested JSON', () => {
    it('refuses 200,000 nested arrays on sign-in without a token, while /health keeps answering', async () => {
      const body = '['.repeat(200_000);
      const [res, health] = await Promise.all([
        t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send(body),
        t.http.get('/health'),
      ]);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'json_too_deep', status: 400 });
      expect(res.body.detail).toContain('32');
      expect(health.status).toBe(200);
    });

    it('refuses a ~1 MB body of nested objects on a signed-in route, in Bahasa Indonesia when asked', async () => {
      const body = '{"a":'.repeat(200_000).slice(0, 1_000_000);
      const res = await t.http.post('/api/v1/organizations').set('Authorization', auth).set('Accept-Language', 'id').set('Content-Type', 'application/json').send(body);
      expect(res.status).toBe(400);
      expect(res.body.title).toBe('Isi permintaan bersarang terlalu dalam');
    });

    it('counts only brackets outside strings', async () => {
      const res = await t.http.post('/api/v1/auth/login').send({ email: '['.repeat(5000) + '@x.id', password: '{'.repeat(100) });
      expect(res.status).not.toBe(400);
      expect(res.status).toBeLessThan(500);
    });
  });

  describe('text PostgreSQL cannot store', () => {
    it('refuses a NUL character in a query string, naming the field', async () => {
      const res = await t.http.get('/api/v1/organizations?q=%00').set('Authorization', auth);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'q', code: 'invalidCharacters' })]);
    });

    it('refuses NUL and lone surrogates in a sign-in body without a token', async () => {
      const nul = await t.http.post('/api/v1/auth/login').send({ email: 'a\u0000@x.id', password: 'secret password' });
      expect(nul.status).toBe(422);
      expect(nul.body.errors[0]).toMatchObject({ field: 'email', code: 'invalidCharacters' });
      const lone = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":"a@x.id","password":"\\ud800"}');
      expect(lone.status).toBe(422);
      expect(lone.body.errors[0]).toMatchObject({ field: 'password', code: 'invalidCharacters' });
    });

    it('names a nested field by its path, in both languages', async () => {
      const body = { name: 'Sekolah', lines: [{ description: 'ok' }, { description: 'x\u0000' }] };
      const res = await t.http.post('/api/v1/organizations').set('Authorization', auth).set('Accept-Language', 'id').send(body);
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'lines[1].description', code: 'invalidCharacters' });
      expect(res.body.errors[0].message).toContain('tidak dapat disimpan');
    });

    it('accepts paired surrogates (emoji) and ordinary text', async () => {
      const res = await t.http.get(`/api/v1/organizations?q=${encodeURIComponent('sekolah 😀')}`).set('Authorization', auth);
      expect(res.status).toBe(200);
    });
  });
});
