import { createTestApp, TestApp } from '../support/app';
import { createOrganization, signedIn } from '../support/factories';

describe('audit log', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  afterAll(() => t.close());

  it('records who changed what, when, with the request id and the changed fields', async () => {
    const org = await createOrganization(t.dataSource, 'company');
    const res = await t.http.patch(`/api/v1/organizations/${org.id}`).set('Authorization', admin.auth).set('X-Request-Id', 'req-audit-1').send({ version: 1, name: 'PT Baru' });
    expect(res.status).toBe(200);
    const events = await t.http.get(`/api/v1/audit-events?entityType=organization&entityId=${org.id}`).set('Authorization', admin.auth);
    expect(events.status).toBe(200);
    expect(events.body.items).toEqual([
      expect.objectContaining({
        action: 'update',
        actorUserId: admin.user.id,
        actorOrganizationId: admin.user.organizationId,
        requestId: res.headers['x-request-id'],
        changes: { name: { from: org.name, to: 'PT Baru' } },
      }),
    ]);
  });

  it('records sign-ins and failed sign-ins', async () => {
    const s = await signedIn(t.dataSource, t.http, 'judge');
    await t.http.post('/api/v1/auth/login').send({ email: s.user.email, password: 'wrong password' });
    const logins = await t.http.get(`/api/v1/audit-events?actorUserId=${s.user.id}&action=login`).set('Authorization', admin.auth);
    expect(logins.body.items).toHaveLength(1);
    const failed = await t.http.get(`/api/v1/audit-events?entityId=${s.user.id}&action=login_failed`).set('Authorization', admin.auth);
    expect(failed.body.items).toHaveLength(1);
    expect(JSON.stringify(failed.body.items[0])).not.toContain('wrong password');
  });

  it('filters by time', async () => {
    const future = await t.http.get('/api/v1/audit-events?from=2999-01-01T00:00:00Z').set('Authorization', admin.auth);
    expect(future.body.items).toEqual([]);
    const bad = await t.http.get('/api/v1/audit-events?from=yesterday').set('Authorization', admin.auth);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('from');
  });

  it('is for admins only', async () => {
    const csr = await signedIn(t.dataSource, t.http, 'csr_officer');
    expect((await t.http.get('/api/v1/audit-events').set('Authorization', csr.auth)).status).toBe(403);
    expect((await t.http.get('/api/v1/audit-events')).status).toBe(401);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(t.dataSource.query(`UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'tampered'`);
    expect(n).toBe(0);
  });
});
