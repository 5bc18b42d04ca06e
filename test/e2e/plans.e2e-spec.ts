import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, createUser, signedIn } from '../support/factories';
import { completeContent, insertPartnership, insertProgram, insertProgramYear, isoDay, planWorld, PlanWorld, SignedIn } from '../support/plan-factories';

const BASE = '/api/v1/plans';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

interface FieldError {
  field: string;
  code: string;
  message: string;
}

describe('plans', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ env: { DOCUMENTS_DIR: mkdtempSync(join(tmpdir(), 'jalin-plans-')) } });
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  afterAll(() => t.close());

  const world = (options: Parameters<typeof planWorld>[2] = {}) => planWorld(t.dataSource, t.http, options);
  const fields = (res: { body: { errors?: FieldError[] } }) => (res.body.errors ?? []).map((e) => [e.field, e.code]);

  /** A draft of the world's school with the complete template, reviewed by the world's facilitator. */
  async function draft(w: PlanWorld, extra: Record<string, unknown> = {}) {
    const res = await t.http
      .post(BASE)
      .set('Authorization', w.principal.auth)
      .send({ programYearId: w.year.id, title: 'Rencana Program 2026', facilitatorUserId: w.facilitator.user.id, content: completeContent(), ...extra });
    expect(res.status).toBe(201);
    return res.body;
  }

  /** Moves a plan through a step and expects it to succeed. */
  async function step(who: SignedIn, id: string, action: string, body: Record<string, unknown> = {}) {
    const res = await t.http.post(`${BASE}/${id}/${action}`).set('Authorization', who.auth).send(body);
    if (res.status !== 200) throw new Error(`${action} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function approved(w: PlanWorld) {
    const plan = await draft(w);
    await step(w.principal, plan.id, 'submit');
    return step(w.csr, plan.id, 'approve');
  }

  const patch = (who: SignedIn, id: string, body: Record<string, unknown>) => t.http.patch(`${BASE}/${id}`).set('Authorization', who.auth).send(body);
  const auditOf = async (id: string) =>
    (await t.dataSource.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'plan' AND entity_id = $1 ORDER BY id`, [id])) as Array<{ action: string; changes: Record<string, any> }>;

  describe('POST /plans', () => {
    it('starts a draft for the principal\'s school: ids assigned, amounts as strings, totals computed, audited', async () => {
      const w = await world();
      const plan = await draft(w);
      expect(plan).toMatchObject({
        title: 'Rencana Program 2026',
        status: 'draft',
        revision: 0,
        version: 1,
        school: { id: w.school.id, name: w.school.name },
        programYear: { id: w.year.id, year: 2026, planDeadline: w.year.planDeadline, status: 'planning' },
        program: { id: w.program.id },
        company: { id: w.company.id },
        partnershipId: w.partnership.id,
        facilitator: { id: w.facilitator.user.id, fullName: 'Test facilitator' },
        submittedLate: false,
        overdue: false,
        budgetTotal: '10100000',
        stimulusGrantTotal: '9600000',
        editors: [],
      });
      const program = plan.content.programs[0];
      for (const item of [program, ...program.activities, ...program.budgetLines, ...program.indicators, ...program.risks, ...plan.content.planningDocuments.lines]) {
        expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
      }
      expect(program.budgetLines.map((b: { unitCost: string; total: string }) => [b.unitCost, b.total])).toEqual([
        ['45000', '5400000'],
        ['350000', '4200000'],
        ['20000', '500000'],
      ]);
      expect(program.indicators[0]).toMatchObject({ baseline: '40', target: '75', unit: '%' });
      expect(plan.totals).toEqual({
        total: '10100000',
        byFundingSource: { stimulus_grant: '9600000', school_budget_bos: '500000', other: '0' },
        programs: [{ programId: program.id, total: '10100000', byFundingSource: { stimulus_grant: '9600000', school_budget_bos: '500000', other: '0' } }],
      });
      const audit = await auditOf(plan.id);
      expect(audit).toEqual([{ action: 'create', changes: expect.objectContaining({ schoolId: w.school.id, status: 'draft', budgetTotal: '10100000' }) }]);
    });

    it('computes totals beyond 2^53 exactly and refuses a client total that disagrees, naming the line', async () => {
      const w = await world();
      const big = {
        programs: [
          {
            topic: 'infrastructure',
            budgetLines: [
              { item: 'Hall', quantity: 2, unitCost: '4000000000000000', fundingSource: 'stimulus_grant' },
              { item: 'Roof', quantity: 1, unitCost: '4000000000000001', fundingSource: 'other' },
            ],
          },
        ],
      };
      const res = await t.http.post(BASE).set('Authorization', w.principal.auth).send({ programYearId: w.year.id, title: 'Big', content: big });
      expect(res.status).toBe(201);
      expect(res.body.totals).toMatchObject({ total: '12000000000000001', byFundingSource: { stimulus_grant: '8000000000000000', other: '4000000000000001' } });
      expect(res.body.budgetTotal).toBe('12000000000000001');
      const list = await t.http.get(`${BASE}?programYearId=${w.year.id}`).set('Authorization', w.csr.auth);
      expect(list.body.items[0]).toMatchObject({ budgetTotal: '12000000000000001', stimulusGrantTotal: '8000000000000000' });

      const w2 = await world();
      const wrong = completeContent();
      wrong.programs[0].budgetLines[1].total = '4000000';
      const refused = await t.http.post(BASE).set('Authorization', w2.principal.auth).send({ programYearId: w2.year.id, title: 'Wrong', content: wrong });
      expect(refused.status).toBe(422);
      expect(fields(refused)).toEqual([['content.programs[0].budgetLines[1].total', 'budget_line_does_not_add_up']]);
      expect(refused.body.errors[0].message).toContain('quantity 12 × unitCost 350000 = 4200000');
      const indonesian = await t.http.post(BASE).set('Authorization', w2.principal.auth).set('Accept-Language', 'id').send({ programYearId: w2.year.id, title: 'Wrong', content: wrong });
      expect(indonesian.body.errors[0].message).toContain('baris anggaran harus cocok');
    });

    it('validates the template: types, caps, catalogue topics, months, money', async () => {
      const w = await world();
      const send = (content: unknown) => t.http.post(BASE).set('Authorization', w.principal.auth).send({ programYearId: w.year.id, title: 'X', content });
      expect(fields(await send({ programs: [{ topic: 'astrology' }] }))).toEqual([['content.programs[0].topic', 'isIn']]);
      expect(fields(await send({ programs: Array.from({ length: 21 }, () => ({ topic: 'literacy' })) }))).toEqual([['content.programs', 'arrayMaxSize']]);
      expect(fields(await send({ programs: [{ topic: 'literacy', activities: [{ name: 'A', startMonth: 13 }] }] }))).toEqual([['content.programs[0].activities[0].startMonth', 'max']]);
      expect(fields(await send({ programs: [{ topic: 'literacy', activities: [{ name: 'A', startMonth: 8, endMonth: 2 }] }] }))).toEqual([['content.programs[0].activities[0].endMonth', 'end_before_start']]);
      expect(fields(await send({ programs: [{ topic: 'literacy', budgetLines: [{ item: 'A', quantity: 1.5, unitCost: 1, fundingSource: 'other' }] }] }))).toEqual([['content.programs[0].budgetLines[0].quantity', 'isInt']]);
      expect(fields(await send({ programs: [{ topic: 'literacy', budgetLines: [{ item: 'A', quantity: 1, unitCost: 12.5, fundingSource: 'other' }] }] }))).toEqual([['content.programs[0].budgetLines[0].unitCost', 'not_whole_rupiah']]);
      expect(fields(await send({ programs: [{ topic: 'literacy', budgetLines: [{ item: 'A', quantity: 1, fundingSource: 'other' }] }] }))).toEqual([['content.programs[0].budgetLines[0].unitCost', 'isDefined']]);
      expect(fields(await send({ programs: [{ topic: 'literacy', budgetLines: [{ item: 'A', quantity: 1, unitCost: 1, fundingSource: 'charity' }] }] }))).toEqual([['content.programs[0].budgetLines[0].fundingSource', 'isIn']]);
      expect(fields(await send({ programs: [{ topic: 'literacy', goal: 'x'.repeat(2001) }] }))).toEqual([['content.programs[0].goal', 'maxLength']]);
      expect(fields(await send({ programs: [{ topic: 'literacy', colour: 'red' }] }))).toEqual([['content.programs[0].colour', 'unknown_field']]);
      expect(fields(await send({ workshop: { date: '2026-02-30' } }))).toEqual([['content.workshop.date', 'isIso8601']]);
    });

    it('needs a prospective or active partnership, an open year and one plan per school and year', async () => {
      const w = await world({ partnershipStatus: 'ended' });
      const ended = await t.http.post(BASE).set('Authorization', w.principal.auth).send({ programYearId: w.year.id, title: 'X' });
      expect(ended.status).toBe(422);
      expect(ended.body.detail).toContain('has a partnership that is ended');

      const other = await world();
      const none = await t.http.post(BASE).set('Authorization', w.principal.auth).send({ programYearId: other.year.id, title: 'X' });
      expect(none.status).toBe(422);
      expect(none.body.detail).toContain('has no partnership');

      const unknown = await t.http.post(BASE).set('Authorization', w.principal.auth).send({ programYearId: '00000000-0000-4000-8000-00000000dead', title: 'X' });
      expect(fields(unknown)).toEqual([['programYearId', 'unknown_program_year']]);

      const first = await draft(other);
      const second = await t.http.post(BASE).set('Authorization', other.principal.auth).send({ programYearId: other.year.id, title: 'Again' });
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ code: 'plan_exists', existingId: first.id });
      expect(second.body.detail).toContain(first.id);

      const closed = await world({ yearFields: { status: 'closed' } });
      const refused = await t.http.post(BASE).set('Authorization', closed.principal.auth).send({ programYearId: closed.year.id, title: 'X' });
      expect(refused.status).toBe(422);
      expect(refused.body.detail).toContain('is closed, so its plans are read-only');
    });

    it('keeps principals to their own school, lets admins name one, and checks the facilitator', async () => {
      const w = await world();
      const otherSchool = await createOrganization(t.dataSource, 'school');
      const foreign = await t.http.post(BASE).set('Authorization', w.principal.auth).send({ programYearId: w.year.id, title: 'X', schoolId: otherSchool.id });
      expect(fields(foreign)).toEqual([['schoolId', 'own_school_only']]);
      const noSchool = await t.http.post(BASE).set('Authorization', admin.auth).send({ programYearId: w.year.id, title: 'X' });
      expect(fields(noSchool)).toEqual([['schoolId', 'required_for_admin']]);
      const outsider = await signedIn(t.dataSource, t.http, 'facilitator');
      const badFacilitator = await t.http.post(BASE).set('Authorization', w.principal.auth).send({ programYearId: w.year.id, title: 'X', facilitatorUserId: outsider.user.id });
      expect(fields(badFacilitator)).toEqual([['facilitatorUserId', 'not_a_program_facilitator']]);
      const byAdmin = await t.http.post(BASE).set('Authorization', admin.auth).send({ programYearId: w.year.id, title: 'Entered by support', schoolId: w.school.id });
      expect(byAdmin.status).toBe(201);
      expect(byAdmin.body.school.id).toBe(w.school.id);
    });

    it('answers 401 without a token and 403 to roles that do not write plans', async () => {
      const w = await world();
      expect((await t.http.post(BASE).send({ programYearId: w.year.id, title: 'X' })).status).toBe(401);
      for (const who of [w.csr, w.facilitator, w.officer, await signedIn(t.dataSource, t.http, 'judge')]) {
        expect((await t.http.post(BASE).set('Authorization', who.auth).send({ programYearId: w.year.id, title: 'X' })).status).toBe(403);
      }
    });
  });

  describe('PATCH /plans/{id}', () => {
    it('replaces the template, keeping the ids sent back and giving new items ids', async () => {
      const w = await world();
      const plan = await draft(w);
      const content = plan.content;
      const keptActivity = content.programs[0].activities[0].id;
      content.programs[0].activities.splice(1, 1);
      content.programs[0].activities.push({ name: 'Reading festival', startMonth: 10, endMonth: 10, personResponsible: 'Pak Budi' });
      content.programs[0].goal = 'Every student reads fluently.';
      const res = await patch(w.principal, plan.id, { version: 1, title: 'Rencana 2026 (v2)', content });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 2, title: 'Rencana 2026 (v2)' });
      const activities = res.body.content.programs[0].activities;
      expect(activities[0].id).toBe(keptActivity);
      expect(activities[1]).toMatchObject({ name: 'Reading festival', id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(activities[1].id).not.toBe(plan.content.programs[0].activities[1].id);
      const audit = await auditOf(plan.id);
      expect(audit[1].action).toBe('update');
      expect(audit[1].changes.title).toEqual({ from: 'Rencana Program 2026', to: 'Rencana 2026 (v2)' });
      expect(audit[1].changes.content.changed).toEqual(
        expect.arrayContaining(['content.programs[0].goal changed', 'content.programs[0].activities[1] added', 'content.programs[0].activities[1] removed']),
      );
    });

    it('refuses a stale version with 409 and the current version', async () => {
      const w = await world();
      const plan = await draft(w);
      expect((await patch(w.principal, plan.id, { version: 1, title: 'First' })).status).toBe(200);
      const stale = await patch(w.principal, plan.id, { version: 1, title: 'Second' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'stale_version' });
      expect(stale.body.detail).toContain('now at version 2');
      expect((await t.http.get(`${BASE}/${plan.id}`).set('Authorization', w.principal.auth)).body.title).toBe('First');
    });

    it('lets exactly one of two concurrent updates of the same version win', async () => {
      const w = await world();
      const plan = await draft(w);
      const colleague = await signedIn(t.dataSource, t.http, 'principal', { organization: w.school });
      for (let round = 0; round < 5; round += 1) {
        const version = plan.version + round;
        const [a, b] = await Promise.all([
          patch(w.principal, plan.id, { version, title: `A${round}` }),
          patch(colleague, plan.id, { version, title: `B${round}` }),
        ]);
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        const winner = a.status === 200 ? a : b;
        const loser = a.status === 200 ? b : a;
        expect(loser.body.detail).toContain(`now at version ${version + 1}`);
        const stored = await t.http.get(`${BASE}/${plan.id}`).set('Authorization', w.principal.auth);
        expect(stored.body).toMatchObject({ version: version + 1, title: winner.body.title });
      }
    });

    it('is for the school only (403 for reviewers, 404 for other schools), and refuses unknown fields', async () => {
      const w = await world();
      const plan = await draft(w);
      expect((await patch(w.csr, plan.id, { version: 1, title: 'x' })).status).toBe(403);
      expect((await patch(w.officer, plan.id, { version: 1, title: 'x' })).status).toBe(403);
      const stranger = await signedIn(t.dataSource, t.http, 'principal');
      expect((await patch(stranger, plan.id, { version: 1, title: 'x' })).status).toBe(404);
      expect(fields(await patch(w.principal, plan.id, { version: 1, status: 'approved' }))).toEqual([['status', 'unknown_field']]);
      expect(fields(await patch(w.principal, plan.id, { title: 'x' }))).toEqual([['version', 'isNotEmpty']]);
      expect((await t.http.patch(`${BASE}/not-a-uuid`).set('Authorization', w.principal.auth).send({ version: 1 })).status).toBe(422);
    });
  });

  describe('submission', () => {
    it('names every missing piece by path (422) and writes nothing', async () => {
      const w = await world();
      const res = await t.http.post(BASE).set('Authorization', w.principal.auth).send({
        programYearId: w.year.id,
        title: 'Incomplete',
        content: { programs: [{ topic: 'parenting', name: 'Kelas Orang Tua' }, { topic: 'literacy', goal: 'Read', activities: [{ name: 'Vague' }], indicators: [{ name: 'Unmeasured', target: 50 }] }] },
      });
      const submit = await t.http.post(`${BASE}/${res.body.id}/submit`).set('Authorization', w.principal.auth);
      expect(submit.status).toBe(422);
      expect(fields(submit)).toEqual([
        ['content.programs[0].goal', 'goal_missing'],
        ['content.programs[0].activities', 'no_activities'],
        ['content.programs[0].indicators', 'no_indicators'],
        ['content.programs[1].activities[0].startMonth', 'start_month_missing'],
        ['content.programs[1].activities[0].endMonth', 'end_month_missing'],
        ['content.programs[1].activities[0].personResponsible', 'person_responsible_missing'],
        ['content.programs[1].indicators[0].unit', 'unit_missing'],
      ]);
      const plan = await t.http.get(`${BASE}/${res.body.id}`).set('Authorization', w.principal.auth);
      expect(plan.body).toMatchObject({ status: 'draft', version: 1 });
      expect((await t.http.get(`${BASE}/${res.body.id}/versions`).set('Authorization', w.principal.auth)).body.items).toEqual([]);
      const empty = await t.http.post(BASE).set('Authorization', admin.auth).send({ programYearId: (await world()).year.id, title: 'Empty', schoolId: w.school.id });
      expect(empty.status).toBe(422); // the admin named a school without a partnership in that program
    });

    it('re-checks stored budget lines: a line that does not add up blocks submission', async () => {
      const w = await world();
      const plan = await draft(w);
      await t.dataSource.query(`UPDATE plans SET content = jsonb_set(content, '{programs,0,budgetLines,0,total}', '"1"') WHERE id = $1`, [plan.id]);
      const submit = await t.http.post(`${BASE}/${plan.id}/submit`).set('Authorization', w.principal.auth);
      expect(fields(submit)).toEqual([['content.programs[0].budgetLines[0].total', 'budget_line_does_not_add_up']]);
    });

    it('flags a first submission after the deadline as late, and an unsubmitted plan past it as overdue', async () => {
      const late = await world({ yearFields: { planDeadline: isoDay(-1) } });
      const plan = await draft(late);
      expect(plan).toMatchObject({ overdue: true, submittedLate: false });
      const submitted = await step(late.principal, plan.id, 'submit');
      expect(submitted).toMatchObject({ status: 'submitted', submittedLate: true, overdue: false });
      const versions = await t.http.get(`${BASE}/${plan.id}/versions`).set('Authorization', late.csr.auth);
      expect(versions.body.items[0]).toMatchObject({ number: 1, late: true, outcome: 'pending' });

      const onTime = await world({ yearFields: { planDeadline: isoDay(0) } });
      const p2 = await draft(onTime);
      expect(await step(onTime.principal, p2.id, 'submit')).toMatchObject({ submittedLate: false });

      const noDeadline = await world({ yearFields: { planDeadline: null } });
      const p3 = await draft(noDeadline);
      expect(await step(noDeadline.principal, p3.id, 'submit')).toMatchObject({ submittedLate: false, programYear: { planDeadline: null } });
    });
  });

  describe('the whole workflow', () => {
    it('draft → submitted → changes requested → resubmitted → approved → in progress → completed, with history and diff', async () => {
      const w = await world();
      const plan = await draft(w);
      const v1 = await step(w.principal, plan.id, 'submit');
      expect(v1).toMatchObject({ status: 'submitted', version: 2 });
      expect(v1.submittedAt).toEqual(expect.any(String));

      // Frozen while in review.
      const whileInReview = await patch(w.principal, plan.id, { version: 2, title: 'x' });
      expect(whileInReview.status).toBe(422);
      expect(whileInReview.body.detail).toContain('waiting for review (submitted)');
      // Only the CSR officer approves; a facilitator's role lacks the permission.
      expect((await t.http.post(`${BASE}/${plan.id}/approve`).set('Authorization', w.facilitator.auth)).status).toBe(403);

      const target = 'content.programs[0].indicators[0].target';
      const comment = await t.http.post(`${BASE}/${plan.id}/comments`).set('Authorization', w.facilitator.auth).send({ body: 'Is 75% realistic?', fieldPath: target });
      expect(comment.status).toBe(201);
      expect(comment.body).toMatchObject({ fieldPath: target, versionNumber: 1, author: { id: w.facilitator.user.id, role: 'facilitator', organizationName: w.facilitatorOrg.name } });
      const changes = await step(w.csr, plan.id, 'request-changes', { comment: 'Please lower the target and add a parents indicator.' });
      expect(changes.status).toBe('changes_requested');

      const content = changes.content;
      content.programs[0].indicators[0].target = '65';
      content.programs[0].indicators.push({ name: 'Parents reading at home', target: 40, unit: 'families' });
      const edited = await patch(w.principal, plan.id, { version: changes.version, content });
      expect(edited.status).toBe(200);
      const v2 = await step(w.principal, plan.id, 'submit');
      expect(v2.status).toBe('submitted');

      const history = await t.http.get(`${BASE}/${plan.id}/versions`).set('Authorization', w.facilitator.auth);
      expect(history.body.items.map((v: { number: number; revision: number; outcome: string }) => [v.number, v.revision, v.outcome])).toEqual([
        [1, 0, 'changes_requested'],
        [2, 0, 'pending'],
      ]);
      const diff = await t.http.get(`${BASE}/${plan.id}/versions/2/diff`).set('Authorization', w.csr.auth);
      expect(diff.status).toBe(200);
      expect(diff.body).toMatchObject({ version: 2, against: 1 });
      expect(diff.body.changes).toEqual([
        { path: target, change: 'changed', before: '75', after: '65' },
        { path: 'content.programs[0].indicators[2]', change: 'added', before: null, after: expect.objectContaining({ name: 'Parents reading at home', target: '40', unit: 'families' }) },
      ]);

      const approvedPlan = await step(w.csr, plan.id, 'approve');
      expect(approvedPlan).toMatchObject({ status: 'approved', approvedBy: { id: w.csr.user.id } });
      expect(approvedPlan.approvedAt).toEqual(expect.any(String));

      // Frozen: no edit, no resubmission, no withdrawal.
      const frozen = await patch(w.principal, plan.id, { version: approvedPlan.version, title: 'Sneaky' });
      expect(frozen.status).toBe(422);
      expect(frozen.body.detail).toContain('open a revision of the plan');
      expect((await t.http.post(`${BASE}/${plan.id}/submit`).set('Authorization', w.principal.auth)).status).toBe(422);
      expect((await t.http.post(`${BASE}/${plan.id}/withdraw`).set('Authorization', w.principal.auth).send({ reason: 'x' })).status).toBe(422);

      const started = await step(w.principal, plan.id, 'start');
      expect(started.status).toBe('in_progress');

      // Progress and results.
      const [daily, corners] = started.content.programs[0].activities;
      const progress = await t.http.put(`${BASE}/${plan.id}/activities/${daily.id}/progress`).set('Authorization', w.principal.auth).send({ status: 'in_progress', note: 'Running in 8 of 12 classes' });
      expect(progress.status).toBe(200);
      expect(progress.body).toMatchObject({ activityId: daily.id, status: 'in_progress', note: 'Running in 8 of 12 classes', evidence: null, updatedBy: { id: w.principal.user.id } });
      const withEvidence = await t.http
        .put(`${BASE}/${plan.id}/activities/${corners.id}/progress`)
        .set('Authorization', w.principal.auth)
        .field('status', 'done')
        .field('note', '12 corners set up')
        .attach('file', PNG, 'corner.png');
      expect(withEvidence.status).toBe(200);
      expect(withEvidence.body).toMatchObject({ status: 'done', evidence: { filename: 'corner.png', contentType: 'image/png' } });
      const evidenceId = withEvidence.body.evidence.documentId;
      const download = await t.http.get(`${BASE}/${plan.id}/documents/${evidenceId}`).set('Authorization', w.csr.auth).buffer(true);
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(download.body as Buffer, PNG)).toBe(0);
      // Later reports keep the evidence unless told otherwise, may reuse an uploaded file, or remove it.
      const kept = await t.http.put(`${BASE}/${plan.id}/activities/${corners.id}/progress`).set('Authorization', w.principal.auth).send({ status: 'done', note: 'Checked again' });
      expect(kept.body.evidence.documentId).toBe(evidenceId);
      const reused = await t.http.put(`${BASE}/${plan.id}/activities/${daily.id}/progress`).set('Authorization', w.principal.auth).send({ status: 'done', evidenceDocumentId: evidenceId });
      expect(reused.body.evidence.documentId).toBe(evidenceId);
      const removed = await t.http.put(`${BASE}/${plan.id}/activities/${daily.id}/progress`).set('Authorization', w.principal.auth).send({ status: 'done', evidenceDocumentId: null });
      expect(removed.body.evidence).toBeNull();
      const notPdf = await t.http.put(`${BASE}/${plan.id}/activities/${daily.id}/progress`).set('Authorization', w.principal.auth).field('status', 'done').attach('file', Buffer.from('MZ not an image'), 'virus.png');
      expect(fields(notPdf)).toEqual([['file', 'unsupported_content_type']]);
      const foreignDoc = await t.http.put(`${BASE}/${plan.id}/activities/${daily.id}/progress`).set('Authorization', w.principal.auth).send({ status: 'done', evidenceDocumentId: '00000000-0000-4000-8000-00000000beef' });
      expect(fields(foreignDoc)).toEqual([['evidenceDocumentId', 'unknown_evidence']]);
      const unknownActivity = await t.http.put(`${BASE}/${plan.id}/activities/00000000-0000-4000-8000-00000000beef/progress`).set('Authorization', w.principal.auth).send({ status: 'done' });
      expect(unknownActivity.status).toBe(404);
      expect((await t.http.put(`${BASE}/${plan.id}/activities/${daily.id}/progress`).set('Authorization', w.csr.auth).send({ status: 'done' })).status).toBe(403);

      const indicators = started.content.programs[0].indicators;
      const first = await t.http.put(`${BASE}/${plan.id}/indicators/${indicators[0].id}/result`).set('Authorization', w.principal.auth).send({ achievedValue: '68.50', note: 'November assessment' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ indicatorId: indicators[0].id, achievedValue: '68.5', target: '65', unit: '%', note: 'November assessment' });
      expect(fields(await t.http.put(`${BASE}/${plan.id}/indicators/${indicators[1].id}/result`).set('Authorization', w.principal.auth).send({ achievedValue: '12,5' }))).toEqual([
        ['achievedValue', 'not_a_decimal'],
      ]);

      // Completing needs every indicator reported.
      const early = await t.http.post(`${BASE}/${plan.id}/complete`).set('Authorization', w.principal.auth);
      expect(early.status).toBe(422);
      expect(fields(early)).toEqual([
        ['content.programs[0].indicators[1]', 'result_missing'],
        ['content.programs[0].indicators[2]', 'result_missing'],
      ]);
      expect(early.body.errors[0].message).toContain('"Books borrowed per month" has no achieved value yet');
      await t.http.put(`${BASE}/${plan.id}/indicators/${indicators[1].id}/result`).set('Authorization', w.principal.auth).send({ achievedValue: 160 });
      await t.http.put(`${BASE}/${plan.id}/indicators/${indicators[2].id}/result`).set('Authorization', w.principal.auth).send({ achievedValue: 35 });

      const report = await t.http.get(`${BASE}/${plan.id}/progress`).set('Authorization', w.officer.auth);
      expect(report.status).toBe(200);
      expect(report.body.activities.map((a: { status: string }) => a.status)).toEqual(['done', 'done']);
      expect(report.body).toMatchObject({ indicatorsReported: 3 });
      expect(report.body.indicators.map((i: { achievedValue: string }) => i.achievedValue)).toEqual(['68.5', '160', '35']);

      const completed = await step(w.csr, plan.id, 'complete');
      expect(completed).toMatchObject({ status: 'completed' });
      expect(completed.completedAt).toEqual(expect.any(String));
      expect((await t.http.put(`${BASE}/${plan.id}/indicators/${indicators[0].id}/result`).set('Authorization', w.principal.auth).send({ achievedValue: 1 })).status).toBe(422);
      expect((await t.http.post(`${BASE}/${plan.id}/comments`).set('Authorization', w.csr.auth).send({ body: 'late note' })).status).toBe(422);

      const audit = await auditOf(plan.id);
      expect(audit.filter((e) => e.action === 'state_change').map((e) => `${e.changes.status.from}>${e.changes.status.to}`)).toEqual([
        'draft>submitted',
        'submitted>changes_requested',
        'changes_requested>submitted',
        'submitted>approved',
        'approved>in_progress',
        'in_progress>completed',
      ]);
      const progressAudit = (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_type IN ('plan_activity_progress', 'plan_indicator_result') AND changes->>'planId' = $1`, [plan.id])) as Array<{ n: number }>;
      expect(progressAudit[0].n).toBe(8);
    });

    it('revises an approved plan: a new draft round, reviewed and approved again, with the history and diff across rounds', async () => {
      const w = await world();
      const plan = await approved(w);
      await step(w.principal, plan.id, 'start');
      const activity = plan.content.programs[0].activities[0];
      await t.http.put(`${BASE}/${plan.id}/activities/${activity.id}/progress`).set('Authorization', w.principal.auth).send({ status: 'in_progress' });

      // Only the school opens a revision.
      expect((await t.http.post(`${BASE}/${plan.id}/revise`).set('Authorization', w.csr.auth)).status).toBe(403);
      const revision = await step(w.principal, plan.id, 'revise');
      expect(revision).toMatchObject({ status: 'draft', revision: 1 });
      // Progress waits while the revision is open.
      expect((await t.http.put(`${BASE}/${plan.id}/activities/${activity.id}/progress`).set('Authorization', w.principal.auth).send({ status: 'done' })).status).toBe(422);
      // A revision round cannot be withdrawn: the approved plan still stands.
      const withdraw = await t.http.post(`${BASE}/${plan.id}/withdraw`).set('Authorization', w.principal.auth).send({ reason: 'changed our mind' });
      expect(withdraw.status).toBe(422);
      expect(withdraw.body.detail).toContain('this is revision 1 of an approved plan');

      // An activity with progress cannot be dropped.
      const dropped = revision.content;
      dropped.programs[0].activities.splice(0, 1);
      const refused = await patch(w.principal, plan.id, { version: revision.version, content: dropped });
      expect(fields(refused)).toEqual([['content.programs[0].activities[0]', 'reported_item_removed']]);

      const fresh = await t.http.get(`${BASE}/${plan.id}`).set('Authorization', w.principal.auth);
      const changed = fresh.body.content;
      changed.programs[0].budgetLines[0].quantity = 150;
      // Sending the old total back with a new quantity does not add up.
      const staleTotal = await patch(w.principal, plan.id, { version: fresh.body.version, content: changed });
      expect(fields(staleTotal)).toEqual([['content.programs[0].budgetLines[0].total', 'budget_line_does_not_add_up']]);
      delete changed.programs[0].budgetLines[0].total;
      const edited = await patch(w.principal, plan.id, { version: fresh.body.version, content: changed });
      expect(edited.status).toBe(200);
      expect(edited.body.totals.total).toBe('11450000');
      await step(w.principal, plan.id, 'submit');
      const reapproved = await step(w.csr, plan.id, 'approve');
      expect(reapproved).toMatchObject({ status: 'approved', revision: 1, submittedLate: false });

      const history = await t.http.get(`${BASE}/${plan.id}/versions`).set('Authorization', w.principal.auth);
      expect(history.body.items.map((v: { number: number; revision: number; outcome: string }) => [v.number, v.revision, v.outcome])).toEqual([
        [1, 0, 'approved'],
        [2, 1, 'approved'],
      ]);
      const first = await t.http.get(`${BASE}/${plan.id}/versions/1`).set('Authorization', w.principal.auth);
      expect(first.body).toMatchObject({ number: 1, revision: 0, outcome: 'approved', totals: { total: '10100000' } });
      expect(first.body.content.programs[0].budgetLines[0].quantity).toBe(120);
      const diff = await t.http.get(`${BASE}/${plan.id}/versions/2/diff?against=1`).set('Authorization', w.principal.auth);
      expect(diff.body.changes).toEqual([
        { path: 'content.programs[0].budgetLines[0].quantity', change: 'changed', before: 120, after: 150 },
        { path: 'content.programs[0].budgetLines[0].total', change: 'changed', before: '5400000', after: '6750000' },
      ]);
      // Progress survived the revision.
      const report = await t.http.get(`${BASE}/${plan.id}/progress`).set('Authorization', w.principal.auth);
      expect(report.body.activities[0]).toMatchObject({ activityId: activity.id, status: 'in_progress' });
      expect((await t.http.get(`${BASE}/${plan.id}/versions/3`).set('Authorization', w.principal.auth)).status).toBe(404);
      expect((await t.http.get(`${BASE}/${plan.id}/versions/0`).set('Authorization', w.principal.auth)).status).toBe(422);
    });

    it('diffs version 1 against an empty template, field by field', async () => {
      const w = await world();
      const plan = await draft(w);
      await step(w.principal, plan.id, 'submit');
      const diff = await t.http.get(`${BASE}/${plan.id}/versions/1/diff`).set('Authorization', w.principal.auth);
      expect(diff.body.against).toBeNull();
      expect(diff.body.changes).toEqual(
        expect.arrayContaining([
          { path: 'title', change: 'added', before: null, after: 'Rencana Program 2026' },
          { path: 'content.workshop.date', change: 'added', before: null, after: '2026-01-15' },
          { path: 'content.programs[0]', change: 'added', before: null, after: expect.objectContaining({ topic: 'literacy' }) },
        ]),
      );
    });

    it('withdraws before approval with a reason; a withdrawn plan is final', async () => {
      const w = await world();
      const plan = await draft(w);
      await step(w.principal, plan.id, 'submit');
      expect(fields(await t.http.post(`${BASE}/${plan.id}/withdraw`).set('Authorization', w.principal.auth).send({ reason: '  ' }))).toEqual([['reason', 'isNotEmpty']]);
      const withdrawn = await step(w.principal, plan.id, 'withdraw', { reason: 'The school joins again next year.' });
      expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnReason: 'The school joins again next year.' });
      const approve = await t.http.post(`${BASE}/${plan.id}/approve`).set('Authorization', w.csr.auth);
      expect(approve.status).toBe(422);
      expect(approve.body.detail).toContain('the plan was withdrawn');
      const versions = await t.http.get(`${BASE}/${plan.id}/versions`).set('Authorization', w.csr.auth);
      expect(versions.body.items[0].outcome).toBe('withdrawn');
    });

    it('keeps reviewers to their part: admins do not approve or request changes in the company\'s name', async () => {
      const w = await world();
      const plan = await draft(w);
      await step(w.principal, plan.id, 'submit');
      const byAdmin = await t.http.post(`${BASE}/${plan.id}/approve`).set('Authorization', admin.auth);
      expect(byAdmin.status).toBe(422);
      expect(byAdmin.body.detail).toContain('only a CSR officer');
      expect((await t.http.post(`${BASE}/${plan.id}/request-changes`).set('Authorization', admin.auth).send({ comment: 'x' })).status).toBe(422);
      expect((await t.http.post(`${BASE}/${plan.id}/request-changes`).set('Authorization', w.principal.auth).send({ comment: 'x' })).status).toBe(403);
      expect((await t.http.post(`${BASE}/${plan.id}/start`).set('Authorization', w.officer.auth)).status).toBe(403);
      expect(fields(await t.http.post(`${BASE}/${plan.id}/request-changes`).set('Authorization', w.facilitator.auth).send({}))).toEqual([['comment', 'isNotEmpty']]);
      expect(await step(w.facilitator, plan.id, 'request-changes', { comment: 'Split the training budget.' })).toMatchObject({ status: 'changes_requested' });
    });

    it('makes every change on a closed year\'s plan read-only, while it can still be read', async () => {
      const w = await world();
      const plan = await approved(w);
      await t.dataSource.query(`UPDATE program_years SET status = 'closed' WHERE id = $1`, [w.year.id]);
      const attempts = [
        patch(w.principal, plan.id, { version: plan.version, title: 'x' }),
        t.http.post(`${BASE}/${plan.id}/start`).set('Authorization', w.principal.auth),
        t.http.post(`${BASE}/${plan.id}/revise`).set('Authorization', w.principal.auth),
        t.http.post(`${BASE}/${plan.id}/comments`).set('Authorization', w.csr.auth).send({ body: 'x' }),
        t.http.put(`${BASE}/${plan.id}/indicators/${plan.content.programs[0].indicators[0].id}/result`).set('Authorization', w.principal.auth).send({ achievedValue: 1 }),
        t.http.post(`${BASE}/${plan.id}/editors`).set('Authorization', w.principal.auth).send({ userId: w.principal.user.id }),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(422);
        expect(res.body.detail).toContain('is closed, so its plans are read-only');
      }
      const read = await t.http.get(`${BASE}/${plan.id}`).set('Authorization', w.principal.auth);
      expect(read.body).toMatchObject({ status: 'approved', programYear: { status: 'closed' } });
    });
  });

  describe('comments', () => {
    it('thread replies under their parent, on the parent\'s field', async () => {
      const w = await world();
      const plan = await draft(w);
      const url = `${BASE}/${plan.id}/comments`;
      const general = await t.http.post(url).set('Authorization', w.csr.auth).send({ body: 'Looks promising.' });
      expect(general.body).toMatchObject({ fieldPath: null, versionNumber: null, parentId: null });
      const onGoal = await t.http.post(url).set('Authorization', w.facilitator.auth).send({ body: 'Measurable?', fieldPath: 'content.programs[0].goal' });
      const reply = await t.http.post(url).set('Authorization', w.principal.auth).send({ body: 'We use the reading test.', parentId: onGoal.body.id });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ parentId: onGoal.body.id, fieldPath: 'content.programs[0].goal' });
      const replyToReply = await t.http.post(url).set('Authorization', w.facilitator.auth).send({ body: 'Good.', parentId: reply.body.id });
      const list = await t.http.get(url).set('Authorization', w.officer.auth);
      expect(list.status).toBe(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([general.body.id, onGoal.body.id]);
      expect(list.body.items[1].replies[0]).toMatchObject({ id: reply.body.id, body: 'We use the reading test.', author: { role: 'principal' } });
      expect(list.body.items[1].replies[0].replies[0].id).toBe(replyToReply.body.id);
    });

    it('refuse unknown fields, a reply on another field, a parent of another plan, and education offices', async () => {
      const w = await world();
      const plan = await draft(w);
      const other = await draft(await world());
      const url = `${BASE}/${plan.id}/comments`;
      expect(fields(await t.http.post(url).set('Authorization', w.csr.auth).send({ body: 'x', fieldPath: 'content.programs[3].goal' }))).toEqual([['fieldPath', 'unknown_field_path']]);
      expect(fields(await t.http.post(url).set('Authorization', w.csr.auth).send({ body: 'x', fieldPath: 'content.programs[0]..goal' }))).toEqual([['fieldPath', 'matches']]);
      const parent = await t.http.post(url).set('Authorization', w.csr.auth).send({ body: 'x', fieldPath: 'title' });
      expect(fields(await t.http.post(url).set('Authorization', w.principal.auth).send({ body: 'y', parentId: parent.body.id, fieldPath: 'content.workshop.date' }))).toEqual([
        ['fieldPath', 'reply_field_differs'],
      ]);
      const foreignParent = (await t.dataSource.query(`INSERT INTO plan_comments (plan_id, author_user_id, body) VALUES ($1, $2, 'elsewhere') RETURNING id`, [other.id, w.csr.user.id])) as Array<{ id: string }>;
      expect(fields(await t.http.post(url).set('Authorization', w.principal.auth).send({ body: 'y', parentId: foreignParent[0].id }))).toEqual([['parentId', 'unknown_comment']]);
      const officer = await t.http.post(url).set('Authorization', w.officer.auth).send({ body: 'x' });
      expect(officer.status).toBe(403);
      expect(officer.body.detail).toContain('An education office officer cannot comment on this plan.');
      expect((await t.http.post(url).set('Authorization', (await signedIn(t.dataSource, t.http, 'csr_officer')).auth).send({ body: 'x' })).status).toBe(404);
      expect((await t.http.get(url)).status).toBe(401);
    });
  });

  describe('editors', () => {
    it('lets the principal add and remove users of the school', async () => {
      const w = await world();
      const plan = await draft(w);
      const teacher = await createUser(t.dataSource, 'principal', { organization: w.school, fullName: 'Ibu Noor' });
      const url = `${BASE}/${plan.id}/editors`;
      const added = await t.http.post(url).set('Authorization', w.principal.auth).send({ userId: teacher.id });
      expect(added.status).toBe(201);
      expect(added.body.items).toEqual([expect.objectContaining({ userId: teacher.id, fullName: 'Ibu Noor' })]);
      expect((await t.http.post(url).set('Authorization', w.principal.auth).send({ userId: teacher.id })).body.items).toHaveLength(1);
      expect((await t.http.get(`${BASE}/${plan.id}`).set('Authorization', w.csr.auth)).body.editors).toEqual([expect.objectContaining({ userId: teacher.id })]);
      const outsider = await createUser(t.dataSource, 'principal');
      expect(fields(await t.http.post(url).set('Authorization', w.principal.auth).send({ userId: outsider.id }))).toEqual([['userId', 'not_a_school_user']]);
      expect((await t.http.post(url).set('Authorization', w.csr.auth).send({ userId: teacher.id })).status).toBe(403);
      expect((await t.http.delete(`${url}/${teacher.id}`).set('Authorization', w.principal.auth)).status).toBe(204);
      expect((await t.http.delete(`${url}/${teacher.id}`).set('Authorization', w.principal.auth)).status).toBe(404);
      expect((await t.http.get(url).set('Authorization', w.principal.auth)).body.items).toEqual([]);
    });
  });

  describe('access', () => {
    it('lets each role see exactly the plans in its scope, and nobody else (404)', async () => {
      const w = await world();
      const plan = await draft(w);
      const get = (who: SignedIn) => t.http.get(`${BASE}/${plan.id}`).set('Authorization', who.auth);
      const listed = async (who: SignedIn) => ((await t.http.get(`${BASE}?schoolId=${w.school.id}`).set('Authorization', who.auth)).body.items as Array<{ id: string }>).map((p) => p.id).includes(plan.id);

      for (const who of [w.principal, w.csr, w.facilitator, w.officer, admin]) {
        expect((await get(who)).status).toBe(200);
        expect(await listed(who)).toBe(true);
      }
      const otherPrincipal = await signedIn(t.dataSource, t.http, 'principal');
      const otherCsr = await signedIn(t.dataSource, t.http, 'csr_officer');
      const colleagueFacilitator = await signedIn(t.dataSource, t.http, 'facilitator', { organization: w.facilitatorOrg });
      const otherOffice = await createOrganization(t.dataSource, 'education_office', { regionCode: '64.71' });
      const officerElsewhere = await signedIn(t.dataSource, t.http, 'education_officer', { organization: otherOffice });
      for (const who of [otherPrincipal, otherCsr, colleagueFacilitator, officerElsewhere]) {
        const res = await get(who);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('not_found');
        expect(await listed(who)).toBe(false);
        expect((await t.http.get(`${BASE}/${plan.id}/budget.csv`).set('Authorization', who.auth)).status).toBe(404);
        expect((await t.http.get(`${BASE}/${plan.id}/comments`).set('Authorization', who.auth)).status).toBe(404);
      }
      // A province office covers the province's cities.
      const province = await createOrganization(t.dataSource, 'education_office', { regionCode: '63', officeLevel: 'province' });
      expect((await get(await signedIn(t.dataSource, t.http, 'education_officer', { organization: province }))).status).toBe(200);
      // A facilitator named on the plan whose organisation left the program no longer sees it.
      await t.dataSource.query('DELETE FROM program_facilitators WHERE program_id = $1', [w.program.id]);
      expect((await get(w.facilitator)).status).toBe(404);

      const judge = await signedIn(t.dataSource, t.http, 'judge');
      expect((await get(judge)).status).toBe(403);
      expect((await t.http.get(BASE).set('Authorization', judge.auth)).status).toBe(403);
      expect((await t.http.get(`${BASE}/${plan.id}`)).status).toBe(401);
      expect((await t.http.get(`${BASE}/00000000-0000-4000-8000-00000000dead`).set('Authorization', admin.auth)).status).toBe(404);
    });

    it('lets a facilitator assigned to the school for that year review the plan, and not after the assignment ends', async () => {
      const w = await world();
      const plan = await draft(w);
      const assigned = await signedIn(t.dataSource, t.http, 'facilitator', { organization: w.facilitatorOrg });
      const get = () => t.http.get(`${BASE}/${plan.id}`).set('Authorization', assigned.auth);
      expect((await get()).status).toBe(404);
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO mentoring_assignments (facilitator_user_id, facilitator_organization_id, school_id, program_year_id, partnership_id, assigned_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [assigned.user.id, w.facilitatorOrg.id, w.school.id, w.year.id, w.partnership.id, w.csr.user.id],
      );
      expect((await get()).status).toBe(200);
      const comment = await t.http.post(`${BASE}/${plan.id}/comments`).set('Authorization', assigned.auth).send({ body: 'Let us plan the first visit.' });
      expect(comment.status).toBe(201);
      await t.dataSource.query(`UPDATE mentoring_assignments SET ended_at = now(), ended_reason = 'reassigned' WHERE id = $1`, [id]);
      expect((await get()).status).toBe(404);
    });

    it('keeps education offices read-only (403 on every write)', async () => {
      const w = await world();
      const plan = await draft(w);
      const o = w.officer.auth;
      const activityId = plan.content.programs[0].activities[0].id;
      const writes = [
        t.http.patch(`${BASE}/${plan.id}`).set('Authorization', o).send({ version: 1, title: 'x' }),
        t.http.post(`${BASE}/${plan.id}/submit`).set('Authorization', o),
        t.http.post(`${BASE}/${plan.id}/approve`).set('Authorization', o),
        t.http.post(`${BASE}/${plan.id}/request-changes`).set('Authorization', o).send({ comment: 'x' }),
        t.http.post(`${BASE}/${plan.id}/comments`).set('Authorization', o).send({ body: 'x' }),
        t.http.post(`${BASE}/${plan.id}/complete`).set('Authorization', o),
        t.http.post(`${BASE}/${plan.id}/withdraw`).set('Authorization', o).send({ reason: 'x' }),
        t.http.post(`${BASE}/${plan.id}/revise`).set('Authorization', o),
        t.http.post(`${BASE}/${plan.id}/editors`).set('Authorization', o).send({ userId: w.officer.user.id }),
        t.http.put(`${BASE}/${plan.id}/activities/${activityId}/progress`).set('Authorization', o).send({ status: 'done' }),
      ];
      for (const res of await Promise.all(writes)) expect(res.status).toBe(403);
      for (const path of ['', '/versions', '/comments', '/progress', '/editors', '/export.pdf', '/budget.csv', '/budget.xlsx']) {
        expect((await t.http.get(`${BASE}/${plan.id}${path}`).set('Authorization', o)).status).toBe(200);
      }
    });

    it('keeps another company\'s CSR officer and another school\'s principal away from every action (404)', async () => {
      const w = await world();
      const plan = await draft(w);
      await step(w.principal, plan.id, 'submit');
      const otherCsr = await signedIn(t.dataSource, t.http, 'csr_officer');
      const otherPrincipal = await signedIn(t.dataSource, t.http, 'principal');
      expect((await t.http.post(`${BASE}/${plan.id}/approve`).set('Authorization', otherCsr.auth)).status).toBe(404);
      expect((await t.http.post(`${BASE}/${plan.id}/request-changes`).set('Authorization', otherCsr.auth).send({ comment: 'x' })).status).toBe(404);
      expect((await t.http.post(`${BASE}/${plan.id}/withdraw`).set('Authorization', otherPrincipal.auth).send({ reason: 'x' })).status).toBe(404);
      expect((await t.http.get(`${BASE}/${plan.id}/versions/1/diff`).set('Authorization', otherPrincipal.auth)).status).toBe(404);
      expect((await t.http.get(`${BASE}/${plan.id}`).set('Authorization', w.principal.auth)).body.status).toBe('submitted');
    });
  });

  describe('GET /plans', () => {
    it('filters by year, school and status, pages with a typed cursor, in one query whatever the page size', async () => {
      const company = await createOrganization(t.dataSource, 'company');
      const csr = await signedIn(t.dataSource, t.http, 'csr_officer', { organization: company });
      const program = await insertProgram(t.dataSource, company.id);
      const y2025 = await insertProgramYear(t.dataSource, program.id, 2025);
      const y2026 = await insertProgramYear(t.dataSource, program.id, 2026);
      const names = ['SD Charlie', 'SD Alpha', 'SD Bravo'];
      const schools = [];
      for (const name of names) {
        const school = await createOrganization(t.dataSource, 'school', { name });
        schools.push(school);
        await insertPartnership(t.dataSource, program, school.id);
        const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: school });
        for (const year of [y2025, y2026]) {
          const res = await t.http.post(BASE).set('Authorization', principal.auth).send({ programYearId: year.id, title: `${name} ${year.year}`, content: completeContent() });
          expect(res.status).toBe(201);
          if (name === 'SD Bravo' && year === y2026) await step(principal, res.body.id, 'submit');
        }
      }
      const walk = async (query: string) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const res: { status: number; body: { items: Array<{ title: string }>; nextCursor: string | null } } = await t.http
            .get(`${BASE}?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`)
            .set('Authorization', csr.auth);
          expect(res.status).toBe(200);
          seen.push(...res.body.items.map((p) => p.title));
          cursor = res.body.nextCursor;
        } while (cursor);
        return seen;
      };
      expect(await walk('')).toEqual(['SD Alpha 2026', 'SD Bravo 2026', 'SD Charlie 2026', 'SD Alpha 2025', 'SD Bravo 2025', 'SD Charlie 2025']);
      expect(await walk(`&programYearId=${y2025.id}`)).toEqual(['SD Alpha 2025', 'SD Bravo 2025', 'SD Charlie 2025']);
      expect(await walk(`&schoolId=${schools[0].id}`)).toEqual(['SD Charlie 2026', 'SD Charlie 2025']);
      expect(await walk('&status=submitted')).toEqual(['SD Bravo 2026']);
      const badCursor = await t.http.get(`${BASE}?cursor=${Buffer.from(JSON.stringify(['2026', 'x', 'y'])).toString('base64url')}`).set('Authorization', csr.auth);
      expect(fields(badCursor)).toEqual([['cursor', 'invalid_cursor']]);
      expect(fields(await t.http.get(`${BASE}?status=lost`).set('Authorization', csr.auth))).toEqual([['status', 'isIn']]);
      const cost = async (limit: number) => {
        const before = t.queries.count;
        expect((await t.http.get(`${BASE}?limit=${limit}`).set('Authorization', csr.auth)).status).toBe(200);
        return t.queries.count - before;
      };
      expect(await cost(1)).toBe(await cost(50));
    });
  });

  it('documents every endpoint with its problems in OpenAPI', async () => {
    const doc = await t.http.get('/docs-json');
    const paths = doc.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    const expected: Array<[string, string]> = [
      ['/api/v1/plans', 'post'],
      ['/api/v1/plans', 'get'],
      ['/api/v1/plans/{id}', 'get'],
      ['/api/v1/plans/{id}', 'patch'],
      ['/api/v1/plans/{id}/submit', 'post'],
      ['/api/v1/plans/{id}/request-changes', 'post'],
      ['/api/v1/plans/{id}/approve', 'post'],
      ['/api/v1/plans/{id}/start', 'post'],
      ['/api/v1/plans/{id}/complete', 'post'],
      ['/api/v1/plans/{id}/withdraw', 'post'],
      ['/api/v1/plans/{id}/revise', 'post'],
      ['/api/v1/plans/{id}/versions', 'get'],
      ['/api/v1/plans/{id}/versions/{number}', 'get'],
      ['/api/v1/plans/{id}/versions/{number}/diff', 'get'],
      ['/api/v1/plans/{id}/comments', 'get'],
      ['/api/v1/plans/{id}/comments', 'post'],
      ['/api/v1/plans/{id}/editors', 'post'],
      ['/api/v1/plans/{id}/editors/{userId}', 'delete'],
      ['/api/v1/plans/{id}/progress', 'get'],
      ['/api/v1/plans/{id}/activities/{activityId}/progress', 'put'],
      ['/api/v1/plans/{id}/indicators/{indicatorId}/result', 'put'],
      ['/api/v1/plans/{id}/documents/{documentId}', 'get'],
      ['/api/v1/plans/{id}/export.pdf', 'get'],
      ['/api/v1/plans/{id}/budget.csv', 'get'],
      ['/api/v1/plans/{id}/budget.xlsx', 'get'],
    ];
    for (const [path, method] of expected) {
      const op = paths[path]?.[method];
      expect(op).toBeDefined();
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403', '422']));
    }
    expect(doc.body.components.schemas.PlanBudgetLineDto.properties.unitCost.description).toContain('Whole rupiah');
  });
});
