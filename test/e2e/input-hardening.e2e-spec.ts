import { Controller, Get, Module, Param } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Allow } from '../../src/common/auth/decorators';
import { Permission } from '../../src/common/auth/permissions';
import { createTestApp, TestApp } from '../support/app';
import { signedIn } from '../support/factories';

/** Statements that fail the way a request's values can make them fail, one per class of database error. */
const FAILING_SQL: Record<string, string[]> = {
  foreignKey: ['CREATE TEMP TABLE parents (id int PRIMARY KEY)', 'CREATE TEMP TABLE children (parent_id int REFERENCES parents (id))', 'INSERT INTO children VALUES (1)'],
  check: ['CREATE TEMP TABLE scores (score int CONSTRAINT scores_score_positive CHECK (score > 0))', 'INSERT INTO scores VALUES (-1)'],
  notNull: ['CREATE TEMP TABLE names (full_name text NOT NULL)', 'INSERT INTO names VALUES (NULL)'],
  tooLong: ['CREATE TEMP TABLE codes (code varchar(2))', "INSERT INTO codes VALUES ('abc')"],
  invalidText: ["SELECT 'abc'::int"],
  outOfRange: ['SELECT 2147483648::int4'],
  impossibleDate: ["SELECT '2026-02-30'::date"],
  genuine: ['SELECT * FROM no_such_table'],
};

@Controller('test-only-db')
class FailingSqlController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':kind')
  @Allow(Permission.ProfileRead)
  async fail(@Param('kind') kind: string): Promise<never> {
    await this.dataSource.transaction(async (m) => {
      for (const sql of FAILING_SQL[kind]) await m.query(sql);
    });
    throw new Error('the statement should have failed');
  }
}

@Module({ controllers: [FailingSqlController] })
class FailingSqlModule {}

describe('input hardening: no input answers 5xx', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await createTestApp({ extraModules: [FailingSqlModule] });
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

  describe('database errors caused by input, as the last line of defence', () => {
    const get = (kind: string) => t.http.get(`/api/v1/test-only-db/${kind}`).set('Authorization', auth);

    it('names the column of a reference to a missing record', async () => {
      const res = await get('foreignKey');
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'parentId', code: 'referenceNotFound' })]);
    });

    it('names the column of a missing required value', async () => {
      const res = await get('notNull');
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'fullName', code: 'isNotEmpty' });
    });

    it('answers 422 for a check constraint, too long text, invalid text, a number out of range and an impossible date', async () => {
      for (const kind of ['check', 'tooLong', 'invalidText', 'outOfRange', 'impossibleDate']) {
        const res = await get(kind).set('Accept-Language', 'id');
        expect({ kind, status: res.status }).toEqual({ kind, status: 422 });
        expect(res.body.requestId).toBe(res.headers['x-request-id']);
      }
      expect((await get('check')).body.detail).toContain('scores_score_positive');
    });

    it('keeps a genuine fault a 500 with the request id', async () => {
      const res = await get('genuine');
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ code: 'internal_error', requestId: res.headers['x-request-id'] });
    });
  });

  describe('numbers outside their column', () => {
    it('refuses a version past int4 on PATCH as 422 naming the field', async () => {
      const admin = await signedIn(t.dataSource, t.http, 'admin');
      const res = await t.http.patch(`/api/v1/users/${admin.user.id}`).set('Authorization', auth).send({ version: 2147483648 });
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'version', code: 'max' });
      const fraction = await t.http.patch(`/api/v1/users/${admin.user.id}`).set('Authorization', auth).send({ version: 1e-7 });
      expect(fraction.status).toBe(422);
      expect(fraction.body.errors[0]).toMatchObject({ field: 'version' });
    });

    it('refuses numbers in exponent form where hours, weights or scores belong, naming each field, in both languages', async () => {
      const hours = await t.http.post('/api/v1/mentoring/assignments').set('Authorization', auth).set('Accept-Language', 'id').send({ plannedHours: 1e-7 });
      expect(hours.status).toBe(422);
      expect(hours.body.errors).toEqual([expect.objectContaining({ field: 'plannedHours', code: 'isNumber' })]);
      expect(hours.body.errors[0].message).toContain('bukan bentuk eksponen');
      const nested = await t.http.post('/api/v1/competitions').set('Authorization', auth).send({ criteria: [{ weight: 30 }, { weight: 1.5e-9, maxScore: 1e21 }] });
      expect(nested.status).toBe(422);
      expect(nested.body.errors.map((e: { field: string }) => e.field)).toEqual(['criteria[1].weight', 'criteria[1].maxScore']);
      expect(nested.body.errors[0].message).toContain('not in exponent form');
      // Exponent notation whose value is plain (2e1 is 20) is an ordinary number once parsed.
      const plain = await t.http.post('/api/v1/mentoring/assignments').set('Authorization', auth).send({ plannedHours: 2e1 });
      expect(plain.body.errors?.some((e: { field: string }) => e.field === 'plannedHours')).toBe(false);
    });
  });

  describe('dates in queries', () => {
    it('refuses a date that is not on the calendar as 422 naming the field', async () => {
      const res = await t.http.get('/api/v1/audit-events?from=2026-02-30').set('Authorization', auth);
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'from' });
    });
  });

  describe('sign-in emails and percent-encoding', () => {
    it('answers a 4xx for an email that grows past the column when lower-cased', async () => {
      const email = `${'İ'.repeat(200)}@sekolah.sch.id`;
      const res = await t.http.post('/api/v1/auth/login').send({ email, password: 'secret password 1' });
      expect([401, 422]).toContain(res.status);
    });

    it('answers 400 for malformed percent-encoding in a path or query', async () => {
      const path = await t.http.get('/api/v1/organizations/%E0%A4%A').set('Authorization', auth);
      expect(path.status).toBe(400);
      expect(path.headers['content-type']).toContain('application/problem+json');
      const query = await t.http.get('/api/v1/organizations?q=%E0%A4%A').set('Authorization', auth);
      expect(query.status).toBeLessThan(500);
    });
  });

  describe('wrong shapes', () => {
    it('refuses null for a required text on PATCH as 422 naming the field', async () => {
      const other = await signedIn(t.dataSource, t.http, 'admin');
      const res = await t.http.patch(`/api/v1/users/${other.user.id}`).set('Authorization', auth).send({ version: 1, fullName: null });
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'fullName' });
    });
  });

  describe('empty changes', () => {
    it('refuses a PATCH with an empty body as 422 nothing to change, in both languages', async () => {
      const other = await signedIn(t.dataSource, t.http, 'admin');
      const res = await t.http.patch(`/api/v1/users/${other.user.id}`).set('Authorization', auth).send({});
      expect(res.status).toBe(422);
      expect(res.body.detail).toContain('nothing to change');
      const none = await t.http.patch(`/api/v1/users/${other.user.id}`).set('Authorization', auth).set('Accept-Language', 'id');
      expect(none.status).toBe(422);
      expect(none.body.detail).toContain('Tidak ada yang diubah');
    });
  });
});
