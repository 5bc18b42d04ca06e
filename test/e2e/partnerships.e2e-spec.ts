import { DEMO_IDS, DEMO_PASSWORD, loadDemoData } from '../../src/demo/demo';
import { PARTNER_DEMO_IDS } from '../../src/demo/demo-partners';
import { PROGRAM_DEMO_IDS, programsDemoStep } from '../../src/demo/demo-programs';
import { SeedRun } from '../../src/database/seed-run.entity';
import type { Organization } from '../../src/organizations/organization.entity';
import type { Program } from '../../src/programs/program.entity';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, login, signedIn } from '../support/factories';
import { insertPartnerRequest, insertRecommendation } from '../support/partner-factories';
import {
  companyWithCsr,
  insertAmendment,
  insertCohortYears,
  insertMou,
  insertPartnership,
  insertProgram,
  insertProgramYear,
  SignedIn,
} from '../support/program-factories';

const BASE = '/api/v1/partnerships';

describe('partnerships', () => {
  let t: TestApp;
  let admin: SignedIn;
  let judge: SignedIn;
  let today: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t.dataSource, t.http, 'admin');
    judge = await signedIn(t.dataSource, t.http, 'judge');
    // The platform's today: the UTC date (src/common/clock.ts).
    today = new Date().toISOString().slice(0, 10);
  });
  afterAll(() => t.close());

  /** A company with a signed-in CSR officer and a program of it. */
  async function companyProgram(fields: Partial<Program> = {}) {
    const { company, csr } = await companyWithCsr(t.dataSource, t.http);
    const program = await insertProgram(t.dataSource, company.id, fields);
    return { company, csr, program };
  }
  const school = (extra: Partial<Organization> = {}) => createOrganization(t.dataSource, 'school', extra);
  const events = (partnershipId: string) =>
    t.dataSource.query(
      `SELECT from_status AS "from", to_status AS "to", CAST(occurred_on AS text) AS "on", reason, by_user_id AS "by"
         FROM partnership_events WHERE partnership_id = $1 ORDER BY occurred_on, created_at, id`,
      [partnershipId],
    ) as Promise<Array<{ from: string | null; to: string; on: string; reason: string | null; by: string | null }>>;
  const auditLines = (entityId: string) =>
    t.dataSource.query(`SELECT action, actor_user_id AS "actorUserId", changes FROM audit_events WHERE entity_type = 'partnership' AND entity_id = $1 ORDER BY id`, [entityId]) as Promise<
      Array<{ action: string; actorUserId: string; changes: Record<string, unknown> }>
    >;

  describe('POST /partnerships', () => {
    it('opens a prospective partnership, writes its first history entry and audits it', async () => {
      const { company, csr, program } = await companyProgram({ name: 'Generasi Uji' });
      const s = await school({ name: 'SDN Uji 1', regionCode: '63.71' });
      const res = await t.http.post(BASE).set('Authorization', csr.auth).send({ programId: program.id, schoolId: s.id });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        program: { id: program.id, name: 'Generasi Uji' },
        company: { id: company.id, name: company.name },
        school: { id: s.id, name: 'SDN Uji 1', npsn: s.npsn, regionCode: '63.71' },
        recommendationId: null,
        status: 'prospective',
        allowedMoves: ['active', 'ended'],
        startedOn: null,
        endedOn: null,
        cohortYears: [],
        version: 1,
      });
      expect(await events(res.body.id)).toEqual([{ from: null, to: 'prospective', on: today, reason: null, by: csr.user.id }]);
      expect(await auditLines(res.body.id)).toEqual([expect.objectContaining({ action: 'create', actorUserId: csr.user.id })]);
    });

    it('opens an already active partnership from its start date, and counts the years since as its cohort', async () => {
      const { csr, program } = await companyProgram({ startYear: 2012 });
      await insertProgramYear(t.dataSource, program.id, 2012, { status: 'closed' });
      await insertProgramYear(t.dataSource, program.id, 2013, { status: 'closed' });
      const s = await school();
      const res = await t.http.post(BASE).set('Authorization', csr.auth).send({ programId: program.id, schoolId: s.id, status: 'active', startedOn: '2013-03-10' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'active', startedOn: '2013-03-10' });
      expect(res.body.cohortYears[0]).toMatchObject({ year: 2013, theme: 'Theme of 2013', yearStatus: 'closed', explicit: false, active: true });
      expect(res.body.cohortYears.map((y: { year: number }) => y.year)).not.toContain(2012);
      expect(await events(res.body.id)).toEqual([expect.objectContaining({ from: null, to: 'active', on: '2013-03-10' })]);
      const noDate = await t.http.post(BASE).set('Authorization', csr.auth).send({ programId: program.id, schoolId: (await school()).id, status: 'active' });
      expect(noDate.body.startedOn).toBe(today);
    });

    it('keeps one partnership per school in a program (409 naming it), while a school may partner with several companies', async () => {
      const first = await companyProgram({ name: 'Program Satu' });
      const second = await companyProgram({ name: 'Program Dua' });
      const s = await school({ name: 'SDN Dua Mitra' });
      const opened = await t.http.post(BASE).set('Authorization', first.csr.auth).send({ programId: first.program.id, schoolId: s.id });
      const again = await t.http.post(BASE).set('Authorization', first.csr.auth).send({ programId: first.program.id, schoolId: s.id, status: 'active' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'partnership_exists', existingId: opened.body.id, status: 409 });
      expect(again.body.detail).toContain(`SDN Dua Mitra already has a partnership in Program Satu (id ${opened.body.id})`);
      const elsewhere = await t.http.post(BASE).set('Authorization', second.csr.auth).send({ programId: second.program.id, schoolId: s.id });
      expect(elsewhere.status).toBe(201);
      const bySchool = await t.http.get(`${BASE}?schoolId=${s.id}`).set('Authorization', admin.auth);
      expect(bySchool.body.items.map((p: { company: { id: string } }) => p.company.id).sort()).toEqual([first.company.id, second.company.id].sort());
    });

    it('refuses a program of another company, a school that is not a school, a start date for a prospective one and a future start', async () => {
      const { csr, program } = await companyProgram();
      const other = await companyProgram();
      const s = await school();
      const send = (body: Record<string, unknown>) => t.http.post(BASE).set('Authorization', csr.auth).send({ programId: program.id, schoolId: s.id, ...body });
      expect((await send({ programId: other.program.id })).body.errors[0]).toMatchObject({ field: 'programId', code: 'unknown_program' });
      expect((await send({ schoolId: other.company.id })).body.errors[0]).toMatchObject({ field: 'schoolId', code: 'not_a_school' });
      expect((await send({ startedOn: '2012-03-10' })).body.errors[0]).toMatchObject({ field: 'startedOn', code: 'only_when_active' });
      expect((await send({ status: 'active', startedOn: '2999-01-01' })).body.errors[0]).toMatchObject({ field: 'startedOn', code: 'date_in_future' });
      expect((await send({ status: 'paused' })).body.errors[0]).toMatchObject({ field: 'status', code: 'isIn' });
      expect((await send({ startedOn: '2012-02-30', status: 'active' })).body.errors[0]).toMatchObject({ field: 'startedOn' });
      const count = await t.dataSource.query('SELECT count(*)::int AS n FROM partnerships WHERE school_id = $1', [s.id]);
      expect(count[0].n).toBe(0);
    });

    it('needs a token (401) and partnerships:manage (403)', async () => {
      const { program } = await companyProgram();
      const s = await school();
      const body = { programId: program.id, schoolId: s.id };
      expect((await t.http.post(BASE).send(body)).status).toBe(401);
      expect((await t.http.post(BASE).set('Authorization', judge.auth).send(body)).status).toBe(403);
      const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: s });
      expect((await t.http.post(BASE).set('Authorization', principal.auth).send(body)).status).toBe(403);
      const byAdmin = await t.http.post(BASE).set('Authorization', admin.auth).send(body);
      expect(byAdmin.status).toBe(201);
    });
  });

  describe('recommendation link', () => {
    it('links an accepted recommendation of this company for this school, once', async () => {
      const { company, csr, program } = await companyProgram();
      const s = await school();
      const request = await insertPartnerRequest(t.dataSource, { companyId: company.id, status: 'closed' });
      const rec = await insertRecommendation(t.dataSource, request, s, { decision: 'accepted', decidedAt: new Date() });
      const res = await t.http.post(BASE).set('Authorization', csr.auth).send({ programId: program.id, schoolId: s.id, recommendationId: rec.id });
      expect(res.status).toBe(201);
      expect(res.body.recommendationId).toBe(rec.id);
      const program2 = await insertProgram(t.dataSource, company.id);
      const twice = await t.http.post(BASE).set('Authorization', csr.auth).send({ programId: program2.id, schoolId: s.id, recommendationId: rec.id });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ code: 'recommendation_already_linked', existingId: res.body.id });
    });

    it('refuses a pending recommendation, one made to another company, and one for another school', async () => {
      const { company, csr, program } = await companyProgram();
      const s = await school();
      const otherSchool = await school({ name: 'SDN Lain' });
      const request = await insertPartnerRequest(t.dataSource, { companyId: company.id, status: 'answered' });
      const pending = await insertRecommendation(t.dataSource, request, s);
      const elsewhere = await insertRecommendation(t.dataSource, request, otherSchool, { rank: 2, decision: 'accepted', decidedAt: new Date() });
      const foreignRequest = await insertPartnerRequest(t.dataSource, { status: 'closed' });
      const foreign = await insertRecommendation(t.dataSource, foreignRequest, s, { decision: 'accepted', decidedAt: new Date() });
      const send = (recommendationId: string) => t.http.post(BASE).set('Authorization', csr.auth).send({ programId: program.id, schoolId: s.id, recommendationId });
      const notAccepted = await send(pending.id);
      expect(notAccepted.status).toBe(422);
      expect(notAccepted.body.errors[0]).toMatchObject({ field: 'recommendationId', code: 'not_accepted' });
      expect(notAccepted.body.errors[0].message).toContain(`/partner-requests/${request.id}/recommendations/${pending.id}/accept`);
      expect((await send(foreign.id)).body.errors[0]).toMatchObject({ field: 'recommendationId', code: 'unknown_recommendation' });
      const wrongSchool = await send(elsewhere.id);
      expect(wrongSchool.body.errors[0]).toMatchObject({ field: 'recommendationId', code: 'other_school' });
      expect(wrongSchool.body.errors[0].message).toContain('SDN Lain');
      expect((await send('00000000-0000-4000-8000-00000000beef')).body.errors[0]).toMatchObject({ code: 'unknown_recommendation' });
    });
  });

  describe('POST /partnerships/{id}/status', () => {
    it('moves through the allowed statuses with dates and reasons, writing history and audit', async () => {
      const { csr, program } = await companyProgram();
      const s = await school();
      const opened = await t.http.post(BASE).set('Authorization', csr.auth).send({ programId: program.id, schoolId: s.id });
      const id = opened.body.id as string;
      const move = (body: Record<string, unknown>) => t.http.post(`${BASE}/${id}/status`).set('Authorization', csr.auth).send(body);

      const started = await move({ status: 'active' });
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({ status: 'active', startedOn: today, allowedMoves: ['paused', 'ended'], version: 2 });
      const noReason = await move({ status: 'paused' });
      expect(noReason.status).toBe(422);
      expect(noReason.body.errors[0]).toMatchObject({ field: 'reason', code: 'reason_required' });
      const blank = await move({ status: 'paused', reason: '   ' });
      expect(blank.body.errors[0]).toMatchObject({ field: 'reason', code: 'isNotEmpty' });
      const paused = await move({ status: 'paused', reason: 'School building under renovation' });
      expect(paused.body).toMatchObject({ status: 'paused', statusReason: 'School building under renovation', allowedMoves: ['active', 'ended'] });
      const resumed = await move({ status: 'active' });
      expect(resumed.body).toMatchObject({ status: 'active', statusReason: null, startedOn: today });
      const wrong = await move({ status: 'prospective' });
      expect(wrong.status).toBe(422);
      expect(wrong.body.code).toBe('rule_violated');
      expect(wrong.body.detail).toBe('an active partnership can move to paused or ended, not to prospective');
      const same = await move({ status: 'active' });
      expect(same.body.detail).toContain('it is already active');
      const ended = await move({ status: 'ended', reason: 'The company moved the program to another region' });
      expect(ended.body).toMatchObject({ status: 'ended', endedOn: today, statusReason: 'The company moved the program to another region', allowedMoves: [] });
      const after = await move({ status: 'active' });
      expect(after.status).toBe(422);
      expect(after.body.detail).toContain('ended partnership cannot change status');

      expect((await events(id)).map((e) => [e.from, e.to, e.reason])).toEqual([
        [null, 'prospective', null],
        ['prospective', 'active', null],
        ['active', 'paused', 'School building under renovation'],
        ['paused', 'active', null],
        ['active', 'ended', 'The company moved the program to another region'],
      ]);
      const lines = await auditLines(id);
      expect(lines.map((l) => l.action)).toEqual(['create', 'state_change', 'state_change', 'state_change', 'state_change']);
      expect(lines[2].changes).toEqual({ status: { from: 'active', to: 'paused' }, on: today, reason: 'School building under renovation' });
    });

    it('dates a change: not in the future, not before the previous change', async () => {
      const { program, csr } = await companyProgram();
      const p = await insertPartnership(t.dataSource, program, await school(), [
        { to: 'prospective', on: '2012-02-20' },
        { to: 'active', on: '2012-03-10' },
      ]);
      const move = (body: Record<string, unknown>) => t.http.post(`${BASE}/${p.id}/status`).set('Authorization', csr.auth).send(body);
      const before = await move({ status: 'paused', reason: 'Flood', on: '2012-03-09' });
      expect(before.status).toBe(422);
      expect(before.body.errors[0]).toMatchObject({ field: 'on', code: 'before_last_change' });
      expect(before.body.errors[0].message).toContain('2012-03-10');
      expect((await move({ status: 'paused', reason: 'Flood', on: '2999-01-01' })).body.errors[0]).toMatchObject({ field: 'on', code: 'date_in_future' });
      const ok = await move({ status: 'paused', reason: 'Flood', on: '2013-01-15' });
      expect(ok.status).toBe(200);
      expect(ok.body.startedOn).toBe('2012-03-10');
      expect((await events(p.id)).at(-1)).toMatchObject({ to: 'paused', on: '2013-01-15', reason: 'Flood' });
    });

    it("answers 404 for another company's partnership, 403 without the permission, 401 without a token", async () => {
      const { program } = await companyProgram();
      const stranger = await companyWithCsr(t.dataSource, t.http);
      const s = await school();
      const p = await insertPartnership(t.dataSource, program, s);
      const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: s });
      const body = { status: 'paused', reason: 'x' };
      expect((await t.http.post(`${BASE}/${p.id}/status`).send(body)).status).toBe(401);
      expect((await t.http.post(`${BASE}/${p.id}/status`).set('Authorization', principal.auth).send(body)).status).toBe(403);
      expect((await t.http.post(`${BASE}/${p.id}/status`).set('Authorization', judge.auth).send(body)).status).toBe(403);
      expect((await t.http.post(`${BASE}/${p.id}/status`).set('Authorization', stranger.csr.auth).send(body)).status).toBe(404);
      expect((await t.http.post(`${BASE}/not-a-uuid/status`).set('Authorization', stranger.csr.auth).send(body)).status).toBe(422);
      expect((await t.http.post(`${BASE}/${p.id}/status`).set('Authorization', admin.auth).send(body)).status).toBe(200);
    });
  });

  describe('PUT /partnerships/{id}/years', () => {
    it('sets the explicit cohort from the years of its program; derived years stay', async () => {
      const { csr, program } = await companyProgram({ startYear: 2012 });
      const y2012 = await insertProgramYear(t.dataSource, program.id, 2012, { status: 'closed' });
      const y2025 = await insertProgramYear(t.dataSource, program.id, 2025, { status: 'evaluating' });
      const y2026 = await insertProgramYear(t.dataSource, program.id, 2026, { status: 'planning' });
      const p = await insertPartnership(t.dataSource, program, await school(), [
        { to: 'active', on: '2012-03-10' },
        { to: 'ended', on: '2012-12-20', reason: 'Moved away' },
      ]);
      const url = `${BASE}/${p.id}/years`;
      const set = await t.http.put(url).set('Authorization', csr.auth).send({ programYearIds: [y2026.id, y2025.id] });
      expect(set.status).toBe(200);
      expect(set.body.cohortYears).toEqual([
        { year: 2012, programYearId: y2012.id, theme: 'Theme of 2012', yearStatus: 'closed', explicit: false, active: true },
        { year: 2025, programYearId: y2025.id, theme: 'Theme of 2025', yearStatus: 'evaluating', explicit: true, active: false },
        { year: 2026, programYearId: y2026.id, theme: 'Theme of 2026', yearStatus: 'planning', explicit: true, active: false },
      ]);
      const shrink = await t.http.put(url).set('Authorization', csr.auth).send({ programYearIds: [y2025.id] });
      expect(shrink.body.cohortYears.map((y: { year: number }) => y.year)).toEqual([2012, 2025]);
      const lines = await auditLines(p.id);
      expect(lines.map((l) => l.changes)).toEqual([{ cohortYears: { from: [], to: [2025, 2026] } }, { cohortYears: { from: [2025, 2026], to: [2025] } }]);
      const unchanged = await t.http.put(url).set('Authorization', csr.auth).send({ programYearIds: [y2025.id] });
      expect(unchanged.status).toBe(200);
      expect(await auditLines(p.id)).toHaveLength(2);
    });

    it('refuses years of another program, and adding or removing a closed year', async () => {
      const { csr, program, company } = await companyProgram({ startYear: 2012 });
      const closed = await insertProgramYear(t.dataSource, program.id, 2013, { status: 'closed' });
      const closedToo = await insertProgramYear(t.dataSource, program.id, 2014, { status: 'closed' });
      const open = await insertProgramYear(t.dataSource, program.id, 2026, { status: 'running' });
      const otherProgram = await insertProgram(t.dataSource, company.id);
      const foreignYear = await insertProgramYear(t.dataSource, otherProgram.id, 2026);
      const p = await insertPartnership(t.dataSource, program, await school());
      await insertCohortYears(t.dataSource, p.id, [closedToo.id]);
      const url = `${BASE}/${p.id}/years`;
      const foreign = await t.http.put(url).set('Authorization', csr.auth).send({ programYearIds: [closedToo.id, open.id, foreignYear.id] });
      expect(foreign.status).toBe(422);
      expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'programYearIds[2]', code: 'not_in_program' })]);
      const addClosed = await t.http.put(url).set('Authorization', csr.auth).send({ programYearIds: [closedToo.id, closed.id] });
      expect(addClosed.status).toBe(422);
      expect(addClosed.body.detail).toContain('cannot add 2013');
      const removeClosed = await t.http.put(url).set('Authorization', csr.auth).send({ programYearIds: [open.id] });
      expect(removeClosed.status).toBe(422);
      expect(removeClosed.body.detail).toContain('cannot remove 2014');
      const ok = await t.http.put(url).set('Authorization', csr.auth).send({ programYearIds: [closedToo.id, open.id] });
      expect(ok.status).toBe(200);
      expect(ok.body.cohortYears.filter((y: { explicit: boolean }) => y.explicit).map((y: { year: number }) => y.year)).toEqual([2014, 2026]);
      const dup = await t.http.put(url).set('Authorization', csr.auth).send({ programYearIds: [open.id, open.id] });
      expect(dup.body.errors[0]).toMatchObject({ field: 'programYearIds', code: 'arrayUnique' });
    });

    it("answers 404 for another company's partnership, 403 without the permission, 401 without a token", async () => {
      const { program } = await companyProgram();
      const stranger = await companyWithCsr(t.dataSource, t.http);
      const p = await insertPartnership(t.dataSource, program, await school());
      const url = `${BASE}/${p.id}/years`;
      expect((await t.http.put(url).send({ programYearIds: [] })).status).toBe(401);
      expect((await t.http.put(url).set('Authorization', judge.auth).send({ programYearIds: [] })).status).toBe(403);
      expect((await t.http.put(url).set('Authorization', stranger.csr.auth).send({ programYearIds: [] })).status).toBe(404);
    });
  });

  describe('GET /partnerships and /partnerships/{id}', () => {
    it('shows each role the partnerships in its scope only', async () => {
      const { company, csr, program } = await companyProgram();
      const other = await companyProgram();
      const facilitator = await signedIn(t.dataSource, t.http, 'facilitator');
      await t.dataSource.query('INSERT INTO program_facilitators (program_id, facilitator_id) VALUES ($1, $2)', [program.id, facilitator.user.organizationId]);
      const bjm = await school({ name: 'SDN Scope Banjarmasin', regionCode: '63.71' });
      const bpp = await school({ name: 'SDN Scope Balikpapan', regionCode: '64.71' });
      const mineBjm = await insertPartnership(t.dataSource, program, bjm);
      const mineBpp = await insertPartnership(t.dataSource, program, bpp);
      const theirsBjm = await insertPartnership(t.dataSource, other.program, bjm);
      const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: bjm });
      const cityOffice = await createOrganization(t.dataSource, 'education_office', { regionCode: '63.71' });
      const officer = await signedIn(t.dataSource, t.http, 'education_officer', { organization: cityOffice });

      const list = async (who: SignedIn, query = '') =>
        ((await t.http.get(`${BASE}?limit=100${query}`).set('Authorization', who.auth)).body.items as Array<{ id: string }>).map((p) => p.id);
      expect((await list(csr)).sort()).toEqual([mineBjm.id, mineBpp.id].sort());
      expect((await list(principal)).sort()).toEqual([mineBjm.id, theirsBjm.id].sort());
      expect(await list(officer, `&schoolId=${bjm.id}`)).toHaveLength(2);
      expect(await list(officer, `&schoolId=${bpp.id}`)).toEqual([]);
      expect((await list(facilitator)).sort()).toEqual([mineBjm.id, mineBpp.id].sort());
      expect(await list(admin, `&programId=${program.id}&schoolId=${bpp.id}`)).toEqual([mineBpp.id]);

      const get = (who: SignedIn, id: string) => t.http.get(`${BASE}/${id}`).set('Authorization', who.auth);
      const seen = await get(principal, mineBjm.id);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ company: { id: company.id }, school: { id: bjm.id, name: 'SDN Scope Banjarmasin' } });
      expect((await get(principal, mineBpp.id)).status).toBe(404);
      expect((await get(officer, mineBjm.id)).status).toBe(200);
      expect((await get(officer, mineBpp.id)).status).toBe(404);
      expect((await get(csr, theirsBjm.id)).status).toBe(404);
      expect((await get(facilitator, theirsBjm.id)).status).toBe(404);
      expect((await get(judge, mineBjm.id)).status).toBe(403);
      expect((await t.http.get(BASE).set('Authorization', judge.auth)).status).toBe(403);
      expect((await t.http.get(BASE)).status).toBe(401);
      expect((await t.http.get(`${BASE}/${mineBjm.id}`)).status).toBe(401);
      expect((await get(admin, 'nope')).status).toBe(422);
    });

    it('filters by status, pages by school name, at the same query cost whatever the page size', async () => {
      const { csr, program } = await companyProgram({ name: 'Paging Program' });
      const tag = `Paging${Date.now()}`;
      for (const n of ['C', 'A', 'E', 'B', 'D']) {
        await insertPartnership(t.dataSource, program, await school({ name: `${tag} ${n}` }), n === 'E' ? [{ to: 'active', on: '2012-03-10' }, { to: 'ended', on: '2014-06-30', reason: 'Closed' }] : undefined);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: Array<{ school: { name: string }; program: { name: string } }>; nextCursor: string | null } } = await t.http
          .get(`${BASE}?programId=${program.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set('Authorization', csr.auth);
        expect(res.status).toBe(200);
        expect(res.body.items.every((p) => p.program.name === 'Paging Program')).toBe(true);
        seen.push(...res.body.items.map((p) => p.school.name.slice(-1)));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen.join('')).toBe('ABCDE');
      const ended = await t.http.get(`${BASE}?programId=${program.id}&status=ended`).set('Authorization', csr.auth);
      expect(ended.body.items.map((p: { school: { name: string }; endedOn: string }) => [p.school.name, p.endedOn])).toEqual([[`${tag} E`, '2014-06-30']]);
      expect((await t.http.get(`${BASE}?status=finished`).set('Authorization', csr.auth)).status).toBe(422);

      const cost = async (limit: number) => {
        const before = t.queries.count;
        const res = await t.http.get(`${BASE}?limit=${limit}`).set('Authorization', admin.auth);
        expect(res.status).toBe(200);
        return t.queries.count - before;
      };
      expect(await cost(2)).toBe(await cost(50));
    });
  });

  describe('GET /partnerships/{id}/timeline', () => {
    /**
     * A small reference case, 2012–2016: prospective in February 2012, started with an MoU in March;
     * that MoU expired unrenewed in 2013 and a new one was signed; paused through 2014 (a flood) but
     * kept in the 2014 cohort explicitly; resumed in 2015 with a renewal; ended with the MoU
     * terminated in December 2015. Drafts and unsigned MoUs do not show.
     */
    async function referenceCase() {
      const { company, csr, program } = await companyProgram({ name: 'Generasi Uji', startYear: 2012, endYear: 2016 });
      const s = await school({ name: 'SDN Pelambuan Uji', regionCode: '63.71' });
      const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: s });
      const themes: Record<number, string> = {
        2012: 'Teacher training and school vision and mission',
        2013: 'School health unit (UKS)',
        2014: 'Literacy and literacy innovation',
        2015: 'Child-friendly school',
        2016: 'Project-based learning',
      };
      const years: Record<number, string> = {};
      for (const year of [2012, 2013, 2014, 2015, 2016]) {
        years[year] = (await insertProgramYear(t.dataSource, program.id, year, { theme: themes[year], status: year < 2016 ? 'closed' : 'running' })).id;
      }
      const tag = Math.random().toString(36).slice(2, 8);
      const p = await insertPartnership(t.dataSource, program, s, [
        { to: 'prospective', on: '2012-02-20' },
        { to: 'active', on: '2012-03-10' },
        { to: 'paused', on: '2013-12-20', reason: 'Flood damage: classes moved to a temporary building' },
        { to: 'active', on: '2015-01-05' },
        { to: 'ended', on: '2015-12-15', reason: 'The school joined the provincial program' },
      ]);
      await insertCohortYears(t.dataSource, p.id, [years[2014]]);
      // MoU numbers are unique across the database: each case gets its own.
      const n = (k: string) => `${k}/UJI-${tag}`;
      const both = (at: string, at2 = at) => [
        { organizationId: company.id, userId: csr.user.id, at },
        { organizationId: s.id, userId: principal.user.id, at: at2 },
      ];
      // Signed in Banjarmasin on the evening of 9 March UTC: 10 March in Western Indonesia Time.
      const first = await insertMou(t.dataSource, p, { number: n('001'), title: 'Teacher training cooperation', effectiveDate: '2012-03-10', expiryDate: '2013-03-09', status: 'expired', signedBy: both('2012-03-08T02:00:00Z', '2012-03-09T18:30:00Z') });
      const second = await insertMou(t.dataSource, p, { number: n('002'), title: 'School development cooperation', effectiveDate: '2013-04-01', expiryDate: '2015-03-31', status: 'superseded', signedBy: both('2013-03-20T03:00:00Z') });
      const amendment = await insertAmendment(t.dataSource, second, { number: 1, summary: 'Adds a literacy corner in every classroom', newExpiryDate: null, signedBy: both('2014-02-10T03:00:00Z') });
      const third = await insertMou(t.dataSource, p, {
        number: n('003'),
        title: 'School development cooperation (renewal)',
        effectiveDate: '2015-04-01',
        expiryDate: '2017-03-31',
        status: 'terminated',
        renewsMouId: second.id,
        terminatedOn: '2015-12-15',
        terminationReason: 'Ended by mutual agreement with the partnership',
        signedBy: both('2015-03-25T03:00:00Z'),
      });
      await insertMou(t.dataSource, p, { number: n('004'), effectiveDate: '2016-01-01', expiryDate: '2017-01-01', status: 'draft', createdByUserId: csr.user.id, signedBy: [] });
      // Signed by the company only: the school's required signature is missing.
      await insertMou(t.dataSource, p, {
        number: n('005'),
        effectiveDate: '2016-01-01',
        expiryDate: '2017-01-01',
        status: 'awaiting_signatures',
        parties: [company.id, s.id],
        signedBy: both('2016-01-02T03:00:00Z').slice(0, 1),
      });
      const history = (await t.dataSource.query('SELECT id FROM partnership_events WHERE partnership_id = $1 ORDER BY occurred_on, created_at', [p.id])) as Array<{ id: string }>;
      return { company, csr, program, school: s, principal, p, years, themes, number: n, mous: { first, second, amendment, third }, history: history.map((h) => h.id) };
    }

    it('reads the reference case year by year, oldest first, with themes, cohort and events in order', async () => {
      const c = await referenceCase();
      const res = await t.http.get(`${BASE}/${c.p.id}/timeline`).set('Authorization', c.csr.auth);
      expect(res.status).toBe(200);
      const terms = (title: string, from: string, to: string) => `${title}; in force ${from} to ${to}`;
      const year = (y: number, inCohort: boolean, yearStatus: string, events: unknown[]) => ({ year: y, programYearId: c.years[y], theme: c.themes[y], yearStatus, inCohort, events });
      const currentYear = Number(today.slice(0, 4));
      const emptyYears = [];
      for (let y = 2017; y <= currentYear; y += 1) emptyYears.push({ year: y, programYearId: null, theme: null, yearStatus: null, inCohort: false, events: [] });
      expect(res.body).toEqual({
        partnershipId: c.p.id,
        program: { id: c.program.id, name: 'Generasi Uji' },
        company: { id: c.company.id, name: c.company.name },
        school: { id: c.school.id, name: 'SDN Pelambuan Uji' },
        status: 'ended',
        years: [
          // The history was written down later than the days it names, so a status change is known
          // only to its day and comes after the MoU signed on that day at a known moment.
          year(2012, true, 'closed', [
            { date: '2012-02-20', at: null, kind: 'partnership_status', title: 'Partnership opened as prospective', detail: null, refId: c.history[0] },
            {
              date: '2012-03-10',
              at: '2012-03-09T18:30:00.000Z',
              kind: 'mou_signed',
              title: `MoU ${c.number('001')} signed`,
              detail: terms('Teacher training cooperation', '2012-03-10', '2013-03-09'),
              refId: c.mous.first.id,
            },
            { date: '2012-03-10', at: null, kind: 'partnership_status', title: 'Partnership started', detail: null, refId: c.history[1] },
          ]),
          year(2013, true, 'closed', [
            { date: '2013-03-09', at: null, kind: 'mou_expired', title: `MoU ${c.number('001')} expired`, detail: `${terms('Teacher training cooperation', '2012-03-10', '2013-03-09')}; not renewed`, refId: c.mous.first.id },
            { date: '2013-03-20', at: '2013-03-20T03:00:00.000Z', kind: 'mou_signed', title: `MoU ${c.number('002')} signed`, detail: terms('School development cooperation', '2013-04-01', '2015-03-31'), refId: c.mous.second.id },
            { date: '2013-12-20', at: null, kind: 'partnership_status', title: 'Partnership paused', detail: 'Flood damage: classes moved to a temporary building', refId: c.history[2] },
          ]),
          year(2014, true, 'closed', [
            { date: '2014-02-10', at: '2014-02-10T03:00:00.000Z', kind: 'mou_amended', title: `MoU ${c.number('002')} amended (amendment 1)`, detail: 'Adds a literacy corner in every classroom', refId: c.mous.amendment.id },
          ]),
          year(2015, true, 'closed', [
            { date: '2015-01-05', at: null, kind: 'partnership_status', title: 'Partnership resumed', detail: null, refId: c.history[3] },
            {
              date: '2015-03-25',
              at: '2015-03-25T03:00:00.000Z',
              kind: 'mou_renewed',
              title: `MoU ${c.number('003')} signed, renewing MoU ${c.number('002')}`,
              detail: terms('School development cooperation (renewal)', '2015-04-01', '2017-03-31'),
              refId: c.mous.third.id,
            },
            // Both known only to the day: by kind, the status change first.
            { date: '2015-12-15', at: null, kind: 'partnership_status', title: 'Partnership ended', detail: 'The school joined the provincial program', refId: c.history[4] },
            { date: '2015-12-15', at: null, kind: 'mou_terminated', title: `MoU ${c.number('003')} terminated`, detail: 'Ended by mutual agreement with the partnership', refId: c.mous.third.id },
          ]),
          year(2016, false, 'running', []),
          ...emptyYears,
        ],
      });
      const detail = await t.http.get(`${BASE}/${c.p.id}`).set('Authorization', c.csr.auth);
      expect(detail.body.cohortYears.map((y: { year: number; explicit: boolean; active: boolean }) => [y.year, y.explicit, y.active])).toEqual([
        [2012, false, true],
        [2013, false, true],
        [2014, true, false],
        [2015, false, true],
      ]);
    });

    it('tells the reference case in Bahasa Indonesia for Accept-Language: id, and in English otherwise', async () => {
      const c = await referenceCase();
      const url = `${BASE}/${c.p.id}/timeline`;
      type Event = { date: string; kind: string; title: string; detail: string | null; refId: string };
      const told = (body: { years: Array<{ events: Event[] }> }) => body.years.flatMap((y) => y.events.map((e) => [e.date, e.kind, e.title, e.detail]));
      const indonesian = await t.http.get(url).set('Authorization', c.principal.auth).set('Accept-Language', 'id-ID,id;q=0.9,en;q=0.8');
      expect(indonesian.status).toBe(200);
      const terms = (title: string, from: string, to: string) => `${title}; berlaku ${from} sampai ${to}`;
      expect(told(indonesian.body)).toEqual([
        ['2012-02-20', 'partnership_status', 'Kemitraan mulai dirintis', null],
        ['2012-03-10', 'mou_signed', `MoU ${c.number('001')} ditandatangani`, terms('Teacher training cooperation', '10 Maret 2012', '9 Maret 2013')],
        ['2012-03-10', 'partnership_status', 'Kemitraan dimulai', null],
        ['2013-03-09', 'mou_expired', `MoU ${c.number('001')} habis masa berlakunya`, `${terms('Teacher training cooperation', '10 Maret 2012', '9 Maret 2013')}; tidak diperpanjang`],
        ['2013-03-20', 'mou_signed', `MoU ${c.number('002')} ditandatangani`, terms('School development cooperation', '1 April 2013', '31 Maret 2015')],
        // What people typed (reasons, summaries, MoU titles) stays as they typed it.
        ['2013-12-20', 'partnership_status', 'Kemitraan dijeda', 'Flood damage: classes moved to a temporary building'],
        ['2014-02-10', 'mou_amended', `MoU ${c.number('002')} diubah (adendum 1)`, 'Adds a literacy corner in every classroom'],
        ['2015-01-05', 'partnership_status', 'Kemitraan dilanjutkan kembali', null],
        ['2015-03-25', 'mou_renewed', `MoU ${c.number('003')} ditandatangani, memperpanjang MoU ${c.number('002')}`, terms('School development cooperation (renewal)', '1 April 2015', '31 Maret 2017')],
        ['2015-12-15', 'partnership_status', 'Kemitraan berakhir', 'The school joined the provincial program'],
        ['2015-12-15', 'mou_terminated', `MoU ${c.number('003')} diakhiri`, 'Ended by mutual agreement with the partnership'],
      ]);
      // The same events, in the same order, as English tells them; English is also what a caller without a preference gets.
      const english = await t.http.get(url).set('Authorization', c.principal.auth).set('Accept-Language', 'en-US,en;q=0.9,id;q=0.5');
      const none = await t.http.get(url).set('Authorization', c.principal.auth);
      expect(none.body).toEqual(english.body);
      expect(told(english.body).map(([date, kind]) => [date, kind])).toEqual(told(indonesian.body).map(([date, kind]) => [date, kind]));
      expect(told(english.body).map(([, , title]) => title)).toEqual([
        'Partnership opened as prospective',
        `MoU ${c.number('001')} signed`,
        'Partnership started',
        `MoU ${c.number('001')} expired`,
        `MoU ${c.number('002')} signed`,
        'Partnership paused',
        `MoU ${c.number('002')} amended (amendment 1)`,
        'Partnership resumed',
        `MoU ${c.number('003')} signed, renewing MoU ${c.number('002')}`,
        'Partnership ended',
        `MoU ${c.number('003')} terminated`,
      ]);
      expect(told(english.body)[1][3]).toBe('Teacher training cooperation; in force 2012-03-10 to 2013-03-09');
      // Everything but the texts is the same answer.
      const withoutTexts = (body: { years: Array<{ events: Event[] }> }) => ({ ...body, years: body.years.map((y) => ({ ...y, events: y.events.map((e) => ({ ...e, title: '', detail: '' })) })) });
      expect(withoutTexts(indonesian.body)).toEqual(withoutTexts(english.body));
    });

    it('writes dates inside Indonesian texts as schools do: a later renewal and a new expiry date', async () => {
      const { company, csr, program } = await companyProgram({ startYear: 2019 });
      const s = await school();
      const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: s });
      const p = await insertPartnership(t.dataSource, program, s, [{ to: 'active', on: '2019-12-01' }]);
      const tag = Math.random().toString(36).slice(2, 8);
      const both = (at: string) => [
        { organizationId: company.id, userId: csr.user.id, at },
        { organizationId: s.id, userId: principal.user.id, at },
      ];
      const x = await insertMou(t.dataSource, p, { number: `X-${tag}`, title: 'Kerja sama literasi', effectiveDate: '2020-01-01', expiryDate: '2020-12-31', status: 'superseded', signedBy: both('2019-12-20T03:00:00Z') });
      const y = await insertMou(t.dataSource, p, { number: `Y-${tag}`, title: 'Kerja sama lanjutan', effectiveDate: '2021-02-01', expiryDate: '2021-12-31', status: 'active', renewsMouId: x.id, signedBy: both('2021-01-25T03:00:00Z') });
      await insertAmendment(t.dataSource, y, { number: 1, summary: 'Masa berlaku diperpanjang', newExpiryDate: '2026-12-05', signedBy: both('2021-06-01T03:00:00Z') });
      const timeline = async (language: string) => {
        const res = await t.http.get(`${BASE}/${p.id}/timeline`).set('Authorization', csr.auth).set('Accept-Language', language);
        expect(res.status).toBe(200);
        return (res.body.years as Array<{ events: Array<{ kind: string; title: string; detail: string | null }> }>).flatMap((yr) => yr.events);
      };
      const id = await timeline('id');
      expect(id.find((e) => e.kind === 'mou_expired')).toMatchObject({
        title: `MoU X-${tag} habis masa berlakunya`,
        detail: `Kerja sama literasi; berlaku 1 Januari 2020 sampai 31 Desember 2020; kemudian diperpanjang dengan MoU Y-${tag}`,
      });
      expect(id.find((e) => e.kind === 'mou_amended')).toMatchObject({ title: `MoU Y-${tag} diubah (adendum 1)`, detail: 'Masa berlaku diperpanjang; berlaku sampai 5 Desember 2026' });
      const en = await timeline('en');
      expect(en.find((e) => e.kind === 'mou_expired')).toMatchObject({
        title: `MoU X-${tag} expired`,
        detail: `Kerja sama literasi; in force 2020-01-01 to 2020-12-31; renewed later by MoU Y-${tag}`,
      });
      expect(en.find((e) => e.kind === 'mou_amended')).toMatchObject({ title: `MoU Y-${tag} amended (amendment 1)`, detail: 'Masa berlaku diperpanjang; new expiry date 2026-12-05' });
    });

    it('starts with the partnership, not before the program, and costs the same number of queries however long it is', async () => {
      const c = await referenceCase();
      const late = await insertPartnership(t.dataSource, c.program, await school(), [{ to: 'active', on: '2015-08-01' }]);
      const res = await t.http.get(`${BASE}/${late.id}/timeline`).set('Authorization', c.csr.auth);
      expect(res.body.years[0]).toMatchObject({ year: 2015, theme: 'Child-friendly school', inCohort: true, events: [{ date: '2015-08-01', title: 'Partnership started' }] });
      // Active ever since, so in the cohort of every year up to now, even without a program-year record.
      expect(res.body.years.at(-1)).toMatchObject({ year: Number(today.slice(0, 4)), inCohort: true });

      const cost = async (id: string) => {
        const before = t.queries.count;
        expect((await t.http.get(`${BASE}/${id}/timeline`).set('Authorization', c.csr.auth)).status).toBe(200);
        return t.queries.count - before;
      };
      expect(await cost(c.p.id)).toBe(await cost(late.id));
      // Telling it in Bahasa Indonesia costs no more.
      const before = t.queries.count;
      expect((await t.http.get(`${BASE}/${c.p.id}/timeline`).set('Authorization', c.csr.auth).set('Accept-Language', 'id')).status).toBe(200);
      expect(t.queries.count - before).toBe(await cost(c.p.id));
    });

    it('shows an MoU signed once every required party has signed, and an expiry before a late renewal', async () => {
      const { company, csr, program } = await companyProgram({ startYear: 2019 });
      const s = await school();
      const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: s });
      const p = await insertPartnership(t.dataSource, program, s, [{ to: 'active', on: '2019-12-01' }]);
      const tag = Math.random().toString(36).slice(2, 8);
      const both = (at: string) => [
        { organizationId: company.id, userId: csr.user.id, at },
        { organizationId: s.id, userId: principal.user.id, at },
      ];
      const x = await insertMou(t.dataSource, p, { number: `X-${tag}`, title: 'First', effectiveDate: '2020-01-01', expiryDate: '2020-12-31', status: 'superseded', signedBy: both('2019-12-20T03:00:00Z') });
      // Signed after X had run out: X expired first.
      const y = await insertMou(t.dataSource, p, { number: `Y-${tag}`, title: 'Second', effectiveDate: '2021-02-01', expiryDate: '2021-12-31', status: 'superseded', renewsMouId: x.id, signedBy: both('2021-01-25T03:00:00Z') });
      // Signed and effective before Y ran out: no gap, no expiry.
      const z = await insertMou(t.dataSource, p, { number: `Z-${tag}`, title: 'Third', effectiveDate: '2022-01-01', expiryDate: '2023-12-31', status: 'active', renewsMouId: y.id, signedBy: both('2021-12-15T03:00:00Z') });
      // Fully signed, waiting for its effective date.
      const w = await insertMou(t.dataSource, p, { number: `W-${tag}`, title: 'Fourth', effectiveDate: '2024-01-01', expiryDate: '2025-12-31', status: 'awaiting_signatures', signedBy: both('2022-06-01T03:00:00Z') });
      const res = await t.http.get(`${BASE}/${p.id}/timeline`).set('Authorization', csr.auth);
      const mouEvents = (res.body.years as Array<{ year: number; events: Array<{ kind: string; date: string; title: string; detail: string; refId: string }> }>)
        .filter((yr) => yr.year <= 2022)
        .map((yr) => [yr.year, yr.events.filter((e) => e.kind !== 'partnership_status').map((e) => [e.date, e.kind, e.title, e.refId])]);
      expect(mouEvents).toEqual([
        [2019, [['2019-12-20', 'mou_signed', `MoU X-${tag} signed`, x.id]]],
        [2020, [['2020-12-31', 'mou_expired', `MoU X-${tag} expired`, x.id]]],
        [2021, [['2021-01-25', 'mou_renewed', `MoU Y-${tag} signed, renewing MoU X-${tag}`, y.id], ['2021-12-15', 'mou_renewed', `MoU Z-${tag} signed, renewing MoU Y-${tag}`, z.id]]],
        [2022, [['2022-06-01', 'mou_signed', `MoU W-${tag} signed`, w.id]]],
      ]);
      const expired = res.body.years[1].events.find((e: { kind: string }) => e.kind === 'mou_expired');
      expect(expired.detail).toBe(`First; in force 2020-01-01 to 2020-12-31; renewed later by MoU Y-${tag}`);
    });

    it('is read by the parties in scope and nobody else', async () => {
      const c = await referenceCase();
      const url = `${BASE}/${c.p.id}/timeline`;
      const office = await createOrganization(t.dataSource, 'education_office', { regionCode: '63', officeLevel: 'province' });
      const farOffice = await createOrganization(t.dataSource, 'education_office', { regionCode: '64' });
      const officer = await signedIn(t.dataSource, t.http, 'education_officer', { organization: office });
      const farOfficer = await signedIn(t.dataSource, t.http, 'education_officer', { organization: farOffice });
      const otherPrincipal = await signedIn(t.dataSource, t.http, 'principal');
      const stranger = await companyWithCsr(t.dataSource, t.http);
      expect((await t.http.get(url).set('Authorization', c.principal.auth)).status).toBe(200);
      expect((await t.http.get(url).set('Authorization', officer.auth)).status).toBe(200);
      expect((await t.http.get(url).set('Authorization', admin.auth)).status).toBe(200);
      expect((await t.http.get(url).set('Authorization', farOfficer.auth)).status).toBe(404);
      expect((await t.http.get(url).set('Authorization', otherPrincipal.auth)).status).toBe(404);
      expect((await t.http.get(url).set('Authorization', stranger.csr.auth)).status).toBe(404);
      expect((await t.http.get(url).set('Authorization', judge.auth)).status).toBe(403);
      expect((await t.http.get(url)).status).toBe(401);
    });
  });
});

describe('demo data: Generasi Trakindo 2012–2026', () => {
  let t: TestApp;
  let currentYear: number;
  const as = async (email: string) => `Bearer ${(await login(t.http, email, DEMO_PASSWORD)).accessToken}`;
  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoData(t.dataSource);
    // Once demo.ts registers the step, loadDemoData has run it already.
    await t.dataSource.transaction(async (manager) => {
      if (await manager.findOne(SeedRun, { where: { name: programsDemoStep.name } })) return;
      await programsDemoStep.run(manager);
      await manager.insert(SeedRun, { name: programsDemoStep.name });
    });
    [{ year: currentYear }] = await t.dataSource.query('SELECT CAST(EXTRACT(year FROM current_date) AS integer) AS year');
  });
  afterAll(() => t.close());

  it('holds the program with a themed, budgeted year for every year, last year evaluating, older years closed', async () => {
    const auth = await as('csr@trakindo.example');
    const program = await t.http.get(`/api/v1/programs/${PROGRAM_DEMO_IDS.generasiTrakindo}`).set('Authorization', auth);
    expect(program.body).toMatchObject({
      name: 'Generasi Trakindo',
      company: { id: DEMO_IDS.trakindo, name: 'PT Trakindo Utama' },
      startYear: 2012,
      endYear: 2026,
      facilitators: [{ id: DEMO_IDS.edukasi101, name: 'Edukasi 101' }],
    });
    expect(program.body.description).toContain('contoh ilustratif');
    const years = (await t.http.get(`/api/v1/programs/${PROGRAM_DEMO_IDS.generasiTrakindo}/years`).set('Authorization', auth)).body.items as Array<{ year: number; status: string; budgetEnvelope: string; theme: string }>;
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 15 }, (_, i) => 2012 + i));
    expect(years.map((y) => y.status)).toEqual([...Array<string>(13).fill('closed'), 'evaluating', 'running']);
    expect(years[0].theme).toBe('Pelatihan guru serta visi dan misi sekolah');
    const budgets = years.map((y) => BigInt(y.budgetEnvelope));
    for (let i = 1; i < budgets.length; i += 1) expect(budgets[i] > budgets[i - 1]).toBe(true);
  });

  it('grows the cohort from three Kalimantan schools to about twenty, with SDN Pelambuan 4 the only one still active in Kalimantan', async () => {
    const auth = await as('csr@trakindo.example');
    const list = await t.http.get(`${BASE}?programId=${PROGRAM_DEMO_IDS.generasiTrakindo}&limit=100`).set('Authorization', auth);
    const all = list.body.items as Array<{ id: string; status: string; startedOn: string | null; school: { id: string; regionCode: string } }>;
    const kalimantan = (p: (typeof all)[number]) => /^6[1-5]\./.test(p.school.regionCode);
    expect(all.filter((p) => p.startedOn?.startsWith('2012')).every(kalimantan)).toBe(true);
    expect(all.filter((p) => p.startedOn?.startsWith('2012'))).toHaveLength(3);
    const active = all.filter((p) => p.status === 'active');
    expect(active.length).toBeGreaterThanOrEqual(18);
    expect(active.length).toBeLessThanOrEqual(22);
    expect(active.filter(kalimantan).map((p) => p.school.id)).toEqual([DEMO_IDS.pelambuan4]);
    expect(all.filter((p) => p.status === 'ended').map((p) => p.school.id).sort()).toEqual([DEMO_IDS.sungaiMiai5, PROGRAM_DEMO_IDS.guntungManggis1].sort());
    expect(new Set(active.map((p) => p.school.regionCode.slice(0, 2))).size).toBeGreaterThanOrEqual(6);
    const pelambuan = await t.http.get(`${BASE}/${PROGRAM_DEMO_IDS.partnershipOf(DEMO_IDS.pelambuan4)}`).set('Authorization', auth);
    expect(pelambuan.body).toMatchObject({ status: 'active', startedOn: '2012-03-12', recommendationId: PARTNER_DEMO_IDS.recommendation2012 });
    expect(pelambuan.body.cohortYears.map((y: { year: number }) => y.year)).toEqual(Array.from({ length: currentYear - 2011 }, (_, i) => 2012 + i));
  });

  it("tells SDN Pelambuan 4's partnership year by year, 2012 to now, to its principal", async () => {
    const auth = await as('principal@sdnpelambuan4.example');
    const mine = await t.http.get(BASE).set('Authorization', auth);
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([PROGRAM_DEMO_IDS.partnershipOf(DEMO_IDS.pelambuan4)]);
    const res = await t.http.get(`${BASE}/${PROGRAM_DEMO_IDS.partnershipOf(DEMO_IDS.pelambuan4)}/timeline`).set('Authorization', auth);
    expect(res.status).toBe(200);
    const years = res.body.years as Array<{ year: number; theme: string | null; inCohort: boolean; events: Array<{ date: string; kind: string; title: string }> }>;
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: currentYear - 2011 }, (_, i) => 2012 + i));
    expect(years.filter((y) => y.year <= 2026).every((y) => y.theme !== null && y.inCohort)).toBe(true);
    expect(years[0].events.filter((e) => e.kind === 'partnership_status')).toEqual([
      expect.objectContaining({ date: '2012-03-05', title: 'Partnership opened as prospective' }),
      expect.objectContaining({ date: '2012-03-12', title: 'Partnership started' }),
    ]);
    // The portal asks in Bahasa Indonesia.
    const id = await t.http.get(`${BASE}/${PROGRAM_DEMO_IDS.partnershipOf(DEMO_IDS.pelambuan4)}/timeline`).set('Authorization', auth).set('Accept-Language', 'id');
    expect(id.body.years[0].events.filter((e: { kind: string }) => e.kind === 'partnership_status')).toEqual([
      expect.objectContaining({ date: '2012-03-05', title: 'Kemitraan mulai dirintis' }),
      expect.objectContaining({ date: '2012-03-12', title: 'Kemitraan dimulai' }),
    ]);
    expect(id.body.years[0].events.find((e: { kind: string }) => e.kind === 'mou_signed').title).toMatch(/^MoU .+ ditandatangani$/);
  });

  it('shows the Banjarmasin education office the partnerships of its city only, and why Sungai Miai 5 ended', async () => {
    const auth = await as('officer@disdik-banjarmasin.example');
    const list = await t.http.get(BASE).set('Authorization', auth);
    expect(list.body.items.map((p: { school: { id: string } }) => p.school.id).sort()).toEqual([DEMO_IDS.pelambuan4, DEMO_IDS.sungaiMiai5].sort());
    const res = await t.http.get(`${BASE}/${PROGRAM_DEMO_IDS.partnershipOf(DEMO_IDS.sungaiMiai5)}/timeline`).set('Authorization', auth);
    const y2019 = (res.body.years as Array<{ year: number; inCohort: boolean; events: Array<{ kind: string; title: string; detail: string }> }>).find((y) => y.year === 2019);
    expect(y2019?.events.filter((e) => e.kind === 'partnership_status')).toEqual([expect.objectContaining({ title: 'Partnership ended', detail: expect.stringContaining('akhir tahun ajaran 2018/2019') })]);
    expect(res.body.years.find((y: { year: number }) => y.year === 2020)).toMatchObject({ inCohort: false });
  });
});
