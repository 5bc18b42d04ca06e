import { PartnerRecommendation } from '../../src/partner-requests/partner-recommendation.entity';
import { PartnerRequest } from '../../src/partner-requests/partner-request.entity';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, createUser, signedIn } from '../support/factories';

describe('organisation registry', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  afterAll(() => t.close());

  const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((o) => o.id);

  it('keeps the full school profile, with the region name', async () => {
    const res = await t.http.post('/api/v1/organizations').set('Authorization', admin.auth).send({
      type: 'school',
      name: 'SDN Kuin Cerucuk 1',
      npsn: '30399001',
      schoolLevel: 'SD',
      ownership: 'public',
      address: 'Jl. Kuin Cerucuk, Banjarmasin Utara',
      regionCode: '63.71',
      studentCount: 320,
      teacherCount: 18,
      principalName: 'Ibu Kepala',
      needs: ['literacy', 'sanitation', 'literacy'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ regionName: 'Kota Banjarmasin', ownership: 'public', studentCount: 320, needs: ['literacy', 'sanitation'], hasActivePartner: false });
  });

  it('refuses an unknown region code, a province code for a school, and company fields on a school', async () => {
    const base = { type: 'school', name: 'SDN X', schoolLevel: 'SD' };
    const unknown = await t.http.post('/api/v1/organizations').set('Authorization', admin.auth).send({ ...base, npsn: '30399002', regionCode: '99.99' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'regionCode', code: 'unknown_region' });
    const province = await t.http.post('/api/v1/organizations').set('Authorization', admin.auth).send({ ...base, npsn: '30399003', regionCode: '63' });
    expect(province.body.errors[0]).toMatchObject({ field: 'regionCode', code: 'regency_code_expected' });
    const sector = await t.http.post('/api/v1/organizations').set('Authorization', admin.auth).send({ ...base, npsn: '30399004', sector: 'Mining' });
    expect(sector.body.errors[0]).toMatchObject({ field: 'sector', code: 'only_for_company' });
    const needs = await t.http.post('/api/v1/organizations').set('Authorization', admin.auth).send({ type: 'company', name: 'PT X', needs: ['literacy'] });
    expect(needs.body.errors[0]).toMatchObject({ field: 'needs' });
    const badNeed = await t.http.post('/api/v1/organizations').set('Authorization', admin.auth).send({ ...base, npsn: '30399005', needs: ['astrology'] });
    expect(badNeed.body.errors[0]).toMatchObject({ field: 'needs', code: 'isIn' });
  });

  it('filters by region with sub-regions, level and active partner', async () => {
    const tag = `Filter${Date.now()}`;
    const bjm = await createOrganization(t.dataSource, 'school', { name: `${tag} Banjarmasin`, regionCode: '63.71' });
    const banjarbaru = await createOrganization(t.dataSource, 'school', { name: `${tag} Banjarbaru`, regionCode: '63.72' });
    const smp = await createOrganization(t.dataSource, 'school', { name: `${tag} SMP`, regionCode: '63.71', schoolLevel: 'SMP' });
    const balikpapan = await createOrganization(t.dataSource, 'school', { name: `${tag} Balikpapan`, regionCode: '64.71' });
    const base = `/api/v1/organizations?q=${tag}`;
    expect(ids(await t.http.get(`${base}&regionCode=63`).set('Authorization', admin.auth))).toEqual([banjarbaru.id, bjm.id, smp.id]);
    expect(ids(await t.http.get(`${base}&regionCode=63.71`).set('Authorization', admin.auth))).toEqual([bjm.id, smp.id]);
    expect(ids(await t.http.get(`${base}&level=SMP`).set('Authorization', admin.auth))).toEqual([smp.id]);

    // A company accepted Balikpapan from a recommendation: it now has an active partner.
    const company = await createOrganization(t.dataSource, 'company');
    const office = await createOrganization(t.dataSource, 'education_office', { regionCode: '64.71' });
    const request = await t.dataSource.getRepository(PartnerRequest).save({
      companyId: company.id, educationOfficeId: office.id, regionCode: '64.71', schoolsWanted: 1, dueDate: '2030-01-01', createdByUserId: admin.user.id, status: 'closed',
    });
    await t.dataSource.getRepository(PartnerRecommendation).save({
      requestId: request.id, schoolId: balikpapan.id, rank: 1, rationale: 'Strong literacy team', decision: 'accepted', recommendedByUserId: admin.user.id,
    });
    expect(ids(await t.http.get(`${base}&hasActivePartner=true`).set('Authorization', admin.auth))).toEqual([balikpapan.id]);
    expect(ids(await t.http.get(`${base}&hasActivePartner=false`).set('Authorization', admin.auth))).toEqual([banjarbaru.id, bjm.id, smp.id]);
    const profile = await t.http.get(`/api/v1/organizations/${balikpapan.id}`).set('Authorization', admin.auth);
    expect(profile.body).toMatchObject({ hasActivePartner: true, regionName: 'Kota Balikpapan' });
  });

  it('sorts by name or creation time, both ways, and pages through with the cursor', async () => {
    const tag = `Sort${Date.now()}`;
    const created = [];
    for (const n of ['C', 'A', 'E', 'B', 'D']) created.push(await createOrganization(t.dataSource, 'company', { name: `${tag} ${n}` }));
    const walk = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: Array<{ name: string }>; nextCursor: string | null } } = await t.http
          .get(`/api/v1/organizations?q=${tag}&sort=${encodeURIComponent(sort)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set('Authorization', admin.auth);
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((o) => o.name.slice(-1)));
        cursor = res.body.nextCursor;
      } while (cursor);
      return seen.join('');
    };
    expect(await walk('name')).toBe('ABCDE');
    expect(await walk('-name')).toBe('EDCBA');
    expect(await walk('createdAt')).toBe('CAEBD');
    expect(await walk('-createdAt')).toBe('DBEAC');
    const wrongCursor = await t.http.get(`/api/v1/organizations?sort=createdAt&cursor=${Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url')}`).set('Authorization', admin.auth);
    expect(wrongCursor.status).toBe(422);
  });

  it('costs the same number of queries whatever the page size', async () => {
    const cost = async (limit: number) => {
      const before = t.queries.count;
      const res = await t.http.get(`/api/v1/organizations?limit=${limit}`).set('Authorization', admin.auth);
      expect(res.status).toBe(200);
      return t.queries.count - before;
    };
    expect(await cost(2)).toBe(await cost(60));
  });

  it("lets a principal edit their own school's profile, but not another school (404) nor admin fields (422)", async () => {
    const school = await createOrganization(t.dataSource, 'school');
    const other = await createOrganization(t.dataSource, 'school');
    const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: school });
    const own = await t.http.patch(`/api/v1/organizations/${school.id}`).set('Authorization', principal.auth).send({ version: 1, studentCount: 400, needs: ['student_mental_health'] });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ studentCount: 400, needs: ['student_mental_health'], version: 2 });
    const foreign = await t.http.patch(`/api/v1/organizations/${other.id}`).set('Authorization', principal.auth).send({ version: 1, studentCount: 1 });
    expect(foreign.status).toBe(404);
    const npsn = await t.http.patch(`/api/v1/organizations/${school.id}`).set('Authorization', principal.auth).send({ version: 2, npsn: '12345678' });
    expect(npsn.status).toBe(422);
    expect(npsn.body.errors[0]).toMatchObject({ field: 'npsn', code: 'admin_only' });
    const judge = await signedIn(t.dataSource, t.http, 'judge');
    expect((await t.http.patch(`/api/v1/organizations/${judge.user.organizationId}`).set('Authorization', judge.auth).send({ version: 1, name: 'x' })).status).toBe(403);
  });

  it('lists provinces and the regencies of a province', async () => {
    const s = await signedIn(t.dataSource, t.http, 'judge');
    const provinces = await t.http.get('/api/v1/regions').set('Authorization', s.auth);
    expect(provinces.status).toBe(200);
    expect(provinces.body.items).toHaveLength(38);
    expect(provinces.body.items).toContainEqual({ code: '63', level: 'province', provinceCode: null, regencyCode: null, name: 'Kalimantan Selatan' });
    const regencies = await t.http.get('/api/v1/regions?provinceCode=63').set('Authorization', s.auth);
    expect(regencies.body.items).toContainEqual({ code: '63.71', level: 'regency', provinceCode: '63', regencyCode: null, name: 'Kota Banjarmasin' });
    const bad = await t.http.get('/api/v1/regions?provinceCode=6').set('Authorization', s.auth);
    expect(bad.status).toBe(422);
    expect((await t.http.get('/api/v1/regions')).status).toBe(401);
  });

  describe('contacts', () => {
    it('are kept and seen only within the organisation (admins all)', async () => {
      const company = await createOrganization(t.dataSource, 'company');
      const csr = await signedIn(t.dataSource, t.http, 'csr_officer', { organization: company });
      const stranger = await signedIn(t.dataSource, t.http, 'csr_officer');
      const url = `/api/v1/organizations/${company.id}/contacts`;
      const first = await t.http.post(url).set('Authorization', csr.auth).send({ name: 'Rina', position: 'CSR Manager', phone: '+62 21 555 0101', email: 'Rina@PT.test', isPrimary: true });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ email: 'rina@pt.test', isPrimary: true });
      const second = await t.http.post(url).set('Authorization', csr.auth).send({ name: 'Budi', isPrimary: true });
      expect(second.status).toBe(201);
      const list = await t.http.get(url).set('Authorization', csr.auth);
      expect(list.body.items.map((c: { name: string; isPrimary: boolean }) => [c.name, c.isPrimary])).toEqual([['Budi', true], ['Rina', false]]);
      expect((await t.http.get(url).set('Authorization', admin.auth)).status).toBe(200);
      expect((await t.http.get(url).set('Authorization', stranger.auth)).status).toBe(404);
      expect((await t.http.post(url).set('Authorization', stranger.auth).send({ name: 'Intruder' })).status).toBe(404);
      const badPhone = await t.http.post(url).set('Authorization', csr.auth).send({ name: 'X', phone: 'call me' });
      expect(badPhone.status).toBe(422);
      expect(badPhone.body.errors[0].field).toBe('phone');
      const judge = await signedIn(t.dataSource, t.http, 'judge');
      expect((await t.http.post(`/api/v1/organizations/${judge.user.organizationId}/contacts`).set('Authorization', judge.auth).send({ name: 'X' })).status).toBe(403);
    });

    it('are changed with a version check and removed', async () => {
      const school = await createOrganization(t.dataSource, 'school');
      const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: school });
      const url = `/api/v1/organizations/${school.id}/contacts`;
      const created = await t.http.post(url).set('Authorization', principal.auth).send({ name: 'Operator Sekolah' });
      const changed = await t.http.patch(`${url}/${created.body.id}`).set('Authorization', principal.auth).send({ version: 1, phone: '0511 335 000' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ phone: '0511 335 000', version: 2 });
      expect((await t.http.patch(`${url}/${created.body.id}`).set('Authorization', principal.auth).send({ version: 1, name: 'Stale' })).status).toBe(409);
      expect((await t.http.delete(`${url}/${created.body.id}`).set('Authorization', principal.auth)).status).toBe(204);
      expect((await t.http.delete(`${url}/${created.body.id}`).set('Authorization', principal.auth)).status).toBe(404);
    });
  });

  describe('invitations', () => {
    it('lets a principal invite a teacher, who accepts, chooses a password and signs in', async () => {
      const school = await createOrganization(t.dataSource, 'school');
      const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: school });
      const invite = await t.http.post('/api/v1/users').set('Authorization', principal.auth).send({ organizationId: school.id, email: 'wakasek@school.test', fullName: 'Wakil Kepala', role: 'principal' });
      expect(invite.status).toBe(201);
      expect(invite.body).toMatchObject({ status: 'invited', invitation: { token: expect.any(String), expiresAt: expect.any(String) } });
      expect((await t.http.post('/api/v1/auth/login').send({ email: 'wakasek@school.test', password: 'anything at all' })).status).toBe(401);
      const accepted = await t.http.post('/api/v1/auth/accept-invitation').send({ token: invite.body.invitation.token, password: 'my own passphrase' });
      expect(accepted.status).toBe(200);
      expect(accepted.body.accessToken).toBeDefined();
      const again = await t.http.post('/api/v1/auth/accept-invitation').send({ token: invite.body.invitation.token, password: 'another passphrase' });
      expect(again.status).toBe(422);
      expect(again.body.code).toBe('invitation_invalid');
      expect((await t.http.post('/api/v1/auth/login').send({ email: 'wakasek@school.test', password: 'my own passphrase' })).status).toBe(200);
      const me = await t.http.get(`/api/v1/users/${invite.body.id}`).set('Authorization', principal.auth);
      expect(me.body.status).toBe('active');
    });

    it('refuses an expired invitation', async () => {
      const school = await createOrganization(t.dataSource, 'school');
      const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: school });
      const invite = await t.http.post('/api/v1/users').set('Authorization', principal.auth).send({ organizationId: school.id, email: 'late@school.test', fullName: 'Late', role: 'principal' });
      await t.dataSource.query(`UPDATE users SET invitation_expires_at = now() - interval '1 minute' WHERE id = $1`, [invite.body.id]);
      const res = await t.http.post('/api/v1/auth/accept-invitation').send({ token: invite.body.invitation.token, password: 'long enough' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('invitation_invalid');
    });

    it('keeps organisation managers to their own organisation and away from admin powers', async () => {
      const csr = await signedIn(t.dataSource, t.http, 'csr_officer');
      const otherCompany = await createOrganization(t.dataSource, 'company');
      const foreignInvite = await t.http.post('/api/v1/users').set('Authorization', csr.auth).send({ organizationId: otherCompany.id, email: 'x@other.test', fullName: 'X', role: 'csr_officer' });
      expect(foreignInvite.status).toBe(422);
      expect(foreignInvite.body.errors[0]).toMatchObject({ field: 'organizationId', code: 'own_organization_only' });
      const withPassword = await t.http.post('/api/v1/users').set('Authorization', csr.auth).send({ organizationId: csr.user.organizationId, email: 'y@own.test', fullName: 'Y', role: 'csr_officer', password: 'long enough' });
      expect(withPassword.body.errors[0]).toMatchObject({ field: 'password', code: 'invite_only' });
      const makeAdmin = await t.http.post('/api/v1/users').set('Authorization', csr.auth).send({ organizationId: csr.user.organizationId, email: 'z@own.test', fullName: 'Z', role: 'admin' });
      expect(makeAdmin.body.errors[0]).toMatchObject({ field: 'role', code: 'admin_only' });
    });

    it('lets an education officer disable a colleague, not a stranger', async () => {
      const officer = await signedIn(t.dataSource, t.http, 'education_officer');
      const colleague = await signedIn(t.dataSource, t.http, 'education_officer', { organization: { id: officer.user.organizationId } as never });
      const stranger = await createUser(t.dataSource, 'education_officer');
      const disabled = await t.http.patch(`/api/v1/users/${colleague.user.id}`).set('Authorization', officer.auth).send({ version: 1, disabled: true });
      expect(disabled.status).toBe(200);
      expect(disabled.body.status).toBe('disabled');
      expect((await t.http.get('/api/v1/auth/me').set('Authorization', colleague.auth)).status).toBe(401);
      expect((await t.http.patch(`/api/v1/users/${stranger.id}`).set('Authorization', officer.auth).send({ version: 1, disabled: true })).status).toBe(404);
      const password = await t.http.patch(`/api/v1/users/${colleague.user.id}`).set('Authorization', officer.auth).send({ version: 2, password: 'a new long one' });
      expect(password.body.errors[0]).toMatchObject({ field: 'password', code: 'admin_only' });
    });
  });
});
