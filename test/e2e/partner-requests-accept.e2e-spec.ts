import type { Organization } from '../../src/organizations/organization.entity';
import type { Program } from '../../src/programs/program.entity';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, signedIn } from '../support/factories';
import { isoDay } from '../support/partner-factories';
import { insertPartnership, insertProgram } from '../support/program-factories';

type SignedIn = Awaited<ReturnType<typeof signedIn>>;

const BASE = '/api/v1/partner-requests';

/** Accepting a recommended school makes it a prospective partner in the request's program, in the same step. */
describe('accepting a recommended school opens its partnership', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  interface Parties {
    company: Organization;
    office: Organization;
    csr: SignedIn;
    officer: SignedIn;
    program: Program;
  }

  async function parties(): Promise<Parties> {
    const company = await createOrganization(t.dataSource, 'company');
    const office = await createOrganization(t.dataSource, 'education_office', { officeLevel: 'regency', regionCode: '63.71' });
    const csr = await signedIn(t.dataSource, t.http, 'csr_officer', { organization: company });
    const officer = await signedIn(t.dataSource, t.http, 'education_officer', { organization: office });
    const program = await insertProgram(t.dataSource, company.id, { name: `Generasi Uji ${company.id.slice(0, 8)}` });
    return { company, office, csr, officer, program };
  }

  /** A request (for `programId`, or none), answered with the schools in rank order; the recommendation ids in the same order. */
  async function answered(p: Parties, schools: Organization[], programId: string | null = p.program.id): Promise<{ id: string; recs: string[] }> {
    const opened = await t.http
      .post(BASE)
      .set('Authorization', p.csr.auth)
      .send({ educationOfficeId: p.office.id, regionCode: '63.71', schoolsWanted: schools.length, dueDate: isoDay(30), ...(programId ? { programId } : {}) });
    expect(opened.status).toBe(201);
    const res = await t.http
      .post(`${BASE}/${opened.body.id}/recommendations`)
      .set('Authorization', p.officer.auth)
      .send({ recommendations: schools.map((s, i) => ({ schoolId: s.id, rank: i + 1, rationale: `Reason ${i + 1}` })) });
    expect(res.status).toBe(201);
    return { id: opened.body.id as string, recs: (res.body.recommendations as Array<{ id: string }>).map((r) => r.id) };
  }

  const school = () => createOrganization(t.dataSource, 'school', { regionCode: '63.71' });
  const partnershipsOf = (schoolId: string) =>
    t.dataSource.query(`SELECT id, program_id AS "programId", status, recommendation_id AS "recommendationId" FROM partnerships WHERE school_id = $1`, [schoolId]) as Promise<
      Array<{ id: string; programId: string; status: string; recommendationId: string | null }>
    >;

  it("creates a prospective partnership in the request's program, linked to the recommendation, with its history and audit, and says which", async () => {
    const p = await parties();
    const s = await school();
    const { id, recs } = await answered(p, [s]);
    const res = await t.http.post(`${BASE}/${id}/recommendations/${recs[0]}/accept`).set('Authorization', p.csr.auth);
    expect(res.status).toBe(200);
    const [row] = await partnershipsOf(s.id);
    expect(row).toMatchObject({ programId: p.program.id, status: 'prospective', recommendationId: recs[0] });
    expect(res.body.partnership).toEqual({ id: row.id, status: 'prospective', outcome: 'created', program: { id: p.program.id, name: p.program.name } });
    expect(res.body.recommendations[0]).toMatchObject({ decision: 'accepted', partnership: { id: row.id, status: 'prospective', program: { id: p.program.id, name: p.program.name } } });
    expect(res.body.status).toBe('closed');

    const events = await t.dataSource.query(`SELECT from_status AS "from", to_status AS "to", by_user_id AS "by" FROM partnership_events WHERE partnership_id = $1`, [row.id]);
    expect(events).toEqual([{ from: null, to: 'prospective', by: p.csr.user.id }]);
    const audit = await t.dataSource.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'partnership' AND entity_id = $1`, [row.id]);
    expect(audit).toEqual([{ action: 'create', changes: expect.objectContaining({ recommendationId: recs[0], status: 'prospective' }) }]);

    // The partnership reads like any other, and the request's history names it.
    const read = await t.http.get(`/api/v1/partnerships/${row.id}`).set('Authorization', p.csr.auth);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'prospective', recommendationId: recs[0] });
    const history = await t.http.get(`${BASE}/${id}/history`).set('Authorization', p.csr.auth);
    const decided = (history.body.items as Array<{ entityType: string; changes: Record<string, unknown> }>).find((e) => e.entityType === 'partner_recommendation' && 'decision' in e.changes);
    expect(decided?.changes).toMatchObject({ partnership: { id: row.id, programId: p.program.id, outcome: 'created' } });
    // The office sees the accepted school's partnership on the request too.
    const asOffice = await t.http.get(`${BASE}/${id}`).set('Authorization', p.officer.auth);
    expect(asOffice.body.recommendations[0].partnership).toMatchObject({ id: row.id, status: 'prospective' });
  });

  it("links the school's existing partnership in the program instead of opening a second one", async () => {
    const p = await parties();
    const s = await school();
    const existing = await insertPartnership(t.dataSource, p.program, s, [{ to: 'active', on: '2020-01-10' }]);
    const { id, recs } = await answered(p, [s]);
    const res = await t.http.post(`${BASE}/${id}/recommendations/${recs[0]}/accept`).set('Authorization', p.csr.auth);
    expect(res.status).toBe(200);
    expect(res.body.partnership).toMatchObject({ id: existing.id, status: 'active', outcome: 'linked' });
    expect(await partnershipsOf(s.id)).toEqual([{ id: existing.id, programId: p.program.id, status: 'active', recommendationId: recs[0] }]);
    const audit = await t.dataSource.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'partnership' AND entity_id = $1`, [existing.id]);
    expect(audit).toEqual([{ action: 'update', changes: { recommendationId: { from: null, to: recs[0] } } }]);
  });

  it('leaves a partnership born from another recommendation as it was, and says so', async () => {
    const p = await parties();
    const s = await school();
    const first = await answered(p, [s]);
    const created = await t.http.post(`${BASE}/${first.id}/recommendations/${first.recs[0]}/accept`).set('Authorization', p.csr.auth);
    const second = await answered(p, [s]);
    const res = await t.http.post(`${BASE}/${second.id}/recommendations/${second.recs[0]}/accept`).set('Authorization', p.csr.auth);
    expect(res.status).toBe(200);
    expect(res.body.partnership).toMatchObject({ id: created.body.partnership.id, outcome: 'existing' });
    expect(res.body.recommendations[0].partnership).toMatchObject({ id: created.body.partnership.id });
    expect(await partnershipsOf(s.id)).toEqual([expect.objectContaining({ id: created.body.partnership.id, recommendationId: first.recs[0] })]);
  });

  it('refuses to accept a school whose partnership in the program has ended, and records nothing', async () => {
    const p = await parties();
    const s = await school();
    await insertPartnership(t.dataSource, p.program, s, [
      { to: 'active', on: '2014-01-10' },
      { to: 'ended', on: '2016-12-16', reason: 'Regrouped' },
    ]);
    const { id, recs } = await answered(p, [s]);
    const res = await t.http.post(`${BASE}/${id}/recommendations/${recs[0]}/accept`).set('Authorization', p.csr.auth);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('rule_violated');
    expect(res.body.detail).toContain('ended on 2016-12-16');
    const [{ decision }] = await t.dataSource.query('SELECT decision FROM partner_recommendations WHERE id = $1', [recs[0]]);
    expect(decision).toBe('pending');
    // Declining it still works.
    const declined = await t.http.post(`${BASE}/${id}/recommendations/${recs[0]}/decline`).set('Authorization', p.csr.auth).send({ reason: 'Our partnership with it ended' });
    expect(declined.status).toBe(200);
  });

  it('takes the program from the call for a request that names none, and records the decision alone without any', async () => {
    const p = await parties();
    const [a, b] = [await school(), await school()];
    const { id, recs } = await answered(p, [a, b], null);
    const withProgram = await t.http.post(`${BASE}/${id}/recommendations/${recs[0]}/accept`).set('Authorization', p.csr.auth).send({ programId: p.program.id });
    expect(withProgram.status).toBe(200);
    expect(withProgram.body.partnership).toMatchObject({ outcome: 'created', program: { id: p.program.id } });
    expect(await partnershipsOf(a.id)).toEqual([expect.objectContaining({ programId: p.program.id, recommendationId: recs[0] })]);

    const without = await t.http.post(`${BASE}/${id}/recommendations/${recs[1]}/accept`).set('Authorization', p.csr.auth);
    expect(without.status).toBe(200);
    expect(without.body.partnership).toBeNull();
    expect(without.body.recommendations[1]).toMatchObject({ decision: 'accepted', partnership: null });
    expect(await partnershipsOf(b.id)).toEqual([]);
  });

  it("refuses another company's program, and a program other than the request's, writing nothing", async () => {
    const p = await parties();
    const other = await parties();
    const [a, b] = [await school(), await school()];
    const loose = await answered(p, [a], null);
    const theirs = await t.http.post(`${BASE}/${loose.id}/recommendations/${loose.recs[0]}/accept`).set('Authorization', p.csr.auth).send({ programId: other.program.id });
    expect(theirs.status).toBe(422);
    expect(theirs.body.errors[0]).toMatchObject({ field: 'programId', code: 'unknown_program' });

    const second = await insertProgram(t.dataSource, p.company.id);
    const bound = await answered(p, [b]);
    const elsewhere = await t.http.post(`${BASE}/${bound.id}/recommendations/${bound.recs[0]}/accept`).set('Authorization', p.csr.auth).send({ programId: second.id });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.errors[0]).toMatchObject({ field: 'programId', code: 'not_request_program' });
    const same = await t.http.post(`${BASE}/${bound.id}/recommendations/${bound.recs[0]}/accept`).set('Authorization', p.csr.auth).send({ programId: p.program.id });
    expect(same.status).toBe(200);

    const decisions = await t.dataSource.query('SELECT decision FROM partner_recommendations WHERE id = $1', [loose.recs[0]]);
    expect(decisions).toEqual([{ decision: 'pending' }]);
    expect(await partnershipsOf(a.id)).toEqual([]);
  });

  it('two requests accepting the same school at once end with one partnership, the other linked to it or told it exists', async () => {
    const p = await parties();
    const s = await school();
    const [one, two] = [await answered(p, [s]), await answered(p, [s])];
    const results = await Promise.all([one, two].map((r) => t.http.post(`${BASE}/${r.id}/recommendations/${r.recs[0]}/accept`).set('Authorization', p.csr.auth)));
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const rows = await partnershipsOf(s.id);
    expect(rows).toHaveLength(1);
    expect(results.map((r) => r.body.partnership.id)).toEqual([rows[0].id, rows[0].id]);
    expect(results.map((r) => r.body.partnership.outcome).sort()).toEqual(['created', 'existing']);
  });
});
