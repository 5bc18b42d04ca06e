import { createTestApp, TestApp } from '../support/app';
import { createOrganization, nextNpsn, signedIn } from '../support/factories';

describe('organizations', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  afterAll(() => t.close());

  it('registers a school with its NPSN and level', async () => {
    const npsn = nextNpsn();
    const res = await t.http.post('/api/v1/organizations').set('Authorization', admin.auth).send({ type: 'school', name: 'SDN Uji 1', npsn, schoolLevel: 'SD', regionCode: '63.71' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'school', npsn, schoolLevel: 'SD', regionCode: '63.71', version: 1, archivedAt: null });
  });

  it('refuses an NPSN that is not 8 digits, and a school without one', async () => {
    const bad = await t.http.post('/api/v1/organizations').set('Authorization', admin.auth).send({ type: 'school', name: 'SDN X', npsn: '1234', schoolLevel: 'SD' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'npsn', label: 'NPSN', message: 'NPSN must be exactly 8 digits, e.g. 30304122' });
    const missing = await t.http.post('/api/v1/organizations').set('Authorization', admin.auth).send({ type: 'school', name: 'SDN X', schoolLevel: 'SD' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].field).toBe('npsn');
  });

  it('requires an education office to have a level and a matching region code', async () => {
    const res = await t.http.post('/api/v1/organizations').set('Authorization', admin.auth).send({ type: 'education_office', name: 'Dinas X', officeLevel: 'regency', regionCode: '63' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'regionCode', code: 'regency_code_expected' });
  });

  it('answers a duplicate NPSN with 409 naming the school that has it', async () => {
    const existing = await createOrganization(t.dataSource, 'school');
    const res = await t.http.post('/api/v1/organizations').set('Authorization', admin.auth).send({ type: 'school', name: 'Copy', npsn: existing.npsn, schoolLevel: 'SD' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('npsn_taken');
    expect(res.body.detail).toContain(existing.name);
    expect(res.body.detail).toContain(existing.id);
  });

  it('lists public profiles to every signed-in user, filtered by type and text, without archived ones', async () => {
    const principal = await signedIn(t.dataSource, t.http, 'principal');
    const marker = `Zeta${Date.now()}`;
    const a = await createOrganization(t.dataSource, 'school', { name: `${marker} A` });
    const b = await createOrganization(t.dataSource, 'school', { name: `${marker} B` });
    await createOrganization(t.dataSource, 'company', { name: `${marker} C` });
    await createOrganization(t.dataSource, 'school', { name: `${marker} D`, archivedAt: new Date() });
    const res = await t.http.get(`/api/v1/organizations?type=school&q=${marker}`).set('Authorization', principal.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.map((o: { id: string }) => o.id)).toEqual([a.id, b.id]);
    const withArchived = await t.http.get(`/api/v1/organizations?type=school&q=${marker}&includeArchived=true`).set('Authorization', principal.auth);
    expect(withArchived.body.items).toHaveLength(3);
    const byNpsn = await t.http.get(`/api/v1/organizations?q=${a.npsn}`).set('Authorization', principal.auth);
    expect(byNpsn.body.items.map((o: { id: string }) => o.id)).toEqual([a.id]);
  });

  it('archives and restores with a version check; only admins archive', async () => {
    const org = await createOrganization(t.dataSource, 'facilitator');
    const facilitator = await signedIn(t.dataSource, t.http, 'facilitator', { organization: org });
    const notAdmin = await t.http.patch(`/api/v1/organizations/${org.id}`).set('Authorization', facilitator.auth).send({ version: 1, archived: true });
    expect(notAdmin.status).toBe(422);
    expect(notAdmin.body.errors[0]).toMatchObject({ field: 'archived', code: 'admin_only' });
    const archived = await t.http.patch(`/api/v1/organizations/${org.id}`).set('Authorization', admin.auth).send({ version: 1, archived: true });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const stale = await t.http.patch(`/api/v1/organizations/${org.id}`).set('Authorization', admin.auth).send({ version: 1, archived: false });
    expect(stale.status).toBe(409);
    const restored = await t.http.patch(`/api/v1/organizations/${org.id}`).set('Authorization', admin.auth).send({ version: 2, archived: false });
    expect(restored.body).toMatchObject({ archivedAt: null, version: 3 });
  });

  it('404 for a missing organisation, 401 without a token', async () => {
    const res = await t.http.get('/api/v1/organizations/00000000-0000-4000-8000-00000000beef').set('Authorization', admin.auth);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect((await t.http.get('/api/v1/organizations')).status).toBe(401);
  });
});
