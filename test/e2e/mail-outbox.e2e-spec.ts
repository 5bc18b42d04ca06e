import { Clock } from '../../src/common/clock';
import { AppLogger } from '../../src/common/logging/logger';
import { APP_CONFIG, AppConfig, ConfigError, loadConfig } from '../../src/config/env';
import { MouExpiryJob } from '../../src/jobs/mou-expiry.job';
import { MailService } from '../../src/mail/mail.service';
import { MAIL_TRANSPORT, MailTransport } from '../../src/mail/mail-transport';
import { OutboxRepository } from '../../src/mail/outbox.repository';
import { OUTBOX_LEASE_MS, OutboxWorker } from '../../src/mail/outbox.worker';
import { createTestApp, TestApp } from '../support/app';
import { createUser, signedIn } from '../support/factories';
import { insertMou, insertSignatures, mouWorld } from '../support/mou-factories';
import { smtpEnv, TestSmtpServer } from './mail-test-server';

interface OutboxRow {
  id: string;
  kind: string;
  to_address: string;
  locale: string;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
}

const rowsOf = (t: TestApp, where: string, params: unknown[] = []) =>
  t.dataSource.query(`SELECT * FROM outbox_messages WHERE ${where} ORDER BY created_at, id`, params) as Promise<OutboxRow[]>;

/** Runs a worker until nothing is due. */
async function drain(worker: OutboxWorker): Promise<number> {
  let sent = 0;
  for (let i = 0; i < 100; i++) {
    const pass = await worker.runOnce();
    sent += pass.sent;
    if (pass.sent + pass.failed + pass.kept === 0) return sent;
  }
  throw new Error('the outbox did not drain');
}

