import { AuthSession } from '../../src/auth/auth-session.entity';
import { createTestApp, TestApp } from '../support/app';
import { createUser, PASSWORD } from '../support/factories';

const SESSION = { 'X-Jalin-Session': 'cookie' };
const REFRESH_TTL = 3600;

interface SetCookie {
  name: string;
  value: string;
  /** Attribute names in lower case, mapped to their value ('' for flags such as HttpOnly). */
  attributes: Record<string, string>;
}

/** The Set-Cookie lines of a response, parsed. */
function setCookies(headers: Record<string, unknown>): SetCookie[] {
  const raw = headers['set-cookie'];
  const lines = raw === undefined ? [] : Array.isArray(raw) ? (raw as string[]) : [String(raw)];
  return lines.map((line) => {
    const [pair, ...attrs] = line.split(';').map((p) => p.trim());
    const eq = pair.indexOf('=');
    const attributes: Record<string, string> = {};
    for (const a of attrs) {
      const i = a.indexOf('=');
      attributes[(i < 0 ? a : a.slice(0, i)).toLowerCase()] = i < 0 ? '' : a.slice(i + 1);
    }
    return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), attributes };
  });
}

/** The one jalin_refresh cookie a response sets. */
function refreshCookie(headers: Record<string, unknown>): SetCookie {
  const cookies = setCookies(headers).filter((c) => c.name === 'jalin_refresh');
  expect(cookies).toHaveLength(1);
  return cookies[0];
}

