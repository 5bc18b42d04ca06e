import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Organization } from '../../src/organizations/organization.entity';
import { User } from '../../src/users/user.entity';
import { createTestApp, TestApp } from '../support/app';
import { login, signedIn } from '../support/factories';

describe('the language a user reads the portal in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is Bahasa Indonesia until the user chooses', async () => {
    const s = await signedIn(t.dataSource, t.http, 'principal');
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', s.auth);
    expect(me.status).toBe(200);
    expect(me.body.locale).toBe('id');
  });

  it('is set by the user for themself, remembered, and audited', async () => {
    const s = await signedIn(t.dataSource, t.http, 'csr_officer');
    const res = await t.http.patch('/api/v1/auth/me').set('Authorization', s.auth).send({ locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ locale: 'en', user: { id: s.user.id }, organization: { id: s.user.organizationId } });
    expect(res.body.permissions).toContain('profile:read');
    // Remembered for the user, not the session: signing in again (another device) finds it.
    const again = await login(t.http, s.user.email);
    expect((await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${again.accessToken}`)).body.locale).toBe('en');
    // Another user of the same organisation keeps their own.
    const colleague = await signedIn(t.dataSource, t.http, 'csr_officer', { organization: await t.dataSource.getRepository(Organization).findOneByOrFail({ id: s.user.organizationId }) });
    expect((await t.http.get('/api/v1/auth/me').set('Authorization', colleague.auth)).body.locale).toBe('id');
    const stored = await t.dataSource.getRepository(User).findOneByOrFail({ id: s.user.id });
    expect(stored.locale).toBe('en');
    const events = await t.dataSource.getRepository(AuditEvent).findBy({ entityType: 'user', entityId: s.user.id, action: 'update' });
    expect(events.map((e) => e.changes)).toEqual([{ locale: { from: 'id', to: 'en' } }]);

    // Back to Bahasa Indonesia; choosing the same language again changes and audits nothing.
    expect((await t.http.patch('/api/v1/auth/me').set('Authorization', s.auth).send({ locale: 'id' })).body.locale).toBe('id');
    expect((await t.http.patch('/api/v1/auth/me').set('Authorization', s.auth).send({ locale: 'id' })).status).toBe(200);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ entityType: 'user', entityId: s.user.id, action: 'update' })).toBe(2);
  });

  it('refuses a language the portal does not have, and other fields, naming the field', async () => {
    const s = await signedIn(t.dataSource, t.http, 'facilitator');
    const bad = await t.http.patch('/api/v1/auth/me').set('Authorization', s.auth).set('Accept-Language', 'id').send({ locale: 'fr' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'locale' })]);
    const missing = await t.http.patch('/api/v1/auth/me').set('Authorization', s.auth).send({});
    expect(missing.status).toBe(422);
    const other = await t.http.patch('/api/v1/auth/me').set('Authorization', s.auth).send({ locale: 'en', role: 'admin' });
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'role', code: 'unknown_field' })]);
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ id: s.user.id })).role).toBe('facilitator');
  });

  it('needs a signed-in user', async () => {
    const res = await t.http.patch('/api/v1/auth/me').send({ locale: 'en' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('is open to every role, each for themself only', async () => {
    for (const role of ['admin', 'education_officer', 'judge'] as const) {
      const s = await signedIn(t.dataSource, t.http, role);
      const res = await t.http.patch('/api/v1/auth/me').set('Authorization', s.auth).send({ locale: 'en' });
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(s.user.id);
    }
  });

  it('is refused by the database when it is not id or en', async () => {
    const s = await signedIn(t.dataSource, t.http, 'judge');
    await expect(t.dataSource.query(`UPDATE users SET locale = 'fr' WHERE id = $1`, [s.user.id])).rejects.toThrow(/users_locale_check/);
  });
});