describe('e-mail through SMTP', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let worker: OutboxWorker;
  let clock: Clock;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    smtp = new TestSmtpServer();
    const port = await smtp.listen();
    t = await createTestApp({ env: smtpEnv(port) });
    worker = t.app.get(OutboxWorker);
    clock = t.app.get(Clock);
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  beforeEach(async () => {
    jest.restoreAllMocks();
    // Every test reads only its own messages.
    await drain(worker);
    smtp.received.length = 0;
    smtp.refuseNext = 0;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends an invitation in Bahasa Indonesia to the invited person, with the accept link, written with the user', async () => {
    const school = await createUser(t.dataSource, 'principal');
    const res = await t.http
      .post('/api/v1/users')
      .set('Authorization', admin.auth)
      .send({ organizationId: school.organizationId, email: 'guru.baru@sekolah.test', fullName: 'Guru Baru', role: 'principal' });
    expect(res.status).toBe(201);
    const [row] = await rowsOf(t, `kind = 'invitation' AND to_address = 'guru.baru@sekolah.test'`);
    expect(row).toMatchObject({ status: 'pending', locale: 'id', attempts: 0 });
    // Nothing leaves before the worker runs: the request only wrote the row.
    expect(smtp.received).toEqual([]);

    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, kept: 0 });
    const [mail] = smtp.to('guru.baru@sekolah.test');
    expect(mail.to).toEqual(['guru.baru@sekolah.test']);
    expect(mail.from).toBe('no-reply@jalin.test');
    expect(mail.messageId).toBe(row.message_id);
    expect(mail.messageId).toMatch(new RegExp(`^<${row.id}@jalin\\.test>$`));
    expect(mail.subject).toMatch(/^Undangan bergabung di Jalin dari /);
    expect(mail.raw).toContain('Content-Type: text/plain');
    expect(mail.raw).toContain('Content-Type: text/html');
    const link = `https://portal.jalin.test/invitation?token=${res.body.invitation.token}`;
    expect(mail.raw).toContain(link);
    expect(mail.raw).toContain(`href="${link}"`);
    expect(mail.raw).toContain('Terima undangan');
    const [after] = await rowsOf(t, 'id = $1', [row.id]);
    expect(after).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(after.sent_at).not.toBeNull();

    // The invitation token of the mail accepts the invitation.
    const accepted = await t.http.post('/api/v1/auth/accept-invitation').send({ token: res.body.invitation.token, password: 'a brand new passphrase' });
    expect(accepted.status).toBe(200);
  });

  it('writes no mail when the change it tells of fails', async () => {
    const school = await createUser(t.dataSource, 'principal');
    const taken = await t.http.post('/api/v1/users').set('Authorization', admin.auth).send({ organizationId: school.organizationId, email: school.email, fullName: 'Twice', role: 'principal' });
    expect(taken.status).toBe(409);
    expect(await rowsOf(t, `to_address = $1`, [school.email])).toEqual([]);
  });

  it('writes MoU expiry reminders by e-mail in each recipient\'s language, once per step, linking to the MoU', async () => {
    const w = await mouWorld(t);
    await t.dataSource.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [w.principal.user.id]);
    const mouId = await insertMou(t.dataSource, w, { status: 'active', effectiveDate: '2025-01-01', expiryDate: '2031-09-30' });
    await insertSignatures(t.dataSource, w, mouId);
    const job = t.app.get(MouExpiryJob);
    await t.dataSource.query('DELETE FROM job_runs');
    await job.run('2031-07-02');
    // The same day's reminder again (another run for a later day in the same step) writes nothing new.
    await job.run('2031-07-03');
    const rows = await rowsOf(t, `kind = 'mou_expiring' AND entity_id = $1`, [mouId]);
    expect(rows.map((r) => [r.to_address, r.locale]).sort()).toEqual(
      [
        [w.csr.user.email, 'id'],
        [w.principal.user.email, 'en'],
      ].sort(),
    );
    await drain(worker);
    const [id] = smtp.to(w.csr.user.email);
    const [en] = smtp.to(w.principal.user.email);
    expect(id.subject).toBe(`MoU ${rows[0].subject.split(' ')[1]} berakhir dalam 90 hari`);
    expect(en.subject).toMatch(/^MoU .+ expires in 90 days$/);
    expect(id.raw).toContain('30 September 2031');
    expect(en.raw).toContain('30 September 2031');
    expect(id.raw).toContain('Siapkan perpanjangannya');
    expect(en.raw).toContain('Prepare its renewal');
    for (const mail of [id, en]) expect(mail.raw).toContain(`https://portal.jalin.test/mous/${mouId}`);
    expect(smtp.received).toHaveLength(2);
  });

  it('retries with backoff when the server refuses, then sends, with the same Message-ID', async () => {
    const user = await createUser(t.dataSource, 'csr_officer');
    smtp.refuseNext = 1;
    expect((await t.http.post('/api/v1/auth/password-reset').send({ email: user.email })).status).toBe(202);
    const [row] = await rowsOf(t, 'to_address = $1', [user.email]);

    const start = new Date('2026-12-01T08:00:00.000Z');
    jest.spyOn(clock, 'now').mockReturnValue(start);
    await t.dataSource.query('UPDATE outbox_messages SET next_attempt_at = $2 WHERE id = $1', [row.id, start]);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1, kept: 0 });
    const [failed] = await rowsOf(t, 'id = $1', [row.id]);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
    expect(failed.last_error).toContain('451');
    expect(failed.next_attempt_at.getTime()).toBe(start.getTime() + 60_000);
    expect(smtp.received).toEqual([]);

    // Not due before the backoff has passed.
    jest.spyOn(clock, 'now').mockReturnValue(new Date(start.getTime() + 59_000));
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, kept: 0 });

    jest.spyOn(clock, 'now').mockReturnValue(new Date(start.getTime() + 61_000));
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, kept: 0 });
    expect(smtp.to(user.email).map((m) => m.messageId)).toEqual([row.message_id]);
    expect((await rowsOf(t, 'id = $1', [row.id]))[0]).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('gives a message up after its last attempt, with the backoff doubling in between', async () => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const user = await createUser(t.dataSource, 'csr_officer');
    await t.http.post('/api/v1/auth/password-reset').send({ email: user.email });
    const [row] = await rowsOf(t, 'to_address = $1', [user.email]);
    let now = new Date('2026-12-01T08:00:00.000Z');
    await t.dataSource.query('UPDATE outbox_messages SET next_attempt_at = $2 WHERE id = $1', [row.id, now]);
    smtp.refuseNext = config.mail.maxAttempts;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= config.mail.maxAttempts; attempt++) {
      jest.spyOn(clock, 'now').mockReturnValue(now);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1, kept: 0 });
      const [r] = await rowsOf(t, 'id = $1', [row.id]);
      waits.push(r.next_attempt_at.getTime() - now.getTime());
      now = r.next_attempt_at;
    }
    expect(waits.slice(0, 4)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect((await rowsOf(t, 'id = $1', [row.id]))[0]).toMatchObject({ status: 'failed', attempts: config.mail.maxAttempts });
    jest.spyOn(clock, 'now').mockReturnValue(new Date(now.getTime() + 86_400_000));
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, kept: 0 });
    expect(smtp.received).toEqual([]);

    const failed = await t.http.get('/api/v1/admin/outbox?status=failed').set('Authorization', admin.auth);
    expect(failed.status).toBe(200);
    expect(failed.body.items.find((m: { id: string }) => m.id === row.id)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('451'), nextAttemptAt: null });
  });

  it('delivers each message once when two workers claim at the same time', async () => {
    const mail = t.app.get(MailService);
    const users = await Promise.all(Array.from({ length: 24 }, () => createUser(t.dataSource, 'judge')));
    await t.dataSource.transaction(async (manager) => {
      for (const u of users) {
        await mail.enqueue(manager, { userId: u.id, email: u.email, locale: 'en' }, { kind: 'password_reset', params: { fullName: u.fullName, token: `t-${u.id}`, expiresAt: '2026-12-01T09:00:00.000Z', sentBy: null } });
      }
    });
    const other = new OutboxWorker(t.app.get(OutboxRepository), t.app.get<MailTransport>(MAIL_TRANSPORT), clock, AppLogger.create('silent'), t.app.get<AppConfig>(APP_CONFIG));
    const [a, b] = await Promise.all([drain(worker), drain(other)]);
    expect(a + b).toBe(24);
    const ids = smtp.received.map((m) => m.messageId);
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(users.map((u) => u.email).sort());
    expect(await rowsOf(t, `status <> 'sent' AND to_address = ANY($1)`, [users.map((u) => u.email)])).toEqual([]);
  });

  it('sends again, with the same Message-ID, a message whose worker died between sending and marking it sent', async () => {
    const user = await createUser(t.dataSource, 'judge');
    await t.http.post('/api/v1/auth/password-reset').send({ email: user.email });
    const [row] = await rowsOf(t, 'to_address = $1', [user.email]);
    const now = new Date(Date.now() + 60_000);
    jest.spyOn(clock, 'now').mockReturnValue(now);
    // A worker claims it and hands it to the server, then dies before marking it sent.
    const [claimed] = await t.app.get(OutboxRepository).claimDue(now, new Date(now.getTime() + OUTBOX_LEASE_MS), 10);
    expect(claimed.id).toBe(row.id);
    await t.app.get<MailTransport>(MAIL_TRANSPORT).send({ from: 'no-reply@jalin.test', to: claimed.to_address, subject: claimed.subject, text: claimed.text_body, html: claimed.html_body, messageId: claimed.message_id, date: claimed.created_at });
    // While its lease holds, nobody else takes it.
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, kept: 0 });
    jest.spyOn(clock, 'now').mockReturnValue(new Date(now.getTime() + OUTBOX_LEASE_MS + 1000));
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, kept: 0 });
    expect(smtp.to(user.email).map((m) => m.messageId)).toEqual([row.message_id, row.message_id]);
  });
});

