import { createTestApp, TestApp } from '../support/app';
import { createOrganization, createUser, signedIn } from '../support/factories';

describe('users', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  afterAll(() => t.close());

  it('lets an admin create a user who can then sign in', async () => {
    const school = await createOrganization(t.dataSource, 'school');
    const res = await t.http.post('/api/v1/users').set('Authorization', admin.auth).send({
      organizationId: school.id,
      email: '  Guru.Baru@Sekolah.test ',
      fullName: 'Guru Baru',
      role: 'principal',
      password: 'eight chars plus',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'guru.baru@sekolah.test', role: 'principal', organizationId: school.id, disabled: false, version: 1 });
    expect(res.body.passwordHash).toBeUndefined();
    const [{ password_hash }] = await t.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [res.body.id]);
    expect(password_hash).toMatch(/^\$argon2id\$/);
    const login = await t.http.post('/api/v1/auth/login').send({ email: 'guru.baru@sekolah.test', password: 'eight chars plus' });
    expect(login.status).toBe(200);
  });

  it('refuses a password shorter than 8 or longer than 128 characters, and a bad email, naming the field', async () => {
    const org = await createOrganization(t.dataSource, 'company');
    const base = { organizationId: org.id, email: 'x@company.test', fullName: 'X', role: 'csr_officer' };
    const short = await t.http.post('/api/v1/users').set('Authorization', admin.auth).send({ ...base, password: 'short' });
    expect(short.status).toBe(422);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'password', code: 'minLength' })]);
    const long = await t.http.post('/api/v1/users').set('Authorization', admin.auth).send({ ...base, password: 'x'.repeat(129) });
    expect(long.body.errors).toEqual([expect.objectContaining({ field: 'password', code: 'maxLength' })]);
    const email = await t.http.post('/api/v1/users').set('Authorization', admin.auth).send({ ...base, email: 'not-an-email', password: 'long enough' });
    expect(email.body.errors).toEqual([expect.objectContaining({ field: 'email', code: 'isEmail' })]);
  });

  it("refuses a role that does not fit the organisation's type", async () => {
    const school = await createOrganization(t.dataSource, 'school');
    const res = await t.http.post('/api/v1/users').set('Authorization', admin.auth).send({
      organizationId: school.id, email: 'csr@school.test', fullName: 'Wrong', role: 'csr_officer', password: 'long enough',
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'role', code: 'role_does_not_fit_organization' });
    // A rule refusal, in words: no role or organisation type as a stored value.
    expect(res.body).toMatchObject({ code: 'rule_violated', title: 'This request cannot be carried out' });
    expect(res.body.detail).toBe('The role CSR officer belongs to a company, but this organisation is a school; pick another role or organisation.');
  });

  it('refuses a duplicate email with 409 and changes nothing', async () => {
    const existing = await createUser(t.dataSource, 'judge');
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM users');
    const res = await t.http.post('/api/v1/users').set('Authorization', admin.auth).send({
      organizationId: existing.organizationId, email: existing.email.toUpperCase(), fullName: 'Dup', role: 'judge', password: 'long enough',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('email_taken');
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM users')).toEqual(before);
  });

  it('refuses creation by a role that may not invite (403) and without a token (401)', async () => {
    const judge = await signedIn(t.dataSource, t.http, 'judge');
    const body = { organizationId: judge.user.organizationId, email: 'judge2@jalin.test', fullName: 'T', role: 'judge' };
    const res = await t.http.post('/api/v1/users').set('Authorization', judge.auth).send(body);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    expect((await t.http.post('/api/v1/users').send(body)).status).toBe(401);
  });

  it("answers another organisation's user with the same 404 as a missing one", async () => {
    const csr = await signedIn(t.dataSource, t.http, 'csr_officer');
    const colleague = await createUser(t.dataSource, 'csr_officer', { organization: { id: csr.user.organizationId } as never });
    const stranger = await createUser(t.dataSource, 'csr_officer');
    expect((await t.http.get(`/api/v1/users/${colleague.id}`).set('Authorization', csr.auth)).status).toBe(200);
    const foreign = await t.http.get(`/api/v1/users/${stranger.id}`).set('Authorization', csr.auth);
    const missing = await t.http.get('/api/v1/users/00000000-0000-4000-8000-00000000dead').set('Authorization', csr.auth);
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body.title).toBe(missing.body.title);
    expect((await t.http.get(`/api/v1/users/${stranger.id}`).set('Authorization', admin.auth)).status).toBe(200);
    const list = await t.http.get('/api/v1/users?limit=100').set('Authorization', csr.auth);
    expect(list.body.items.map((u: { id: string }) => u.id).sort()).toEqual([csr.user.id, colleague.id].sort());
  });

  it('422 for an id that is not a UUID', async () => {
    const res = await t.http.get('/api/v1/users/42').set('Authorization', admin.auth);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('id');
  });

  it('pages with a cursor, caps the page size at 100, and costs the same queries whatever the page size', async () => {
    const company = await createOrganization(t.dataSource, 'company');
    for (let i = 0; i < 25; i++) await createUser(t.dataSource, 'csr_officer', { organization: company, email: `paged${String(i).padStart(2, '0')}@jalin.test` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/api/v1/users?organizationId=${company.id}&limit=10${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await t.http.get(q).set('Authorization', admin.auth);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((u: { email: string }) => u.email));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(25);

    const tooBig = await t.http.get('/api/v1/users?limit=101').set('Authorization', admin.auth);
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.errors[0].field).toBe('limit');
    const badCursor = await t.http.get('/api/v1/users?cursor=garbage').set('Authorization', admin.auth);
    expect(badCursor.status).toBe(422);
    expect(badCursor.body.errors[0].field).toBe('cursor');

    const cost = async (limit: number) => {
      const before = t.queries.count;
      await t.http.get(`/api/v1/users?limit=${limit}`).set('Authorization', admin.auth);
      return t.queries.count - before;
    };
    expect(await cost(2)).toBe(await cost(30));
  });

  it('refuses a stale version with 409 and the current version', async () => {
    const user = await createUser(t.dataSource, 'judge');
    const first = await t.http.patch(`/api/v1/users/${user.id}`).set('Authorization', admin.auth).send({ version: 1, fullName: 'First edit' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await t.http.patch(`/api/v1/users/${user.id}`).set('Authorization', admin.auth).send({ version: 1, fullName: 'Second edit' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    expect(stale.body.detail).toContain('version 2');
    const [{ full_name }] = await t.dataSource.query('SELECT full_name FROM users WHERE id = $1', [user.id]);
    expect(full_name).toBe('First edit');
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const user = await createUser(t.dataSource, 'judge');
    const results = await Promise.all(
      ['A', 'B'].map((name) => t.http.patch(`/api/v1/users/${user.id}`).set('Authorization', admin.auth).send({ version: 1, fullName: name })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('forbids an admin from disabling themselves', async () => {
    const res = await t.http.patch(`/api/v1/users/${admin.user.id}`).set('Authorization', admin.auth).send({ version: admin.user.version, disabled: true });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('disabled');
  });
});
