import { Controller, Get, Module, Post, Body } from '@nestjs/common';
import { IsString } from 'class-validator';
import { Allow } from '../../src/common/auth/decorators';
import { Permission } from '../../src/common/auth/permissions';
import { createTestApp, TestApp } from '../support/app';
import { signedIn } from '../support/factories';

class EchoDto {
  @IsString()
  text: string;
}

/** Routes that exist only in this test: one forgets its permission, one fails unexpectedly. */
@Controller('test-only')
class TestOnlyController {
  @Get('undeclared')
  undeclared() {
    return { reached: true };
  }

  @Get('boom')
  @Allow(Permission.ProfileRead)
  boom(): never {
    throw new Error('database password is hunter2');
  }

  @Post('echo')
  @Allow(Permission.ProfileRead)
  echo(@Body() dto: EchoDto) {
    return dto;
  }
}

@Module({ controllers: [TestOnlyController] })
class TestOnlyModule {}

describe('errors and request handling', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await createTestApp({ extraModules: [TestOnlyModule], env: { BODY_LIMIT: '2kb' } });
    auth = (await signedIn(t.dataSource, t.http, 'admin')).auth;
  });
  afterAll(() => t.close());

  it('closes a route that declares no permission, even to an admin', async () => {
    const res = await t.http.get('/api/v1/test-only/undeclared').set('Authorization', auth);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('route_not_permitted');
    expect((await t.http.get('/api/v1/test-only/undeclared')).status).toBe(401);
  });

  it('answers an unexpected error with a bare 500 and the request id, without internals', async () => {
    const res = await t.http.get('/api/v1/test-only/boom').set('Authorization', auth).set('X-Request-Id', 'support-case-42');
    expect(res.status).toBe(500);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).toMatchObject({ code: 'internal_error', status: 500, requestId: res.headers['x-request-id'] });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expect(res.headers['x-correlation-id']).toBe('support-case-42');
  });

  it('gives every response an X-Request-Id, made up when the caller sends none or a bad one', async () => {
    const a = await t.http.get('/health');
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const b = await t.http.get('/health').set('X-Request-Id', 'bad id with spaces');
    expect(b.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses unknown body fields with 422 naming them', async () => {
    const res = await t.http.post('/api/v1/test-only/echo').set('Authorization', auth).send({ text: 'hi', extra: 1 });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'extra', code: 'unknown_field', message: 'extra is not a known field; remove it' }]);
  });

  it('speaks Bahasa Indonesia when asked', async () => {
    const res = await t.http.post('/api/v1/test-only/echo').set('Authorization', auth).set('Accept-Language', 'id-ID,id;q=0.9,en;q=0.5').send({ text: 5 });
    expect(res.status).toBe(422);
    expect(res.body.title).toBe('Beberapa isian perlu diperbaiki');
    expect(res.body.errors[0]).toMatchObject({ field: 'text', message: 'text harus berupa teks' });
    const en = await t.http.post('/api/v1/test-only/echo').set('Authorization', auth).set('Accept-Language', 'en-GB,id;q=0.5').send({ text: 5 });
    expect(en.body.title).toBe('Some fields need fixing');
  });

  it('names roles, actions and records in words, in both languages', async () => {
    const principal = (await signedIn(t.dataSource, t.http, 'principal')).auth;
    const url = '/api/v1/plans/3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69';
    const id = await t.http.post(`${url}/approve`).set('Authorization', principal).set('Accept-Language', 'id');
    expect(id.status).toBe(403);
    expect(id.body.detail).toBe('Kepala sekolah tidak dapat menyetujui rencana. Minta petugas CSR untuk melakukannya.');
    const en = await t.http.post(`${url}/approve`).set('Authorization', principal);
    expect(en.body.detail).toBe('A principal cannot approve plans. Ask a CSR officer to do it.');
    const missing = await t.http.get(url).set('Authorization', principal).set('Accept-Language', 'id');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toMatch(/^Tidak ada rencana dengan id 3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69 /);
  });

  it('labels each field problem in the caller\'s language and reports a missing field as missing', async () => {
    const principal = (await signedIn(t.dataSource, t.http, 'principal')).auth;
    const id = await t.http.post('/api/v1/plans').set('Authorization', principal).set('Accept-Language', 'id').send({});
    expect(id.status).toBe(422);
    expect(id.body.errors).toEqual([
      { field: 'programYearId', label: 'Tahun program', code: 'isNotEmpty', message: 'Tahun program wajib diisi' },
      { field: 'title', label: 'Judul', code: 'isNotEmpty', message: 'Judul wajib diisi' },
    ]);
    const en = await t.http.post('/api/v1/plans').set('Authorization', principal).send({ programYearId: 'x', title: 'Rencana 2026' });
    expect(en.body.errors).toEqual([
      { field: 'programYearId', label: 'Program year', code: 'isUuid', message: 'Program year must be an id like 3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69; pick it from the list' },
    ]);
  });

  it('answers malformed JSON with 400 and an oversized body with 413, as problems', async () => {
    const bad = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('malformed_json');
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const big = await t.http.post('/api/v1/test-only/echo').set('Authorization', auth).send({ text: 'x'.repeat(5000) });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('payload_too_large');
  });

  it('answers an unknown route with a problem 404', async () => {
    const res = await t.http.get('/api/v1/no-such-thing').set('Authorization', auth);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('route_not_found');
    expect(res.body.detail).toContain('/api/v1/no-such-thing');
  });

  it('sets security headers', async () => {
    const res = await t.http.get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves liveness and readiness', async () => {
    expect((await t.http.get('/health')).body).toEqual({ status: 'ok' });
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', documents: 'ok' } });
  });

  it('publishes the OpenAPI document with bearer auth, schemas and examples', async () => {
    const res = await t.http.get('/docs-json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const path of ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout', '/api/v1/auth/me', '/api/v1/users', '/api/v1/users/{id}', '/api/v1/organizations', '/api/v1/organizations/{id}', '/api/v1/audit-events', '/health', '/health/ready']) {
      expect(doc.paths[path]).toBeDefined();
    }
    expect(doc.components.schemas.CreateUserDto.properties.email.example).toBeDefined();
    expect(doc.components.schemas.ProblemResponse).toBeDefined();
    expect((await t.http.get('/docs')).text).toContain('swagger-ui');
  });
});
