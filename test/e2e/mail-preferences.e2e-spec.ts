import { MailDigestJob } from '../../src/jobs/mail-digest.job';
import { UnsubscribeTokens } from '../../src/mail/unsubscribe-token';
import { OutboxWorker } from '../../src/mail/outbox.worker';
import { MentoringOverdueJob } from '../../src/mentoring/mentoring-overdue.job';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/app';
import { signedIn } from '../support/factories';
import { awardGrant, disburse, grantWorld } from '../support/grant-factories';
import { assign, insertAction, insertSession, mentoringWorld } from '../support/mentoring-factories';
import { completeContent, planWorld, PlanWorld, SignedIn } from '../support/plan-factories';
import { smtpEnv, TestSmtpServer } from './mail-test-server';

const PREFS = '/api/v1/auth/me/mail-preferences';
const UNSUBSCRIBE = '/api/v1/mail/unsubscribe';
const DEFAULTS = { plans: 'immediately', money: 'immediately', mentoring: 'immediately', mous: 'immediately', competitions: 'immediately', security: 'immediately' };

// Each user chooses per category: immediately, a daily digest, or off; security messages are always
// sent; every other message carries an unsubscribe link that works without signing in.
describe('e-mail preferences, digests and unsubscribe links', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = new TestSmtpServer();
    t = await createTestApp({ env: smtpEnv(await smtp.listen()) });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const outboxOf = (userId: string, kind?: string) =>
    t.dataSource.query(`SELECT * FROM outbox_messages WHERE user_id = $1 ${kind ? 'AND kind = $2' : ''} ORDER BY created_at, id`, kind ? [userId, kind] : [userId]) as Promise<
      Array<{ id: string; kind: string; subject: string; text_body: string; html_body: string; list_unsubscribe: string | null }>
    >;
  const itemsOf = (userId: string) =>
    t.dataSource.query(`SELECT kind, category, subject, url, CAST(digest_on AS text) AS digest_on FROM mail_digest_items WHERE user_id = $1 ORDER BY created_at, id`, [userId]) as Promise<
      Array<{ kind: string; category: string; subject: string; url: string; digest_on: string | null }>
    >;
  const put = (who: SignedIn, body: object) => t.http.put(PREFS).set('Authorization', who.auth).send(body);

  /** A plan of the world's school, submitted, sent back and approved: two messages to the principal. */
  async function changesThenApproval(w: PlanWorld): Promise<string> {
    const created = await t.http.post('/api/v1/plans').set('Authorization', w.principal.auth).send({ programYearId: w.year.id, title: 'Rencana Digest', content: completeContent() });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await t.http.post(`/api/v1/plans/${id}/submit`).set('Authorization', w.principal.auth)).status).toBe(200);
    expect((await t.http.post(`/api/v1/plans/${id}/request-changes`).set('Authorization', w.csr.auth).send({ comment: 'Perjelas anggaran.' })).status).toBe(200);
    expect((await t.http.post(`/api/v1/plans/${id}/submit`).set('Authorization', w.principal.auth)).status).toBe(200);
    expect((await t.http.post(`/api/v1/plans/${id}/approve`).set('Authorization', w.csr.auth)).status).toBe(200);
    return id;
  }

  describe('GET and PUT /auth/me/mail-preferences', () => {
    it('answers immediately for every category until changed; a change keeps the categories left out', async () => {
      const user = await signedIn(t.dataSource, t.http, 'principal');
      const first = await t.http.get(PREFS).set('Authorization', user.auth);
      expect(first.status).toBe(200);
      expect(first.body).toEqual(DEFAULTS);
      const changed = await put(user, { plans: 'digest', competitions: 'off' });
      expect(changed.status).toBe(200);
      expect(changed.body).toEqual({ ...DEFAULTS, plans: 'digest', competitions: 'off' });
      expect((await put(user, { plans: 'immediately' })).body).toEqual({ ...DEFAULTS, competitions: 'off' });
      expect((await t.http.get(PREFS).set('Authorization', user.auth)).body).toEqual({ ...DEFAULTS, competitions: 'off' });
      // Another user's choices are their own.
      const other = await signedIn(t.dataSource, t.http, 'csr_officer');
      expect((await t.http.get(PREFS).set('Authorization', other.auth)).body).toEqual(DEFAULTS);
    });

    it('refuses security, an unknown value and an unknown category (422 naming the field); no token is 401', async () => {
      const user = await signedIn(t.dataSource, t.http, 'facilitator');
      const security = await put(user, { security: 'off' });
      expect(security.status).toBe(422);
      expect(security.body.errors.map((e: { field: string }) => e.field)).toEqual(['security']);
      const value = await put(user, { money: 'weekly' });
      expect(value.status).toBe(422);
      expect(value.body.errors[0]).toMatchObject({ field: 'money', code: 'isIn' });
      expect((await put(user, { newsletters: 'off' })).status).toBe(422);
      expect((await t.http.get(PREFS).set('Authorization', user.auth)).body).toEqual(DEFAULTS);
      expect((await t.http.get(PREFS)).status).toBe(401);
      expect((await t.http.put(PREFS).send({ plans: 'off' })).status).toBe(401);
    });
  });

  describe('preferences at the event', () => {
    it('off: no e-mail for that user (the in-app notification is still written); the others still get theirs', async () => {
      const w = await mentoringWorld(t);
      const a = await assign(t, w);
      const session = await insertSession(t.dataSource, { id: a.id, schoolId: w.school.id, createdBy: w.facilitator.user.id }, '2026-02-01');
      const otherPrincipal = await signedIn(t.dataSource, t.http, 'principal', { organization: w.school });
      expect((await put(w.principal, { mentoring: 'off' })).status).toBe(200);
      const actionId = await insertAction(t.dataSource, { sessionId: session, assignmentId: a.id, ownerSide: 'school', dueDate: '2026-02-20', createdBy: w.facilitator.user.id });
      expect((await t.app.get(MentoringOverdueJob).run('2032-01-01')).ran).toBe(true);
      expect(await outboxOf(w.principal.user.id)).toEqual([]);
      expect(await itemsOf(w.principal.user.id)).toEqual([]);
      expect(await t.dataSource.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND entity_id = $2`, [w.principal.user.id, actionId])).toHaveLength(1);
      expect((await outboxOf(otherPrincipal.user.id, 'follow_up_overdue')).length).toBe(1);
    });

    it('off for one category leaves the others and security messages alone', async () => {
      const w = await grantWorld(t);
      expect((await put(w.principal, { plans: 'off' })).status).toBe(200);
      const grant = await awardGrant(t, w, '30000000');
      await disburse(t, w, grant.id, '10000000');
      expect((await outboxOf(w.principal.user.id, 'tranche_recorded')).length).toBe(1);
      expect((await put(w.principal, { money: 'off' })).status).toBe(200);
      await disburse(t, w, grant.id, '5000000');
      expect((await outboxOf(w.principal.user.id, 'tranche_recorded')).length).toBe(1);
      expect((await t.http.post('/api/v1/auth/password-reset').send({ email: w.principal.user.email })).status).toBe(202);
      expect((await outboxOf(w.principal.user.id, 'password_reset')).length).toBe(1);
    });

    it('digest: the messages are kept, and one digest a day lists them; a second run the same day writes nothing', async () => {
      const w = await planWorld(t.dataSource, t.http);
      await t.dataSource.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [w.principal.user.id]);
      expect((await put(w.principal, { plans: 'digest' })).status).toBe(200);
      const planId = await changesThenApproval(w);
      expect(await outboxOf(w.principal.user.id)).toEqual([]);
      const kept = await itemsOf(w.principal.user.id);
      expect(kept).toEqual([
        { kind: 'plan_changes_requested', category: 'plans', subject: 'Changes requested to the plan "Rencana Digest"', url: `https://portal.jalin.test/plans/${planId}`, digest_on: null },
        { kind: 'plan_approved', category: 'plans', subject: 'Plan approved: "Rencana Digest"', url: `https://portal.jalin.test/plans/${planId}`, digest_on: null },
      ]);
      // The CSR officer chose nothing: their submitted messages went out at once.
      expect((await outboxOf(w.csr.user.id, 'plan_submitted')).length).toBe(2);

      const job = t.app.get(MailDigestJob);
      await job.run('2033-04-05');
      const [digest, ...more] = await outboxOf(w.principal.user.id);
      expect(more).toEqual([]);
      expect(digest.kind).toBe('daily_digest');
      expect(digest.subject).toBe('Jalin daily digest, 5 April 2033: 2 updates');
      expect(digest.text_body).toContain('- Changes requested to the plan "Rencana Digest"');
      expect(digest.text_body).toContain(`https://portal.jalin.test/plans/${planId}`);
      expect(digest.html_body).toContain(`<a href="https://portal.jalin.test/plans/${planId}" style="color:#0b5cad">Plan approved: &quot;Rencana Digest&quot;</a>`);
      expect(digest.list_unsubscribe).toContain('.digest.');
      expect((await itemsOf(w.principal.user.id)).map((i) => i.digest_on)).toEqual(['2033-04-05', '2033-04-05']);

      // Again the same day: nothing, even with a new item waiting (it goes in the next day's digest).
      await t.dataSource.query(
        `INSERT INTO mail_digest_items (id, user_id, kind, category, locale, subject, url) VALUES (gen_random_uuid(), $1, 'plan_approved', 'plans', 'en', 'Later news', 'https://portal.jalin.test/plans')`,
        [w.principal.user.id],
      );
      await job.run('2033-04-05');
      expect(await outboxOf(w.principal.user.id)).toHaveLength(1);
      await job.run('2033-04-06');
      const digests = await outboxOf(w.principal.user.id, 'daily_digest');
      expect(digests).toHaveLength(2);
      expect(digests[1].subject).toBe('Jalin daily digest, 6 April 2033: 1 update');

      // The digest is sent like any message.
      const worker = t.app.get(OutboxWorker);
      for (let i = 0; i < 100 && (await worker.runOnce()).sent > 0; i++);
      expect(smtp.to(w.principal.user.email).map((m) => m.subject)).toEqual(expect.arrayContaining(['Jalin daily digest, 5 April 2033: 2 updates']));
    });

    it('two digest runs at once write one digest per user and day', async () => {
      const w = await planWorld(t.dataSource, t.http);
      expect((await put(w.principal, { plans: 'digest' })).status).toBe(200);
      await changesThenApproval(w);
      const job = t.app.get(MailDigestJob);
      const runs = await Promise.all([job.run('2034-01-02'), job.run('2034-01-02'), job.run('2034-01-02')]);
      const digests = await outboxOf(w.principal.user.id, 'daily_digest');
      expect(digests).toHaveLength(1);
      expect(digests[0].subject).toBe('Ringkasan harian Jalin, 2 Januari 2034: 2 kabar');
      expect(runs.reduce((n, r) => n + r.itemsListed, 0)).toBeGreaterThanOrEqual(2);
      expect(await t.dataSource.query(`SELECT item_count FROM mail_digests WHERE user_id = $1`, [w.principal.user.id])).toEqual([{ item_count: 2 }]);
    });
  });

  describe('unsubscribe links', () => {
    const tokenIn = (text: string) => decodeURIComponent(/\/unsubscribe\?token=(\S+)/.exec(text)![1]);

    it('shows what the link does without changing anything, then turns the category off without signing in', async () => {
      const w = await grantWorld(t);
      const grant = await awardGrant(t, w, '30000000');
      await disburse(t, w, grant.id, '10000000');
      const [mail] = await outboxOf(w.principal.user.id, 'tranche_recorded');
      const token = tokenIn(mail.text_body);

      const preview = await t.http.get(UNSUBSCRIBE).query({ token });
      expect(preview.status).toBe(200);
      expect(preview.body).toEqual({ scope: 'money', categories: ['money'], email: expect.stringMatching(/^p\*+@jalin\.test$/), done: false });
      expect((await t.http.get(PREFS).set('Authorization', w.principal.auth)).body.money).toBe('immediately');

      const done = await t.http.post(UNSUBSCRIBE).send({ token });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ scope: 'money', categories: ['money'], done: true });
      expect((await t.http.get(PREFS).set('Authorization', w.principal.auth)).body).toEqual({ ...DEFAULTS, money: 'off' });
      expect((await t.http.post(UNSUBSCRIBE).send({ token })).status).toBe(200);
      await disburse(t, w, grant.id, '5000000');
      expect(await outboxOf(w.principal.user.id, 'tranche_recorded')).toHaveLength(1);
      const audit = await t.dataSource.query(`SELECT actor_user_id AS user_id, changes FROM audit_events WHERE entity_type = 'mail_preferences' AND entity_id = $1`, [w.principal.user.id]);
      expect(audit[0]).toMatchObject({ user_id: w.principal.user.id, changes: { money: { from: 'immediately', to: 'off' }, via: 'unsubscribe_link' } });
    });

    it('the digest link turns off every category gathered in the digest', async () => {
      const user = await signedIn(t.dataSource, t.http, 'principal');
      expect((await put(user, { plans: 'digest', mentoring: 'digest', money: 'off' })).status).toBe(200);
      const token = new UnsubscribeTokens(TEST_JWT_SECRET).sign(user.user.id, 'digest');
      expect((await t.http.get(UNSUBSCRIBE).query({ token })).body).toMatchObject({ scope: 'digest', categories: ['plans', 'mentoring'], done: false });
      expect((await t.http.post(UNSUBSCRIBE).send({ token })).status).toBe(200);
      expect((await t.http.get(PREFS).set('Authorization', user.auth)).body).toEqual({ ...DEFAULTS, plans: 'off', mentoring: 'off', money: 'off' });
    });

    it('refuses a tampered or malformed token in both languages, and changes nothing', async () => {
      const user = await signedIn(t.dataSource, t.http, 'principal');
      const token = new UnsubscribeTokens(TEST_JWT_SECRET).sign(user.user.id, 'plans');
      const otherUser = token.replace(user.user.id, '00000000-0000-4000-8000-000000000001');
      const otherCategory = token.replace('.plans.', '.money.');
      const lastChar = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      for (const bad of [otherUser, otherCategory, lastChar, 'nonsense', new UnsubscribeTokens('another secret of at least thirty-two chars').sign(user.user.id, 'plans')]) {
        const id = await t.http.post(UNSUBSCRIBE).set('Accept-Language', 'id').send({ token: bad });
        expect(id.status).toBe(422);
        expect(id.body.errors[0]).toMatchObject({ field: 'token', code: 'unsubscribe_link_invalid' });
        expect(id.body.detail).toContain('Tautan berhenti berlangganan ini tidak sah');
        const en = await t.http.get(UNSUBSCRIBE).set('Accept-Language', 'en').query({ token: bad });
        expect(en.status).toBe(422);
        expect(en.body.detail).toContain('This unsubscribe link is not valid');
      }
      expect((await t.http.get(UNSUBSCRIBE)).status).toBe(422);
      expect((await t.http.get(PREFS).set('Authorization', user.auth)).body).toEqual(DEFAULTS);
    });

    it('refuses a link naming security messages, even correctly signed', async () => {
      const user = await signedIn(t.dataSource, t.http, 'csr_officer');
      const token = new UnsubscribeTokens(TEST_JWT_SECRET).sign(user.user.id, 'security');
      for (const res of [await t.http.get(UNSUBSCRIBE).set('Accept-Language', 'en').query({ token }), await t.http.post(UNSUBSCRIBE).set('Accept-Language', 'en').send({ token })]) {
        expect(res.status).toBe(422);
        expect(res.body.errors[0]).toMatchObject({ field: 'token', code: 'security_mail_required' });
        expect(res.body.detail).toContain('Invitations and password resets are security messages and cannot be turned off');
      }
      const id = await t.http.post(UNSUBSCRIBE).set('Accept-Language', 'id').send({ token });
      expect(id.body.detail).toContain('tidak dapat dimatikan');
      // Security messages carry no unsubscribe link at all.
      expect((await t.http.post('/api/v1/auth/password-reset').send({ email: user.user.email })).status).toBe(202);
      const [reset] = await outboxOf(user.user.id, 'password_reset');
      expect(reset.text_body).not.toContain('/unsubscribe');
      expect(reset.list_unsubscribe).toBeNull();
    });
  });
});
