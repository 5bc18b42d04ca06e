import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENDA_KINDS } from '../../src/agenda/agenda-kind';
import { DEMO_PASSWORD, loadDemoData } from '../../src/demo/demo';
import { PLAN_DEMO_IDS } from '../../src/demo/demo-plans';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, login, signedIn } from '../support/factories';
import { addSchool, competitionWorld, createCompetition, insertMentoringAssignment, insertPlanComment, movePhase, submitEntry } from '../support/competition-factories';
import { awardGrant, disburse, grantWorld, postReview, RECEIPT_PDF } from '../support/grant-factories';
import { fixToday, insertAction, insertSession, releaseClock } from '../support/mentoring-factories';
import { insertPartnerRequest } from '../support/partner-factories';
import { completeContent, insertPartnership, insertProgramYear, isoDay, planWorld, PlanWorld } from '../support/plan-factories';
import { insertMou } from '../support/program-factories';

const AGENDA = '/api/v1/agenda';

type SignedIn = Awaited<ReturnType<typeof signedIn>>;

interface Item {
  kind: string;
  id: string;
  title: string;
  dueDate: string | null;
  overdue: boolean;
  count: number | null;
  school: { id: string; name: string } | null;
  planId: string | null;
  programYearId: string | null;
  grantId: string | null;
  reportId: string | null;
  trancheNumber: number | null;
  sessionId: string | null;
  competitionId: string | null;
}

