import { MentoringOverdueJob } from '../../src/mentoring/mentoring-overdue.job';
import { OutboxWorker } from '../../src/mail/outbox.worker';
import { createTestApp, TestApp } from '../support/app';
import { CompetitionWorld, competitionWorld, createCompetition, movePhase, submitEntry } from '../support/competition-factories';
import { signedIn } from '../support/factories';
import { awardGrant, disburse, grantWorld, postReview, submittedReport } from '../support/grant-factories';
import { assign, fixToday, insertAction, insertSession, logSession, mentoringWorld, releaseClock } from '../support/mentoring-factories';
import { completeContent, planWorld } from '../support/plan-factories';
import { smtpEnv, TestSmtpServer } from './mail-test-server';

const PORTAL = 'https://portal.jalin.test';

interface OutboxRow {
  id: string;
  kind: string;
  user_id: string;
  to_address: string;
  locale: string;
  subject: string;
  text_body: string;
  html_body: string;
  list_unsubscribe: string | null;
  entity_type: string;
  entity_id: string;
}

// Each message kind of issue 18 is written by the event that causes it, in the same transaction,
// to the right people, in each one's language, with a link to the record and an unsubscribe link.
describe('e-mail messages of plans, grants, mentoring and competitions', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = new TestSmtpServer();
    t = await createTestApp({ env: smtpEnv(await smtp.listen()) });
  });
  afterEach(() => releaseClock());
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const rows = (kind: string, entityId: string) =>
    t.dataSource.query(`SELECT * FROM outbox_messages WHERE kind = $1 AND entity_id = $2 ORDER BY to_address`, [kind, entityId]) as Promise<OutboxRow[]>;
  const english = (userId: string) => t.dataSource.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [userId]);

  /** Every non-security message links to its record and carries its user's unsubscribe link, in text, HTML and header. */
  function expectLinks(row: OutboxRow, path: string) {
    expect(row.text_body).toContain(`${PORTAL}${path}`);
    expect(row.html_body).toContain(`href="${PORTAL}${path}"`);
    const unsubscribe = row.text_body.match(/https:\/\/portal\.jalin\.test\/unsubscribe\?token=(\S+)/);
    expect(unsubscribe).not.toBeNull();
    expect(decodeURIComponent(unsubscribe![1]).startsWith(`${row.user_id}.`)).toBe(true);
    expect(row.list_unsubscribe).toBe(`<${unsubscribe![0]}>`);
  }

  it('plans: submitted to the CSR officers and the facilitator, changes requested and approved to the principal', async () => {
    const w = await planWorld(t.dataSource, t.http);
    const secondCsr = await signedIn(t.dataSource, t.http, 'csr_officer', { organization: w.company });
    await english(secondCsr.user.id);
    const created = await t.http
      .post('/api/v1/plans')
      .set('Authorization', w.principal.auth)
      .send({ programYearId: w.year.id, title: 'Rencana Literasi 2026', facilitatorUserId: w.facilitator.user.id, content: completeContent() });
    expect(created.status).toBe(201);
    const planId = created.body.id as string;
    // Nothing is written before the event.
    expect(await t.dataSource.query(`SELECT 1 FROM outbox_messages WHERE entity_id = $1`, [planId])).toEqual([]);

    expect((await t.http.post(`/api/v1/plans/${planId}/submit`).set('Authorization', w.principal.auth)).status).toBe(200);
    const submitted = await rows('plan_submitted', planId);
    expect(submitted.map((r) => r.user_id).sort()).toEqual([w.csr.user.id, secondCsr.user.id, w.facilitator.user.id].sort());
    const byUser = new Map(submitted.map((r) => [r.user_id, r]));
    expect(byUser.get(w.csr.user.id)).toMatchObject({ locale: 'id', to_address: w.csr.user.email, subject: expect.stringMatching(/^Rencana diajukan untuk ditelaah: /) });
    expect(byUser.get(secondCsr.user.id)).toMatchObject({ locale: 'en', subject: expect.stringMatching(/^Plan submitted for review: /) });
    expect(byUser.get(secondCsr.user.id)!.text_body).toContain('Review the plan');
    for (const r of submitted) expectLinks(r, `/plans/${planId}`);

    const changes = await t.http.post(`/api/v1/plans/${planId}/request-changes`).set('Authorization', w.facilitator.auth).send({ comment: 'Tambahkan indikator keterlibatan orang tua.' });
    expect(changes.status).toBe(200);
    const [requested, ...others] = await rows('plan_changes_requested', planId);
    expect(others).toEqual([]);
    expect(requested).toMatchObject({ user_id: w.principal.user.id, locale: 'id', subject: 'Perubahan diminta pada rencana "Rencana Literasi 2026"' });
    expect(requested.text_body).toContain('Tambahkan indikator keterlibatan orang tua.');
    expectLinks(requested, `/plans/${planId}`);

    await english(w.principal.user.id);
    expect((await t.http.post(`/api/v1/plans/${planId}/submit`).set('Authorization', w.principal.auth)).status).toBe(200);
    expect((await t.http.post(`/api/v1/plans/${planId}/approve`).set('Authorization', w.csr.auth)).status).toBe(200);
    const [approved] = await rows('plan_approved', planId);
    expect(approved).toMatchObject({ user_id: w.principal.user.id, locale: 'en', subject: 'Plan approved: "Rencana Literasi 2026"' });
    expectLinks(approved, `/plans/${planId}`);
  });

  it('a refused event writes no message: a plan that cannot be submitted leaves the outbox as it was', async () => {
    const w = await planWorld(t.dataSource, t.http);
    const created = await t.http.post('/api/v1/plans').set('Authorization', w.principal.auth).send({ programYearId: w.year.id, title: 'Belum lengkap' });
    expect(created.status).toBe(201);
    expect((await t.http.post(`/api/v1/plans/${created.body.id}/submit`).set('Authorization', w.principal.auth)).status).toBe(422);
    expect(await rows('plan_submitted', created.body.id)).toEqual([]);
  });

  it('money: a tranche recorded and an expense report returned go to the principal, linking the grant and the report', async () => {
    const w = await grantWorld(t);
    const grant = await awardGrant(t, w, '100000000');
    await disburse(t, w, grant.id, '25000000');
    const [tranche, ...others] = await rows('tranche_recorded', grant.id);
    expect(others).toEqual([]);
    expect(tranche).toMatchObject({ user_id: w.principal.user.id, locale: 'id', subject: 'Termin 1 sebesar Rp 25.000.000 dicatat' });
    expect(tranche.text_body).toContain('1 Maret 2024');
    expectLinks(tranche, `/grants/${grant.id}`);

    await english(w.principal.user.id);
    const report = await submittedReport(t, w, grant.id, ['1500000']);
    expect((await postReview(t, w, grant.id, report, 'return')).status).toBe(200);
    const [returned] = await rows('expense_report_returned', report.id);
    expect(returned).toMatchObject({ user_id: w.principal.user.id, locale: 'en', subject: 'Expense report returned: "Belanja literasi"' });
    expect(returned.text_body).toContain('Please attach clearer receipts');
    expectLinks(returned, `/grants/${grant.id}/reports/${report.id}`);
  });

  it('mentoring: a logged session asks the principal to confirm it; an overdue follow-up reaches its owner once', async () => {
    fixToday(t, '2026-03-02');
    const w = await mentoringWorld(t);
    const a = await assign(t, w);
    const session = await logSession(t, w, a.id, { heldOn: '2026-02-11' });
    const [toConfirm, ...others] = await rows('session_to_confirm', session.id);
    expect(others).toEqual([]);
    expect(toConfirm).toMatchObject({ user_id: w.principal.user.id, locale: 'id', subject: 'Konfirmasi sesi pendampingan 11 Februari 2026' });
    expect(toConfirm.text_body).toContain('Dewi Uji');
    expectLinks(toConfirm, `/mentoring/sessions/${session.id}`);

    const older = await insertSession(t.dataSource, { id: a.id, schoolId: w.school.id, createdBy: w.facilitator.user.id }, '2026-02-01');
    await english(w.facilitator2.user.id);
    const actionId = await insertAction(t.dataSource, { sessionId: older, assignmentId: a.id, ownerSide: 'facilitator', ownerUserId: w.facilitator2.user.id, dueDate: '2026-02-20', createdBy: w.facilitator.user.id });
    const job = t.app.get(MentoringOverdueJob);
    expect((await job.run('2031-03-01')).ran).toBe(true);
    const [overdue] = await rows('follow_up_overdue', actionId);
    expect(overdue).toMatchObject({ user_id: w.facilitator2.user.id, locale: 'en', subject: 'Follow-up overdue since 20 February 2026' });
    expectLinks(overdue, `/mentoring/sessions/${older}`);
    // The next day's run writes no second e-mail for the same follow-up and due date.
    await job.run('2031-03-02');
    expect(await rows('follow_up_overdue', actionId)).toHaveLength(1);
  });

  it('competitions: published results go to the principals of the schools with entries, not of the others', async () => {
    const w: CompetitionWorld = await competitionWorld(t, { schools: 3 });
    const c = await createCompetition(t, w, { minJudgesPerEntry: 1 }, 'open');
    const entries = [await submitEntry(t, w.schools[0], c.id, c.categories[0].id), await submitEntry(t, w.schools[1], c.id, c.categories[0].id)];
    await english(w.schools[1].principal.user.id);
    await movePhase(t, w.csr, c.id, 'judging');
    const judge = await signedIn(t.dataSource, t.http, 'judge');
    expect((await t.http.post(`/api/v1/competitions/${c.id}/judges`).set('Authorization', w.csr.auth).send({ userId: judge.user.id })).status).toBe(201);
    for (const e of entries) {
      expect((await t.http.post(`/api/v1/competitions/${c.id}/assignments`).set('Authorization', w.csr.auth).send({ judgeUserId: judge.user.id, entryId: e.id })).status).toBe(201);
      const sheet = { scores: [{ criterionId: c.criteria[0].id, score: 7 }, { criterionId: c.criteria[1].id, score: 3 }] };
      expect((await t.http.put(`/api/v1/entries/${e.id}/scores`).set('Authorization', judge.auth).send(sheet)).status).toBe(200);
    }
    expect(await rows('competition_results_published', c.id)).toEqual([]);
    await movePhase(t, w.csr, c.id, 'published');
    const published = await rows('competition_results_published', c.id);
    expect(published.map((r) => [r.user_id, r.locale, r.subject]).sort()).toEqual(
      [
        [w.schools[0].principal.user.id, 'id', 'Hasil diumumkan: Lomba Inovasi Sekolah 2025'],
        [w.schools[1].principal.user.id, 'en', 'Results published: Lomba Inovasi Sekolah 2025'],
      ].sort(),
    );
    for (const r of published) expectLinks(r, `/competitions/${c.id}`);
  });

  it('sends them through SMTP with a List-Unsubscribe header; security messages have none', async () => {
    const w = await grantWorld(t);
    const grant = await awardGrant(t, w, '50000000');
    await disburse(t, w, grant.id, '10000000');
    expect((await t.http.post('/api/v1/auth/password-reset').send({ email: w.principal.user.email })).status).toBe(202);
    const worker = t.app.get(OutboxWorker);
    for (let i = 0; i < 100 && (await worker.runOnce()).sent > 0; i++);
    const mails = smtp.to(w.principal.user.email);
    const tranche = mails.find((m) => m.subject.startsWith('Termin 1'));
    const reset = mails.find((m) => m.subject === 'Atur ulang kata sandi Jalin Anda');
    expect(tranche).toBeDefined();
    expect(reset).toBeDefined();
    const [row] = await rows('tranche_recorded', grant.id);
    // The header as received (the helper decodes =XX escapes everywhere, so compare the part after the user id).
    const header = /^List-Unsubscribe:[ \t]*(.*(?:\r?\n[ \t].*)*)/m.exec(tranche!.raw)?.[1].replace(/\r?\n[ \t]+/g, ' ').trim();
    expect(header).toMatch(/^<https:\/\/portal\.jalin\.test\/unsubscribe\?token/);
    expect(header!.endsWith(row.list_unsubscribe!.slice(row.list_unsubscribe!.indexOf('.money.')))).toBe(true);
    expect(row.list_unsubscribe).toContain('.money.');
    expect(tranche!.raw).toContain(`${PORTAL}/grants/${grant.id}`);
    expect(reset!.raw).not.toMatch(/^List-Unsubscribe:/m);
    expect(reset!.raw).not.toContain('/unsubscribe?token=');
  });
});
