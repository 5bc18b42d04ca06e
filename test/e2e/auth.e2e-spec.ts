import { JwtService } from '@nestjs/jwt';
import { AuthSession } from '../../src/auth/auth-session.entity';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/app';
import { createUser, login, PASSWORD, signedIn } from '../support/factories';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '6', JWT_ACCESS_TTL_SECONDS: '60' } });
  });
  afterAll(() => t.close());
  // The address limit is shared by every test of this file (one client address): start each test clean.
  beforeEach(() => t.dataSource.query('DELETE FROM login_failures'));

  it('signs in with the right password and answers /auth/me', async () => {
    const user = await createUser(t.dataSource, 'principal');
    const res = await t.http.post('/api/v1/auth/login').send({ email: user.email.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 60 });
    const claims = JSON.parse(Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString());
    expect(claims.alg).toBe('HS256');
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: user.id, email: user.email, role: 'principal' });
    expect(me.body.user.passwordHash).toBeUndefined();
    expect(me.body.organization.id).toBe(user.organizationId);
    expect(me.body.permissions).toContain('profile:read');
  });

  it('answers /auth/me with the same organisation profile as GET /organizations/:id', async () => {
    const s = await signedIn(t.dataSource, t.http, 'principal');
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', s.auth);
    const profile = await t.http.get(`/api/v1/organizations/${s.user.organizationId}`).set('Authorization', s.auth);
    expect(me.status).toBe(200);
    expect(me.body.organization).toEqual(profile.body);
    expect(me.body.organization).toMatchObject({ regionName: 'Kota Banjarmasin', hasActivePartner: false });
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const user = await createUser(t.dataSource, 'csr_officer');
    const wrongPassword = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: 'not the password' });
    const unknownEmail = await t.http.post('/api/v1/auth/login').send({ email: 'nobody@jalin.test', password: PASSWORD });
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('invalid_credentials');
    }
    expect(wrongPassword.body.detail).toBe(unknownEmail.body.detail);
  });

  it('validates the login body and names the field', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ email: 'a@b.test' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
  });

  it('rotates refresh tokens, and a reused one ends the whole session', async () => {
    const user = await createUser(t.dataSource, 'facilitator');
    const first = await login(t.http, user.email);
    const second = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const third = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);

    // The first token again: refused, and the session (all its tokens) is revoked.
    const reuse = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('refresh_token_reused');
    const afterReuse = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: third.body.refreshToken });
    expect(afterReuse.status).toBe(401);
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${third.body.accessToken}`);
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('session_ended');
    const session = await t.dataSource.getRepository(AuthSession).findOneByOrFail({ userId: user.id });
    expect(session.revokedReason).toBe('refresh_token_reused');
  });

  it('refuses an unknown refresh token', async () => {
    const res = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: 'not-a-token' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('refresh_token_invalid');
    // No token at all, and a token sent as null, are the same refusal.
    for (const body of [{}, { refreshToken: null }]) {
      const none = await t.http.post('/api/v1/auth/refresh').send(body);
      expect(none.status).toBe(401);
      expect(none.body.code).toBe('refresh_token_invalid');
    }
  });

  it('logs out: the access and refresh tokens of the session stop working', async () => {
    const s = await signedIn(t.dataSource, t.http, 'judge');
    const out = await t.http.post('/api/v1/auth/logout').set('Authorization', s.auth);
    expect(out.status).toBe(204);
    expect((await t.http.get('/api/v1/auth/me').set('Authorization', s.auth)).status).toBe(401);
    const refresh = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken });
    expect(refresh.status).toBe(401);
  });

  it('rate-limits failures per account with 429 and Retry-After, even for the right password', async () => {
    const user = await createUser(t.dataSource, 'principal');
    for (let i = 0; i < 3; i++) {
      expect((await t.http.post('/api/v1/auth/login').send({ email: user.email, password: 'wrong password' })).status).toBe(401);
    }
    const limited = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('too_many_login_attempts');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // Another account from the same address is not locked by this account's failures.
    const other = await createUser(t.dataSource, 'principal');
    expect((await t.http.post('/api/v1/auth/login').send({ email: other.email, password: PASSWORD })).status).toBe(200);
  });

  it('holds the account limit against parallel attempts', async () => {
    const user = await createUser(t.dataSource, 'principal');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.http.post('/api/v1/auth/login').send({ email: user.email, password: 'wrong password' })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('rate-limits failures per address across accounts, counted in the database', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await t.http.post('/api/v1/auth/login').send({ email: `guess${i}@jalin.test`, password: 'wrong password' });
      expect(res.status).toBe(401);
    }
    const user = await createUser(t.dataSource, 'principal');
    const limited = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD });
    expect(limited.status).toBe(429);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM login_failures WHERE scope = 'address'`);
    expect(n).toBe(6);
  });

  it("stops a disabled user's tokens and refuses their sign-in", async () => {
    const admin = await signedIn(t.dataSource, t.http, 'admin');
    const s = await signedIn(t.dataSource, t.http, 'csr_officer');
    const disable = await t.http.patch(`/api/v1/users/${s.user.id}`).set('Authorization', admin.auth).send({ version: 1, disabled: true });
    expect(disable.status).toBe(200);
    expect(disable.body.disabled).toBe(true);
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', s.auth);
    expect(me.status).toBe(401);
    expect((await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
    const again = await t.http.post('/api/v1/auth/login').send({ email: s.user.email, password: PASSWORD });
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('account_disabled');
  });

  describe('access tokens', () => {
    let token: string;
    let userId: string;
    beforeAll(async () => {
      const s = await signedIn(t.dataSource, t.http, 'principal');
      token = s.accessToken;
      userId = s.user.id;
    });

    it('401 without a token', async () => {
      const res = await t.http.get('/api/v1/auth/me');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
    });

    it('401 for a tampered token', async () => {
      const [h, p, s] = token.split('.');
      const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
      payload.role = 'admin';
      const forged = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
      expect((await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
    });

    it('401 for a token signed with alg none or another secret', async () => {
      const [, p] = token.split('.');
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
      expect((await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${none}`)).status).toBe(401);
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      const other = await new JwtService({ secret: 'another secret of at least thirty-two chars' }).signAsync({ sub: claims.sub, sid: claims.sid }, { audience: 'jalin-api', issuer: 'jalin' });
      expect((await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${other}`)).status).toBe(401);
    });

    it('401 token_expired for an expired token', async () => {
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      const expired = await new JwtService({ secret: TEST_JWT_SECRET }).signAsync(
        { sub: userId, sid: claims.sid, iat: Math.floor(Date.now() / 1000) - 120, exp: Math.floor(Date.now() / 1000) - 60 },
        { audience: 'jalin-api', issuer: 'jalin', algorithm: 'HS256' },
      );
      const res = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${expired}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('token_expired');
    });
  });
});