describe('browser session: the refresh token in an httpOnly cookie', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { JWT_REFRESH_TTL_SECONDS: String(REFRESH_TTL), TRUST_PROXY: '1' } });
  });
  afterAll(() => t.close());
  beforeEach(() => t.dataSource.query('DELETE FROM login_failures'));

  async function cookieLogin(email: string) {
    const res = await t.http.post('/api/v1/auth/login').set(SESSION).send({ email, password: PASSWORD });
    expect(res.status).toBe(200);
    return { res, cookie: refreshCookie(res.headers) };
  }

  it('signs in with X-Jalin-Session: cookie: the refresh token goes into the cookie, not the body', async () => {
    const user = await createUser(t.dataSource, 'principal');
    const { res, cookie } = await cookieLogin(user.email);
    expect(res.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: REFRESH_TTL });
    expect(res.body.refreshToken).toBeUndefined();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toEqual({
      'max-age': String(REFRESH_TTL),
      path: '/api/v1/auth',
      // Express writes Expires beside Max-Age for old browsers; Max-Age wins where both are known.
      expires: expect.any(String),
      httponly: '',
      samesite: 'Strict',
    });
    const expires = Date.parse(cookie.attributes.expires);
    expect(Math.abs(expires - (Date.now() + REFRESH_TTL * 1000))).toBeLessThan(5000);
    // The access token works as in the JSON flow.
    expect((await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`)).status).toBe(200);
  });

  it('marks the cookie Secure when the request came over HTTPS (behind a trusted proxy)', async () => {
    const user = await createUser(t.dataSource, 'principal');
    const res = await t.http.post('/api/v1/auth/login').set(SESSION).set('X-Forwarded-Proto', 'https').send({ email: user.email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(refreshCookie(res.headers).attributes).toHaveProperty('secure', '');
  });

  it('refreshes from the cookie and rotates it', async () => {
    const user = await createUser(t.dataSource, 'facilitator');
    const { cookie } = await cookieLogin(user.email);
    const res = await t.http.post('/api/v1/auth/refresh').set(SESSION).set('Cookie', `jalin_refresh=${cookie.value}`);
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toBeUndefined();
    expect(res.body.accessToken).toEqual(expect.any(String));
    const next = refreshCookie(res.headers);
    expect(next.value).not.toBe(cookie.value);
    expect(next.attributes).toMatchObject({ 'max-age': String(REFRESH_TTL), path: '/api/v1/auth', httponly: '', samesite: 'Strict' });
    const again = await t.http.post('/api/v1/auth/refresh').set(SESSION).set('Cookie', `jalin_refresh=${next.value}`).send({});
    expect(again.status).toBe(200);
    expect(refreshCookie(again.headers).value).not.toBe(next.value);
  });

  it('refuses a reused cookie token, revokes the whole session and clears the cookie', async () => {
    const user = await createUser(t.dataSource, 'csr_officer');
    const { cookie: first } = await cookieLogin(user.email);
    const rotated = await t.http.post('/api/v1/auth/refresh').set(SESSION).set('Cookie', `jalin_refresh=${first.value}`);
    expect(rotated.status).toBe(200);
    const second = refreshCookie(rotated.headers);

    const reuse = await t.http.post('/api/v1/auth/refresh').set(SESSION).set('Cookie', `jalin_refresh=${first.value}`);
    expect(reuse.status).toBe(401);
    expect(reuse.headers['content-type']).toContain('application/problem+json');
    expect(reuse.body.code).toBe('refresh_token_reused');
    expect(refreshCookie(reuse.headers)).toMatchObject({ value: '', attributes: expect.objectContaining({ 'max-age': '0', path: '/api/v1/auth' }) });

    // The newest token of the family is dead too, and so is the access token.
    const newest = await t.http.post('/api/v1/auth/refresh').set(SESSION).set('Cookie', `jalin_refresh=${second.value}`);
    expect(newest.status).toBe(401);
    expect((await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${rotated.body.accessToken}`)).status).toBe(401);
    const session = await t.dataSource.getRepository(AuthSession).findOneByOrFail({ userId: user.id });
    expect(session.revokedReason).toBe('refresh_token_reused');
  });

  it('ignores the cookie without the X-Jalin-Session header (a cross-site form cannot set it)', async () => {
    const user = await createUser(t.dataSource, 'principal');
    const { cookie } = await cookieLogin(user.email);
    const res = await t.http.post('/api/v1/auth/refresh').set('Cookie', `jalin_refresh=${cookie.value}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('refresh_token_invalid');
    const form = await t.http.post('/api/v1/auth/refresh').set('Cookie', `jalin_refresh=${cookie.value}`).type('form').send('a=b');
    expect(form.status).toBe(401);
    // The token was not spent: with the header it still works.
    const ok = await t.http.post('/api/v1/auth/refresh').set(SESSION).set('Cookie', `jalin_refresh=${cookie.value}`);
    expect(ok.status).toBe(200);
  });

  it('refuses a refresh with the header but neither cookie nor body token, as a bad token', async () => {
    const res = await t.http.post('/api/v1/auth/refresh').set(SESSION).set('Accept-Language', 'id');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'refresh_token_invalid', title: 'Refresh token tidak valid' });
    const none = await t.http.post('/api/v1/auth/refresh').send({});
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('refresh_token_invalid');
  });

  it('logs out: the session ends and the cookie is cleared on the same path', async () => {
    const user = await createUser(t.dataSource, 'judge');
    const { res: login, cookie } = await cookieLogin(user.email);
    const out = await t.http.post('/api/v1/auth/logout').set(SESSION).set('Authorization', `Bearer ${login.body.accessToken}`).set('Cookie', `jalin_refresh=${cookie.value}`);
    expect(out.status).toBe(204);
    const cleared = refreshCookie(out.headers);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toMatchObject({ 'max-age': '0', path: '/api/v1/auth', httponly: '', samesite: 'Strict' });
    expect(Date.parse(cleared.attributes.expires)).toBeLessThanOrEqual(Date.now() + 1000);
    const refresh = await t.http.post('/api/v1/auth/refresh').set(SESSION).set('Cookie', `jalin_refresh=${cookie.value}`);
    expect(refresh.status).toBe(401);
  });

  it('accepts an invitation into a cookie session', async () => {
    const admin = await createUser(t.dataSource, 'admin');
    const adminLogin = await t.http.post('/api/v1/auth/login').send({ email: admin.email, password: PASSWORD });
    const invited = await t.http
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${adminLogin.body.accessToken}`)
      .send({ email: `invited.${Date.now()}@jalin.test`, fullName: 'Invited Teacher', role: 'admin', organizationId: admin.organizationId });
    expect(invited.status).toBe(201);
    const res = await t.http.post('/api/v1/auth/accept-invitation').set(SESSION).send({ token: invited.body.invitation.token, password: 'my own long passphrase' });
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toBeUndefined();
    const cookie = refreshCookie(res.headers);
    expect((await t.http.post('/api/v1/auth/refresh').set(SESSION).set('Cookie', `jalin_refresh=${cookie.value}`)).status).toBe(200);
  });

  it('keeps the JSON flow unchanged without the header', async () => {
    const user = await createUser(t.dataSource, 'principal');
    const login = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900, refreshToken: expect.any(String), refreshExpiresIn: REFRESH_TTL });
    expect(login.headers['set-cookie']).toBeUndefined();
    const refresh = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(refresh.status).toBe(200);
    expect(refresh.body.refreshToken).toEqual(expect.any(String));
    expect(refresh.headers['set-cookie']).toBeUndefined();
  });

  it('describes the header and the cookie in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    for (const path of ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/accept-invitation']) {
      const op = doc.paths[path].post;
      expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'X-Jalin-Session', in: 'header', required: false, schema: expect.objectContaining({ enum: ['cookie'] }) }));
      expect(op.responses['200'].headers['Set-Cookie'].schema.example).toContain('jalin_refresh=');
    }
    const refresh = doc.paths['/api/v1/auth/refresh'].post;
    expect(refresh.parameters).toContainEqual(expect.objectContaining({ name: 'jalin_refresh', in: 'cookie', required: false }));
    expect(refresh.requestBody.required).toBe(false);
    expect(doc.components.schemas.TokenResponse.required).not.toContain('refreshToken');
    expect(doc.paths['/api/v1/auth/logout'].post.responses['204'].headers['Set-Cookie']).toBeDefined();
  });
});
