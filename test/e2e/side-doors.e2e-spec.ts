import { createTestApp, TestApp } from '../support/app';
import { createOrganization, createUser, signedIn } from '../support/factories';
import { createTraining, mentoringWorld, MentoringWorld, SignedIn } from '../support/mentoring-factories';
import { isoDay } from '../support/partner-factories';

const MISSING = '00000000-0000-4000-8000-00000000dead';

/** Two organisations side by side: whatever one names of the other answers as if it did not exist, and nothing is stored. */
describe('side doors between organisations', () => {
  let t: TestApp;
  let admin: SignedIn;
  let ours: MentoringWorld;
  let theirs: MentoringWorld;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t.dataSource, t.http, 'admin');
    ours = await mentoringWorld(t);
    theirs = await mentoringWorld(t);
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[]) => Number(((await t.dataSource.query(sql, params)) as Array<{ n: string }>)[0].n);

  describe('POST /partner-requests with a programId', () => {
    const body = (office: { id: string; regionCode: string | null }, programId: string) => ({
      educationOfficeId: office.id,
      regionCode: office.regionCode,
      schoolsWanted: 1,
      dueDate: isoDay(30),
      programId,
    });

    it("refuses another company's program exactly like a missing one, and stores nothing", async () => {
      const before = await count('SELECT count(*) AS n FROM partner_requests WHERE company_id = $1', [ours.company.id]);
      const answers = [];
      for (const programId of [theirs.programId, MISSING]) {
        const res = await t.http.post('/api/v1/partner-requests').set('Authorization', ours.csr.auth).send(body(ours.office, programId));
        expect(res.status).toBe(422);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'programId', code: 'unknown_program' })]);
        answers.push({ code: res.body.code, errors: res.body.errors, detail: res.body.detail });
      }
      expect(answers[0]).toEqual(answers[1]);
      expect(await count('SELECT count(*) AS n FROM partner_requests WHERE company_id = $1', [ours.company.id])).toBe(before);
    });

    it("accepts the company's own program", async () => {
      const res = await t.http.post('/api/v1/partner-requests').set('Authorization', ours.csr.auth).send(body(ours.office, ours.programId));
      expect(res.status).toBe(201);
      expect(res.body.programId ?? res.body.program?.id).toBe(ours.programId);
    });
  });

  describe('naming people in a training', () => {
    it("refuses another organisation's user as a participant like a missing one, and stores nothing", async () => {
      const tr = await createTraining(t, ours.csr, { programYearId: ours.yearId });
      const answers = [];
      for (const userId of [theirs.principal.user.id, theirs.csr.user.id, theirs.facilitator.user.id, MISSING]) {
        const res = await t.http.post(`/api/v1/trainings/${tr.id}/participants`).set('Authorization', ours.csr.auth).send({ userId, role: 'teacher' });
        expect(res.status).toBe(422);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'userId', code: 'unknown_user' })]);
        expect(JSON.stringify(res.body)).not.toContain(theirs.school.name);
        answers.push(res.body.errors);
      }
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(await count('SELECT count(*) AS n FROM training_participants WHERE training_id = $1', [tr.id])).toBe(0);
      const seen = await t.http.get(`/api/v1/trainings/${tr.id}`).set('Authorization', theirs.principal.auth);
      expect(seen.status).toBe(404);
    });

    it("accepts the organiser's own users, the program's partner schools, their education office and the facilitator organisations", async () => {
      const tr = await createTraining(t, ours.csr, { programYearId: ours.yearId });
      const colleague = await createUser(t.dataSource, 'csr_officer', { organization: ours.company });
      for (const userId of [ours.principal.user.id, ours.officer.user.id, ours.facilitator.user.id, colleague.id]) {
        const res = await t.http.post(`/api/v1/trainings/${tr.id}/participants`).set('Authorization', ours.csr.auth).send({ userId, role: 'other' });
        expect([userId, res.status]).toEqual([userId, 201]);
      }
    });

    it("refuses another organisation's facilitator like a missing one or a non-facilitator, on create and on change", async () => {
      const answers = [];
      for (const id of [theirs.facilitator.user.id, MISSING, ours.principal.user.id]) {
        const res = await t.http.post('/api/v1/trainings').set('Authorization', ours.csr.auth).send({ ...trainingBase(), programYearId: ours.yearId, facilitatorUserIds: [id] });
        expect(res.status).toBe(422);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'facilitatorUserIds[0]', code: 'not_a_facilitator' })]);
        answers.push(res.body.errors);
      }
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      const tr = await createTraining(t, ours.csr, { programYearId: ours.yearId, facilitatorUserIds: [ours.facilitator.user.id] });
      const change = await t.http.patch(`/api/v1/trainings/${tr.id}`).set('Authorization', ours.csr.auth).send({ version: tr.version, facilitatorUserIds: [theirs.facilitator.user.id] });
      expect(change.status).toBe(422);
      expect(change.body.errors).toEqual([expect.objectContaining({ field: 'facilitatorUserIds[0]', code: 'not_a_facilitator' })]);
      const [row] = (await t.dataSource.query('SELECT array_to_json(facilitator_user_ids) AS ids FROM trainings WHERE id = $1', [tr.id])) as Array<{ ids: string[] }>;
      expect(row.ids).toEqual([ours.facilitator.user.id]);
      expect((await t.http.get(`/api/v1/trainings/${tr.id}`).set('Authorization', theirs.facilitator.auth)).status).toBe(404);
    });

    it('lets an admin name anyone', async () => {
      const tr = await createTraining(t, ours.csr);
      const res = await t.http.post(`/api/v1/trainings/${tr.id}/participants`).set('Authorization', admin.auth).send({ userId: theirs.principal.user.id, role: 'teacher' });
      expect(res.status).toBe(201);
    });
  });

  describe('creating users with an email already registered', () => {
    const invite = (who: SignedIn, organizationId: string, email: string) =>
      t.http.post('/api/v1/users').set('Authorization', who.auth).send({ organizationId, email, fullName: 'Guru Baru', role: 'csr_officer' });

    it("does not tell a manager that an email belongs to another organisation's user", async () => {
      const res = await invite(ours.csr, ours.company.id, theirs.csr.user.email);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'email', code: 'email_unavailable' })]);
      expect(JSON.stringify(res.body)).not.toContain(theirs.company.name);
      expect(res.body.detail).not.toMatch(/already|exists|sudah/i);
      expect(await count('SELECT count(*) AS n FROM users WHERE organization_id = $1 AND email = $2', [ours.company.id, theirs.csr.user.email])).toBe(0);
    });

    it('keeps the 409 for an email of their own organisation, and for admins', async () => {
      const own = await invite(ours.csr, ours.company.id, ours.csr.user.email);
      expect(own.status).toBe(409);
      expect(own.body.code).toBe('email_taken');
      const byAdmin = await invite(admin, ours.company.id, theirs.csr.user.email);
      expect(byAdmin.status).toBe(409);
      expect(byAdmin.body.code).toBe('email_taken');
    });
  });

  describe('administrators in an organisation', () => {
    it('lets only administrators change or disable an administrator', async () => {
      const org = await createOrganization(t.dataSource, 'company');
      const manager = await signedIn(t.dataSource, t.http, 'csr_officer', { organization: org });
      const orgAdmin = await createUser(t.dataSource, 'admin', { organization: org });
      for (const change of [{ role: 'csr_officer' }, { disabled: true }, { fullName: 'Bukan Admin' }]) {
        const res = await t.http.patch(`/api/v1/users/${orgAdmin.id}`).set('Authorization', manager.auth).send({ version: 1, ...change });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
      const [row] = (await t.dataSource.query('SELECT role, disabled_at, full_name, version FROM users WHERE id = $1', [orgAdmin.id])) as Array<Record<string, unknown>>;
      expect(row).toMatchObject({ role: 'admin', disabled_at: null, full_name: orgAdmin.fullName, version: 1 });
      const byAdmin = await t.http.patch(`/api/v1/users/${orgAdmin.id}`).set('Authorization', admin.auth).send({ version: 1, disabled: true });
      expect(byAdmin.status).toBe(200);
    });
  });

  describe('request ids', () => {
    it("keeps the server's own id as the request id, and the caller's value only as a correlation id", async () => {
      const org = await createOrganization(t.dataSource, 'company');
      const sent = 'case-42';
      const a = await t.http.patch(`/api/v1/organizations/${org.id}`).set('Authorization', admin.auth).set('X-Request-Id', sent).send({ version: 1, name: 'PT Satu' });
      const b = await t.http.patch(`/api/v1/organizations/${org.id}`).set('Authorization', admin.auth).set('X-Correlation-Id', sent).send({ version: 2, name: 'PT Dua' });
      for (const res of [a, b]) {
        expect(res.status).toBe(200);
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(res.headers['x-correlation-id']).toBe(sent);
      }
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
      const stored = (await t.dataSource.query(`SELECT request_id FROM audit_events WHERE entity_type = 'organization' AND entity_id = $1 ORDER BY id`, [org.id])) as Array<{ request_id: string }>;
      expect(stored.map((r) => r.request_id)).toEqual([a.headers['x-request-id'], b.headers['x-request-id']]);
      const problem = await t.http.get(`/api/v1/users/${MISSING}`).set('Authorization', admin.auth).set('X-Request-Id', sent);
      expect(problem.status).toBe(404);
      expect(problem.body.requestId).toBe(problem.headers['x-request-id']);
      expect(problem.body.requestId).not.toBe(sent);
    });

    it('drops a correlation value that is too long or has other characters', async () => {
      for (const bad of ['x'.repeat(65), 'has spaces', 'a:b', 'a/b']) {
        const res = await t.http.get('/health').set('X-Correlation-Id', bad);
        expect(res.headers['x-correlation-id']).toBeUndefined();
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
  });
});

function trainingBase(): Record<string, unknown> {
  return {
    title: 'Pelatihan Literasi',
    level: 'national',
    startsOn: '2026-07-14',
    endsOn: '2026-07-14',
    topic: 'literacy',
    venue: 'Banjarmasin',
    questionnaire: [{ text: 'Useful.' }],
  };
}