describe('e-mail configuration', () => {
  const base = { JWT_SECRET: 'a-secret-that-is-long-enough-0123456789', DATABASE_URL: 'postgres://u@h/db' };
  const fails = (env: Record<string, string>) => {
    try {
      loadConfig({ ...base, ...env });
    } catch (e) {
      return e instanceof ConfigError ? e.message : `not a ConfigError: ${String(e)}`;
    }
    return 'accepted';
  };

  it('reads the SMTP server, sender and portal address', () => {
    const c = loadConfig({ ...base, SMTP_HOST: 'smtp.example.org', SMTP_SECURE: 'true', SMTP_USER: 'jalin', SMTP_PASSWORD: 'secret', MAIL_FROM: 'Jalin <no-reply@Jalin.Example.org>', PORTAL_BASE_URL: 'https://jalin.example.org/' });
    expect(c.mail).toMatchObject({
      smtp: { host: 'smtp.example.org', port: 465, secure: true, requireTls: false, user: 'jalin', password: 'secret' },
      from: 'Jalin <no-reply@Jalin.Example.org>',
      messageIdDomain: 'jalin.example.org',
      portalBaseUrl: 'https://jalin.example.org',
    });
    expect(loadConfig({ ...base, SMTP_HOST: 'smtp.example.org', MAIL_FROM: 'no-reply@jalin.example.org', PORTAL_BASE_URL: 'https://jalin.example.org' }).mail.smtp?.port).toBe(587);
    expect(loadConfig(base).mail).toMatchObject({ smtp: null, portalBaseUrl: 'http://localhost:3000' });
  });

  it('names the variable that is missing or malformed', () => {
    const smtp = { SMTP_HOST: 'smtp.example.org', MAIL_FROM: 'no-reply@jalin.example.org', PORTAL_BASE_URL: 'https://jalin.example.org' };
    expect(fails({ SMTP_HOST: 'smtp.example.org', PORTAL_BASE_URL: 'https://jalin.example.org' })).toMatch(/^MAIL_FROM is required/);
    expect(fails({ SMTP_HOST: 'smtp.example.org', MAIL_FROM: 'no-reply@jalin.example.org' })).toMatch(/^PORTAL_BASE_URL is required/);
    expect(fails({ ...smtp, SMTP_USER: 'jalin' })).toMatch(/^SMTP_USER and SMTP_PASSWORD/);
    expect(fails({ ...smtp, SMTP_PORT: '70000' })).toMatch(/^SMTP_PORT/);
    expect(fails({ ...smtp, SMTP_SECURE: 'maybe' })).toMatch(/^SMTP_SECURE/);
    expect(fails({ ...smtp, MAIL_FROM: 'not an address' })).toMatch(/^MAIL_FROM must be/);
    expect(fails({ ...smtp, PORTAL_BASE_URL: 'ftp://jalin.example.org' })).toMatch(/^PORTAL_BASE_URL must be/);
    expect(fails({ ...smtp, MAIL_MAX_ATTEMPTS: '0' })).toMatch(/^MAIL_MAX_ATTEMPTS/);
    expect(fails(smtp)).toBe('accepted');
  });
});
