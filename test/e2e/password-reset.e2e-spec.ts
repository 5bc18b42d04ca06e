import { createHash } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { OutboxWorker } from '../../src/mail/outbox.worker';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, createUser, login, PASSWORD, signedIn } from '../support/factories';
import { smtpEnv, TestSmtpServer } from './mail-test-server';

const NEW_PASSWORD = 'kopi tubruk di pagi hari';

describe('password reset', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let clock: Clock;
  beforeAll(async () => {
    smtp = new TestSmtpServer();
    const port = await smtp.listen();
    t = await createTestApp({ env: { ...smtpEnv(port), PASSWORD_RESET_MAX_PER_ACCOUNT: '3', PASSWORD_RESET_MAX_PER_ADDRESS: '6' } });
    clock = t.app.get(Clock);
  });
  beforeEach(async () => {
    jest.restoreAllMocks();
    // Each test starts under the limits.
    await t.dataSource.query(`DELETE FROM login_failures`);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const ask = (email: string) => t.http.post('/api/v1/auth/password-reset').send({ email });
  const resetMails = (email: string) =>
    t.dataSource.query(`SELECT text_body, locale, subject FROM outbox_messages WHERE kind = 'password_reset' AND to_address = $1 ORDER BY created_at`, [email]) as Promise<
      Array<{ text_body: string; locale: string; subject: string }>
    >;
  const tokenIn = (text: string) => {
    const m = /\/password-reset\?token=([A-Za-z0-9_-]+)/.exec(text);
    if (!m) throw new Error(`no reset link in ${text}`);
    return m[1];
  };
  const lastToken = async (email: string) => {
    const mails = await resetMails(email);
    return tokenIn(mails[mails.length - 1].text_body);
  };

  it('gives the same answer whether or not the address has an account, and mails only a real, enabled one', async () => {
    const user = await createUser(t.dataSource, 'principal');
    const disabled = await createUser(t.dataSource, 'principal', { disabledAt: new Date() });
    const known = await ask(user.email.toUpperCase());
    const unknown = await ask('nobody.here@jalin.test');
    const off = await ask(disabled.email);
    for (const res of [known, unknown, off]) {
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ accepted: true, linkValidMinutes: 60 });
    }
    expect(await resetMails(user.email)).toHaveLength(1);
    expect(await resetMails('nobody.here@jalin.test')).toEqual([]);
    expect(await resetMails(disabled.email)).toEqual([]);
    const [{ n }] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM password_reset_tokens WHERE user_id = $1`, [user.id])) as Array<{ n: number }>;
    expect(n).toBe(1);
    // The token is stored only as its hash.
    const token = await lastToken(user.email);
    expect(await t.dataSource.query(`SELECT 1 FROM password_reset_tokens WHERE token_hash = $1`, [token])).toEqual([]);
    expect(await t.dataSource.query(`SELECT 1 AS found FROM password_reset_tokens WHERE token_hash = $1`, [createHash('sha256').update(token).digest('hex')])).toEqual([{ found: 1 }]);
    expect((await ask('not an email')).status).toBe(422);
  });

  it('emails the link in the user\'s language, sets the new password with it, and ends every session of the user', async () => {
    const user = await createUser(t.dataSource, 'csr_officer', { locale: 'en' });
    const phone = await login(t.http, user.email);
    const laptop = await login(t.http, user.email);
    const asked = new Date();
    jest.spyOn(clock, 'now').mockReturnValue(asked);
    expect((await ask(user.email)).status).toBe(202);
    await t.app.get(OutboxWorker).runOnce();
    const [mail] = smtp.to(user.email);
    expect(mail.subject).toBe('Reset your Jalin password');
    expect(mail.raw).toContain('Choose a new password');
    const token = tokenIn(mail.raw);
    expect(mail.raw).toContain(`https://portal.jalin.test/password-reset?token=${token}`);

    const check = await t.http.get(`/api/v1/auth/password-reset/${token}`);
    expect(check.status).toBe(200);
    expect(check.body.state).toBe('valid');
    expect(check.body.expiresAt).toBe(new Date(asked.getTime() + 60 * 60_000).toISOString());

    const done = await t.http.post('/api/v1/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD });
    expect(done.status).toBe(204);
    for (const session of [phone, laptop]) {
      expect((await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${session.accessToken}`)).status).toBe(401);
      expect((await t.http.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })).status).toBe(401);
    }
    expect((await t.http.post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD })).status).toBe(401);
    const fresh = await login(t.http, user.email, NEW_PASSWORD);
    expect((await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${fresh.accessToken}`)).status).toBe(200);
    const [audit] = (await t.dataSource.query(`SELECT changes FROM audit_events WHERE action = 'password_reset' AND entity_id = $1`, [user.id])) as Array<{ changes: Record<string, unknown> }>;
    expect(JSON.stringify(audit.changes)).not.toContain(NEW_PASSWORD);

    // The user is told, in their language, that the password changed, with the way back if it was not them.
    await t.app.get(OutboxWorker).runOnce();
    const notice = smtp.to(user.email).find((m) => m.subject === 'Your Jalin password was changed');
    expect(notice).toBeDefined();
    expect(notice?.raw).toContain('was changed with a reset link');
    expect(notice?.raw).toContain('https://portal.jalin.test/password-reset');
    expect(notice?.raw).not.toContain(NEW_PASSWORD);
  });

  it("tells a user in Bahasa Indonesia when an administrator set their password, naming the administrator; not when they changed their own", async () => {
    const admin = await signedIn(t.dataSource, t.http, 'admin');
    const user = await createUser(t.dataSource, 'principal');
    const version = (await t.http.get(`/api/v1/users/${user.id}`).set('Authorization', admin.auth)).body.version;
    expect((await t.http.patch(`/api/v1/users/${user.id}`).set('Authorization', admin.auth).send({ password: NEW_PASSWORD, version })).status).toBe(200);
    const notices = (await t.dataSource.query(`SELECT subject, text_body, locale FROM outbox_messages WHERE kind = 'password_changed' AND to_address = $1`, [user.email])) as Array<{ subject: string; text_body: string; locale: string }>;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ subject: 'Kata sandi Jalin Anda telah diubah', locale: 'id' });
    expect(notices[0].text_body).toContain(`${admin.user.fullName} menetapkan kata sandi baru`);

    const own = (await t.http.get(`/api/v1/users/${admin.user.id}`).set('Authorization', admin.auth)).body.version;
    expect((await t.http.patch(`/api/v1/users/${admin.user.id}`).set('Authorization', admin.auth).send({ password: NEW_PASSWORD, version: own })).status).toBe(200);
    expect(await t.dataSource.query(`SELECT 1 FROM outbox_messages WHERE kind = 'password_changed' AND to_address = $1`, [admin.user.email])).toEqual([]);
  });

  it('refuses a used link, in both languages, and every other link once one has set the password', async () => {
    const user = await createUser(t.dataSource, 'principal');
    await ask(user.email);
    await ask(user.email);
    const [first, second] = (await resetMails(user.email)).map((m) => tokenIn(m.text_body));
    expect((await t.http.post('/api/v1/auth/password-reset/confirm').send({ token: second, password: NEW_PASSWORD })).status).toBe(204);

    for (const token of [second, first]) {
      expect((await t.http.get(`/api/v1/auth/password-reset/${token}`)).body.state).toBe('used');
      const id = await t.http.post('/api/v1/auth/password-reset/confirm').set('Accept-Language', 'id').send({ token, password: 'another long passphrase' });
      expect(id.status).toBe(410);
      expect(id.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(id.body).toMatchObject({ code: 'password_reset_used', title: 'Tautan atur ulang kata sandi ini sudah dipakai' });
      const en = await t.http.post('/api/v1/auth/password-reset/confirm').set('Accept-Language', 'en').send({ token, password: 'another long passphrase' });
      expect(en.body).toMatchObject({ status: 410, code: 'password_reset_used', title: 'This password reset link was already used' });
    }
    // The refused attempts changed nothing.
    await login(t.http, user.email, NEW_PASSWORD);
  });

  it('refuses a link older than an hour, by the Clock', async () => {
    const user = await createUser(t.dataSource, 'principal');
    const start = new Date();
    jest.spyOn(clock, 'now').mockReturnValue(start);
    await ask(user.email);
    const token = await lastToken(user.email);

    jest.spyOn(clock, 'now').mockReturnValue(new Date(start.getTime() + 59 * 60_000));
    expect((await t.http.get(`/api/v1/auth/password-reset/${token}`)).body.state).toBe('valid');
    jest.spyOn(clock, 'now').mockReturnValue(new Date(start.getTime() + 60 * 60_000));
    expect((await t.http.get(`/api/v1/auth/password-reset/${token}`)).body.state).toBe('expired');
    const res = await t.http.post('/api/v1/auth/password-reset/confirm').set('Accept-Language', 'id').send({ token, password: NEW_PASSWORD });
    expect(res.status).toBe(410);
    expect(res.body).toMatchObject({ code: 'password_reset_expired', title: 'Tautan atur ulang kata sandi ini sudah kedaluwarsa' });
    await login(t.http, user.email, PASSWORD);
  });

  it('answers 404 for an unknown token, and 422 for a password the rules refuse', async () => {
    const unknown = await t.http.get('/api/v1/auth/password-reset/not-a-token-we-gave-out');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('password_reset_invalid');
    expect((await t.http.post('/api/v1/auth/password-reset/confirm').send({ token: 'not-a-token-we-gave-out', password: NEW_PASSWORD })).body.code).toBe('password_reset_invalid');

    const user = await createUser(t.dataSource, 'principal', { email: `siti.rahmah.${Date.now()}@sekolah.test` });
    await ask(user.email);
    const token = await lastToken(user.email);
    const short = await t.http.post('/api/v1/auth/password-reset/confirm').send({ token, password: 'short' });
    expect(short.status).toBe(422);
    expect(short.body.errors[0]).toMatchObject({ field: 'password' });
    const own = await t.http.post('/api/v1/auth/password-reset/confirm').send({ token, password: user.email });
    expect(own.status).toBe(422);
    expect(own.body.errors[0]).toMatchObject({ field: 'password', code: 'commonPassword' });
    expect((await t.http.post('/api/v1/auth/password-reset/confirm').send({ token })).status).toBe(422);
    // Still usable after the refusals.
    expect((await t.http.get(`/api/v1/auth/password-reset/${token}`)).body.state).toBe('valid');
  });

  it('throttles requests per email address, known or not, with the same answer', async () => {
    const user = await createUser(t.dataSource, 'principal');
    for (const email of [user.email, 'ghost@jalin.test']) {
      for (let i = 0; i < 3; i++) expect((await ask(email)).status).toBe(202);
      const refused = await ask(email);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('too_many_password_resets');
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(3600);
    }
    expect(await resetMails(user.email)).toHaveLength(3);
  });

  it('throttles requests per client address', async () => {
    for (let i = 0; i < 6; i++) expect((await ask(`someone${i}@jalin.test`)).status).toBe(202);
    const refused = await ask('someone.else@jalin.test');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });

  describe('sent by an administrator or manager', () => {
    it('lets an admin send any user a link, named as the sender, without touching the password', async () => {
      const admin = await signedIn(t.dataSource, t.http, 'admin');
      const user = await createUser(t.dataSource, 'facilitator');
      const res = await t.http.post(`/api/v1/users/${user.id}/password-reset`).set('Authorization', admin.auth);
      expect(res.status).toBe(202);
      expect(res.body.email).toBe(user.email);
      const [mail] = await resetMails(user.email);
      expect(mail.locale).toBe('id');
      expect(mail.text_body).toContain(`${admin.user.fullName} mengirimkan tautan`);
      await login(t.http, user.email, PASSWORD);
      expect((await t.http.post('/api/v1/auth/password-reset/confirm').send({ token: tokenIn(mail.text_body), password: NEW_PASSWORD })).status).toBe(204);
    });

    it("lets a manager send their own organisation's users a link, not another's nor an admin's", async () => {
      const school = await createOrganization(t.dataSource, 'school');
      const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: school });
      const colleague = await createUser(t.dataSource, 'principal', { organization: school });
      const adminHere = await createUser(t.dataSource, 'admin', { organization: school });
      const elsewhere = await createUser(t.dataSource, 'principal');
      const disabled = await createUser(t.dataSource, 'principal', { organization: school, disabledAt: new Date() });
      expect((await t.http.post(`/api/v1/users/${colleague.id}/password-reset`).set('Authorization', principal.auth)).status).toBe(202);
      expect((await t.http.post(`/api/v1/users/${elsewhere.id}/password-reset`).set('Authorization', principal.auth)).status).toBe(404);
      expect((await t.http.post(`/api/v1/users/${adminHere.id}/password-reset`).set('Authorization', principal.auth)).status).toBe(403);
      const off = await t.http.post(`/api/v1/users/${disabled.id}/password-reset`).set('Authorization', principal.auth);
      expect(off.status).toBe(422);
      expect(off.body.errors[0].code).toBe('user_disabled');
      expect((await t.http.post('/api/v1/users/not-a-uuid/password-reset').set('Authorization', principal.auth)).status).toBe(422);
      const judge = await signedIn(t.dataSource, t.http, 'judge', { organization: school });
      expect((await t.http.post(`/api/v1/users/${colleague.id}/password-reset`).set('Authorization', judge.auth)).status).toBe(403);
      expect((await t.http.post(`/api/v1/users/${colleague.id}/password-reset`)).status).toBe(401);
      expect(await resetMails(colleague.email)).toHaveLength(1);
      expect(await resetMails(elsewhere.email)).toEqual([]);
    });
  });
});