describe('GET /agenda', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { DOCUMENTS_DIR: join(mkdtempSync(join(tmpdir(), 'jalin-agenda-')), 'documents') } });
  });
  afterAll(() => t.close());
  afterEach(() => releaseClock());

  async function agenda(who: SignedIn, lang = 'en'): Promise<{ today: string; total: number; items: Item[] }> {
    const res = await t.http.get(AGENDA).set('Authorization', who.auth).set('Accept-Language', lang);
    expect(res.status).toBe(200);
    return res.body;
  }
  const ofKind = async (who: SignedIn, kind: string) => (await agenda(who)).items.filter((i) => i.kind === kind);

  /** A mentoring assignment of the world's facilitator at its school for its year. */
  const assignmentOf = (w: PlanWorld) =>
    insertMentoringAssignment(t.dataSource, {
      userId: w.facilitator.user.id,
      organizationId: w.facilitatorOrg.id,
      schoolId: w.school.id,
      programYearId: w.year.id,
      partnershipId: w.partnership.id,
      assignedBy: w.csr.user.id,
    });

  async function startPlan(w: PlanWorld, content?: Record<string, unknown>): Promise<{ id: string; version: number }> {
    const res = await t.http
      .post('/api/v1/plans')
      .set('Authorization', w.principal.auth)
      .send({ programYearId: w.year.id, title: 'Rencana Program 2026', facilitatorUserId: w.facilitator.user.id, ...(content ? { content } : {}) });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('needs a token (401) and is open to every role', async () => {
    const res = await t.http.get(AGENDA);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    for (const role of ['admin', 'csr_officer', 'principal', 'education_officer', 'facilitator', 'judge'] as const) {
      const who = await signedIn(t.dataSource, t.http, role);
      const body = await agenda(who);
      expect(body).toEqual({ today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), total: 0, items: [] });
    }
  });

  describe('for a principal', () => {
    it('asks to write the plan of a year without one, then to finish and revise it, and drops it once submitted', async () => {
      const w = await planWorld(t.dataSource, t.http);
      const [write] = await ofKind(w.principal, 'plan_to_write');
      expect(write).toMatchObject({
        id: w.year.id,
        programYearId: w.year.id,
        planId: null,
        dueDate: w.year.planDeadline,
        overdue: false,
        count: null,
        school: { id: w.school.id, name: w.school.name },
        title: `Write the 2026 program plan for ${w.program.name}`,
      });
      // A closed year asks for nothing, and neither does a paused partnership.
      await insertProgramYear(t.dataSource, w.program.id, 2019, { status: 'closed' });
      expect((await ofKind(w.principal, 'plan_to_write')).map((i) => i.id)).toEqual([w.year.id]);
      await t.dataSource.query(`UPDATE partnerships SET status = 'paused' WHERE id = $1`, [w.partnership.id]);
      expect(await ofKind(w.principal, 'plan_to_write')).toEqual([]);
      await t.dataSource.query(`UPDATE partnerships SET status = 'active' WHERE id = $1`, [w.partnership.id]);

      await t.dataSource.query('UPDATE program_years SET plan_deadline = $2 WHERE id = $1', [w.year.id, isoDay(-1)]);
      const [late] = (await agenda(w.principal)).items;
      expect(late).toMatchObject({ kind: 'plan_to_write', overdue: true, dueDate: isoDay(-1) });

      const plan = await startPlan(w, completeContent());
      const items = (await agenda(w.principal)).items;
      expect(items.filter((i) => i.kind === 'plan_to_write')).toEqual([]);
      expect(items.find((i) => i.kind === 'plan_to_revise')).toMatchObject({
        id: plan.id,
        planId: plan.id,
        programYearId: w.year.id,
        dueDate: isoDay(-1),
        overdue: true,
        title: 'The 2026 program plan is not submitted yet',
      });

      expect((await t.http.post(`/api/v1/plans/${plan.id}/submit`).set('Authorization', w.principal.auth)).status).toBe(200);
      expect(await ofKind(w.principal, 'plan_to_revise')).toEqual([]);
      expect(await ofKind(w.csr, 'plan_to_review')).toEqual([expect.objectContaining({ id: plan.id, planId: plan.id, school: { id: w.school.id, name: w.school.name }, title: `Review the 2026 program plan of ${w.school.name}` })]);
      expect((await ofKind(w.facilitator, 'plan_to_review')).map((i) => i.id)).toEqual([plan.id]);

      const changes = await t.http.post(`/api/v1/plans/${plan.id}/request-changes`).set('Authorization', w.csr.auth).send({ comment: 'Tambahkan indikator keterlibatan orang tua.' });
      expect(changes.status).toBe(200);
      expect(await ofKind(w.csr, 'plan_to_review')).toEqual([]);
      // The deadline binds the first submission only: a plan sent back is not late.
      expect(await ofKind(w.principal, 'plan_to_revise')).toEqual([expect.objectContaining({ id: plan.id, dueDate: null, overdue: false, title: 'The 2026 program plan needs revising' })]);
    });

    it('counts the comment threads on a plan whose last word is not from the school', async () => {
      const w = await planWorld(t.dataSource, t.http);
      const plan = await startPlan(w);
      const comment = (who: SignedIn, body: Record<string, unknown>) => t.http.post(`/api/v1/plans/${plan.id}/comments`).set('Authorization', who.auth).send(body);
      expect(await ofKind(w.principal, 'plan_comments_to_answer')).toEqual([]);

      const first = await comment(w.facilitator, { body: 'Apakah target 75% realistis?' });
      expect(first.status).toBe(201);
      expect(await ofKind(w.principal, 'plan_comments_to_answer')).toEqual([
        expect.objectContaining({ id: plan.id, planId: plan.id, programYearId: w.year.id, count: 1, dueDate: null, overdue: false, title: '1 comment thread on the 2026 program plan awaits your answer' }),
      ]);

      const answer = await comment(w.principal, { body: 'Ya, dengan pojok baca di setiap kelas.', parentId: first.body.id });
      expect(answer.status).toBe(201);
      expect(await ofKind(w.principal, 'plan_comments_to_answer')).toEqual([]);

      // A reply to the reply reopens the thread; a new thread of the CSR officer adds one.
      expect((await comment(w.facilitator, { body: 'Baik, mohon tambahkan jadwalnya.', parentId: answer.body.id })).status).toBe(201);
      expect((await comment(w.csr, { body: 'Anggaran pelatihan mohon dirinci.' })).status).toBe(201);
      const [open] = await ofKind(w.principal, 'plan_comments_to_answer');
      expect(open).toMatchObject({ count: 2, title: '2 comment threads on the 2026 program plan await your answer' });
      expect((await agenda(w.principal, 'id')).items.find((i) => i.kind === 'plan_comments_to_answer')?.title).toBe('2 komentar pada rencana program 2026 menunggu tanggapan');
    });

    it('asks to confirm pending sessions and to do open follow-ups, and drops them once done', async () => {
      const w = await planWorld(t.dataSource, t.http, { yearFields: { status: 'running' } });
      const assignmentId = await assignmentOf(w);
      const a = { id: assignmentId, schoolId: w.school.id, createdBy: w.facilitator.user.id };
      const pending = await insertSession(t.dataSource, a, '2026-02-11', 'pending');
      await insertSession(t.dataSource, a, '2026-01-20', 'confirmed');
      await insertSession(t.dataSource, a, '2026-01-27', 'disputed');
      const [session] = await ofKind(w.principal, 'session_to_confirm');
      expect(session).toMatchObject({ id: pending, sessionId: pending, programYearId: w.year.id, dueDate: null, overdue: false });
      expect(session.title).toBe(`Confirm the mentoring session of 11 February 2026 (visit) with ${w.facilitator.user.fullName}`);
      expect((await agenda(w.principal, 'id')).items.find((i) => i.kind === 'session_to_confirm')?.title).toBe(
        `Konfirmasi sesi pendampingan 11 Februari 2026 (kunjungan) dengan ${w.facilitator.user.fullName}`,
      );
      // The disputed session waits for the facilitator, not the school.
      expect((await ofKind(w.facilitator, 'session_disputed')).map((i) => i.school?.id)).toEqual([w.school.id]);

      const due = await insertAction(t.dataSource, { sessionId: pending, assignmentId, ownerSide: 'school', dueDate: isoDay(5), createdBy: w.facilitator.user.id });
      const late = await insertAction(t.dataSource, { sessionId: pending, assignmentId, ownerSide: 'school', dueDate: isoDay(-3), createdBy: w.facilitator.user.id });
      await insertAction(t.dataSource, { sessionId: pending, assignmentId, ownerSide: 'facilitator', dueDate: isoDay(-3), createdBy: w.facilitator.user.id });
      await insertAction(t.dataSource, { sessionId: pending, assignmentId, ownerSide: 'school', dueDate: isoDay(-3), createdBy: w.facilitator.user.id, status: 'done' });
      const items = (await agenda(w.principal)).items;
      // Overdue first, then by due date; the facilitator's own follow-up is not the school's.
      expect(items.filter((i) => i.kind === 'follow_up').map((i) => [i.id, i.overdue, i.dueDate, i.sessionId])).toEqual([
        [late, true, isoDay(-3), pending],
        [due, false, isoDay(5), pending],
      ]);
      expect(items[0]).toMatchObject({ kind: 'follow_up', id: late, title: 'Overdue follow-up: Follow up' });
      expect(items.find((i) => i.id === due)?.title).toBe('Follow-up: Follow up');
      // The facilitator sees the overdue ones of their assignment: theirs and the school's.
      expect((await ofKind(w.facilitator, 'follow_up')).map((i) => i.title).sort()).toEqual(
        [`${w.school.name}'s follow-up is overdue: Follow up`, `Your follow-up for ${w.school.name} is overdue: Follow up`].sort(),
      );

      expect((await t.http.post(`/api/v1/mentoring/sessions/${pending}/confirm`).set('Authorization', w.principal.auth)).status).toBe(200);
      expect((await t.http.patch(`/api/v1/mentoring/actions/${late}`).set('Authorization', w.principal.auth).send({ status: 'done', version: 1 })).status).toBe(200);
      const after = (await agenda(w.principal)).items;
      expect(after.filter((i) => i.kind === 'session_to_confirm')).toEqual([]);
      expect(after.filter((i) => i.kind === 'follow_up').map((i) => i.id)).toEqual([due]);

      // A closed year's records can no longer change, so they ask for nothing.
      await t.dataSource.query(`UPDATE program_years SET status = 'closed' WHERE id = $1`, [w.year.id]);
      expect((await agenda(w.principal)).items).toEqual([]);
    });

    it('reads "today" from the Clock, not from the database', async () => {
      const w = await planWorld(t.dataSource, t.http, { yearFields: { status: 'running', planDeadline: '2026-02-28' } });
      const assignmentId = await assignmentOf(w);
      const session = await insertSession(t.dataSource, { id: assignmentId, schoolId: w.school.id, createdBy: w.facilitator.user.id }, '2026-02-11', 'confirmed');
      const action = await insertAction(t.dataSource, { sessionId: session, assignmentId, ownerSide: 'school', dueDate: '2026-03-31', createdBy: w.facilitator.user.id });
      fixToday(t, '2026-03-31');
      const onTime = await agenda(w.principal);
      expect(onTime.today).toBe('2026-03-31');
      expect(onTime.items.map((i) => [i.kind, i.overdue])).toEqual([
        ['plan_to_write', true],
        ['follow_up', false],
      ]);
      fixToday(t, '2026-04-01');
      expect((await agenda(w.principal)).items.find((i) => i.id === action)?.overdue).toBe(true);
      fixToday(t, '2026-02-01');
      expect((await agenda(w.principal)).items.map((i) => [i.kind, i.overdue])).toEqual([
        ['plan_to_write', false],
        ['follow_up', false],
      ]);
    });

    it('asks for the expense report of each paid tranche, then to finish a draft or a returned report', async () => {
      const w = await grantWorld(t);
      const g = await awardGrant(t, w, '50000000');
      expect((await agenda(w.principal)).items).toEqual([]);
      await disburse(t, w, g.id, '20000000');
      const [toWrite] = (await agenda(w.principal)).items;
      expect(toWrite).toMatchObject({
        kind: 'expense_report_to_write',
        id: g.id,
        grantId: g.id,
        reportId: null,
        trancheNumber: 1,
        programYearId: w.year.id,
        dueDate: null,
        overdue: false,
        title: `Write the expense report for tranche 1 of the ${w.year.year} grant`,
      });
      await t.dataSource.query('UPDATE program_years SET grant_reporting_deadline = $2 WHERE id = $1', [w.year.id, isoDay(-1)]);
      expect((await agenda(w.principal)).items[0]).toMatchObject({ kind: 'expense_report_to_write', dueDate: isoDay(-1), overdue: true });
      expect((await agenda(w.principal, 'id')).items[0].title).toBe(`Buat laporan pengeluaran termin 1 hibah ${w.year.year}`);

      const base = `/api/v1/grants/${g.id}/expense-reports`;
      const created = await t.http
        .post(base)
        .set('Authorization', w.principal.auth)
        .send({ title: 'Belanja buku', trancheNumber: 1, lines: [{ spentOn: '2024-03-10', description: 'Buku cerita', budgetLineId: w.lines.books.id, amount: '1500000' }] });
      expect(created.status).toBe(201);
      const report = created.body as { id: string; lines: Array<{ id: string }> };
      expect((await agenda(w.principal)).items).toEqual([
        expect.objectContaining({ kind: 'expense_report_draft', id: report.id, reportId: report.id, grantId: g.id, trancheNumber: 1, overdue: true, title: 'The expense report "Belanja buku" is still a draft: complete and submit it' }),
      ]);

      expect((await t.http.post(`${base}/${report.id}/lines/${report.lines[0].id}/receipts`).set('Authorization', w.principal.auth).attach('file', RECEIPT_PDF, 'nota.pdf')).status).toBe(201);
      expect((await t.http.post(`${base}/${report.id}/submit`).set('Authorization', w.principal.auth)).status).toBe(200);
      expect((await agenda(w.principal)).items).toEqual([]);
      expect(await ofKind(w.csr, 'expense_report_to_review')).toEqual([
        expect.objectContaining({ id: report.id, reportId: report.id, grantId: g.id, title: `Review the expense report "Belanja buku" from ${w.school.name}` }),
      ]);

      expect((await postReview(t, w, g.id, report, 'return')).status).toBe(200);
      expect(await ofKind(w.csr, 'expense_report_to_review')).toEqual([]);
      expect((await agenda(w.principal)).items).toEqual([expect.objectContaining({ kind: 'expense_report_returned', id: report.id, title: 'The expense report "Belanja buku" was returned: correct it and submit it again' })]);

      expect((await t.http.post(`${base}/${report.id}/submit`).set('Authorization', w.principal.auth)).status).toBe(200);
      expect((await postReview(t, w, g.id, report, 'accept')).status).toBe(200);
      expect((await agenda(w.principal)).items).toEqual([]);
      // The next tranche asks for its own report.
      await disburse(t, w, g.id, '10000000');
      expect((await agenda(w.principal)).items.map((i) => [i.kind, i.trancheNumber])).toEqual([['expense_report_to_write', 2]]);
    });

    it('shows a competition open for entries to a school of its cohort until the entries close', async () => {
      const w = await competitionWorld(t, { schools: 1 });
      const [s] = w.schools;
      const outsider = await addSchool(t, w.program, {}, [
        { to: 'active', on: '2015-01-10' },
        { to: 'ended', on: '2019-12-20', reason: 'Moved to another partner' },
      ]);
      const draft = await createCompetition(t, w);
      expect(await ofKind(s.principal, 'competition_open')).toEqual([]);
      const open = await movePhase(t, w.csr, draft.id, 'open');
      const closesOn = (await t.dataSource.query(`SELECT CAST(entries_close_at AT TIME ZONE 'UTC' AS date)::text AS d FROM competitions WHERE id = $1`, [open.id]))[0].d as string;
      const [item] = await ofKind(s.principal, 'competition_open');
      expect(item).toMatchObject({ id: open.id, competitionId: open.id, programYearId: w.year.id, dueDate: closesOn, overdue: false, school: null });
      expect(item.title).toMatch(/^Submit an entry to Lomba Inovasi Sekolah 2025 by \d{1,2} \w+ \d{4}$/);
      expect(await ofKind(outsider.principal, 'competition_open')).toEqual([]);

      await submitEntry(t, s, open.id, open.categories[0].id);
      const [entered] = await ofKind(s.principal, 'competition_open');
      expect(entered.title).toMatch(/^Your school's entry in Lomba Inovasi Sekolah 2025 can still be changed until /);
      expect((await agenda(s.principal, 'id')).items[0].title).toMatch(/^Karya sekolah di Lomba Inovasi Sekolah 2025 masih dapat diubah sampai /);

      await movePhase(t, w.csr, open.id, 'judging');
      expect(await ofKind(s.principal, 'competition_open')).toEqual([]);
    });

    it("never shows another school's records, even in the same program and year", async () => {
      const w = await planWorld(t.dataSource, t.http, { yearFields: { status: 'running' } });
      const other = await createOrganization(t.dataSource, 'school', { regionCode: '63.71' });
      const otherPartnership = await insertPartnership(t.dataSource, w.program, other.id);
      const otherPrincipal = await signedIn(t.dataSource, t.http, 'principal', { organization: other });
      const otherWorld: PlanWorld = { ...w, school: other, partnership: otherPartnership, principal: otherPrincipal };
      // The other school has something of every kind that can be made here; ours has nothing yet but its plan to write.
      const plan = await startPlan(otherWorld);
      await insertPlanComment(t.dataSource, plan.id, w.facilitator.user.id);
      const assignmentId = await assignmentOf(otherWorld);
      const session = await insertSession(t.dataSource, { id: assignmentId, schoolId: other.id, createdBy: w.facilitator.user.id }, '2026-02-11', 'pending');
      await insertAction(t.dataSource, { sessionId: session, assignmentId, ownerSide: 'school', dueDate: isoDay(-1), createdBy: w.facilitator.user.id });

      const theirs = (await agenda(otherPrincipal)).items;
      expect(theirs.map((i) => i.kind).sort()).toEqual(['follow_up', 'plan_comments_to_answer', 'plan_to_revise', 'session_to_confirm']);
      const ours = (await agenda(w.principal)).items;
      expect(ours.map((i) => [i.kind, i.id])).toEqual([['plan_to_write', w.year.id]]);
      for (const item of ours) expect(item.school?.id).toBe(w.school.id);
      // Another company's CSR officer and an unrelated facilitator see none of it either.
      const stranger = await signedIn(t.dataSource, t.http, 'csr_officer');
      const otherFacilitator = await signedIn(t.dataSource, t.http, 'facilitator', { organization: w.facilitatorOrg });
      expect((await agenda(stranger)).items).toEqual([]);
      expect((await agenda(otherFacilitator)).items).toEqual([]);
    });

    it('titles items in the language of Accept-Language', async () => {
      const w = await planWorld(t.dataSource, t.http);
      const plan = await startPlan(w, completeContent());
      await t.http.post(`/api/v1/plans/${plan.id}/submit`).set('Authorization', w.principal.auth);
      await t.http.post(`/api/v1/plans/${plan.id}/request-changes`).set('Authorization', w.csr.auth).send({ comment: 'Mohon dirinci.' });
      const revise = async (lang: string) => (await agenda(w.principal, lang)).items.find((i) => i.kind === 'plan_to_revise')?.title;
      expect(await revise('id')).toBe('Rencana program 2026 perlu direvisi');
      expect(await revise('id-ID,id;q=0.9,en;q=0.8')).toBe('Rencana program 2026 perlu direvisi');
      expect(await revise('en')).toBe('The 2026 program plan needs revising');
      expect(await revise('fr')).toBe('The 2026 program plan needs revising');
      const comments = async (lang: string) => (await agenda(w.principal, lang)).items.find((i) => i.kind === 'plan_comments_to_answer')?.title;
      expect(await comments('id')).toBe('1 komentar pada rencana program 2026 menunggu tanggapan');
      expect(await comments('en')).toBe('1 comment thread on the 2026 program plan awaits your answer');
    });

    it('costs the same number of queries with 1 or 20 records of each kind', async () => {
      /** A school with `n` years to plan, pending sessions, open follow-ups, commented plans and paid tranches. */
      async function populated(n: number): Promise<{ principal: SignedIn; csr: SignedIn }> {
        const w = await planWorld(t.dataSource, t.http, { yearFields: { status: 'running' } });
        const assignmentId = await assignmentOf(w);
        for (let i = 0; i < n; i += 1) {
          const year = await insertProgramYear(t.dataSource, w.program.id, 2030 + i, { status: 'planning' });
          const plan = await startPlan({ ...w, year });
          await insertPlanComment(t.dataSource, plan.id, w.facilitator.user.id);
          await insertPlanComment(t.dataSource, plan.id, w.csr.user.id);
          await insertProgramYear(t.dataSource, w.program.id, 2060 + i, { status: 'planning' });
          const session = await insertSession(t.dataSource, { id: assignmentId, schoolId: w.school.id, createdBy: w.facilitator.user.id }, '2026-02-11', 'pending');
          await insertAction(t.dataSource, { sessionId: session, assignmentId, ownerSide: 'school', dueDate: isoDay(i - 10), createdBy: w.facilitator.user.id });
        }
        await t.dataSource.query(`UPDATE plans SET status = 'submitted', submitted_at = now() WHERE school_id = $1`, [w.school.id]);
        return { principal: w.principal, csr: w.csr };
      }
      const small = await populated(1);
      const large = await populated(20);
      const cost = async (who: SignedIn) => {
        const before = t.queries.count;
        const body = await agenda(who);
        return { queries: t.queries.count - before, items: body.items.length };
      };
      const [s, l] = [await cost(small.principal), await cost(large.principal)];
      // 1: plan to write 2026, 1 more to write, comments, session, follow-up; 20 of each of the last four.
      expect(s.items).toBe(5);
      expect(l.items).toBe(1 + 20 * 4);
      expect(l.queries).toBe(s.queries);
      const [cs, cl] = [await cost(small.csr), await cost(large.csr)];
      expect([cs.items, cl.items]).toEqual([1, 20]);
      expect(cl.queries).toBe(cs.queries);
    });
  });

  describe('for the other roles', () => {
    it('shows a CSR officer the MoUs expiring within 60 days whose renewal has not started', async () => {
      const w = await planWorld(t.dataSource, t.http);
      const signer = [{ organizationId: w.company.id, userId: w.csr.user.id, at: '2024-01-10T03:00:00Z' }];
      const soon = await insertMou(t.dataSource, w.partnership, { number: `MOU/${w.school.id.slice(0, 8)}/1`, effectiveDate: '2024-01-10', expiryDate: isoDay(30), signedBy: signer });
      await insertMou(t.dataSource, w.partnership, { number: `MOU/${w.school.id.slice(0, 8)}/2`, effectiveDate: '2024-01-10', expiryDate: isoDay(90), signedBy: signer });
      expect(await ofKind(w.csr, 'mou_expiring')).toEqual([
        expect.objectContaining({ id: soon.id, dueDate: isoDay(30), overdue: false, school: { id: w.school.id, name: w.school.name }, title: expect.stringMatching(new RegExp(`^MoU ${soon.number} with ${w.school.name} expires on `)) }),
      ]);
      await insertMou(t.dataSource, w.partnership, {
        number: `MOU/${w.school.id.slice(0, 8)}/3`,
        effectiveDate: isoDay(31),
        expiryDate: isoDay(31 + 3 * 365),
        status: 'awaiting_signatures',
        renewsMouId: soon.id,
        signedBy: signer,
      });
      expect(await ofKind(w.csr, 'mou_expiring')).toEqual([]);
    });

    it('shows a judge the entries assigned and not scored yet, per competition', async () => {
      const w = await competitionWorld(t, { schools: 2 });
      const competition = await createCompetition(t, w, {}, 'open');
      const entries = [];
      for (const s of w.schools) entries.push(await submitEntry(t, s, competition.id, competition.categories[0].id));
      await movePhase(t, w.csr, competition.id, 'judging');
      const judge = await signedIn(t.dataSource, t.http, 'judge');
      await t.dataSource.query('INSERT INTO competition_judges (competition_id, judge_user_id) VALUES ($1, $2)', [competition.id, judge.user.id]);
      for (const e of entries) {
        await t.dataSource.query('INSERT INTO judge_assignments (competition_id, entry_id, judge_user_id, assigned_by_user_id) VALUES ($1, $2, $3, $4)', [competition.id, e.id, judge.user.id, w.csr.user.id]);
      }
      expect((await agenda(judge)).items).toEqual([
        expect.objectContaining({ kind: 'entries_to_score', id: competition.id, competitionId: competition.id, count: 2, overdue: false, title: '2 entries in Lomba Inovasi Sekolah 2025 await your scores' }),
      ]);
      const scores = competition.criteria.map((c) => ({ criterionId: c.id, score: 1 }));
      expect((await t.http.put(`/api/v1/entries/${entries[0].id}/scores`).set('Authorization', judge.auth).send({ scores })).status).toBe(200);
      expect((await agenda(judge, 'id')).items.map((i) => [i.count, i.title])).toEqual([[1, '1 karya di Lomba Inovasi Sekolah 2025 menunggu penilaian Anda']]);
    });

    it("shows an education officer the open partner requests addressed to the office", async () => {
      const office = await createOrganization(t.dataSource, 'education_office', { regionCode: '63.71', officeLevel: 'regency' });
      const officer = await signedIn(t.dataSource, t.http, 'education_officer', { organization: office });
      const open = await insertPartnerRequest(t.dataSource, { educationOfficeId: office.id, schoolsWanted: 3, dueDate: isoDay(10) });
      await insertPartnerRequest(t.dataSource, { educationOfficeId: office.id, status: 'answered' });
      await insertPartnerRequest(t.dataSource, { educationOfficeId: office.id, dueDate: isoDay(-1) });
      await insertPartnerRequest(t.dataSource);
      const items = (await agenda(officer)).items;
      expect(items).toEqual([expect.objectContaining({ kind: 'partner_request_to_answer', id: open.id, dueDate: isoDay(10), overdue: false, school: null })]);
      expect(items[0].title).toMatch(/ asks for 3 recommended partner schools in /);
    });
  });

  describe('demo data', () => {
    it("gives the demo principal of SDN Pelambuan 4 a home page with work on it", async () => {
      await loadDemoData(t.dataSource);
      const principal = { auth: `Bearer ${(await login(t.http, 'principal@sdnpelambuan4.example', DEMO_PASSWORD)).accessToken}` } as SignedIn;
      fixToday(t, '2026-12-05');
      const body = await agenda(principal, 'id');
      // The overdue follow-up first, then the 2026 competition open for entries (due when entries close).
      expect(body.items.map((i) => i.kind)).toEqual(['follow_up', 'competition_open', 'plan_comments_to_answer', 'session_to_confirm']);
      expect(body.items[0]).toMatchObject({ overdue: true, dueDate: '2026-09-30' });
      expect(body.items[1]).toMatchObject({ overdue: false, competitionId: expect.any(String) });
      expect(body.items[2]).toMatchObject({ id: PLAN_DEMO_IDS.plan2026, count: 2, title: '2 komentar pada rencana program 2026 menunggu tanggapan' });
      for (const item of body.items) expect(AGENDA_KINDS).toContain(item.kind);
    });
  });

  it('documents the agenda in OpenAPI', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const op = doc.paths[AGENDA].get;
    expect(op.summary).toMatch(/What needs me now/);
    expect(op.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/AgendaResponse');
    expect(op.responses['401']).toBeDefined();
    const item = doc.components.schemas.AgendaItemResponse;
    expect(Object.keys(item.properties)).toEqual(expect.arrayContaining(['kind', 'id', 'title', 'dueDate', 'overdue', 'count', 'planId', 'grantId', 'reportId', 'sessionId', 'competitionId', 'programYearId']));
    expect(doc.components.schemas.AgendaKind.enum).toEqual([...AGENDA_KINDS]);
  });
});
