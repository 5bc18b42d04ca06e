import { AppLogger } from '../../src/common/logging/logger';
import { OutboxWorker } from '../../src/mail/outbox.worker';
import { createTestApp, TestApp } from '../support/app';
import { signedIn } from '../support/factories';

// In a file of its own: the request-less logger is process-wide, so the lines this test reads must come from the only app of the process.
describe('e-mail with no SMTP server', () => {
  let t: TestApp;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    // A pino destination that keeps every JSON line written to it.
    const out = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
    t = await createTestApp({ env: { PORTAL_BASE_URL: 'http://localhost:5173/' }, logger: AppLogger.create('info', out) });
  });
  afterAll(() => t.close());

  it('keeps messages, logs them with their links, and lists them for admins only', async () => {
    const admin = await signedIn(t.dataSource, t.http, 'admin');
    const csr = await signedIn(t.dataSource, t.http, 'csr_officer');
    const invited = await t.http.post('/api/v1/users').set('Authorization', csr.auth).send({ organizationId: csr.user.organizationId, email: 'kolega@perusahaan.test', fullName: 'Kolega Baru', role: 'csr_officer' });
    expect(invited.status).toBe(201);
    await t.http.post('/api/v1/auth/password-reset').send({ email: csr.user.email });
    const link = `http://localhost:5173/invitation?token=${invited.body.invitation.token}`;

    const worker = t.app.get(OutboxWorker);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, kept: 2 });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, kept: 0 });
    const logged = lines.filter((l) => l.msg === 'e-mail kept, not sent: no SMTP server is configured');
    expect(logged.map((l) => l.to).sort()).toEqual(['kolega@perusahaan.test', csr.user.email].sort());
    expect(logged.find((l) => l.to === 'kolega@perusahaan.test')?.body).toContain(link);

    const page = await t.http.get('/api/v1/admin/outbox?status=kept').set('Authorization', admin.auth);
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    const invitation = page.body.items.find((m: { kind: string }) => m.kind === 'invitation');
    expect(invitation).toMatchObject({ status: 'kept', to: 'kolega@perusahaan.test', locale: 'id', subject: expect.stringMatching(/^Undangan/), sentAt: null, nextAttemptAt: null });
    expect(invitation.text).toContain(link);
    expect(invitation.messageId).toMatch(/^<.+@jalin\.invalid>$/);

    // Keyset pages, newest first, capped in size.
    const first = await t.http.get('/api/v1/admin/outbox?limit=1').set('Authorization', admin.auth);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0].kind).toBe('password_reset');
    const second = await t.http.get(`/api/v1/admin/outbox?limit=1&cursor=${first.body.nextCursor}`).set('Authorization', admin.auth);
    expect(second.body.items.map((m: { kind: string }) => m.kind)).toEqual(['invitation']);
    expect(second.body.nextCursor).toBeNull();
    expect((await t.http.get('/api/v1/admin/outbox?limit=101').set('Authorization', admin.auth)).status).toBe(422);
    expect((await t.http.get('/api/v1/admin/outbox?status=lost').set('Authorization', admin.auth)).status).toBe(422);
    expect((await t.http.get('/api/v1/admin/outbox?kind=password_reset').set('Authorization', admin.auth)).body.items.map((m: { to: string }) => m.to)).toEqual([csr.user.email]);

    expect((await t.http.get('/api/v1/admin/outbox').set('Authorization', csr.auth)).status).toBe(403);
    expect((await t.http.get('/api/v1/admin/outbox')).status).toBe(401);
  });
});
