import type { Organization } from '../../src/organizations/organization.entity';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, signedIn } from '../support/factories';
import { companyWithCsr, insertPartnership, insertProgram, insertProgramYear, SignedIn } from '../support/program-factories';

const BASE = '/api/v1/programs';

interface ProgramBody {
  id: string;
  name: string;
  version: number;
}

describe('programs and program years', () => {
  let t: TestApp;
  let admin: SignedIn;
  let judge: SignedIn;
  let facilitatorOrg: Organization;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t.dataSource, t.http, 'admin');
    judge = await signedIn(t.dataSource, t.http, 'judge');
    facilitatorOrg = await createOrganization(t.dataSource, 'facilitator', { name: 'Edukasi Uji' });
  });
  afterAll(() => t.close());

  const names = (res: { body: { items: Array<{ name: string }> } }) => res.body.items.map((p) => p.name);
  const audit = (entityId: string) =>
    t.dataSource.query(`SELECT action, actor_user_id AS "actorUserId", changes FROM audit_events WHERE entity_id = $1 ORDER BY id`, [entityId]) as Promise<
      Array<{ action: string; actorUserId: string; changes: Record<string, unknown> }>
    >;

  function programBody(extra: Record<string, unknown> = {}) {
    return {
      name: 'Generasi Uji',
      description: '  A long-term school improvement program.  ',
      focusAreas: ['teacher_training', 'literacy'],
      startYear: 2012,
      endYear: 2026,
      regionCodes: ['63', '64.71'],
      facilitatorIds: [facilitatorOrg.id],
      ...extra,
    };
  }

  async function createProgram(csr: SignedIn, extra: Record<string, unknown> = {}): Promise<ProgramBody> {
    const res = await t.http.post(BASE).set('Authorization', csr.auth).send(programBody(extra));
    expect(res.status).toBe(201);
    return res.body as ProgramBody;
  }

  describe('POST /programs', () => {
    it("creates a program of the CSR officer's own company, with names of regions and facilitators, and audits it", async () => {
      const { company, csr } = await companyWithCsr(t.dataSource, t.http);
      const res = await t.http.post(BASE).set('Authorization', csr.auth).send(programBody());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        company: { id: company.id, name: company.name },
        name: 'Generasi Uji',
        description: 'A long-term school improvement program.',
        focusAreas: ['teacher_training', 'literacy'],
        startYear: 2012,
        endYear: 2026,
        regionCodes: ['63', '64.71'],
        regions: [
          { code: '63', name: 'Kalimantan Selatan' },
          { code: '64.71', name: 'Kota Balikpapan' },
        ],
        facilitators: [{ id: facilitatorOrg.id, name: 'Edukasi Uji' }],
        version: 1,
      });
      const lines = await audit(res.body.id);
      expect(lines).toEqual([expect.objectContaining({ action: 'create', actorUserId: csr.user.id })]);
      expect(lines[0].changes).toMatchObject({ companyId: company.id, facilitatorIds: [facilitatorOrg.id] });
    });

    it('makes admins name a company, and refuses a company id that is not a company', async () => {
      const missing = await t.http.post(BASE).set('Authorization', admin.auth).send(programBody());
      expect(missing.status).toBe(422);
      expect(missing.body.errors[0]).toMatchObject({ field: 'companyId', code: 'required_for_admin' });
      const school = await createOrganization(t.dataSource, 'school');
      const notCompany = await t.http.post(BASE).set('Authorization', admin.auth).send(programBody({ companyId: school.id }));
      expect(notCompany.body.errors[0]).toMatchObject({ field: 'companyId', code: 'not_a_company' });
      const company = await createOrganization(t.dataSource, 'company');
      const ok = await t.http.post(BASE).set('Authorization', admin.auth).send(programBody({ companyId: company.id, endYear: null }));
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ company: { id: company.id }, endYear: null });
    });

    it("refuses another company's id from a CSR officer", async () => {
      const { csr } = await companyWithCsr(t.dataSource, t.http);
      const other = await createOrganization(t.dataSource, 'company');
      const res = await t.http.post(BASE).set('Authorization', csr.auth).send(programBody({ companyId: other.id }));
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'companyId', code: 'own_company_only' });
    });

    it.each([
      ['focusAreas', 'isIn', { focusAreas: ['astrology'] }],
      ['regionCodes', 'matches', { regionCodes: ['6371'] }],
      ['startYear', 'min', { startYear: 1900 }],
      ['endYear', 'end_before_start', { startYear: 2015, endYear: 2014 }],
      ['regionCodes', 'unknown_region', { regionCodes: ['63', '99.99'] }],
      ['name', 'isNotEmpty', { name: '   ' }],
      ['companyCode', 'unknown_field', { companyCode: 'X' }],
    ])('refuses a bad %s (%s), naming it', async (field, code, extra) => {
      const { csr } = await companyWithCsr(t.dataSource, t.http);
      const res = await t.http.post(BASE).set('Authorization', csr.auth).send(programBody(extra));
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field, code })]);
    });

    it('refuses facilitators that are not facilitator organisations, in both languages', async () => {
      const { company, csr } = await companyWithCsr(t.dataSource, t.http);
      const res = await t.http.post(BASE).set('Authorization', csr.auth).set('Accept-Language', 'id').send(programBody({ facilitatorIds: [company.id] }));
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'facilitatorIds', code: 'not_a_facilitator' });
      expect(res.body.errors[0].message).toContain('bukan organisasi fasilitator');
    });

    it('needs a token (401) and the programs:manage permission (403)', async () => {
      expect((await t.http.post(BASE).send(programBody())).status).toBe(401);
      expect((await t.http.post(BASE).set('Authorization', judge.auth).send(programBody())).status).toBe(403);
      const facilitator = await signedIn(t.dataSource, t.http, 'facilitator');
      expect((await t.http.post(BASE).set('Authorization', facilitator.auth).send(programBody())).status).toBe(403);
    });
  });

  describe('GET /programs and /programs/{id}', () => {
    it('shows each role the programs in its scope and nothing else (404 one by one)', async () => {
      const tag = `Scope${Date.now()}`;
      const { company, csr } = await companyWithCsr(t.dataSource, t.http);
      const other = await createOrganization(t.dataSource, 'company');
      const facilitator = await signedIn(t.dataSource, t.http, 'facilitator');
      const mine = await insertProgram(t.dataSource, company.id, { name: `${tag} A mine`, facilitatorIds: [facilitator.user.organizationId] });
      const mineToo = await insertProgram(t.dataSource, company.id, { name: `${tag} B mine` });
      const theirs = await insertProgram(t.dataSource, other.id, { name: `${tag} C theirs` });
      const school = await createOrganization(t.dataSource, 'school', { regionCode: '63.71' });
      const farSchool = await createOrganization(t.dataSource, 'school', { regionCode: '64.71' });
      await insertPartnership(t.dataSource, mineToo, school);
      await insertPartnership(t.dataSource, theirs, farSchool);
      const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: school });
      const office = await createOrganization(t.dataSource, 'education_office', { regionCode: '63', officeLevel: 'province' });
      const officer = await signedIn(t.dataSource, t.http, 'education_officer', { organization: office });

      const list = (who: SignedIn) => t.http.get(`${BASE}?q=${tag}`).set('Authorization', who.auth);
      expect(names(await list(csr))).toEqual([`${tag} A mine`, `${tag} B mine`]);
      expect(names(await list(facilitator))).toEqual([`${tag} A mine`]);
      expect(names(await list(principal))).toEqual([`${tag} B mine`]);
      expect(names(await list(officer))).toEqual([`${tag} B mine`]);
      expect(names(await list(admin))).toEqual([`${tag} A mine`, `${tag} B mine`, `${tag} C theirs`]);
      expect(names(await t.http.get(`${BASE}?q=${tag}&companyId=${other.id}`).set('Authorization', admin.auth))).toEqual([`${tag} C theirs`]);

      const get = (who: SignedIn, id: string) => t.http.get(`${BASE}/${id}`).set('Authorization', who.auth);
      expect((await get(csr, mine.id)).status).toBe(200);
      expect((await get(csr, theirs.id)).status).toBe(404);
      expect((await get(facilitator, mine.id)).body).toMatchObject({ id: mine.id, facilitators: [{ id: facilitator.user.organizationId }] });
      expect((await get(facilitator, mineToo.id)).status).toBe(404);
      expect((await get(principal, mineToo.id)).status).toBe(200);
      expect((await get(principal, mine.id)).status).toBe(404);
      expect((await get(officer, mineToo.id)).status).toBe(200);
      expect((await get(officer, theirs.id)).status).toBe(404);
      const missing = await get(admin, '00000000-0000-4000-8000-00000000dead');
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('not_found');
      expect((await get(admin, 'not-a-uuid')).status).toBe(422);
      expect((await t.http.get(BASE).set('Authorization', judge.auth)).status).toBe(403);
      expect((await t.http.get(`${BASE}/${mine.id}`).set('Authorization', judge.auth)).status).toBe(403);
      expect((await t.http.get(BASE)).status).toBe(401);
      expect((await t.http.get(`${BASE}/${mine.id}`)).status).toBe(401);
    });

    it('pages by name with a typed cursor, at the same query cost whatever the page size', async () => {
      const tag = `Page${Date.now()}`;
      const { company, csr } = await companyWithCsr(t.dataSource, t.http);
      for (const n of ['D', 'B', 'E', 'A', 'C']) await insertProgram(t.dataSource, company.id, { name: `${tag} ${n}`, facilitatorIds: [facilitatorOrg.id], regionCodes: ['63'] });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: Array<{ name: string }>; nextCursor: string | null } } = await t.http
          .get(`${BASE}?q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set('Authorization', csr.auth);
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((p) => p.name.slice(-1)));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen.join('')).toBe('ABCDE');
      const forged = Buffer.from(JSON.stringify(['A', 'not-a-uuid'])).toString('base64url');
      const bad = await t.http.get(`${BASE}?cursor=${forged}`).set('Authorization', csr.auth);
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0]).toMatchObject({ field: 'cursor', code: 'invalid_cursor' });

      const cost = async (limit: number) => {
        const before = t.queries.count;
        const res = await t.http.get(`${BASE}?limit=${limit}`).set('Authorization', admin.auth);
        expect(res.status).toBe(200);
        return t.queries.count - before;
      };
      expect(await cost(2)).toBe(await cost(50));
    });
  });

  describe('PATCH /programs/{id}', () => {
    it('changes a program with a version check, replacing regions and facilitators, and audits the difference', async () => {
      const { csr } = await companyWithCsr(t.dataSource, t.http);
      const program = await createProgram(csr);
      const edukasi2 = await createOrganization(t.dataSource, 'facilitator', { name: 'Fasilitator Dua' });
      const res = await t.http
        .patch(`${BASE}/${program.id}`)
        .set('Authorization', csr.auth)
        .send({ version: 1, name: 'Generasi Uji Nasional', endYear: null, regionCodes: ['31'], facilitatorIds: [edukasi2.id], focusAreas: ['parenting'] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: 'Generasi Uji Nasional',
        endYear: null,
        regionCodes: ['31'],
        regions: [{ code: '31', name: 'Daerah Khusus Ibukota Jakarta' }],
        facilitators: [{ id: edukasi2.id, name: 'Fasilitator Dua' }],
        focusAreas: ['parenting'],
        version: 2,
      });
      const stale = await t.http.patch(`${BASE}/${program.id}`).set('Authorization', csr.auth).send({ version: 1, name: 'Stale' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      const [, update] = await audit(program.id);
      expect(update).toMatchObject({ action: 'update', actorUserId: csr.user.id });
      expect(update.changes).toMatchObject({
        name: { from: 'Generasi Uji', to: 'Generasi Uji Nasional' },
        endYear: { from: 2026, to: null },
        facilitatorIds: { from: [facilitatorOrg.id], to: [edukasi2.id] },
      });
    });

    it('keeps every existing year inside the start and end year, and the end not before the start', async () => {
      const { csr } = await companyWithCsr(t.dataSource, t.http);
      const program = await createProgram(csr);
      await insertProgramYear(t.dataSource, program.id, 2013);
      await insertProgramYear(t.dataSource, program.id, 2020);
      const late = await t.http.patch(`${BASE}/${program.id}`).set('Authorization', csr.auth).send({ version: 1, startYear: 2014 });
      expect(late.status).toBe(422);
      expect(late.body.errors[0]).toMatchObject({ field: 'startYear', code: 'years_outside_range' });
      expect(late.body.errors[0].message).toContain('2013');
      const early = await t.http.patch(`${BASE}/${program.id}`).set('Authorization', csr.auth).send({ version: 1, endYear: 2019 });
      expect(early.body.errors[0]).toMatchObject({ field: 'endYear', code: 'years_outside_range' });
      const reversed = await t.http.patch(`${BASE}/${program.id}`).set('Authorization', csr.auth).send({ version: 1, endYear: 2011 });
      expect(reversed.body.errors[0]).toMatchObject({ field: 'endYear', code: 'end_before_start' });
      const ok = await t.http.patch(`${BASE}/${program.id}`).set('Authorization', csr.auth).send({ version: 1, startYear: 2013, endYear: 2020 });
      expect(ok.status).toBe(200);
    });

    it("answers 404 for another company's program, 403 without programs:manage, 401 without a token", async () => {
      const { csr } = await companyWithCsr(t.dataSource, t.http);
      const stranger = await companyWithCsr(t.dataSource, t.http);
      const program = await createProgram(csr);
      expect((await t.http.patch(`${BASE}/${program.id}`).set('Authorization', stranger.csr.auth).send({ version: 1, name: 'Mine now' })).status).toBe(404);
      const facilitator = await signedIn(t.dataSource, t.http, 'facilitator', { organization: facilitatorOrg });
      expect((await t.http.patch(`${BASE}/${program.id}`).set('Authorization', facilitator.auth).send({ version: 1, name: 'x' })).status).toBe(403);
      expect((await t.http.patch(`${BASE}/${program.id}`).send({ version: 1, name: 'x' })).status).toBe(401);
      const byAdmin = await t.http.patch(`${BASE}/${program.id}`).set('Authorization', admin.auth).send({ version: 1, description: null });
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body.description).toBeNull();
    });
  });

  describe('program years', () => {
    const years = (programId: string) => `${BASE}/${programId}/years`;
    const yearBody = (extra: Record<string, unknown> = {}) => ({
      year: 2014,
      theme: 'Literacy and literacy innovation',
      budgetEnvelope: '1500000000',
      planningWorkshopDate: '2014-01-20',
      planDeadline: '2014-02-28',
      grantReportingDeadline: '2014-11-30',
      competitionDate: '2014-12-10',
      ...extra,
    });

    it('runs a year through its lifecycle one step at a time, then keeps it read-only', async () => {
      const { csr } = await companyWithCsr(t.dataSource, t.http);
      const program = await createProgram(csr);
      const created = await t.http.post(years(program.id)).set('Authorization', csr.auth).send(yearBody({ budgetEnvelope: 1_500_000_000 }));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        programId: program.id,
        year: 2014,
        theme: 'Literacy and literacy innovation',
        budgetEnvelope: '1500000000',
        planningWorkshopDate: '2014-01-20',
        planDeadline: '2014-02-28',
        status: 'planning',
        nextStatus: 'running',
        readOnly: false,
        version: 1,
      });
      const id = created.body.id as string;
      const move = (status: string) => t.http.post(`${years(program.id)}/${id}/status`).set('Authorization', csr.auth).send({ status });

      const skip = await move('evaluating');
      expect(skip.status).toBe(422);
      expect(skip.body.code).toBe('rule_violated');
      expect(skip.body.detail).toContain('the only allowed next status is running');
      const running = await move('running');
      expect(running.status).toBe(200);
      expect(running.body).toMatchObject({ status: 'running', nextStatus: 'evaluating', version: 2 });
      const back = await move('planning');
      expect(back.status).toBe(422);
      expect(back.body.detail).toContain('evaluating');
      const same = await move('running');
      expect(same.body.detail).toContain('already running');
      expect((await move('evaluating')).body.status).toBe('evaluating');
      const closed = await move('closed');
      expect(closed.body).toMatchObject({ status: 'closed', nextStatus: null, readOnly: true, version: 4 });

      const again = await move('closed');
      expect(again.status).toBe(422);
      expect(again.body.detail).toContain('read-only');
      const edit = await t.http.patch(`${years(program.id)}/${id}`).set('Authorization', csr.auth).send({ version: 4, theme: 'Too late' });
      expect(edit.status).toBe(422);
      expect(edit.body.code).toBe('rule_violated');
      expect(edit.body.detail).toContain('closed and read-only');
      const editId = await t.http.patch(`${years(program.id)}/${id}`).set('Authorization', csr.auth).set('Accept-Language', 'id').send({ version: 4, theme: 'Too late' });
      expect(editId.body.detail).toContain('hanya-baca');

      const lines = await audit(id);
      expect(lines.map((l) => l.action)).toEqual(['create', 'state_change', 'state_change', 'state_change']);
      expect(lines[3].changes).toMatchObject({ year: 2014, status: { from: 'evaluating', to: 'closed' } });
    });

    it('changes an open year with a version check; null clears a date', async () => {
      const { csr } = await companyWithCsr(t.dataSource, t.http);
      const program = await createProgram(csr);
      const created = await t.http.post(years(program.id)).set('Authorization', csr.auth).send(yearBody());
      const url = `${years(program.id)}/${created.body.id}`;
      const res = await t.http.patch(url).set('Authorization', csr.auth).send({ version: 1, budgetEnvelope: '2000000000', competitionDate: null, theme: 'Literacy corners in every class' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ budgetEnvelope: '2000000000', competitionDate: null, theme: 'Literacy corners in every class', version: 2 });
      expect((await t.http.patch(url).set('Authorization', csr.auth).send({ version: 1, theme: 'Stale' })).status).toBe(409);
      const early = await t.http.patch(url).set('Authorization', csr.auth).send({ version: 2, planDeadline: '2014-01-10' });
      expect(early.status).toBe(422);
      expect(early.body.errors[0]).toMatchObject({ field: 'planDeadline', code: 'deadline_before_workshop' });
      const [, update] = await audit(created.body.id);
      expect(update.changes).toMatchObject({ budgetEnvelope: { from: '1500000000', to: '2000000000' }, competitionDate: { from: '2014-12-10', to: null } });
    });

    it('keeps one record per year: a second answers 409 naming the existing one', async () => {
      const { csr } = await companyWithCsr(t.dataSource, t.http);
      const program = await createProgram(csr);
      const first = await t.http.post(years(program.id)).set('Authorization', csr.auth).send(yearBody());
      const second = await t.http.post(years(program.id)).set('Authorization', csr.auth).send(yearBody({ theme: 'Another theme' }));
      expect(second.status).toBe(409);
      expect(second.headers['content-type']).toContain('application/problem+json');
      expect(second.body).toMatchObject({ status: 409, code: 'program_year_exists', existingId: first.body.id, type: 'urn:jalin:problem:program_year_exists' });
      expect(second.body.detail).toContain('already has a record for 2014');
      expect(second.body.detail).toContain(first.body.id);
      const inId = await t.http.post(years(program.id)).set('Authorization', csr.auth).set('Accept-Language', 'id').send(yearBody());
      expect(inId.body.detail).toContain('sudah memiliki data untuk tahun 2014');
      const count = await t.dataSource.query('SELECT count(*)::int AS n FROM program_years WHERE program_id = $1', [program.id]);
      expect(count[0].n).toBe(1);
    });

    it('keeps a year inside the program', async () => {
      const { csr } = await companyWithCsr(t.dataSource, t.http);
      const program = await createProgram(csr, { startYear: 2012, endYear: 2015 });
      for (const year of [2011, 2016]) {
        const res = await t.http.post(years(program.id)).set('Authorization', csr.auth).send(yearBody({ year }));
        expect(res.status).toBe(422);
        expect(res.body.errors[0]).toMatchObject({ field: 'year', code: 'outside_program' });
        expect(res.body.errors[0].message).toContain('2012–2015');
      }
      const open = await createProgram(csr, { startYear: 2012, endYear: null });
      expect((await t.http.post(years(open.id)).set('Authorization', csr.auth).send(yearBody({ year: 2040 }))).status).toBe(201);
      expect((await t.http.post(years(open.id)).set('Authorization', csr.auth).send(yearBody({ year: 2011 }))).status).toBe(422);
    });

    it.each([
      ['a float', 1500000000.5, 'not_whole_rupiah'],
      ['a decimal string', '1500000000.50', 'not_whole_rupiah'],
      ['a formatted string', 'Rp 1.500.000.000', 'not_whole_rupiah'],
      ['a negative amount', -1, 'negative_amount'],
      ['more than 9,000,000,000,000,000,000', '9000000000000000001', 'amount_too_large'],
      ['a number too large to be exact', 2 ** 60, 'send_as_string'],
      ['a boolean', true, 'not_whole_rupiah'],
      ['nothing', null, 'isDefined'],
    ])('refuses %s as a budget envelope', async (_what, budgetEnvelope, code) => {
      const { csr } = await companyWithCsr(t.dataSource, t.http);
      const program = await createProgram(csr);
      const res = await t.http.post(years(program.id)).set('Authorization', csr.auth).send(yearBody({ budgetEnvelope }));
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'budgetEnvelope', code })]);
    });

    it('accepts the largest amount as a string and answers it exactly', async () => {
      const { csr } = await companyWithCsr(t.dataSource, t.http);
      const program = await createProgram(csr);
      const res = await t.http.post(years(program.id)).set('Authorization', csr.auth).send(yearBody({ budgetEnvelope: '9000000000000000000' }));
      expect(res.status).toBe(201);
      expect(res.body.budgetEnvelope).toBe('9000000000000000000');
      const floatOnPatch = await t.http.patch(`${years(program.id)}/${res.body.id}`).set('Authorization', csr.auth).send({ version: 1, budgetEnvelope: 0.5 });
      expect(floatOnPatch.status).toBe(422);
      expect(floatOnPatch.body.errors[0]).toMatchObject({ field: 'budgetEnvelope', code: 'not_whole_rupiah' });
    });

    it.each([
      ['year', { year: 2014.5 }],
      ['theme', { theme: '' }],
      ['planningWorkshopDate', { planningWorkshopDate: '2014-02-30' }],
      ['status', { status: 'running' }],
    ])('refuses a bad %s on create', async (field, extra) => {
      const { csr } = await companyWithCsr(t.dataSource, t.http);
      const program = await createProgram(csr);
      const res = await t.http.post(years(program.id)).set('Authorization', csr.auth).send(yearBody(extra));
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });

    it('lists the years oldest first to whoever can read the program', async () => {
      const { company, csr } = await companyWithCsr(t.dataSource, t.http);
      const facilitator = await signedIn(t.dataSource, t.http, 'facilitator');
      const program = await insertProgram(t.dataSource, company.id, { facilitatorIds: [facilitator.user.organizationId] });
      for (const year of [2014, 2012, 2013]) await insertProgramYear(t.dataSource, program.id, year, { budgetEnvelope: String(year * 1000) });
      const res = await t.http.get(years(program.id)).set('Authorization', facilitator.auth);
      expect(res.status).toBe(200);
      expect(res.body.items.map((y: { year: number; budgetEnvelope: string }) => [y.year, y.budgetEnvelope])).toEqual([
        [2012, '2012000'],
        [2013, '2013000'],
        [2014, '2014000'],
      ]);
      const one = await t.http.get(`${years(program.id)}/${res.body.items[0].id}`).set('Authorization', csr.auth);
      expect(one.body).toMatchObject({ year: 2012, theme: 'Theme of 2012' });
    });

    it('answers 401, 403 and 404 on every year endpoint', async () => {
      const { company, csr } = await companyWithCsr(t.dataSource, t.http);
      const stranger = await companyWithCsr(t.dataSource, t.http);
      const program = await insertProgram(t.dataSource, company.id);
      const year = await insertProgramYear(t.dataSource, program.id, 2014);
      const otherProgram = await insertProgram(t.dataSource, company.id);
      const otherYear = await insertProgramYear(t.dataSource, otherProgram.id, 2014);
      const facilitator = await signedIn(t.dataSource, t.http, 'facilitator');
      const calls = [
        { send: (auth?: string) => withAuth(t.http.post(years(program.id)), auth).send(yearBody()), write: true },
        { send: (auth?: string) => withAuth(t.http.get(years(program.id)), auth), write: false },
        { send: (auth?: string) => withAuth(t.http.get(`${years(program.id)}/${year.id}`), auth), write: false },
        { send: (auth?: string) => withAuth(t.http.patch(`${years(program.id)}/${year.id}`), auth).send({ version: 1, theme: 'x' }), write: true },
        { send: (auth?: string) => withAuth(t.http.post(`${years(program.id)}/${year.id}/status`), auth).send({ status: 'running' }), write: true },
      ];
      for (const call of calls) {
        expect((await call.send()).status).toBe(401);
        expect((await call.send(judge.auth)).status).toBe(403);
        expect((await call.send(stranger.csr.auth)).status).toBe(404);
        if (call.write) expect((await call.send(facilitator.auth)).status).toBe(403);
        else expect((await call.send(facilitator.auth)).status).toBe(404);
      }
      // A year of another program is not found under this one.
      expect((await t.http.get(`${years(program.id)}/${otherYear.id}`).set('Authorization', csr.auth)).status).toBe(404);
      expect((await t.http.patch(`${years(program.id)}/${otherYear.id}`).set('Authorization', csr.auth).send({ version: 1, theme: 'x' })).status).toBe(404);
      expect((await t.http.get(`${years(program.id)}/not-a-uuid`).set('Authorization', csr.auth)).status).toBe(422);
    });
  });
});

function withAuth<T extends { set(name: string, value: string): T }>(req: T, auth?: string): T {
  return auth ? req.set('Authorization', auth) : req;
}
