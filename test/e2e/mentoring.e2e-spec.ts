import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type request from 'supertest';
import { Clock } from '../../src/common/clock';
import { MentoringOverdueJob } from '../../src/mentoring/mentoring-overdue.job';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, createUser, signedIn } from '../support/factories';
import {
  assign,
  AssignmentBody,
  fixToday,
  insertAction,
  insertPartnership,
  insertPlan,
  insertSession,
  insertYear,
  logSession,
  mentoringWorld,
  MentoringWorld,
  releaseClock,
  SessionBody,
  SignedIn,
} from '../support/mentoring-factories';

const ASSIGNMENTS = '/api/v1/mentoring/assignments';
const SESSIONS = '/api/v1/mentoring/sessions';
const ACTIONS = '/api/v1/mentoring/actions';
const MISSING = '00000000-0000-4000-8000-00000000dead';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0000000dIHDR fake png body')]);

/** Collects a binary response body as a Buffer. */
function binary(res: request.Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('mentoring', () => {
  let t: TestApp;
  let admin: SignedIn;
  let judge: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ env: { DOCUMENTS_DIR: join(mkdtempSync(join(tmpdir(), 'jalin-mentoring-')), 'documents') } });
    admin = await signedIn(t.dataSource, t.http, 'admin');
    judge = await signedIn(t.dataSource, t.http, 'judge');
  });
  afterEach(() => releaseClock());
  afterAll(() => t.close());

  const audit = (entityId: string) =>
    t.dataSource.query(`SELECT action, actor_user_id AS "actorUserId", changes FROM audit_events WHERE entity_id = $1 ORDER BY id`, [entityId]) as Promise<
      Array<{ action: string; actorUserId: string; changes: Record<string, unknown> }>
    >;
  const get = (url: string, who: SignedIn) => t.http.get(url).set('Authorization', who.auth);
  const post = (url: string, who: SignedIn, body: Record<string, unknown> = {}) => t.http.post(url).set('Authorization', who.auth).send(body);
  const patch = (url: string, who: SignedIn, body: Record<string, unknown>) => t.http.patch(url).set('Authorization', who.auth).send(body);
  const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((i) => i.id);
  /** Sets the day an assignment began, so the 60-day rule does not depend on the real date. */
  const startOn = (assignmentId: string, day: string) => t.dataSource.query(`UPDATE mentoring_assignments SET created_at = $2 WHERE id = $1`, [assignmentId, `${day}T02:00:00Z`]);
  const ref = (a: AssignmentBody, w: MentoringWorld) => ({ id: a.id, schoolId: w.school.id, createdBy: a.facilitator.id });

  it('answers 401 without a token and 403 to a judge on every mentoring endpoint', async () => {
    const w = await mentoringWorld(t);
    const a = await assign(t, w);
    const s = await logSession(t, w, a.id);
    const x = (await post(ACTIONS, w.facilitator, { sessionId: s.id, description: 'x', ownerSide: 'school', dueDate: '2026-03-01' })).body;
    const endpoints: Array<['get' | 'post' | 'patch', string]> = [
      ['post', ASSIGNMENTS],
      ['get', ASSIGNMENTS],
      ['get', `${ASSIGNMENTS}/${a.id}`],
      ['post', `${ASSIGNMENTS}/${a.id}/reassign`],
      ['post', `${ASSIGNMENTS}/${a.id}/end`],
      ['post', SESSIONS],
      ['get', SESSIONS],
      ['get', `${SESSIONS}/${s.id}`],
      ['patch', `${SESSIONS}/${s.id}`],
      ['post', `${SESSIONS}/${s.id}/confirm`],
      ['post', `${SESSIONS}/${s.id}/dispute`],
      ['post', `${SESSIONS}/${s.id}/evidence`],
      ['get', `${SESSIONS}/${s.id}/evidence/${MISSING}`],
      ['post', ACTIONS],
      ['get', ACTIONS],
      ['get', `${ACTIONS}/${x.id}`],
      ['patch', `${ACTIONS}/${x.id}`],
      ['post', '/api/v1/jobs/mentoring-overdue/run'],
    ];
    for (const [method, url] of endpoints) {
      const anonymous = await t.http[method](url).send({});
      expect([url, anonymous.status]).toEqual([url, 401]);
      const forbidden = await t.http[method](url).set('Authorization', judge.auth).send({});
      expect([url, forbidden.status, forbidden.body.code]).toEqual([url, 403, 'forbidden']);
    }
  });

  it('documents every mentoring endpoint in OpenAPI, with examples on its schemas', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    for (const path of [ASSIGNMENTS, `${ASSIGNMENTS}/{id}`, `${ASSIGNMENTS}/{id}/reassign`, `${ASSIGNMENTS}/{id}/end`, SESSIONS, `${SESSIONS}/{id}`, `${SESSIONS}/{id}/confirm`, `${SESSIONS}/{id}/dispute`, `${SESSIONS}/{id}/evidence`, `${SESSIONS}/{id}/evidence/{documentId}`, ACTIONS, `${ACTIONS}/{id}`, '/api/v1/jobs/mentoring-overdue/run']) {
      expect([path, doc.paths[path] !== undefined]).toEqual([path, true]);
    }
    const schemas = doc.components.schemas;
    for (const name of ['CreateMentoringAssignmentDto', 'MentoringAssignmentResponse', 'MentoringAssignmentProgress', 'CreateMentoringSessionDto', 'MentoringSessionDetailResponse', 'CreateMentoringActionDto', 'MentoringActionResponse']) {
      for (const [prop, schema] of Object.entries(schemas[name].properties as Record<string, Record<string, unknown>>)) {
        const documented = 'example' in schema || '$ref' in schema || 'allOf' in schema || (schema.items as Record<string, unknown> | undefined)?.$ref !== undefined;
        expect([name, prop, documented]).toEqual([name, prop, true]);
      }
    }
  });

  describe('assignments', () => {
    it('assigns a facilitator of a program facilitator organisation to a partner school, keeps hours as minutes, and audits it', async () => {
      const w = await mentoringWorld(t);
      const res = await post(ASSIGNMENTS, w.csr, { facilitatorUserId: w.facilitator.user.id, schoolId: w.school.id, programYearId: w.yearId, plannedSessions: 12, plannedHours: 40.5 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        school: { id: w.school.id, name: w.school.name },
        facilitator: { id: w.facilitator.user.id, fullName: 'Dewi Uji' },
        facilitatorOrganization: { id: w.facilitatorOrg.id, name: w.facilitatorOrg.name },
        programYear: { id: w.yearId, year: 2026, status: 'running', programId: w.programId },
        partnershipId: w.partnershipId,
        active: true,
        endedAt: null,
        replacedById: null,
        replacesId: null,
        assignedBy: { id: w.csr.user.id },
        progress: {
          sessionsPlanned: 12,
          sessionsDone: 0,
          minutesPlanned: 2430,
          hoursPlanned: 40.5,
          minutesDone: 0,
          hoursDone: 0,
          lastContactOn: null,
          openActions: 0,
          overdueActions: 0,
          noContactFlag: false,
        },
        version: 1,
      });
      const lines = await audit(res.body.id);
      expect(lines).toEqual([expect.objectContaining({ action: 'create', actorUserId: w.csr.user.id })]);
      expect(lines[0].changes).toMatchObject({ facilitatorUserId: w.facilitator.user.id, plannedMinutes: 2430, partnershipId: w.partnershipId });
    });

    it('lets a school have several facilitators, but one active assignment per facilitator, school and year (409 naming it)', async () => {
      const w = await mentoringWorld(t);
      const first = await assign(t, w);
      const second = await assign(t, w, { facilitatorUserId: w.facilitator2.user.id });
      expect(second.id).not.toBe(first.id);
      const again = await post(ASSIGNMENTS, w.csr, { facilitatorUserId: w.facilitator.user.id, schoolId: w.school.id, programYearId: w.yearId, plannedSessions: 1, plannedHours: 1 });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'assignment_exists', existingId: first.id });
    });

    it('refuses bad fields, facilitators outside the program, schools without a partnership and closed years', async () => {
      const w = await mentoringWorld(t);
      const body = { facilitatorUserId: w.facilitator.user.id, schoolId: w.school.id, programYearId: w.yearId, plannedSessions: 12, plannedHours: 30 };
      const field = async (extra: Record<string, unknown>, name: string, code: string) => {
        const res = await post(ASSIGNMENTS, w.csr, { ...body, ...extra });
        expect(res.status).toBe(422);
        expect(res.body.errors[0]).toMatchObject({ field: name, code });
        return res;
      };
      await field({ plannedHours: 1.234 }, 'plannedHours', 'isNumber');
      await field({ plannedSessions: -1 }, 'plannedSessions', 'min');
      await field({ schoolId: 'nope' }, 'schoolId', 'isUuid');
      await field({ extra: true }, 'extra', 'unknown_field');
      const outsider = await createUser(t.dataSource, 'facilitator');
      await field({ facilitatorUserId: outsider.id }, 'facilitatorUserId', 'organization_not_in_program');
      await field({ facilitatorUserId: w.principal.user.id }, 'facilitatorUserId', 'not_a_facilitator');
      const otherSchool = await createOrganization(t.dataSource, 'school');
      await field({ schoolId: otherSchool.id }, 'schoolId', 'no_partnership');
      const other = await mentoringWorld(t);
      await field({ programYearId: other.yearId }, 'programYearId', 'unknown_program_year');
      const closedYear = await insertYear(t.dataSource, w.programId, 2020, 'closed');
      const closed = await post(ASSIGNMENTS, w.csr, { ...body, programYearId: closedYear });
      expect(closed.status).toBe(422);
      expect(closed.body.code).toBe('rule_violated');
      expect(closed.body.detail).toContain('closed and read-only');
      const pausedSchool = await createOrganization(t.dataSource, 'school');
      await insertPartnership(t.dataSource, w.programId, w.company.id, pausedSchool.id, 'paused');
      await field({ schoolId: pausedSchool.id }, 'schoolId', 'partnership_not_running');
      const id = await t.http.post(ASSIGNMENTS).set('Authorization', w.csr.auth).set('Accept-Language', 'id').send({ ...body, facilitatorUserId: outsider.id });
      expect(id.body.errors[0].message).toContain('tidak bekerja dalam');
    });

    it('answers 401 without a token, 403 to roles that cannot assign or read, and 404 for another company\'s assignment', async () => {
      const w = await mentoringWorld(t);
      const a = await assign(t, w);
      expect((await t.http.post(ASSIGNMENTS).send({})).status).toBe(401);
      expect((await t.http.get(ASSIGNMENTS)).status).toBe(401);
      for (const who of [w.facilitator, w.principal, w.officer, judge]) expect((await post(ASSIGNMENTS, who, {})).status).toBe(403);
      expect((await get(ASSIGNMENTS, judge)).status).toBe(403);
      expect((await get(`${ASSIGNMENTS}/${a.id}`, judge)).status).toBe(403);
      const other = await mentoringWorld(t);
      for (const who of [other.csr, other.principal, other.facilitator, w.facilitator2]) {
        const res = await get(`${ASSIGNMENTS}/${a.id}`, who);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('not_found');
      }
      expect((await post(`${ASSIGNMENTS}/${a.id}/end`, other.csr, { reason: 'x' })).status).toBe(404);
      expect((await post(`${ASSIGNMENTS}/${a.id}/reassign`, other.csr, { facilitatorUserId: other.facilitator.user.id, reason: 'x' })).status).toBe(404);
      for (const who of [w.facilitator, w.principal]) expect((await post(`${ASSIGNMENTS}/${a.id}/end`, who, { reason: 'x' })).status).toBe(403);
      expect((await get(`${ASSIGNMENTS}/${MISSING}`, w.csr)).status).toBe(404);
      expect((await get(`${ASSIGNMENTS}/not-a-uuid`, w.csr)).status).toBe(422);
    });

    it('shows each role only its own: facilitator own, principal own school, CSR own company, education office its jurisdiction', async () => {
      const w = await mentoringWorld(t);
      const a1 = await assign(t, w);
      const a2 = await assign(t, w, { facilitatorUserId: w.facilitator2.user.id });
      const far = await mentoringWorld(t, { regionCode: '31.71' });
      const b1 = await assign(t, far);
      const list = async (who: SignedIn) => ids(await get(`${ASSIGNMENTS}?limit=100`, who));
      expect(await list(w.facilitator)).toEqual([a1.id]);
      expect(await list(w.facilitator2)).toEqual([a2.id]);
      expect((await list(w.principal)).sort()).toEqual([a1.id, a2.id].sort());
      expect((await list(w.csr)).sort()).toEqual([a1.id, a2.id].sort());
      expect(await list(w.officer)).toEqual(expect.arrayContaining([a1.id, a2.id]));
      expect(await list(w.officer)).not.toContain(b1.id);
      expect(await list(far.officer)).toContain(b1.id);
      expect(await list(far.officer)).not.toContain(a1.id);
      expect(await list(admin)).toEqual(expect.arrayContaining([a1.id, a2.id, b1.id]));
      expect((await get(`${ASSIGNMENTS}/${a1.id}`, w.officer)).status).toBe(200);
      expect((await get(`${ASSIGNMENTS}/${a1.id}`, far.officer)).status).toBe(404);
      expect(ids(await get(`${ASSIGNMENTS}?facilitatorUserId=${w.facilitator2.user.id}`, w.csr))).toEqual([a2.id]);
      expect(ids(await get(`${ASSIGNMENTS}?schoolId=${far.school.id}`, w.csr))).toEqual([]);
    });

    it('pages by school name with a cursor, and costs the same queries for limit=2 and limit=50', async () => {
      const w = await mentoringWorld(t);
      const made: AssignmentBody[] = [];
      for (let i = 0; i < 5; i++) {
        const school = await createOrganization(t.dataSource, 'school', { name: `SDN Halaman ${i}` });
        await insertPartnership(t.dataSource, w.programId, w.company.id, school.id);
        const a = await assign(t, w, { schoolId: school.id });
        await insertSession(t.dataSource, { id: a.id, schoolId: school.id, createdBy: w.facilitator.user.id }, '2026-03-0' + (i + 1));
        made.push(a);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: AssignmentBody[]; nextCursor: string | null } } = await get(`${ASSIGNMENTS}?limit=2${cursor ? `&cursor=${cursor}` : ''}`, w.csr);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((a) => a.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(made.map((a) => a.id));
      const cost = async (limit: number) => {
        const before = t.queries.count;
        const res = await get(`${ASSIGNMENTS}?limit=${limit}`, w.csr);
        expect(res.status).toBe(200);
        expect(res.body.items[0].progress.sessionsDone).toBe(1);
        return t.queries.count - before;
      };
      expect(await cost(2)).toBe(await cost(50));
      const bad = await get(`${ASSIGNMENTS}?cursor=${Buffer.from('["x"]').toString('base64url')}`, w.csr);
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0]).toMatchObject({ field: 'cursor', code: 'invalid_cursor' });
    });

    it('reassigns: the old assignment ends with the reason and links the new one, open follow-ups move over, history stays', async () => {
      const w = await mentoringWorld(t);
      const old = await assign(t, w, { plannedSessions: 10, plannedHours: 20 });
      const session = await logSession(t, w, old.id);
      const facilitatorAction = (await post(ACTIONS, w.facilitator, { sessionId: session.id, description: 'Send the reading-log template', ownerSide: 'facilitator', ownerUserId: w.facilitator.user.id, dueDate: '2026-03-01' })).body;
      const schoolAction = (await post(ACTIONS, w.facilitator, { sessionId: session.id, description: 'Set up reading corners', ownerSide: 'school', dueDate: '2026-03-15' })).body;
      const doneAction = (await post(ACTIONS, w.facilitator, { sessionId: session.id, description: 'Share the photos', ownerSide: 'facilitator', dueDate: '2026-03-01' })).body;
      expect((await patch(`${ACTIONS}/${doneAction.id}`, w.facilitator, { version: 1, status: 'done' })).status).toBe(200);

      const res = await post(`${ASSIGNMENTS}/${old.id}/reassign`, w.csr, { facilitatorUserId: w.facilitator2.user.id, reason: 'Dewi moves to the Surabaya schools.' });
      expect(res.status).toBe(200);
      const fresh = res.body as AssignmentBody;
      expect(fresh).toMatchObject({ facilitator: { id: w.facilitator2.user.id }, school: { id: w.school.id }, active: true, replacesId: old.id, progress: { sessionsPlanned: 10, minutesPlanned: 1200, openActions: 2, sessionsDone: 0 } });
      const ended = (await get(`${ASSIGNMENTS}/${old.id}`, w.csr)).body as AssignmentBody;
      expect(ended).toMatchObject({ active: false, endedReason: 'Dewi moves to the Surabaya schools.', replacedById: fresh.id, progress: { sessionsDone: 1, openActions: 0, doneActions: 1 } });
      expect(ended.endedAt).not.toBeNull();

      const moved = (await get(`${ACTIONS}/${facilitatorAction.id}`, w.facilitator2)).body;
      expect(moved).toMatchObject({ assignmentId: fresh.id, owner: { id: w.facilitator2.user.id }, sessionId: session.id });
      expect((await get(`${ACTIONS}/${schoolAction.id}`, w.facilitator2)).body).toMatchObject({ assignmentId: fresh.id, owner: null });
      expect((await get(`${ACTIONS}/${doneAction.id}`, w.facilitator)).body).toMatchObject({ assignmentId: old.id, status: 'done' });
      // The old facilitator keeps the history of their own assignment and its session, not the new one.
      expect((await get(`${SESSIONS}/${session.id}`, w.facilitator)).status).toBe(200);
      expect((await get(`${ASSIGNMENTS}/${fresh.id}`, w.facilitator)).status).toBe(404);

      expect(ids(await get(`${ASSIGNMENTS}?schoolId=${w.school.id}`, w.csr))).toEqual([fresh.id]);
      expect(ids(await get(`${ASSIGNMENTS}?schoolId=${w.school.id}&includeEnded=true`, w.csr)).sort()).toEqual([old.id, fresh.id].sort());

      const lines = await audit(old.id);
      expect(lines[lines.length - 1]).toMatchObject({ action: 'state_change', actorUserId: w.csr.user.id });
      expect(lines[lines.length - 1].changes).toMatchObject({ reason: 'Dewi moves to the Surabaya schools.', replacedById: fresh.id });
      expect((await audit(fresh.id))[0]).toMatchObject({ action: 'create', changes: expect.objectContaining({ replacesId: old.id }) });

      const twice = await post(`${ASSIGNMENTS}/${old.id}/reassign`, w.csr, { facilitatorUserId: w.facilitator.user.id, reason: 'again' });
      expect(twice.status).toBe(422);
      expect(twice.body.detail).toContain('ended on');
      const same = await post(`${ASSIGNMENTS}/${fresh.id}/reassign`, w.csr, { facilitatorUserId: w.facilitator2.user.id, reason: 'same' });
      expect(same.status).toBe(422);
      expect(same.body.errors[0]).toMatchObject({ field: 'facilitatorUserId', code: 'same_facilitator' });
      const noReason = await post(`${ASSIGNMENTS}/${fresh.id}/reassign`, w.csr, { facilitatorUserId: w.facilitator.user.id, reason: '  ' });
      expect(noReason.status).toBe(422);
      expect(noReason.body.errors[0]).toMatchObject({ field: 'reason', code: 'isNotEmpty' });
      const busy = await assign(t, w);
      const clash = await post(`${ASSIGNMENTS}/${fresh.id}/reassign`, w.csr, { facilitatorUserId: w.facilitator.user.id, reason: 'back' });
      expect(clash.status).toBe(409);
      expect(clash.body.existingId).toBe(busy.id);
    });

    it('ends an assignment with a reason; an ended one takes no sessions and cannot end again', async () => {
      const w = await mentoringWorld(t);
      const a = await assign(t, w);
      const res = await post(`${ASSIGNMENTS}/${a.id}/end`, w.csr, { reason: 'The school left the program.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ active: false, endedReason: 'The school left the program.', replacedById: null });
      const again = await post(`${ASSIGNMENTS}/${a.id}/end`, w.csr, { reason: 'again' });
      expect(again.status).toBe(422);
      expect((await post(`${ASSIGNMENTS}/${a.id}/end`, w.csr, {})).status).toBe(422);
      const session = await post(SESSIONS, w.facilitator, { assignmentId: a.id, heldOn: '2026-02-11', durationMinutes: 60, mode: 'visit', topic: 'literacy' });
      expect(session.status).toBe(422);
      expect(session.body.detail).toContain('ended on');
    });

    it('sums the progress: done = confirmed + pending, disputed apart, hours, last contact, open and overdue actions', async () => {
      const w = await mentoringWorld(t);
      const a = await assign(t, w, { plannedSessions: 4, plannedHours: 10 });
      const r = ref(a, w);
      await insertSession(t.dataSource, r, '2026-02-10', 'confirmed', 120);
      const pending = await insertSession(t.dataSource, r, '2026-03-10', 'pending', 90);
      await insertSession(t.dataSource, r, '2026-04-10', 'disputed', 60);
      await insertAction(t.dataSource, { sessionId: pending, assignmentId: a.id, ownerSide: 'school', dueDate: '2026-04-01', createdBy: w.facilitator.user.id });
      await insertAction(t.dataSource, { sessionId: pending, assignmentId: a.id, ownerSide: 'school', dueDate: '2026-06-01', createdBy: w.facilitator.user.id });
      await insertAction(t.dataSource, { sessionId: pending, assignmentId: a.id, ownerSide: 'facilitator', dueDate: '2026-03-20', createdBy: w.facilitator.user.id, status: 'dropped' });
      fixToday(t, '2026-05-01');
      const body = (await get(`${ASSIGNMENTS}/${a.id}`, w.principal)).body as AssignmentBody;
      expect(body.progress).toEqual({
        sessionsPlanned: 4,
        sessionsDone: 2,
        sessionsConfirmed: 1,
        sessionsPending: 1,
        sessionsDisputed: 1,
        minutesPlanned: 600,
        minutesDone: 210,
        minutesConfirmed: 120,
        hoursPlanned: 10,
        hoursDone: 3.5,
        hoursConfirmed: 2,
        lastContactOn: '2026-03-10',
        lastConfirmedOn: '2026-02-10',
        schoolLastConfirmedOn: '2026-02-10',
        openActions: 2,
        overdueActions: 1,
        doneActions: 0,
        droppedActions: 1,
        noContactFlag: true,
      });
    });

    it('flags a school with no confirmed session in the last 60 days, as of the fixed clock, counting any facilitator of the year', async () => {
      const w = await mentoringWorld(t);
      const a = await assign(t, w);
      const b = await assign(t, w, { facilitatorUserId: w.facilitator2.user.id });
      await startOn(a.id, '2026-11-24');
      await startOn(b.id, '2026-11-24');
      const flag = async (id: string, who: SignedIn = w.csr) => ((await get(`${ASSIGNMENTS}/${id}`, who)).body as AssignmentBody).progress.noContactFlag;

      // No session yet: the 60 days count from the day the assignment began.
      fixToday(t, '2027-01-23'); // cutoff 2026-11-24: not before it
      expect(await flag(a.id)).toBe(false);
      fixToday(t, '2027-01-24'); // cutoff 2026-11-25
      expect(await flag(a.id)).toBe(true);

      fixToday(t, '2027-03-01'); // cutoff 2026-12-31
      const s = await insertSession(t.dataSource, ref(a, w), '2026-12-30', 'confirmed');
      expect(await flag(a.id)).toBe(true);
      await t.dataSource.query(`UPDATE mentoring_sessions SET held_on = '2026-12-31' WHERE id = $1`, [s]);
      expect(await flag(a.id)).toBe(false);
      expect(await flag(a.id, w.facilitator)).toBe(false);

      // Pending and disputed sessions are no confirmed contact.
      fixToday(t, '2027-03-02'); // cutoff 2027-01-01
      await insertSession(t.dataSource, ref(a, w), '2027-02-20', 'pending');
      await insertSession(t.dataSource, ref(a, w), '2027-02-21', 'disputed');
      expect(await flag(a.id)).toBe(true);
      expect(await flag(b.id)).toBe(true);
      const flagged = ids(await get(`${ASSIGNMENTS}?schoolId=${w.school.id}&noContact=true`, w.csr));
      expect(flagged.sort()).toEqual([a.id, b.id].sort());

      // A confirmed session with the other facilitator counts for the school.
      await insertSession(t.dataSource, { id: b.id, schoolId: w.school.id, createdBy: w.facilitator2.user.id }, '2027-02-15', 'confirmed');
      const aNow = (await get(`${ASSIGNMENTS}/${a.id}`, w.csr)).body as AssignmentBody;
      expect(aNow.progress).toMatchObject({ noContactFlag: false, lastConfirmedOn: '2026-12-31', schoolLastConfirmedOn: '2027-02-15' });
      expect(ids(await get(`${ASSIGNMENTS}?schoolId=${w.school.id}&noContact=true`, w.csr))).toEqual([]);
      expect(ids(await get(`${ASSIGNMENTS}?schoolId=${w.school.id}&noContact=false`, w.csr)).sort()).toEqual([a.id, b.id].sort());

      // An ended assignment is never flagged.
      fixToday(t, '2027-09-01');
      expect(await flag(a.id)).toBe(true);
      await post(`${ASSIGNMENTS}/${a.id}/end`, w.csr, { reason: 'Year over' });
      expect(await flag(a.id)).toBe(false);
    });
  });

  describe('sessions', () => {
    let w: MentoringWorld;
    let a: AssignmentBody;
    beforeAll(async () => {
      w = await mentoringWorld(t);
      a = await assign(t, w);
    });

    it('logs a session with attendees and a plan program; it starts pending and unconfirmed, and is audited', async () => {
      const plan = await insertPlan(t.dataSource, w);
      const res = await post(SESSIONS, w.facilitator, {
        assignmentId: a.id,
        heldOn: '2026-01-22',
        durationMinutes: 720,
        mode: 'workshop',
        topic: 'literacy',
        planId: plan.planId,
        planProgramId: plan.programId.toUpperCase(),
        attendeeUserIds: [w.principal.user.id, w.facilitator2.user.id],
        attendeeCounts: { principal: 1, teachers: 14, education_staff: 2, supervisor: 1 },
        notes: '  Two-day planning workshop, day 1.  ',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        assignmentId: a.id,
        school: { id: w.school.id },
        facilitator: { id: w.facilitator.user.id },
        heldOn: '2026-01-22',
        durationMinutes: 720,
        hours: 12,
        mode: 'workshop',
        planId: plan.planId,
        planProgramId: plan.programId,
        attendees: { counts: { principal: 1, teachers: 14, education_staff: 2, supervisor: 1 }, countedTotal: 18 },
        notes: 'Two-day planning workshop, day 1.',
        confirmation: 'pending',
        unconfirmed: true,
        confirmedBy: null,
        evidence: [],
        version: 1,
      });
      expect((res.body as SessionBody).attendees.users.map((u) => u.id).sort()).toEqual([w.principal.user.id, w.facilitator2.user.id].sort());
      expect((await audit(res.body.id))[0]).toMatchObject({ action: 'create', actorUserId: w.facilitator.user.id });
    });

    it('refuses future dates (by the clock), bad fields, strangers as attendees and plans of other schools', async () => {
      fixToday(t, '2026-06-30');
      const base = { assignmentId: a.id, heldOn: '2026-06-30', durationMinutes: 90, mode: 'visit', topic: 'literacy' };
      expect((await post(SESSIONS, w.facilitator, base)).status).toBe(201);
      const field = async (extra: Record<string, unknown>, name: string, code: string) => {
        const res = await post(SESSIONS, w.facilitator, { ...base, ...extra });
        expect(res.status).toBe(422);
        expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toContainEqual([name, code]);
      };
      await field({ heldOn: '2026-07-01' }, 'heldOn', 'date_in_future');
      await field({ heldOn: '2026-02-30' }, 'heldOn', 'isIso8601');
      await field({ durationMinutes: 0 }, 'durationMinutes', 'min');
      await field({ durationMinutes: 1441 }, 'durationMinutes', 'max');
      await field({ mode: 'phone' }, 'mode', 'isIn');
      await field({ topic: 'cooking' }, 'topic', 'isIn');
      await field({ attendeeCounts: { teachers: -1 } }, 'attendeeCounts.teachers', 'min');
      await field({ attendeeCounts: { teachers: 1.5 } }, 'attendeeCounts.teachers', 'isInt');
      await field({ attendeeCounts: { janitors: 2 } }, 'attendeeCounts.janitors', 'unknown_field');
      const stranger = await createUser(t.dataSource, 'principal');
      await field({ attendeeUserIds: [w.principal.user.id, stranger.id] }, 'attendeeUserIds[1]', 'not_an_attendee');
      const other = await mentoringWorld(t);
      const otherPlan = await insertPlan(t.dataSource, other);
      await field({ planId: otherPlan.planId }, 'planId', 'not_the_school_plan');
      await field({ planProgramId: otherPlan.programId }, 'planProgramId', 'needs_plan');
      const plan = (await t.dataSource.query(`SELECT id FROM plans WHERE school_id = $1`, [w.school.id])) as Array<{ id: string }>;
      await field({ planId: plan[0].id, planProgramId: MISSING }, 'planProgramId', 'not_in_plan');
      await field({ assignmentId: (await assign(t, other)).id }, 'assignmentId', 'unknown_assignment');
    });

    it("takes 'today' as the user's own calendar in Indonesia: at 04:00 WITA the local date is not in the future", async () => {
      // 2026-06-30 20:00 UTC is 1 July 04:00 in Banjarmasin (WITA) and 05:00 in Jayapura (WIT).
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-06-30T20:00:00.000Z'));
      const base = { assignmentId: a.id, durationMinutes: 60, mode: 'visit', topic: 'literacy' };
      const early = await post(SESSIONS, w.facilitator, { ...base, heldOn: '2026-07-01' });
      expect(early.status).toBe(201);
      const ahead = await post(SESSIONS, w.facilitator, { ...base, heldOn: '2026-07-02' });
      expect(ahead.status).toBe(422);
      expect(ahead.body.errors[0]).toMatchObject({ field: 'heldOn', code: 'date_in_future' });
      expect((await patch(`${SESSIONS}/${early.body.id}`, w.facilitator, { version: early.body.version, heldOn: '2026-07-02' })).body.errors[0].code).toBe('date_in_future');
    });

    it('answers 401, 403 to roles that cannot log or read, and 404 to other facilitators and schools', async () => {
      const s = await logSession(t, w, a.id);
      expect((await t.http.post(SESSIONS).send({})).status).toBe(401);
      expect((await t.http.get(`${SESSIONS}/${s.id}`)).status).toBe(401);
      for (const who of [w.principal, w.csr, w.officer, judge]) expect((await post(SESSIONS, who, { assignmentId: a.id })).status).toBe(403);
      expect((await get(SESSIONS, judge)).status).toBe(403);
      const other = await mentoringWorld(t, { regionCode: '35.78' });
      for (const who of [w.facilitator2, other.facilitator, other.principal, other.csr, other.officer]) expect((await get(`${SESSIONS}/${s.id}`, who)).status).toBe(404);
      for (const who of [w.facilitator, w.principal, w.csr, w.officer, admin]) expect((await get(`${SESSIONS}/${s.id}`, who)).status).toBe(200);
      expect((await patch(`${SESSIONS}/${s.id}`, w.facilitator2, { version: 1, notes: 'x' })).status).toBe(404);
      expect((await patch(`${SESSIONS}/${s.id}`, w.principal, { version: 1, notes: 'x' })).status).toBe(403);
      const adminLog = await post(SESSIONS, admin, { assignmentId: a.id, heldOn: '2026-02-11', durationMinutes: 60, mode: 'visit', topic: 'literacy' });
      expect(adminLog.status).toBe(422);
      expect(adminLog.body.detail).toContain('only the assigned facilitator');
    });

    it('runs the confirmation flow: the principal confirms or disputes pending sessions only; a correction answers a dispute', async () => {
      const s1 = await logSession(t, w, a.id, { heldOn: '2026-03-11' });
      const other = await mentoringWorld(t);
      expect((await post(`${SESSIONS}/${s1.id}/confirm`, other.principal)).status).toBe(404);
      for (const who of [w.facilitator, w.csr, w.officer]) expect((await post(`${SESSIONS}/${s1.id}/confirm`, who)).status).toBe(403);
      const confirmed = await post(`${SESSIONS}/${s1.id}/confirm`, w.principal);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ confirmation: 'confirmed', unconfirmed: false, confirmedBy: { id: w.principal.user.id }, version: 2 });
      expect(confirmed.body.confirmedAt).not.toBeNull();
      const again = await post(`${SESSIONS}/${s1.id}/confirm`, w.principal);
      expect(again.status).toBe(422);
      expect(again.body.detail).toContain('already confirmed');
      expect((await post(`${SESSIONS}/${s1.id}/dispute`, w.principal, { reason: 'late' })).status).toBe(422);
      const locked = await patch(`${SESSIONS}/${s1.id}`, w.facilitator, { version: 2, notes: 'edit' });
      expect(locked.status).toBe(422);
      expect(locked.body.detail).toContain('confirmed by the principal');

      const s2 = await logSession(t, w, a.id, { heldOn: '2026-04-08' });
      expect((await post(`${SESSIONS}/${s2.id}/dispute`, w.principal, {})).status).toBe(422);
      const disputed = await post(`${SESSIONS}/${s2.id}/dispute`, w.principal, { reason: 'The school was closed that day.' });
      expect(disputed.status).toBe(200);
      expect(disputed.body).toMatchObject({ confirmation: 'disputed', unconfirmed: true, disputeReason: 'The school was closed that day.', confirmedBy: { id: w.principal.user.id } });
      expect((await post(`${SESSIONS}/${s2.id}/confirm`, w.principal)).body.detail).toContain('facilitator must correct it first');
      const stale = await patch(`${SESSIONS}/${s2.id}`, w.facilitator, { version: 1, heldOn: '2026-04-09' });
      expect(stale.status).toBe(409);
      const corrected = await patch(`${SESSIONS}/${s2.id}`, w.facilitator, { version: 2, heldOn: '2026-04-09', durationMinutes: 150 });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ heldOn: '2026-04-09', durationMinutes: 150, confirmation: 'pending', disputeReason: null, confirmedBy: null, version: 3 });
      expect((await post(`${SESSIONS}/${s2.id}/confirm`, w.principal)).status).toBe(200);
      const lines = await audit(s2.id);
      expect(lines.map((l) => l.action)).toEqual(['create', 'state_change', 'state_change', 'state_change']);
      expect(lines[2].changes).toMatchObject({ answersDispute: 'The school was closed that day.', confirmation: { from: 'disputed', to: 'pending' } });

      const pending = ids(await get(`${SESSIONS}?assignmentId=${a.id}&confirmation=pending&limit=100`, w.principal));
      expect(pending).not.toContain(s1.id);
      expect(ids(await get(`${SESSIONS}?assignmentId=${a.id}&confirmation=confirmed&limit=100`, w.csr))).toEqual(expect.arrayContaining([s1.id, s2.id]));
    });

    it('changes a pending session field by field, keeping links it was not sent', async () => {
      const plan = (await t.dataSource.query(`SELECT id FROM plans WHERE school_id = $1`, [w.school.id])) as Array<{ id: string }>;
      const s = await logSession(t, w, a.id, { planId: plan[0].id, attendeeUserIds: [w.principal.user.id], attendeeCounts: { teachers: 3 } });
      const res = await patch(`${SESSIONS}/${s.id}`, w.facilitator, { version: 1, mode: 'online', notes: '' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ mode: 'online', notes: null, planId: plan[0].id, attendees: { counts: { teachers: 3 } } });
      expect(res.body.attendees.users.map((u: { id: string }) => u.id)).toEqual([w.principal.user.id]);
      const unlinked = await patch(`${SESSIONS}/${s.id}`, w.facilitator, { version: 2, planId: null, attendeeUserIds: [] });
      expect(unlinked.body).toMatchObject({ planId: null, planProgramId: null, attendees: { users: [] } });
      expect((await patch(`${SESSIONS}/${s.id}`, w.facilitator, { version: 3, heldOn: '2999-01-01' })).body.errors[0].code).toBe('date_in_future');
      expect((await patch(`${SESSIONS}/${s.id}`, w.facilitator, { notes: 'x' })).body.errors[0]).toMatchObject({ field: 'version' });
    });

    it('lists newest first with the same query count for limit=2 and limit=50, pages with a cursor', async () => {
      const v = await mentoringWorld(t);
      const va = await assign(t, v);
      const made: string[] = [];
      for (let i = 1; i <= 5; i++) made.push((await logSession(t, v, va.id, { heldOn: `2026-0${i}-15`, attendeeUserIds: [v.principal.user.id] })).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: SessionBody[]; nextCursor: string | null } } = await get(`${SESSIONS}?limit=2${cursor ? `&cursor=${cursor}` : ''}`, v.facilitator);
        seen.push(...page.body.items.map((s) => s.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...made].reverse());
      const cost = async (limit: number) => {
        const before = t.queries.count;
        expect((await get(`${SESSIONS}?limit=${limit}`, v.csr)).status).toBe(200);
        return t.queries.count - before;
      };
      expect(await cost(2)).toBe(await cost(50));
    });

    it('stores evidence through the document store and streams it back to whoever can read the session', async () => {
      const s = await logSession(t, w, a.id);
      const upload = (who: SignedIn, file: Buffer, name: string) => t.http.post(`${SESSIONS}/${s.id}/evidence`).set('Authorization', who.auth).attach('file', file, name);
      const res = await upload(w.facilitator, PNG, 'kunjungan.png');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'mentoring_evidence', filename: 'kunjungan.png', contentType: 'image/png', sizeBytes: PNG.length });
      const detail = (await get(`${SESSIONS}/${s.id}`, w.principal)).body as SessionBody;
      expect(detail.evidenceDocumentIds).toEqual([res.body.id]);
      expect(detail.evidence?.map((d) => d.id)).toEqual([res.body.id]);
      const file = await t.http.get(`${SESSIONS}/${s.id}/evidence/${res.body.id}`).set('Authorization', w.principal.auth).buffer(true).parse(binary);
      expect(file.status).toBe(200);
      expect(Buffer.compare(file.body as Buffer, PNG)).toBe(0);
      const text = await upload(w.facilitator, Buffer.from('just text'), 'notes.png');
      expect(text.status).toBe(422);
      expect(text.body.errors[0]).toMatchObject({ field: 'file', code: 'unsupported_content_type' });
      expect((await upload(w.principal, PNG, 'x.png')).status).toBe(403);
      expect((await upload(w.facilitator2, PNG, 'x.png')).status).toBe(404);
      const other = await mentoringWorld(t);
      expect((await t.http.get(`${SESSIONS}/${s.id}/evidence/${res.body.id}`).set('Authorization', other.principal.auth)).status).toBe(404);
      expect((await t.http.post(`${SESSIONS}/${s.id}/evidence`).attach('file', PNG, 'x.png')).status).toBe(401);
    });

    it('keeps a closed year read-only', async () => {
      const c = await mentoringWorld(t);
      const ca = await assign(t, c);
      const s = await logSession(t, c, ca.id);
      await t.dataSource.query(`UPDATE program_years SET status = 'closed' WHERE id = $1`, [c.yearId]);
      const confirm = await post(`${SESSIONS}/${s.id}/confirm`, c.principal);
      expect(confirm.status).toBe(422);
      expect(confirm.body.detail).toContain('closed and read-only');
      expect((await patch(`${SESSIONS}/${s.id}`, c.facilitator, { version: 1, notes: 'x' })).status).toBe(422);
      expect((await post(SESSIONS, c.facilitator, { assignmentId: ca.id, heldOn: '2026-02-11', durationMinutes: 60, mode: 'visit', topic: 'literacy' })).status).toBe(422);
      expect((await post(`${ASSIGNMENTS}/${ca.id}/end`, c.csr, { reason: 'x' })).status).toBe(422);
      expect((await get(`${SESSIONS}/${s.id}`, c.principal)).status).toBe(200);
    });
  });

  describe('follow-up actions', () => {
    let w: MentoringWorld;
    let a: AssignmentBody;
    let s: SessionBody;
    beforeAll(async () => {
      w = await mentoringWorld(t);
      a = await assign(t, w);
      s = await logSession(t, w, a.id, { heldOn: '2026-02-11' });
    });
    const create = (body: Record<string, unknown>, who: SignedIn = w.facilitator) => post(ACTIONS, who, { sessionId: s.id, description: 'Set up reading corners', ownerSide: 'school', dueDate: '2026-03-15', ...body });

    it('adds a follow-up owed by the school or the facilitator side, and audits it', async () => {
      const res = await create({ ownerUserId: w.principal.user.id });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        sessionId: s.id,
        sessionHeldOn: '2026-02-11',
        assignmentId: a.id,
        school: { id: w.school.id },
        facilitator: { id: w.facilitator.user.id },
        ownerSide: 'school',
        owner: { id: w.principal.user.id },
        dueDate: '2026-03-15',
        status: 'open',
        version: 1,
      });
      expect((await audit(res.body.id))[0]).toMatchObject({ action: 'create', actorUserId: w.facilitator.user.id });
      expect((await create({ ownerSide: 'facilitator', ownerUserId: w.facilitator2.user.id })).status).toBe(201);
    });

    it('refuses due dates before the session, owners of the other side, sessions of others and roles that do not log', async () => {
      const field = async (body: Record<string, unknown>, name: string, code: string, who: SignedIn = w.facilitator) => {
        const res = await create(body, who);
        expect(res.status).toBe(422);
        expect(res.body.errors[0]).toMatchObject({ field: name, code });
      };
      await field({ dueDate: '2026-02-10' }, 'dueDate', 'due_before_session');
      await field({ ownerSide: 'facilitator', ownerUserId: w.principal.user.id }, 'ownerUserId', 'not_of_owner_side');
      await field({ ownerSide: 'school', ownerUserId: w.facilitator.user.id }, 'ownerUserId', 'not_of_owner_side');
      await field({ ownerSide: 'both' }, 'ownerSide', 'isIn');
      await field({ description: '' }, 'description', 'isNotEmpty');
      await field({}, 'sessionId', 'unknown_session', w.facilitator2);
      expect((await t.http.post(ACTIONS).send({})).status).toBe(401);
      for (const who of [w.principal, w.csr, w.officer, judge]) expect((await create({}, who)).status).toBe(403);
    });

    it('lets the facilitator mark done or drop with a reason, and the principal mark only school-side actions done', async () => {
      const schoolSide = (await create({})).body;
      const facilitatorSide = (await create({ ownerSide: 'facilitator' })).body;
      const toDrop = (await create({})).body;

      const principalEdit = await patch(`${ACTIONS}/${schoolSide.id}`, w.principal, { version: 1, status: 'done', dueDate: '2026-04-01' });
      expect(principalEdit.status).toBe(422);
      expect(principalEdit.body.detail).toContain('only mark its own follow-ups done');
      expect((await patch(`${ACTIONS}/${schoolSide.id}`, w.principal, { version: 1, status: 'dropped', reason: 'x' })).status).toBe(422);
      expect((await patch(`${ACTIONS}/${facilitatorSide.id}`, w.principal, { version: 1, status: 'done' })).body.detail).toContain('owed by the facilitator side');
      const done = await patch(`${ACTIONS}/${schoolSide.id}`, w.principal, { version: 1, status: 'done' });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'done', version: 2 });
      expect(done.body.closedAt).not.toBeNull();
      const final = await patch(`${ACTIONS}/${schoolSide.id}`, w.facilitator, { version: 2, status: 'dropped', reason: 'x' });
      expect(final.status).toBe(422);
      expect(final.body.detail).toContain('final');
      expect((await patch(`${ACTIONS}/${schoolSide.id}`, w.facilitator, { version: 2, dueDate: '2026-05-01' })).status).toBe(422);

      expect((await patch(`${ACTIONS}/${toDrop.id}`, w.facilitator, { version: 1, status: 'dropped' })).body.errors[0]).toMatchObject({ field: 'reason', code: 'reason_required' });
      expect((await patch(`${ACTIONS}/${toDrop.id}`, w.facilitator, { version: 1, reason: 'why' })).body.errors[0]).toMatchObject({ field: 'reason', code: 'only_when_dropped' });
      const moved = await patch(`${ACTIONS}/${toDrop.id}`, w.facilitator, { version: 1, dueDate: '2026-04-30', description: 'Reading corners in grades 1–4' });
      expect(moved.body).toMatchObject({ dueDate: '2026-04-30', description: 'Reading corners in grades 1–4', status: 'open', version: 2 });
      expect((await patch(`${ACTIONS}/${toDrop.id}`, w.facilitator, { version: 1, status: 'dropped', reason: 'x' })).status).toBe(409);
      const dropped = await patch(`${ACTIONS}/${toDrop.id}`, w.facilitator, { version: 2, status: 'dropped', reason: 'The school chose a lending library.' });
      expect(dropped.body).toMatchObject({ status: 'dropped', droppedReason: 'The school chose a lending library.' });
      expect((await audit(toDrop.id)).map((l) => l.action)).toEqual(['create', 'update', 'state_change']);

      expect((await patch(`${ACTIONS}/${facilitatorSide.id}`, w.csr, { version: 1, status: 'done' })).status).toBe(403);
      expect((await patch(`${ACTIONS}/${facilitatorSide.id}`, w.officer, { version: 1, status: 'done' })).status).toBe(403);
      const other = await mentoringWorld(t);
      expect((await patch(`${ACTIONS}/${facilitatorSide.id}`, other.principal, { version: 1, status: 'done' })).status).toBe(404);
      expect((await patch(`${ACTIONS}/${facilitatorSide.id}`, w.facilitator2, { version: 1, status: 'done' })).status).toBe(404);
      expect((await get(`${ACTIONS}/${facilitatorSide.id}`, other.csr)).status).toBe(404);
      expect((await get(`${ACTIONS}/${facilitatorSide.id}`, judge)).status).toBe(403);
    });

    it('lists overdue actions as of the fixed clock, with filters and scope', async () => {
      const v = await mentoringWorld(t);
      const va = await assign(t, v);
      const vs = await logSession(t, v, va.id, { heldOn: '2026-02-11' });
      const make = async (dueDate: string, ownerSide = 'school') => (await post(ACTIONS, v.facilitator, { sessionId: vs.id, description: `Due ${dueDate}`, ownerSide, dueDate })).body.id as string;
      const early = await make('2026-03-01');
      const today = await make('2026-04-01');
      const later = await make('2026-05-01', 'facilitator');
      const closed = await make('2026-02-20');
      await patch(`${ACTIONS}/${closed}`, v.facilitator, { version: 1, status: 'done' });
      fixToday(t, '2026-04-01');
      expect(ids(await get(`${ACTIONS}?overdue=true`, v.principal))).toEqual([early]);
      expect(ids(await get(`${ACTIONS}?overdue=false`, v.principal))).toEqual([closed, today, later]);
      expect((await get(`${ACTIONS}/${early}`, v.csr)).body.overdue).toBe(true);
      expect((await get(`${ACTIONS}/${today}`, v.csr)).body.overdue).toBe(false);
      expect(ids(await get(`${ACTIONS}?status=open&ownerSide=facilitator`, v.facilitator))).toEqual([later]);
      expect(ids(await get(`${ACTIONS}?assignmentId=${va.id}&status=done`, v.officer))).toEqual([closed]);
      expect(ids(await get(`${ACTIONS}?sessionId=${vs.id}`, w.csr))).toEqual([]);
      fixToday(t, '2026-05-02');
      expect(ids(await get(`${ACTIONS}?overdue=true`, v.facilitator))).toEqual([early, today, later]);
      expect((await get(`${ASSIGNMENTS}/${va.id}`, v.csr)).body.progress).toMatchObject({ openActions: 3, overdueActions: 3, doneActions: 1 });
      const cost = async (limit: number) => {
        const before = t.queries.count;
        expect((await get(`${ACTIONS}?limit=${limit}`, v.csr)).status).toBe(200);
        return t.queries.count - before;
      };
      expect(await cost(2)).toBe(await cost(50));
      expect((await get(`${ACTIONS}?overdue=maybe`, v.csr)).status).toBe(422);
    });
  });

  describe('overdue notifications', () => {
    let w: MentoringWorld;
    let secondPrincipal: SignedIn;
    let named: string;
    let schoolSide: string;
    let facilitatorSide: string;
    let notDue: string;
    const job = () => t.app.get(MentoringOverdueJob);
    const notices = (userId: string) =>
      t.dataSource.query(`SELECT kind, entity_id AS "entityId", dedupe_key AS "dedupeKey", title, body FROM notifications WHERE user_id = $1 AND kind = 'action_overdue' ORDER BY created_at, id`, [userId]) as Promise<
        Array<{ kind: string; entityId: string; dedupeKey: string; title: string; body: string }>
      >;

    beforeAll(async () => {
      w = await mentoringWorld(t);
      secondPrincipal = await signedIn(t.dataSource, t.http, 'principal', { organization: w.school });
      const a = await assign(t, w);
      const s = await logSession(t, w, a.id, { heldOn: '2026-02-11' });
      const make = async (body: Record<string, unknown>) => (await post(ACTIONS, w.facilitator, { sessionId: s.id, description: 'Set up reading corners in grades 1–3', dueDate: '2026-03-01', ...body })).body.id as string;
      named = await make({ ownerSide: 'facilitator', ownerUserId: w.facilitator2.user.id });
      schoolSide = await make({ ownerSide: 'school' });
      facilitatorSide = await make({ ownerSide: 'facilitator' });
      notDue = await make({ ownerSide: 'school', dueDate: '2030-01-01' });
      const done = await make({ ownerSide: 'school' });
      await patch(`${ACTIONS}/${done}`, w.facilitator, { version: 1, status: 'done' });
    });

    it('notifies each overdue follow-up to its owner once, even when two runs of the day race', async () => {
      const [first, second] = await Promise.all([job().run('2027-01-10'), job().run('2027-01-10')]);
      expect([first.ran, second.ran].sort()).toEqual([false, true]);
      const ran = first.ran ? first : second;
      expect(ran.overdueActions).toBeGreaterThanOrEqual(3);
      expect((first.ran ? second : first).detail).toContain('Already done for 2027-01-10');

      expect((await notices(w.facilitator2.user.id)).map((n) => n.entityId)).toEqual([named]);
      expect((await notices(w.facilitator.user.id)).map((n) => n.entityId)).toEqual([facilitatorSide]);
      for (const p of [w.principal, secondPrincipal]) {
        const list = await notices(p.user.id);
        expect(list.map((n) => n.entityId)).toEqual([schoolSide]);
        expect(list[0]).toMatchObject({ kind: 'action_overdue', dedupeKey: `action_overdue:${schoolSide}:2026-03-01` });
        expect(list[0].title).toContain('overdue since 2026-03-01');
        expect(list[0].body).toContain(w.school.name);
      }
      expect((await notices(w.csr.user.id)).length).toBe(0);
      const all = (await t.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE entity_id = ANY($1::uuid[])`, [[notDue]])) as Array<{ n: number }>;
      expect(all[0].n).toBe(0);

      // The owner reads it through the notifications API.
      const mine = await get('/api/v1/notifications', w.principal);
      expect(mine.body.items.map((n: { entityId: string }) => n.entityId)).toContain(schoolSide);
    });

    it('does not repeat a notice on later days; a new due date gives a new notice', async () => {
      expect((await job().run('2027-01-11')).ran).toBe(true);
      expect((await notices(w.principal.user.id)).length).toBe(1);
      const current = (await get(`${ACTIONS}/${schoolSide}`, w.facilitator)).body;
      expect((await patch(`${ACTIONS}/${schoolSide}`, w.facilitator, { version: current.version, dueDate: '2026-12-31' })).status).toBe(200);
      const result = await job().run('2027-01-12');
      expect(result.ran).toBe(true);
      const list = await notices(w.principal.user.id);
      expect(list.map((n) => n.dedupeKey)).toEqual([`action_overdue:${schoolSide}:2026-03-01`, `action_overdue:${schoolSide}:2026-12-31`]);
      // Done actions are no longer notified.
      const done = (await get(`${ACTIONS}/${facilitatorSide}`, w.facilitator)).body;
      await patch(`${ACTIONS}/${facilitatorSide}`, w.facilitator, { version: done.version, status: 'done' });
      const again = await job().run('2027-01-13');
      const stillOverdue = (await t.dataSource.query(`SELECT count(*)::int AS n FROM mentoring_actions WHERE status = 'open' AND due_date < '2027-01-13'`)) as Array<{ n: number }>;
      expect(again.overdueActions).toBe(stillOverdue[0].n);
      expect((await notices(w.facilitator.user.id)).length).toBe(1);
    });

    it('runs now from the admin endpoint for the clock\'s day, once per day', async () => {
      expect((await t.http.post('/api/v1/jobs/mentoring-overdue/run')).status).toBe(401);
      expect((await post('/api/v1/jobs/mentoring-overdue/run', w.csr)).status).toBe(403);
      fixToday(t, '2027-01-20');
      const res = await post('/api/v1/jobs/mentoring-overdue/run', admin);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ job: 'mentoring-overdue', today: '2027-01-20', ran: true });
      const again = await post('/api/v1/jobs/mentoring-overdue/run', admin);
      expect(again.body).toMatchObject({ ran: false, notificationsWritten: 0 });
      const runs = (await t.dataSource.query(`SELECT actor_user_id AS "actorUserId", changes FROM audit_events WHERE entity_type = 'job' AND entity_id = 'mentoring-overdue' ORDER BY id`)) as Array<{
        actorUserId: string | null;
        changes: { today: string };
      }>;
      expect(runs.map((r) => [r.actorUserId, r.changes.today])).toEqual([
        [null, '2027-01-10'],
        [null, '2027-01-11'],
        [null, '2027-01-12'],
        [null, '2027-01-13'],
        [admin.user.id, '2027-01-20'],
      ]);
    });
  });
});
