import { loadDemoData, DEMO_IDS, DEMO_PASSWORD } from '../../src/demo/demo';
import { PARTNER_DEMO_IDS, partnersDemoStep } from '../../src/demo/demo-partners';
import { SeedRun } from '../../src/database/seed-run.entity';
import { hasActivePartnerSql } from '../../src/organizations/active-partner';
import type { Organization } from '../../src/organizations/organization.entity';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, login, signedIn } from '../support/factories';
import { giveActivePartner, insertPartnerRequest, isoDay } from '../support/partner-factories';

type SignedIn = Awaited<ReturnType<typeof signedIn>>;
interface Reason {
  code: string;
  points: number;
  reason: string;
}
interface Candidate {
  schoolId: string;
  name: string;
  score: number;
  reasons: Reason[];
}

const BASE = '/api/v1/partner-requests';

describe('partner requests', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  afterAll(() => t.close());

  /** A company with a signed-in CSR officer, and a regency office of `region` with a signed-in officer. */
  async function parties(region = '63.71', officeLevel: 'regency' | 'province' = 'regency') {
    const company = await createOrganization(t.dataSource, 'company');
    const office = await createOrganization(t.dataSource, 'education_office', { officeLevel, regionCode: region });
    const csr = await signedIn(t.dataSource, t.http, 'csr_officer', { organization: company });
    const officer = await signedIn(t.dataSource, t.http, 'education_officer', { organization: office });
    return { company, office, csr, officer };
  }

  function body(office: Organization, extra: Record<string, unknown> = {}) {
    return {
      educationOfficeId: office.id,
      regionCode: office.regionCode,
      schoolLevels: ['SD'],
      schoolsWanted: 1,
      needTopics: ['teacher_training', 'literacy'],
      needsNote: 'An elementary school for teacher training.',
      dueDate: isoDay(30),
      ...extra,
    };
  }

  async function open(p: Awaited<ReturnType<typeof parties>>, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await t.http.post(BASE).set('Authorization', p.csr.auth).send(body(p.office, extra));
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const school = (region: string, extra: Partial<Organization> = {}) => createOrganization(t.dataSource, 'school', { regionCode: region, ...extra });
  const count = async (sql: string, params: unknown[] = []) => ((await t.dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

  describe('POST /partner-requests', () => {
    it("opens a request in the name of the caller's company, and audits it", async () => {
      const p = await parties();
      const res = await t.http.post(BASE).set('Authorization', p.csr.auth).send(body(p.office, { needsNote: '  literacy first  ' }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        company: { id: p.company.id, name: p.company.name },
        educationOffice: { id: p.office.id, name: p.office.name },
        programId: null,
        regionCode: '63.71',
        regionName: 'Kota Banjarmasin',
        schoolLevels: ['SD'],
        schoolsWanted: 1,
        needTopics: ['teacher_training', 'literacy'],
        needsNote: 'literacy first',
        status: 'open',
        createdBy: { id: p.csr.user.id, fullName: p.csr.user.fullName },
        answeredBy: null,
        recommendations: [],
      });
      const events = await t.dataSource.query(`SELECT action, actor_user_id FROM audit_events WHERE entity_type = 'partner_request' AND entity_id = $1`, [res.body.id]);
      expect(events).toEqual([{ action: 'create', actor_user_id: p.csr.user.id }]);
    });

    it('lets a province office be asked about one of its regencies, and accepts due today', async () => {
      const p = await parties('63', 'province');
      const [{ today }] = await t.dataSource.query('SELECT CAST(current_date AS text) AS today');
      const res = await t.http.post(BASE).set('Authorization', p.csr.auth).send(body(p.office, { regionCode: '63.72', dueDate: today, schoolLevels: [], needTopics: [] }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ regionCode: '63.72', schoolLevels: [], needTopics: [], dueDate: today });
    });

    it.each([
      ['schoolsWanted', { schoolsWanted: 0 }],
      ['schoolsWanted', { schoolsWanted: 101 }],
      ['schoolLevels', { schoolLevels: ['SD', 'University'] }],
      ['needTopics', { needTopics: ['astrology'] }],
      ['dueDate', { dueDate: '2026-02-30' }],
      ['dueDate', { dueDate: 'next week' }],
      ['regionCode', { regionCode: '6371' }],
      ['needsNote', { needsNote: 'x'.repeat(2001) }],
      ['programId', { programId: 'not-a-uuid' }],
      ['educationOfficeId', { educationOfficeId: undefined }],
      ['companyId', { companyId: '00000000-0000-4000-8000-000000000101' }],
    ])('refuses a bad %s, naming it', async (field, extra) => {
      const p = await parties();
      const res = await t.http.post(BASE).set('Authorization', p.csr.auth).send(body(p.office, extra));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });

    it('refuses an office that is not an education office, an unknown region, a region outside the jurisdiction and a past due date; nothing is written', async () => {
      const p = await parties();
      const before = await count('SELECT count(*)::int AS n FROM partner_requests');
      const notOffice = await t.http.post(BASE).set('Authorization', p.csr.auth).send(body(p.office, { educationOfficeId: p.company.id }));
      expect(notOffice.status).toBe(422);
      expect(notOffice.body.errors[0]).toMatchObject({ field: 'educationOfficeId', code: 'not_an_education_office' });
      const unknown = await t.http.post(BASE).set('Authorization', p.csr.auth).send(body(p.office, { regionCode: '99.99' }));
      expect(unknown.body.errors[0]).toMatchObject({ field: 'regionCode', code: 'unknown_region' });
      const outside = await t.http.post(BASE).set('Authorization', p.csr.auth).send(body(p.office, { regionCode: '64.71' }));
      expect(outside.status).toBe(422);
      expect(outside.body).toMatchObject({ code: 'rule_violated', title: 'This request cannot be carried out' });
      expect(outside.body.errors[0]).toMatchObject({ field: 'regionCode', label: 'Region', code: 'outside_jurisdiction' });
      // The message names the field by its label, not by its JSON name.
      expect(outside.body.errors[0].message).toBe(
        `Region 64.71 (Kota Balikpapan) is outside the jurisdiction of ${p.office.name} (63.71); choose a region inside 63.71, or ask the education office of Kota Balikpapan`,
      );
      const province = await t.http.post(BASE).set('Authorization', p.csr.auth).send(body(p.office, { regionCode: '63' }));
      expect(province.body.errors[0]).toMatchObject({ field: 'regionCode', code: 'outside_jurisdiction' });
      const past = await t.http.post(BASE).set('Authorization', p.csr.auth).set('Accept-Language', 'id').send(body(p.office, { dueDate: isoDay(-3) }));
      expect(past.status).toBe(422);
      expect(past.body.errors[0]).toMatchObject({ field: 'dueDate', code: 'due_date_in_past' });
      expect(past.body.errors[0].message).toContain('sudah lewat');
      expect(await count('SELECT count(*)::int AS n FROM partner_requests')).toBe(before);
    });

    it('401 without a token, 403 for roles that cannot open requests, and 422 for an admin acting for a company', async () => {
      const p = await parties();
      expect((await t.http.post(BASE).send(body(p.office))).status).toBe(401);
      const forbidden = await t.http.post(BASE).set('Authorization', p.officer.auth).send(body(p.office));
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.code).toBe('forbidden');
      const principal = await signedIn(t.dataSource, t.http, 'principal');
      expect((await t.http.post(BASE).set('Authorization', principal.auth).send(body(p.office))).status).toBe(403);
      const byAdmin = await t.http.post(BASE).set('Authorization', admin.auth).send(body(p.office));
      expect(byAdmin.status).toBe(422);
      expect(byAdmin.body.code).toBe('rule_violated');
      expect(byAdmin.body.detail).toContain('only a CSR officer of the requesting company can open a partner request');
    });
  });

  describe('GET /partner-requests', () => {
    it("shows a CSR officer their company's requests, an officer those addressed to their office, an admin all", async () => {
      const a = await parties();
      const b = await parties();
      const a1 = await open(a);
      const a2 = await open(a);
      // Company A asks office B too: office A must not see it, office B must.
      const toB = (await t.http.post(BASE).set('Authorization', a.csr.auth).send(body(b.office))).body.id as string;
      const b1 = await open(b);
      const ids = async (who: SignedIn) => ((await t.http.get(`${BASE}?limit=100`).set('Authorization', who.auth)).body.items as Array<{ id: string }>).map((r) => r.id);
      expect(await ids(a.csr)).toEqual([toB, a2, a1]);
      expect(await ids(a.officer)).toEqual([a2, a1]);
      expect(await ids(b.officer)).toEqual([b1, toB]);
      expect(await ids(b.csr)).toEqual([b1]);
      const all = await ids(admin);
      expect(all).toEqual(expect.arrayContaining([a1, a2, toB, b1]));
      const item = (await t.http.get(`${BASE}?limit=100`).set('Authorization', b.officer.auth)).body.items[1];
      expect(item).toMatchObject({ id: toB, company: { id: a.company.id, name: a.company.name }, educationOffice: { id: b.office.id, name: b.office.name }, status: 'open' });
      expect(item.recommendations).toBeUndefined();
    });

    it('pages newest first with a cursor, and costs the same queries for limit=2 and limit=50', async () => {
      const p = await parties();
      const made: string[] = [];
      for (let i = 0; i < 5; i++) made.push(await open(p));
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await t.http
          .get(`${BASE}?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set('Authorization', p.csr.auth);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((r) => r.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...made].reverse());

      const cost = async (limit: number) => {
        const before = t.queries.count;
        const res = await t.http.get(`${BASE}?limit=${limit}`).set('Authorization', admin.auth);
        expect(res.status).toBe(200);
        return t.queries.count - before;
      };
      expect(await cost(2)).toBe(await cost(50));
    });

    it('filters by status as shown, an overdue open request being expired', async () => {
      const p = await parties();
      const fresh = await open(p);
      const overdue = await insertPartnerRequest(t.dataSource, { companyId: p.company.id, educationOfficeId: p.office.id, createdByUserId: p.csr.user.id, dueDate: isoDay(-10) });
      const answered = await insertPartnerRequest(t.dataSource, { companyId: p.company.id, educationOfficeId: p.office.id, createdByUserId: p.csr.user.id, dueDate: isoDay(-10), status: 'answered' });
      const ids = async (status: string) => ((await t.http.get(`${BASE}?status=${status}`).set('Authorization', p.csr.auth)).body.items as Array<{ id: string }>).map((r) => r.id);
      expect(await ids('open')).toEqual([fresh]);
      expect(await ids('expired')).toEqual([overdue.id]);
      expect(await ids('answered')).toEqual([answered.id]);
      expect(await ids('closed')).toEqual([]);
    });

    it('refuses a bad filter, page size or cursor naming the field; 401 without a token; 403 for a principal', async () => {
      const p = await parties();
      const bad = await t.http.get(`${BASE}?status=pending`).set('Authorization', p.csr.auth);
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0].field).toBe('status');
      expect((await t.http.get(`${BASE}?limit=101`).set('Authorization', p.csr.auth)).body.errors[0].field).toBe('limit');
      const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
      const cursor = await t.http.get(`${BASE}?cursor=${forged}`).set('Authorization', p.csr.auth);
      expect(cursor.status).toBe(422);
      expect(cursor.body.errors[0].field).toBe('cursor');
      expect((await t.http.get(BASE)).status).toBe(401);
      const principal = await signedIn(t.dataSource, t.http, 'principal');
      expect((await t.http.get(BASE).set('Authorization', principal.auth)).status).toBe(403);
    });
  });

  describe('GET /partner-requests/{id}', () => {
    it('shows the request with its recommendations to both parties and admins; the same 404 to other organisations as for a missing one', async () => {
      const p = await parties();
      const other = await parties();
      const id = await open(p);
      const s = await school('63.71');
      await t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', p.officer.auth).send({ recommendations: [{ schoolId: s.id, rank: 1, rationale: 'Good fit' }] });
      for (const who of [p.csr, p.officer, admin]) {
        const res = await t.http.get(`${BASE}/${id}`).set('Authorization', who.auth);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id, status: 'answered', recommendations: [{ school: { id: s.id, name: s.name, npsn: s.npsn }, rank: 1, rationale: 'Good fit', decision: 'pending' }] });
      }
      const missing = await t.http.get(`${BASE}/00000000-0000-4000-8000-00000000dead`).set('Authorization', other.csr.auth);
      expect(missing.status).toBe(404);
      for (const stranger of [other.csr, other.officer]) {
        const res = await t.http.get(`${BASE}/${id}`).set('Authorization', stranger.auth);
        expect(res.status).toBe(404);
        expect(res.body.detail).toBe(missing.body.detail.replace('00000000-0000-4000-8000-00000000dead', id));
      }
    });

    it('422 for an id that is not a UUID, 401 without a token, 403 for a principal', async () => {
      const p = await parties();
      const id = await open(p);
      const bad = await t.http.get(`${BASE}/42`).set('Authorization', p.csr.auth);
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0].field).toBe('id');
      expect((await t.http.get(`${BASE}/${id}`)).status).toBe(401);
      const principal = await signedIn(t.dataSource, t.http, 'principal');
      expect((await t.http.get(`${BASE}/${id}`).set('Authorization', principal.auth)).status).toBe(403);
    });
  });

  describe('GET /partner-requests/{id}/candidates', () => {
    it('ranks the schools of the region by the documented score and explains every point', async () => {
      // Kabupaten Tabalong (63.09): no other test puts schools there.
      const p = await parties('63.09');
      const id = await open(p, { regionCode: '63.09', schoolLevels: ['SD'], needTopics: ['literacy', 'teacher_training', 'disaster_preparedness', 'sanitation'] });
      const a = await school('63.09', { name: 'Cand A', needs: ['teacher_training', 'literacy'] });
      const b = await school('63.09', { name: 'Cand B', needs: ['sanitation', 'disaster_preparedness', 'teacher_training', 'literacy'] });
      const c = await school('63.09', { name: 'Cand C', needs: ['literacy'] });
      await giveActivePartner(t.dataSource, c);
      const d = await school('63.09', { name: 'Cand D', needs: ['parenting'] });
      const e = await school('63.09', { name: 'Cand E' });
      await school('63.09', { name: 'Cand SMP', schoolLevel: 'SMP', needs: ['literacy'] });
      await school('63.09', { name: 'Cand archived', archivedAt: new Date(), needs: ['literacy'] });
      await school('63.10', { name: 'Cand next regency', needs: ['literacy'] });
      const recommended = await school('63.09', { name: 'Cand already', needs: ['literacy', 'sanitation'] });
      const answer = await t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', p.officer.auth).send({ recommendations: [{ schoolId: recommended.id, rank: 1, rationale: 'Known to us' }] });
      expect(answer.status).toBe(201);

      const res = await t.http.get(`${BASE}/${id}/candidates`).set('Authorization', p.officer.auth);
      expect(res.status).toBe(200);
      const items = res.body.items as Candidate[];
      expect(items.map((i) => [i.name, i.score])).toEqual([
        ['Cand B', 95],
        ['Cand A', 85],
        ['Cand D', 65],
        ['Cand E', 65],
        ['Cand C', 35],
      ]);
      for (const i of items) expect(i.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(i.score);
      const byName = new Map(items.map((i) => [i.name, i]));
      expect(byName.get('Cand B')).toMatchObject({ schoolId: b.id, npsn: b.npsn, schoolLevel: 'SD', regionCode: '63.09' });
      expect(byName.get('Cand B')?.reasons).toEqual([
        { code: 'no_active_partner', points: 40, reason: 'no active CSR partner yet', topic: null, level: null },
        { code: 'level_matches', points: 25, reason: 'level SD matches the request', topic: null, level: 'SD' },
        { code: 'states_need', points: 10, reason: 'states need: literacy', topic: 'literacy', level: null },
        { code: 'states_need', points: 10, reason: 'states need: teacher_training', topic: 'teacher_training', level: null },
        { code: 'states_need', points: 10, reason: 'states need: disaster_preparedness', topic: 'disaster_preparedness', level: null },
        { code: 'states_need', points: 0, reason: 'states need: sanitation (need points are capped at 30)', topic: 'sanitation', level: null },
      ]);
      expect(byName.get('Cand A')?.reasons).toEqual([
        { code: 'no_active_partner', points: 40, reason: 'no active CSR partner yet', topic: null, level: null },
        { code: 'level_matches', points: 25, reason: 'level SD matches the request', topic: null, level: 'SD' },
        { code: 'states_need', points: 10, reason: 'states need: literacy', topic: 'literacy', level: null },
        { code: 'states_need', points: 10, reason: 'states need: teacher_training', topic: 'teacher_training', level: null },
      ]);
      expect(byName.get('Cand C')?.reasons).toEqual([
        { code: 'has_active_partner', points: 0, reason: 'already has an active CSR partner', topic: null, level: null },
        { code: 'level_matches', points: 25, reason: 'level SD matches the request', topic: null, level: 'SD' },
        { code: 'states_need', points: 10, reason: 'states need: literacy', topic: 'literacy', level: null },
      ]);
      expect(byName.get('Cand D')?.reasons).toEqual([
        { code: 'no_active_partner', points: 40, reason: 'no active CSR partner yet', topic: null, level: null },
        { code: 'level_matches', points: 25, reason: 'level SD matches the request', topic: null, level: 'SD' },
        { code: 'no_need_matches', points: 0, reason: 'states none of the needs the request asks for', topic: null, level: null },
      ]);
      expect([d.id, e.id, a.id, c.id].every((x) => items.some((i) => i.schoolId === x))).toBe(true);

      const top2 = await t.http.get(`${BASE}/${id}/candidates?limit=2`).set('Authorization', admin.auth);
      expect(top2.status).toBe(200);
      expect(top2.body.items.map((i: Candidate) => i.name)).toEqual(['Cand B', 'Cand A']);
    });

    it('takes any level when none was asked for, and counts a school accepted through the API as partnered', async () => {
      const p = await parties('63.11');
      const smp = await school('63.11', { name: 'Any SMP', schoolLevel: 'SMP' });
      const sd = await school('63.11', { name: 'Any SD' });
      const id = await open(p, { regionCode: '63.11', schoolLevels: [], needTopics: [] });
      const before = (await t.http.get(`${BASE}/${id}/candidates`).set('Authorization', p.officer.auth)).body.items as Candidate[];
      expect(before.map((i) => [i.name, i.score])).toEqual([
        ['Any SD', 65],
        ['Any SMP', 65],
      ]);
      expect(before[1].reasons).toEqual([
        { code: 'no_active_partner', points: 40, reason: 'no active CSR partner yet', topic: null, level: null },
        { code: 'any_level', points: 25, reason: 'any level was asked for', topic: null, level: null },
      ]);
      // Another company asks too; the office recommends the SD school there and that company accepts it.
      const q = await parties();
      const other = await t.http.post(BASE).set('Authorization', q.csr.auth).send(body(p.office, { regionCode: '63.11' }));
      const answered = await t.http.post(`${BASE}/${other.body.id}/recommendations`).set('Authorization', p.officer.auth).send({ recommendations: [{ schoolId: sd.id, rank: 1, rationale: 'Ready' }] });
      const accepted = await t.http.post(`${BASE}/${other.body.id}/recommendations/${answered.body.recommendations[0].id}/accept`).set('Authorization', q.csr.auth);
      expect(accepted.status).toBe(200);
      const after = (await t.http.get(`${BASE}/${id}/candidates`).set('Authorization', p.officer.auth)).body.items as Candidate[];
      expect(after.map((i) => [i.schoolId, i.score])).toEqual([
        [smp.id, 65],
        [sd.id, 25],
      ]);
    });

    it('404 for another office, 403 for a CSR officer, 401 without a token, 422 for a bad limit', async () => {
      const p = await parties();
      const other = await parties();
      const id = await open(p);
      expect((await t.http.get(`${BASE}/${id}/candidates`).set('Authorization', other.officer.auth)).status).toBe(404);
      expect((await t.http.get(`${BASE}/${id}/candidates`).set('Authorization', p.csr.auth)).status).toBe(403);
      expect((await t.http.get(`${BASE}/${id}/candidates`)).status).toBe(401);
      for (const limit of ['0', '101', 'ten']) {
        const bad = await t.http.get(`${BASE}/${id}/candidates?limit=${limit}`).set('Authorization', p.officer.auth);
        expect(bad.status).toBe(422);
        expect(bad.body.errors[0].field).toBe('limit');
      }
    });
  });

  describe('POST /partner-requests/{id}/recommendations', () => {
    it('answers with ranked schools in one audited step; the office may add more later', async () => {
      const p = await parties();
      const id = await open(p);
      const [s1, s2, s3] = [await school('63.71'), await school('63.71'), await school('63.71')];
      const res = await t.http
        .post(`${BASE}/${id}/recommendations`)
        .set('Authorization', p.officer.auth)
        .send({ recommendations: [{ schoolId: s2.id, rank: 2, rationale: 'Second best' }, { schoolId: s1.id, rank: 1, rationale: '  Best fit  ' }] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'answered', answeredBy: { id: p.officer.user.id, fullName: p.officer.user.fullName } });
      expect(res.body.recommendations.map((r: { school: { id: string }; rank: number; rationale: string; recommendedBy: { id: string } }) => [r.school.id, r.rank, r.rationale, r.recommendedBy.id])).toEqual([
        [s1.id, 1, 'Best fit', p.officer.user.id],
        [s2.id, 2, 'Second best', p.officer.user.id],
      ]);
      const answeredAt = res.body.answeredAt as string;
      expect(answeredAt).not.toBeNull();
      const more = await t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', p.officer.auth).send({ recommendations: [{ schoolId: s3.id, rank: 3, rationale: 'Also possible' }] });
      expect(more.status).toBe(201);
      expect(more.body.recommendations).toHaveLength(3);
      expect(more.body.answeredAt).toBe(answeredAt);
      const events = await t.dataSource.query(
        `SELECT action, entity_type AS "entityType", changes FROM audit_events WHERE actor_user_id = $1 AND entity_type LIKE 'partner%' ORDER BY id`,
        [p.officer.user.id],
      );
      expect(events.map((e: { action: string; entityType: string }) => `${e.action} ${e.entityType}`)).toEqual([
        'create partner_recommendation',
        'create partner_recommendation',
        'state_change partner_request',
        'create partner_recommendation',
      ]);
      expect(events[0].changes).toMatchObject({ requestId: id, schoolId: s2.id, schoolName: s2.name, rank: 2, rationale: 'Second best' });
    });

    it('lets the same school be recommended to several companies', async () => {
      const p = await parties();
      const q = await parties();
      const s = await school('63.71');
      const mine = await open(p);
      const theirs = (await t.http.post(BASE).set('Authorization', q.csr.auth).send(body(p.office))).body.id as string;
      for (const requestId of [mine, theirs]) {
        const res = await t.http.post(`${BASE}/${requestId}/recommendations`).set('Authorization', p.officer.auth).send({ recommendations: [{ schoolId: s.id, rank: 1, rationale: 'Strong' }] });
        expect(res.status).toBe(201);
        expect(res.body.recommendations[0].school.id).toBe(s.id);
      }
      expect(await count('SELECT count(*)::int AS n FROM partner_recommendations WHERE school_id = $1', [s.id])).toBe(2);
    });

    it('refuses a school outside the jurisdiction with 422 naming the item and the reason, and writes nothing', async () => {
      const p = await parties();
      const id = await open(p);
      const inside = await school('63.71');
      const outside = await school('64.71', { name: 'SDN 099 Balikpapan' });
      const before = await count('SELECT count(*)::int AS n FROM audit_events');
      const res = await t.http
        .post(`${BASE}/${id}/recommendations`)
        .set('Authorization', p.officer.auth)
        .send({ recommendations: [{ schoolId: inside.id, rank: 1, rationale: 'Fine' }, { schoolId: outside.id, rank: 2, rationale: 'Far away' }] });
      expect(res.status).toBe(422);
      const reason = `SDN 099 Balikpapan is in region 64.71, outside the jurisdiction of ${p.office.name} (63.71); an education office recommends only schools in its own jurisdiction`;
      // A rule refuses the answer, not a malformed field: titled as a refusal, the reason as the detail.
      expect(res.body).toMatchObject({ code: 'rule_violated', title: 'This request cannot be carried out', detail: `${reason}.` });
      expect(res.body.errors).toEqual([{ field: 'recommendations[1].schoolId', label: 'School', code: 'outside_jurisdiction', message: reason }]);
      expect(await count('SELECT count(*)::int AS n FROM partner_recommendations WHERE request_id = $1', [id])).toBe(0);
      expect(await count('SELECT count(*)::int AS n FROM audit_events')).toBe(before);
      expect((await t.http.get(`${BASE}/${id}`).set('Authorization', p.csr.auth)).body.status).toBe('open');
    });

    it("lets a province office recommend any school of its province's regencies, but no other", async () => {
      const p = await parties('64', 'province');
      const id = await open(p, { regionCode: '64' });
      const samarinda = await school('64.72');
      const banjarmasin = await school('63.71');
      const res = await t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', p.officer.auth).send({ recommendations: [{ schoolId: banjarmasin.id, rank: 1, rationale: 'x' }] });
      expect(res.body.errors[0]).toMatchObject({ field: 'recommendations[0].schoolId', code: 'outside_jurisdiction' });
      const ok = await t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', p.officer.auth).send({ recommendations: [{ schoolId: samarinda.id, rank: 1, rationale: 'x' }] });
      expect(ok.status).toBe(201);
    });

    it('names every bad item: not a school, archived, duplicates in the answer, already recommended, rank taken', async () => {
      const p = await parties();
      const id = await open(p);
      const [s1, s2, s3] = [await school('63.71'), await school('63.71'), await school('63.71')];
      const archived = await school('63.71', { archivedAt: new Date() });
      await t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', p.officer.auth).send({ recommendations: [{ schoolId: s1.id, rank: 1, rationale: 'First' }] });
      const res = await t.http
        .post(`${BASE}/${id}/recommendations`)
        .set('Authorization', p.officer.auth)
        .send({
          recommendations: [
            { schoolId: p.company.id, rank: 2, rationale: 'A company' },
            { schoolId: archived.id, rank: 3, rationale: 'Archived' },
            { schoolId: s1.id, rank: 4, rationale: 'Again' },
            { schoolId: s2.id, rank: 1, rationale: 'Rank taken' },
            { schoolId: s3.id, rank: 5, rationale: 'Once' },
            { schoolId: s3.id, rank: 5, rationale: 'Twice' },
          ],
        });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
        'recommendations[0].schoolId not_a_school',
        'recommendations[1].schoolId school_archived',
        'recommendations[2].schoolId already_recommended',
        'recommendations[3].rank rank_taken',
        'recommendations[5].schoolId duplicate_school',
        'recommendations[5].rank duplicate_rank',
      ]);
      expect(res.body.errors[3].message).toBe(`rank 1 is already given to ${s1.name} in this request; use a rank not yet taken, e.g. 6`);
      expect(await count('SELECT count(*)::int AS n FROM partner_recommendations WHERE request_id = $1', [id])).toBe(1);
    });

    it('refuses a malformed answer naming the field', async () => {
      const p = await parties();
      const id = await open(p);
      const s = await school('63.71');
      const cases: Array<[unknown, string]> = [
        [{ recommendations: [] }, 'recommendations'],
        [{}, 'recommendations'],
        [{ recommendations: [{ schoolId: s.id, rank: 1, rationale: '   ' }] }, 'recommendations[0].rationale'],
        [{ recommendations: [{ schoolId: s.id, rank: 0, rationale: 'x' }] }, 'recommendations[0].rank'],
        [{ recommendations: [{ schoolId: 'x', rank: 1, rationale: 'x' }] }, 'recommendations[0].schoolId'],
        [{ recommendations: Array.from({ length: 51 }, (_, i) => ({ schoolId: s.id, rank: i + 1, rationale: 'x' })) }, 'recommendations'],
      ];
      for (const [payload, field] of cases) {
        const res = await t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', p.officer.auth).send(payload as object);
        expect(res.status).toBe(422);
        expect(res.body.errors[0].field).toBe(field);
      }
    });

    it("404 for another office's officer (who cannot answer it), 403 for a CSR officer, 401 without a token, 422 for an admin", async () => {
      const p = await parties();
      const other = await parties();
      const id = await open(p);
      const s = await school('63.71');
      const answer = { recommendations: [{ schoolId: s.id, rank: 1, rationale: 'x' }] };
      expect((await t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', other.officer.auth).send(answer)).status).toBe(404);
      expect((await t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', p.csr.auth).send(answer)).status).toBe(403);
      expect((await t.http.post(`${BASE}/${id}/recommendations`).send(answer)).status).toBe(401);
      const byAdmin = await t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', admin.auth).send(answer);
      expect(byAdmin.status).toBe(422);
      expect(byAdmin.body.code).toBe('rule_violated');
      expect(await count('SELECT count(*)::int AS n FROM partner_recommendations WHERE request_id = $1', [id])).toBe(0);
    });

    it('refuses an expired request naming its due date, and closed or withdrawn ones naming the state', async () => {
      const p = await parties();
      const s = await school('63.71');
      const answer = { recommendations: [{ schoolId: s.id, rank: 1, rationale: 'x' }] };
      const due = isoDay(-5);
      const expired = await insertPartnerRequest(t.dataSource, { companyId: p.company.id, educationOfficeId: p.office.id, createdByUserId: p.csr.user.id, dueDate: due });
      const res = await t.http.post(`${BASE}/${expired.id}/recommendations`).set('Authorization', p.officer.auth).send(answer);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('rule_violated');
      expect(res.body.detail).toBe(
        `cannot recommend schools: the request expired: its due date ${due} passed without an answer (status expired); the company can open a new request with a later due date`,
      );
      const id = await open(p);
      await t.http.post(`${BASE}/${id}/withdraw`).set('Authorization', p.csr.auth).send({ reason: 'Budget moved' });
      const withdrawn = await t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', p.officer.auth).send(answer);
      expect(withdrawn.status).toBe(422);
      expect(withdrawn.body.detail).toContain('(status withdrawn)');
      const closed = await insertPartnerRequest(t.dataSource, { companyId: p.company.id, educationOfficeId: p.office.id, createdByUserId: p.csr.user.id, status: 'closed' });
      const closedRes = await t.http.post(`${BASE}/${closed.id}/recommendations`).set('Authorization', p.officer.auth).send(answer);
      expect(closedRes.body.detail).toContain('(status closed)');
      expect(await count('SELECT count(*)::int AS n FROM partner_recommendations WHERE request_id = ANY($1)', [[expired.id, id, closed.id]])).toBe(0);
    });

    it('lets only one of several concurrent answers with the same rank through', async () => {
      const p = await parties();
      const id = await open(p);
      const schools = await Promise.all(Array.from({ length: 6 }, () => school('63.71')));
      const results = await Promise.all(
        schools.map((s) => t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', p.officer.auth).send({ recommendations: [{ schoolId: s.id, rank: 1, rationale: 'x' }] })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422, 422]);
      for (const r of results.filter((x) => x.status === 422)) expect(r.body.errors[0]).toMatchObject({ field: 'recommendations[0].rank', code: 'rank_taken' });
      expect(await count('SELECT count(*)::int AS n FROM partner_recommendations WHERE request_id = $1', [id])).toBe(1);
    });
  });

  describe('accept and decline', () => {
    async function answered(p: Awaited<ReturnType<typeof parties>>) {
      const id = await open(p);
      const [s1, s2] = [await school('63.71'), await school('63.71')];
      const res = await t.http
        .post(`${BASE}/${id}/recommendations`)
        .set('Authorization', p.officer.auth)
        .send({ recommendations: [{ schoolId: s1.id, rank: 1, rationale: 'Best' }, { schoolId: s2.id, rank: 2, rationale: 'Next' }] });
      const [r1, r2] = res.body.recommendations as Array<{ id: string }>;
      return { id, r1: r1.id, r2: r2.id, s1, s2 };
    }

    it('records each decision, refuses a second one, and closes the request once nothing is pending', async () => {
      const p = await parties();
      const { id, r1, r2, s1, s2 } = await answered(p);
      const accepted = await t.http.post(`${BASE}/${id}/recommendations/${r1}/accept`).set('Authorization', p.csr.auth);
      expect(accepted.status).toBe(200);
      expect(accepted.body.status).toBe('answered');
      expect(accepted.body.recommendations[0]).toMatchObject({ id: r1, decision: 'accepted', decisionReason: null, decidedBy: { id: p.csr.user.id } });
      expect(accepted.body.recommendations[1]).toMatchObject({ id: r2, decision: 'pending', decidedBy: null, decidedAt: null });
      const again = await t.http.post(`${BASE}/${id}/recommendations/${r1}/decline`).set('Authorization', p.csr.auth).send({ reason: 'Changed our mind' });
      expect(again.status).toBe(422);
      expect(again.body.code).toBe('rule_violated');
      expect(again.body.detail).toContain('this recommended school was already accepted on');

      const noReason = await t.http.post(`${BASE}/${id}/recommendations/${r2}/decline`).set('Authorization', p.csr.auth).send({ reason: ' ' });
      expect(noReason.status).toBe(422);
      expect(noReason.body.errors[0].field).toBe('reason');
      const declined = await t.http.post(`${BASE}/${id}/recommendations/${r2}/decline`).set('Authorization', p.csr.auth).send({ reason: 'Too far from our branch office' });
      expect(declined.status).toBe(200);
      expect(declined.body.recommendations[1]).toMatchObject({ decision: 'declined', decisionReason: 'Too far from our branch office' });
      expect(declined.body.status).toBe('closed');
      expect(declined.body.closedAt).not.toBeNull();

      // The accepted school now has an active (prospective) partner; the declined one does not.
      const partnered = await t.dataSource.query(`SELECT o.id, ${hasActivePartnerSql('o')} AS has FROM organizations o WHERE o.id = ANY($1) ORDER BY o.id`, [[s1.id, s2.id]]);
      expect(partnered).toEqual([{ id: s1.id, has: true }, { id: s2.id, has: false }].sort((x, y) => (x.id < y.id ? -1 : 1)));
    });

    it('404 for another company or a recommendation of another request, 403 for an education officer, 401 without a token', async () => {
      const p = await parties();
      const other = await parties();
      const mine = await answered(p);
      const theirs = await answered(other);
      expect((await t.http.post(`${BASE}/${mine.id}/recommendations/${mine.r1}/accept`).set('Authorization', other.csr.auth)).status).toBe(404);
      expect((await t.http.post(`${BASE}/${mine.id}/recommendations/${theirs.r1}/accept`).set('Authorization', p.csr.auth)).status).toBe(404);
      expect((await t.http.post(`${BASE}/${mine.id}/recommendations/${mine.r1}/decline`).set('Authorization', other.csr.auth).send({ reason: 'x' })).status).toBe(404);
      expect((await t.http.post(`${BASE}/${mine.id}/recommendations/${mine.r1}/accept`).set('Authorization', p.officer.auth)).status).toBe(403);
      expect((await t.http.post(`${BASE}/${mine.id}/recommendations/${mine.r1}/decline`).set('Authorization', p.officer.auth).send({ reason: 'x' })).status).toBe(403);
      expect((await t.http.post(`${BASE}/${mine.id}/recommendations/${mine.r1}/accept`)).status).toBe(401);
      const badId = await t.http.post(`${BASE}/${mine.id}/recommendations/nope/accept`).set('Authorization', p.csr.auth);
      expect(badId.status).toBe(422);
      expect(badId.body.errors[0].field).toBe('recommendationId');
      const byAdmin = await t.http.post(`${BASE}/${mine.id}/recommendations/${mine.r1}/accept`).set('Authorization', admin.auth);
      expect(byAdmin.status).toBe(422);
      const [{ decision }] = await t.dataSource.query('SELECT decision FROM partner_recommendations WHERE id = $1', [mine.r1]);
      expect(decision).toBe('pending');
    });
  });

  describe('withdraw and close', () => {
    it('withdraws an open request with its reason, once', async () => {
      const p = await parties();
      const id = await open(p);
      const missing = await t.http.post(`${BASE}/${id}/withdraw`).set('Authorization', p.csr.auth).send({});
      expect(missing.status).toBe(422);
      expect(missing.body.errors[0].field).toBe('reason');
      const res = await t.http.post(`${BASE}/${id}/withdraw`).set('Authorization', p.csr.auth).send({ reason: 'Budget moved to another region' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Budget moved to another region' });
      expect(res.body.closedAt).not.toBeNull();
      const again = await t.http.post(`${BASE}/${id}/withdraw`).set('Authorization', p.csr.auth).send({ reason: 'Again' });
      expect(again.status).toBe(422);
      expect(again.body.detail).toBe('cannot withdraw the request: the company withdrew the request (status withdrawn); there is nothing left to withdraw');
    });

    it('refuses to withdraw an expired request; 404 for another company, 403 for an officer, 401 without a token', async () => {
      const p = await parties();
      const other = await parties();
      const expired = await insertPartnerRequest(t.dataSource, { companyId: p.company.id, educationOfficeId: p.office.id, createdByUserId: p.csr.user.id, dueDate: isoDay(-2) });
      const res = await t.http.post(`${BASE}/${expired.id}/withdraw`).set('Authorization', p.csr.auth).send({ reason: 'x' });
      expect(res.status).toBe(422);
      expect(res.body.detail).toContain('(status expired)');
      const id = await open(p);
      expect((await t.http.post(`${BASE}/${id}/withdraw`).set('Authorization', other.csr.auth).send({ reason: 'x' })).status).toBe(404);
      expect((await t.http.post(`${BASE}/${id}/withdraw`).set('Authorization', p.officer.auth).send({ reason: 'x' })).status).toBe(403);
      expect((await t.http.post(`${BASE}/${id}/withdraw`).send({ reason: 'x' })).status).toBe(401);
    });

    it('closes an answered request with a school still pending, which then can no longer be decided', async () => {
      const p = await parties();
      const other = await parties();
      const id = await open(p);
      const notYet = await t.http.post(`${BASE}/${id}/close`).set('Authorization', p.csr.auth);
      expect(notYet.status).toBe(422);
      expect(notYet.body.detail).toContain('withdraw it instead');
      const s = await school('63.71');
      const answer = await t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', p.officer.auth).send({ recommendations: [{ schoolId: s.id, rank: 1, rationale: 'x' }] });
      expect((await t.http.post(`${BASE}/${id}/close`).set('Authorization', other.csr.auth)).status).toBe(404);
      expect((await t.http.post(`${BASE}/${id}/close`).set('Authorization', p.officer.auth)).status).toBe(403);
      expect((await t.http.post(`${BASE}/${id}/close`)).status).toBe(401);
      const closed = await t.http.post(`${BASE}/${id}/close`).set('Authorization', p.csr.auth);
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', recommendations: [{ decision: 'pending' }] });
      const accept = await t.http.post(`${BASE}/${id}/recommendations/${answer.body.recommendations[0].id}/accept`).set('Authorization', p.csr.auth);
      expect(accept.status).toBe(422);
      expect(accept.body.detail).toContain('(status closed)');
    });
  });

  describe('expiry', () => {
    it('shows an open request past its due date as expired everywhere, but leaves an answered one answered', async () => {
      const p = await parties();
      const expired = await insertPartnerRequest(t.dataSource, { companyId: p.company.id, educationOfficeId: p.office.id, createdByUserId: p.csr.user.id, dueDate: isoDay(-1) });
      const answered = await insertPartnerRequest(t.dataSource, { companyId: p.company.id, educationOfficeId: p.office.id, createdByUserId: p.csr.user.id, dueDate: isoDay(-1), status: 'answered' });
      for (const who of [p.csr, p.officer, admin]) {
        expect((await t.http.get(`${BASE}/${expired.id}`).set('Authorization', who.auth)).body.status).toBe('expired');
        expect((await t.http.get(`${BASE}/${answered.id}`).set('Authorization', who.auth)).body.status).toBe('answered');
      }
      const listed = (await t.http.get(BASE).set('Authorization', p.officer.auth)).body.items as Array<{ id: string; status: string }>;
      expect(listed.find((r) => r.id === expired.id)?.status).toBe('expired');
      const [{ status }] = await t.dataSource.query('SELECT status FROM partner_requests WHERE id = $1', [expired.id]);
      expect(status).toBe('open');
    });
  });

  describe('GET /partner-requests/{id}/history', () => {
    it('tells who asked, who answered what and why, and what was accepted, oldest first', async () => {
      const p = await parties();
      const other = await parties();
      const id = await open(p);
      const s = await school('63.71', { name: 'SDN History 1' });
      const answer = await t.http.post(`${BASE}/${id}/recommendations`).set('Authorization', p.officer.auth).send({ recommendations: [{ schoolId: s.id, rank: 1, rationale: 'Committed teachers' }] });
      const recId = answer.body.recommendations[0].id as string;
      await t.http.post(`${BASE}/${id}/recommendations/${recId}/accept`).set('Authorization', p.csr.auth);
      const res = await t.http.get(`${BASE}/${id}/history`).set('Authorization', p.csr.auth);
      expect(res.status).toBe(200);
      const steps = res.body.items.map((e: { action: string; entityType: string; entityId: string; actor: { userId: string; organizationName: string } }) => [
        e.action,
        e.entityType,
        e.entityId,
        e.actor.userId,
        e.actor.organizationName,
      ]);
      expect(steps).toEqual([
        ['create', 'partner_request', id, p.csr.user.id, p.company.name],
        ['create', 'partner_recommendation', recId, p.officer.user.id, p.office.name],
        ['state_change', 'partner_request', id, p.officer.user.id, p.office.name],
        ['state_change', 'partner_recommendation', recId, p.csr.user.id, p.company.name],
        ['state_change', 'partner_request', id, p.csr.user.id, p.company.name],
      ]);
      expect(res.body.items[0].changes).toMatchObject({ schoolsWanted: 1, needTopics: ['teacher_training', 'literacy'], status: 'open' });
      expect(res.body.items[1].changes).toMatchObject({ schoolName: 'SDN History 1', rank: 1, rationale: 'Committed teachers' });
      expect(res.body.items[2].changes).toMatchObject({ status: { from: 'open', to: 'answered' } });
      expect(res.body.items[3].changes).toMatchObject({ decision: { from: 'pending', to: 'accepted' } });
      expect(res.body.items[4].changes).toMatchObject({ status: { from: 'answered', to: 'closed' } });
      expect(res.body.items[0].actor.fullName).toBe(p.csr.user.fullName);

      expect((await t.http.get(`${BASE}/${id}/history`).set('Authorization', p.officer.auth)).body.items).toHaveLength(5);
      expect((await t.http.get(`${BASE}/${id}/history`).set('Authorization', admin.auth)).body.items).toHaveLength(5);
      expect((await t.http.get(`${BASE}/${id}/history`).set('Authorization', other.csr.auth)).status).toBe(404);
      expect((await t.http.get(`${BASE}/${id}/history`).set('Authorization', other.officer.auth)).status).toBe(404);
      expect((await t.http.get(`${BASE}/${id}/history`)).status).toBe(401);
      const principal = await signedIn(t.dataSource, t.http, 'principal');
      expect((await t.http.get(`${BASE}/${id}/history`).set('Authorization', principal.auth)).status).toBe(403);
      expect((await t.http.get(`${BASE}/nope/history`).set('Authorization', p.csr.auth)).body.errors[0].field).toBe('id');
    });
  });

  it('documents every endpoint in OpenAPI with the score rule', async () => {
    const doc = await t.http.get('/docs-json');
    expect(doc.status).toBe(200);
    const paths = doc.body.paths as Record<string, Record<string, { description?: string; responses: Record<string, unknown> }>>;
    const expected: Array<[string, string]> = [
      ['/api/v1/partner-requests', 'post'],
      ['/api/v1/partner-requests', 'get'],
      ['/api/v1/partner-requests/{id}', 'get'],
      ['/api/v1/partner-requests/{id}/candidates', 'get'],
      ['/api/v1/partner-requests/{id}/history', 'get'],
      ['/api/v1/partner-requests/{id}/recommendations', 'post'],
      ['/api/v1/partner-requests/{id}/recommendations/{recommendationId}/accept', 'post'],
      ['/api/v1/partner-requests/{id}/recommendations/{recommendationId}/decline', 'post'],
      ['/api/v1/partner-requests/{id}/withdraw', 'post'],
      ['/api/v1/partner-requests/{id}/close', 'post'],
    ];
    for (const [path, method] of expected) {
      const op = paths[path]?.[method];
      expect(op).toBeDefined();
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403', '422']));
    }
    expect(paths['/api/v1/partner-requests/{id}/candidates'].get.description).toContain('+40 "no active CSR partner yet"');
  });
});

describe('partner requests demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoData(t.dataSource);
    // Once demo.ts registers the step, loadDemoData has run it already.
    await t.dataSource.transaction(async (manager) => {
      if (await manager.findOne(SeedRun, { where: { name: partnersDemoStep.name } })) return;
      await partnersDemoStep.run(manager);
      await manager.insert(SeedRun, { name: partnersDemoStep.name });
    });
  });
  afterAll(() => t.close());

  it('tells the 2012 reference case: Trakindo asked, the Banjarmasin office recommended SDN Pelambuan 4, Trakindo accepted', async () => {
    const csr = await login(t.http, 'csr@trakindo.example', DEMO_PASSWORD);
    const auth = `Bearer ${csr.accessToken}`;
    const list = await t.http.get(BASE).set('Authorization', auth);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([PARTNER_DEMO_IDS.disasterRequest, PARTNER_DEMO_IDS.request2012]);
    const res = await t.http.get(`${BASE}/${PARTNER_DEMO_IDS.request2012}`).set('Authorization', auth);
    expect(res.body).toMatchObject({
      company: { id: DEMO_IDS.trakindo, name: 'PT Trakindo Utama' },
      educationOffice: { id: DEMO_IDS.disdikBanjarmasin, name: 'Dinas Pendidikan Kota Banjarmasin' },
      regionCode: '63.71',
      schoolLevels: ['SD'],
      schoolsWanted: 1,
      needTopics: ['teacher_training', 'literacy'],
      dueDate: '2012-03-31',
      status: 'closed',
      createdAt: '2012-02-01T01:00:00.000Z',
      recommendations: [{ school: { id: DEMO_IDS.pelambuan4, name: 'SDN Pelambuan 4 Banjarmasin' }, rank: 1, decision: 'accepted' }],
    });
    const history = await t.http.get(`${BASE}/${PARTNER_DEMO_IDS.request2012}/history`).set('Authorization', auth);
    expect(history.body.items.map((e: { action: string; entityType: string; occurredAt: string }) => [e.occurredAt.slice(0, 10), e.action, e.entityType])).toEqual([
      ['2012-02-01', 'create', 'partner_request'],
      ['2012-02-20', 'create', 'partner_recommendation'],
      ['2012-02-20', 'state_change', 'partner_request'],
      ['2012-03-05', 'state_change', 'partner_recommendation'],
      ['2012-03-05', 'state_change', 'partner_request'],
    ]);
  });

  it('leaves an open request for the office to answer, where SDN Pelambuan 4 now counts as partnered', async () => {
    const officer = await login(t.http, 'officer@disdik-banjarmasin.example', DEMO_PASSWORD);
    const auth = `Bearer ${officer.accessToken}`;
    const open = await t.http.get(`${BASE}?status=open`).set('Authorization', auth);
    expect(open.body.items.map((r: { id: string }) => r.id)).toEqual([PARTNER_DEMO_IDS.disasterRequest]);
    const candidates = await t.http.get(`${BASE}/${PARTNER_DEMO_IDS.disasterRequest}/candidates`).set('Authorization', auth);
    expect(candidates.body.items.map((c: Candidate) => [c.schoolId, c.score])).toEqual([
      [DEMO_IDS.sungaiMiai5, 65],
      [DEMO_IDS.pelambuan4, 25],
    ]);
    const answer = await t.http
      .post(`${BASE}/${PARTNER_DEMO_IDS.disasterRequest}/recommendations`)
      .set('Authorization', auth)
      .send({ recommendations: [{ schoolId: DEMO_IDS.sungaiMiai5, rank: 1, rationale: 'Near the river; drills are a stated priority' }] });
    expect(answer.status).toBe(201);
    const outside = await t.http
      .post(`${BASE}/${PARTNER_DEMO_IDS.disasterRequest}/recommendations`)
      .set('Authorization', auth)
      .send({ recommendations: [{ schoolId: DEMO_IDS.balikpapan012, rank: 2, rationale: 'x' }] });
    expect(outside.body.errors[0]).toMatchObject({ field: 'recommendations[0].schoolId', code: 'outside_jurisdiction' });
  });
});
