import { createTestApp, TestApp } from '../support/app';
import { createOrganization, createUser, signedIn } from '../support/factories';

const COMMON = ['password', '12345678', '        ', 'Qwerty123', 'jalin2026'];
const ID_MESSAGE = 'Kata sandi ini terlalu umum dan mudah ditebak; pilih frasa yang lebih panjang, misalnya tiga kata acak';

describe('common passwords are refused wherever a password is set', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  afterAll(() => t.close());

  async function invite(email: string): Promise<string> {
    const school = await createOrganization(t.dataSource, 'school');
    const res = await t.http.post('/api/v1/users').set('Authorization', admin.auth).send({ organizationId: school.id, email, fullName: 'Guru Baru', role: 'principal' });
    expect(res.status).toBe(201);
    return res.body.invitation.token;
  }

  it('on accepting an invitation: 422 on the password field in Bahasa Indonesia, the invitation still usable', async () => {
    const token = await invite('diundang@sekolah.test');
    for (const password of COMMON) {
      const res = await t.http.post('/api/v1/auth/accept-invitation').set('Accept-Language', 'id').send({ token, password });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ field: 'password', label: 'Kata sandi', code: 'commonPassword', message: ID_MESSAGE }]);
    }
    const accepted = await t.http.post('/api/v1/auth/accept-invitation').send({ token, password: 'Jalin-Demo-2026' });
    expect(accepted.status).toBe(200);
  });

  it("on accepting an invitation, the invited person's own email name is refused too", async () => {
    const token = await invite('siti.rahmawati@sekolah.test');
    const own = await t.http.post('/api/v1/auth/accept-invitation').set('Accept-Language', 'id').send({ token, password: 'siti.rahmawati2026' });
    expect(own.status).toBe(422);
    expect(own.body.errors).toEqual([expect.objectContaining({ field: 'password', code: 'commonPassword', message: ID_MESSAGE })]);
    expect((await t.http.post('/api/v1/auth/accept-invitation').send({ token, password: 'tiga kata acak sekolah' })).status).toBe(200);
  });

  it('says in English too, and still asks for 8 characters, recommending 15', async () => {
    const token = await invite('english@sekolah.test');
    const common = await t.http.post('/api/v1/auth/accept-invitation').set('Accept-Language', 'en').send({ token, password: 'PASSWORD' });
    expect(common.body.errors[0]).toMatchObject({ field: 'password', code: 'commonPassword', message: 'Password is too common and easy to guess; choose a longer phrase, e.g. three random words' });
    const short = await t.http.post('/api/v1/auth/accept-invitation').set('Accept-Language', 'id').send({ token, password: 'pendek' });
    expect(short.body.errors).toEqual([
      expect.objectContaining({ field: 'password', code: 'minLength', message: 'Kata sandi minimal 8 karakter; 15 karakter atau lebih lebih aman, misalnya tiga kata acak' }),
    ]);
  });

  it("on an admin creating a user with a password, including the user's own email name, and nothing is stored", async () => {
    const school = await createOrganization(t.dataSource, 'school');
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM users');
    for (const password of [...COMMON, 'guru.hebat2026']) {
      const res = await t.http.post('/api/v1/users').set('Authorization', admin.auth).send({
        organizationId: school.id, email: 'Guru.Hebat@sekolah.test', fullName: 'Guru Hebat', role: 'principal', password,
      });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'password', code: 'commonPassword' })]);
    }
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM users')).toEqual(before);
    const ok = await t.http.post('/api/v1/users').set('Authorization', admin.auth).send({
      organizationId: school.id, email: 'guru.hebat@sekolah.test', fullName: 'Guru Hebat', role: 'principal', password: 'kopi tubruk di pagi hari',
    });
    expect(ok.status).toBe(201);
  });

  it('on an admin setting a new password: refused, the old one still signs in', async () => {
    const user = await createUser(t.dataSource, 'judge');
    for (const password of COMMON) {
      const res = await t.http.patch(`/api/v1/users/${user.id}`).set('Authorization', admin.auth).send({ version: 1, password });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'password', code: 'commonPassword' })]);
    }
    const [{ version }] = await t.dataSource.query('SELECT version FROM users WHERE id = $1', [user.id]);
    expect(version).toBe(1);
    const ok = await t.http.patch(`/api/v1/users/${user.id}`).set('Authorization', admin.auth).send({ version: 1, password: 'Jalin-Demo-2026' });
    expect(ok.status).toBe(200);
    expect((await t.http.post('/api/v1/auth/login').send({ email: user.email, password: 'Jalin-Demo-2026' })).status).toBe(200);
  });

  it('documents the rules on each field that sets a password', async () => {
    const doc = await t.http.get('/docs-json');
    expect(doc.status).toBe(200);
    for (const schema of ['AcceptInvitationDto', 'CreateUserDto', 'UpdateUserDto']) {
      expect(doc.body.components.schemas[schema].properties.password).toMatchObject({ minLength: 8, maxLength: 128, description: expect.stringContaining('common or breached') });
    }
  });
});
