import { loadConfig } from '../../src/config/env';
import { schedulerEnabled } from '../../src/jobs/daily-job-timer';
import { MouExpiryJob } from '../../src/jobs/mou-expiry.job';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { createTestApp, TestApp } from '../support/app';
import { createUser, signedIn } from '../support/factories';
import { draftMou, fixToday, insertMou, insertSignatures, mouWorld, nextMouNumber, SignedIn, signedMou, submitAndSign, tempDocumentsDir } from '../support/mou-factories';

interface NotificationRow {
  user_id: string;
  kind: string;
  title: string;
  body: string;
  dedupe_key: string;
}

describe('daily MoU job', () => {
  let t: TestApp;
  let job: MouExpiryJob;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ env: { DOCUMENTS_DIR: tempDocumentsDir() } });
    job = t.app.get(MouExpiryJob);
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  beforeEach(async () => {
    fixToday(t, '2026-03-01');
    // Each test plays its own days; forget which days earlier tests claimed.
    await t.dataSource.query('DELETE FROM job_runs');
  });
  afterAll(() => t.close());

  const statusOf = async (id: string) => ((await t.dataSource.query('SELECT status FROM mous WHERE id = $1', [id])) as Array<{ status: string }>)[0].status;
  const noticesOf = (mouId: string) =>
    t.dataSource.query(`SELECT user_id, kind, title, body, dedupe_key FROM notifications WHERE entity_id = $1 ORDER BY created_at, user_id`, [mouId]) as Promise<NotificationRow[]>;

  it('activates signed MoUs whose day has come, supersedes what they renew and expires lapsed ones, on the date it is given', async () => {
    const a = await mouWorld(t);
    const waiting = await signedMou(t, a, { effectiveDate: '2026-04-01', expiryDate: '2029-03-31' });
    const b = await mouWorld(t);
    const lapsing = await signedMou(t, b, { effectiveDate: '2025-01-01', expiryDate: '2026-03-31', obligations: [] });
    const c = await mouWorld(t);
    const old = await signedMou(t, c, { effectiveDate: '2024-03-01', expiryDate: '2027-02-28' });
    const renewal = await t.http.post(`/api/v1/mous/${old.id}/renewals`).set('Authorization', c.csr.auth).send({ number: nextMouNumber(), effectiveDate: '2026-04-01', expiryDate: '2029-03-31' });
    await submitAndSign(t, c, renewal.body.id);
    const d = await mouWorld(t);
    const unsigned = await draftMou(t, d, { effectiveDate: '2026-04-01', expiryDate: '2029-03-31' });
    await submitAndSign(t, d, unsigned.id, [d.csr, d.principal]);
    expect([waiting.status, lapsing.status, old.status, await statusOf(renewal.body.id), await statusOf(unsigned.id)]).toEqual(['awaiting_signatures', 'active', 'active', 'awaiting_signatures', 'awaiting_signatures']);

    // The day before nothing is due.
    const before = await job.run('2026-03-31');
    expect(before).toMatchObject({ ran: true, activated: [], expired: [] });

    const result = await job.run('2026-04-01');
    expect(result.ran).toBe(true);
    expect(result.today).toBe('2026-04-01');
    expect(result.activated).toEqual(expect.arrayContaining([waiting.id, renewal.body.id]));
    expect(result.activated).not.toContain(unsigned.id);
    expect(result.superseded).toEqual([old.id]);
    expect(result.expired).toEqual([lapsing.id]);
    expect(result.expiryNoticesWritten).toBe(2);
    expect(await Promise.all([waiting.id, renewal.body.id, old.id, lapsing.id, unsigned.id].map(statusOf))).toEqual(['active', 'active', 'superseded', 'expired', 'awaiting_signatures']);

    const lines = (await t.dataSource.query(`SELECT entity_id, actor_user_id, request_id, changes FROM audit_events WHERE request_id = 'job:mou-expiry:2026-04-01' AND entity_type = 'mou'`)) as Array<{
      entity_id: string;
      actor_user_id: string | null;
      changes: { status: { to: string } };
    }>;
    expect(lines.map((l) => [l.entity_id, l.changes.status.to, l.actor_user_id]).sort()).toEqual(
      [
        [waiting.id, 'active', null],
        [renewal.body.id, 'active', null],
        [old.id, 'superseded', null],
        [lapsing.id, 'expired', null],
      ].sort(),
    );
    // The run of the day before reminded them of its last day; this one tells them it has expired.
    const notices = await noticesOf(lapsing.id);
    expect(notices.map((n) => [n.user_id, n.kind]).sort()).toEqual(
      [
        [b.csr.user.id, 'mou_expired'],
        [b.principal.user.id, 'mou_expired'],
        [b.csr.user.id, 'mou_expiring'],
        [b.principal.user.id, 'mou_expiring'],
      ].sort(),
    );
    expect(notices.find((n) => n.kind === 'mou_expiring')?.title).toBe(`MoU ${lapsing.number} expires today`);
    expect(notices.find((n) => n.kind === 'mou_expired')?.title).toBe(`MoU ${lapsing.number} has expired`);
    const [row] = (await t.dataSource.query(`SELECT CAST(last_run_on AS text) AS last_run_on, finished_at, last_result FROM job_runs WHERE name = 'mou-expiry'`)) as Array<{
      last_run_on: string;
      finished_at: Date | null;
      last_result: { ran: boolean; expired: string[] };
    }>;
    expect(row.last_run_on).toBe('2026-04-01');
    expect(row.finished_at).not.toBeNull();
    expect(row.last_result).toMatchObject({ ran: true, expired: [lapsing.id] });
  });

  it('reminds the CSR officers and principals 90, 30 and 7 days before expiry, once per step, and when it expired', async () => {
    const w = await mouWorld(t);
    const colleague = await createUser(t.dataSource, 'csr_officer', { organization: w.company });
    await createUser(t.dataSource, 'csr_officer', { organization: w.company, disabledAt: new Date() });
    const mouId = await insertMou(t.dataSource, w, { status: 'active', effectiveDate: '2025-01-01', expiryDate: '2026-09-30' });
    await insertSignatures(t.dataSource, w, mouId);
    const recipients = [w.csr.user.id, colleague.id, w.principal.user.id].sort();
    const keys = async () => (await noticesOf(mouId)).map((n) => n.dedupe_key);

    expect((await job.run('2026-07-01')).remindersWritten).toBe(0);
    expect(await noticesOf(mouId)).toEqual([]);

    await job.run('2026-07-02');
    const first = await noticesOf(mouId);
    expect(first.map((n) => n.user_id).sort()).toEqual(recipients);
    expect(first[0]).toMatchObject({ kind: 'mou_expiring', title: expect.stringMatching(/^MoU .+ expires in 90 days$/), dedupe_key: `mou_expiring:${mouId}:2026-09-30:90` });
    expect(first[0].body).toContain('2026-09-30');
    expect(first[0].body).toContain(w.school.name);
    expect(first[0].body).toContain('berlaku sampai');

    // Still inside the 90-day step the next days: nothing new.
    await job.run('2026-07-03');
    await job.run('2026-08-30');
    expect(await keys()).toHaveLength(3);

    await job.run('2026-08-31');
    expect((await keys()).filter((k) => k.endsWith(':30'))).toHaveLength(3);
    await job.run('2026-09-23');
    expect((await keys()).filter((k) => k.endsWith(':7'))).toHaveLength(3);
    expect((await job.run('2026-09-30')).remindersWritten).toBe(0);
    const expiry = await job.run('2026-10-01');
    expect(expiry.expired).toContain(mouId);
    const all = await noticesOf(mouId);
    expect(all.filter((n) => n.kind === 'mou_expired')).toHaveLength(3);
    expect(all).toHaveLength(12);
    // Education offices and facilitators are not reminded.
    expect(all.some((n) => n.user_id === w.officer.user.id || n.user_id === w.facilitatorUser.user.id)).toBe(false);

    const list = await t.http.get('/api/v1/notifications').set('Authorization', w.csr.auth);
    expect(list.body.items.map((n: { kind: string }) => n.kind)).toEqual(['mou_expired', 'mou_expiring', 'mou_expiring', 'mou_expiring']);
    // The values of each notice travel with it, so the portal words it in the reader's language.
    const mou = (await t.dataSource.query('SELECT number, title FROM mous WHERE id = $1', [mouId]))[0] as { number: string; title: string };
    expect(list.body.items[0].params).toEqual({ number: mou.number, title: mou.title, schoolName: w.school.name, expiryDate: '2026-09-30' });
    expect(list.body.items[3].params).toEqual({ number: mou.number, title: mou.title, schoolName: w.school.name, expiryDate: '2026-09-30', daysLeft: 90 });
    expect(list.body.items[1].params.daysLeft).toBe(7);
  });

  it('claims each day once: a second run of the same day, or of an earlier one, does nothing', async () => {
    const w = await mouWorld(t);
    const mouId = await insertMou(t.dataSource, w, { status: 'active', effectiveDate: '2025-01-01', expiryDate: '2027-01-20' });
    const first = await job.run('2027-01-10');
    expect(first.ran).toBe(true);
    expect(first.remindersWritten).toBeGreaterThanOrEqual(2);
    const written = (await noticesOf(mouId)).length;
    expect(written).toBe(2);
    const again = await job.run('2027-01-10');
    expect(again).toMatchObject({ ran: false, activated: [], expired: [], remindersWritten: 0 });
    expect(again.detail).toContain('Already done for 2027-01-10');
    expect((await job.run('2027-01-09')).ran).toBe(false);
    // Even with the claim forgotten, the dedupe keys keep the notices single.
    await t.dataSource.query('DELETE FROM job_runs');
    const forgotten = await job.run('2027-01-10');
    expect(forgotten).toMatchObject({ ran: true, remindersWritten: 0 });
    expect(await noticesOf(mouId)).toHaveLength(written);
  });

  it('does the work once when two runs of the same day start together', async () => {
    const w = await mouWorld(t);
    const expiring = await insertMou(t.dataSource, w, { status: 'active', effectiveDate: '2025-01-01', expiryDate: '2027-06-20' });
    const w2 = await mouWorld(t);
    const ready = await insertMou(t.dataSource, w2, { status: 'awaiting_signatures', effectiveDate: '2027-06-01', expiryDate: '2030-05-31' });
    await insertSignatures(t.dataSource, w2, ready);

    const [a, b] = await Promise.all([job.run('2027-06-01'), job.run('2027-06-01')]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    const winner = a.ran ? a : b;
    expect(winner.activated).toContain(ready);
    expect(await noticesOf(expiring)).toHaveLength(2);
    expect(await statusOf(ready)).toBe('active');
    const activations = (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'state_change'`, [ready])) as Array<{ n: number }>;
    expect(activations[0].n).toBe(1);

    // The same when the job's row already exists (the usual case after the first day).
    const runs = await Promise.all([job.run('2027-06-02'), job.run('2027-06-02'), job.run('2027-06-02')]);
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect(await noticesOf(expiring)).toHaveLength(2);
  });

  describe('POST /jobs/mou-expiry/run', () => {
    it("lets an admin run today's job now, and says when today's run was already done", async () => {
      fixToday(t, '2026-05-05');
      const res = await t.http.post('/api/v1/jobs/mou-expiry/run').set('Authorization', admin.auth).set('X-Request-Id', 'manual-run-1');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ job: 'mou-expiry', today: '2026-05-05', ran: true });
      const again = await t.http.post('/api/v1/jobs/mou-expiry/run').set('Authorization', admin.auth);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ ran: false, today: '2026-05-05' });
      expect(again.body.detail).toContain('Already done');
      const [line] = (await t.dataSource.query(`SELECT actor_user_id, action FROM audit_events WHERE request_id = $1 AND entity_type = 'job'`, [res.headers['x-request-id']])) as Array<{ actor_user_id: string; action: string }>;
      expect(line).toEqual({ actor_user_id: admin.user.id, action: 'run' });
    });

    it('is for admins only (401/403)', async () => {
      expect((await t.http.post('/api/v1/jobs/mou-expiry/run')).status).toBe(401);
      for (const role of ['csr_officer', 'principal', 'education_officer', 'facilitator', 'judge'] as const) {
        const user = await signedIn(t.dataSource, t.http, role);
        const res = await t.http.post('/api/v1/jobs/mou-expiry/run').set('Authorization', user.auth);
        expect([role, res.status]).toEqual([role, 403]);
      }
    });
  });

  it('runs on a timer only with JOBS_ENABLED and never under NODE_ENV=test', () => {
    expect(schedulerEnabled({ jobsEnabled: true, nodeEnv: 'test' })).toBe(false);
    expect(schedulerEnabled({ jobsEnabled: true, nodeEnv: 'production' })).toBe(true);
    expect(schedulerEnabled({ jobsEnabled: false, nodeEnv: 'production' })).toBe(false);
    const secret = 'x'.repeat(32);
    expect(loadConfig({ JWT_SECRET: secret }).jobsEnabled).toBe(true);
    expect(loadConfig({ JWT_SECRET: secret, JOBS_ENABLED: 'false' }).jobsEnabled).toBe(false);
    expect(() => loadConfig({ JWT_SECRET: secret, JOBS_ENABLED: 'sometimes' })).toThrow(/^JOBS_ENABLED/);
    expect(loadConfig({ JWT_SECRET: secret, DOCUMENTS_DIR: 'files' }).documentsDir).toBe(`${process.cwd()}/files`);
  });

  describe('notifications', () => {
    async function notice(userId: string, n: number) {
      await t.dataSource.transaction((m) =>
        t.app.get(NotificationsService).notify(m, [userId], { kind: 'mou_expiring', title: `Notice ${n}`, body: 'Body', entityType: null, entityId: null, dedupeKey: `test:${n}` }),
      );
    }

    it("lists the caller's own notifications, newest first, pages, filters unread, and marks them read", async () => {
      const me = await signedIn(t.dataSource, t.http, 'principal');
      const other = await signedIn(t.dataSource, t.http, 'principal');
      for (const n of [1, 2, 3]) await notice(me.user.id, n);
      await notice(other.user.id, 9);
      const titles = (res: { body: { items: Array<{ title: string }> } }) => res.body.items.map((n) => n.title);

      const list = await t.http.get('/api/v1/notifications').set('Authorization', me.auth);
      expect(list.status).toBe(200);
      expect(titles(list)).toEqual(['Notice 3', 'Notice 2', 'Notice 1']);
      expect(list.body.items[0]).toMatchObject({ kind: 'mou_expiring', read: false, readAt: null });
      const page1 = await t.http.get('/api/v1/notifications?limit=2').set('Authorization', me.auth);
      const page2 = await t.http.get(`/api/v1/notifications?limit=2&cursor=${page1.body.nextCursor}`).set('Authorization', me.auth);
      expect([...titles(page1), ...titles(page2)]).toEqual(['Notice 3', 'Notice 2', 'Notice 1']);
      expect(page2.body.nextCursor).toBeNull();

      const id = list.body.items[1].id;
      const read = await t.http.post(`/api/v1/notifications/${id}/read`).set('Authorization', me.auth);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id, read: true, readAt: expect.any(String) });
      const reread = await t.http.post(`/api/v1/notifications/${id}/read`).set('Authorization', me.auth);
      expect(reread.body.readAt).toBe(read.body.readAt);
      expect(titles(await t.http.get('/api/v1/notifications?unread=true').set('Authorization', me.auth))).toEqual(['Notice 3', 'Notice 1']);
      expect(titles(await t.http.get('/api/v1/notifications?unread=false').set('Authorization', me.auth))).toEqual(['Notice 2']);

      expect((await t.http.post(`/api/v1/notifications/${id}/read`).set('Authorization', other.auth)).status).toBe(404);
      expect(titles(await t.http.get('/api/v1/notifications').set('Authorization', other.auth))).toEqual(['Notice 9']);
      expect((await t.http.get('/api/v1/notifications?unread=perhaps').set('Authorization', me.auth)).status).toBe(422);
    });

    it('counts the unread ones for the badge and marks them all read at once, for the caller only', async () => {
      const me = await signedIn(t.dataSource, t.http, 'csr_officer');
      const other = await signedIn(t.dataSource, t.http, 'csr_officer');
      for (const n of [11, 12, 13]) await notice(me.user.id, n);
      await notice(other.user.id, 19);
      const count = async (who: SignedIn) => {
        const res = await t.http.get('/api/v1/notifications/unread-count').set('Authorization', who.auth);
        expect(res.status).toBe(200);
        return res.body.unread as number;
      };
      expect(await count(me)).toBe(3);
      const first = (await t.http.get('/api/v1/notifications').set('Authorization', me.auth)).body.items[2];
      const firstRead = await t.http.post(`/api/v1/notifications/${first.id}/read`).set('Authorization', me.auth);
      expect(await count(me)).toBe(2);

      const all = await t.http.post('/api/v1/notifications/read-all').set('Authorization', me.auth);
      expect(all.status).toBe(200);
      expect(all.body).toEqual({ marked: 2 });
      expect(await count(me)).toBe(0);
      // Read before: its first read time stays. Another user's are untouched.
      const again = (await t.http.get('/api/v1/notifications').set('Authorization', me.auth)).body.items as Array<{ id: string; read: boolean; readAt: string }>;
      expect(again.every((n) => n.read)).toBe(true);
      expect(again.find((n) => n.id === first.id)?.readAt).toBe(firstRead.body.readAt);
      expect(await count(other)).toBe(1);
      expect((await t.http.post('/api/v1/notifications/read-all').set('Authorization', me.auth)).body).toEqual({ marked: 0 });
      expect((await t.http.get('/api/v1/notifications/unread-count')).status).toBe(401);
      expect((await t.http.post('/api/v1/notifications/read-all')).status).toBe(401);
    });

    it('needs a token, and is open to every role (a judge too) for their own', async () => {
      expect((await t.http.get('/api/v1/notifications')).status).toBe(401);
      expect((await t.http.post('/api/v1/notifications/00000000-0000-4000-8000-000000000001/read')).status).toBe(401);
      const judge = await signedIn(t.dataSource, t.http, 'judge');
      expect((await t.http.get('/api/v1/notifications').set('Authorization', judge.auth)).body.items).toEqual([]);
      expect((await t.http.post('/api/v1/notifications/00000000-0000-4000-8000-000000000001/read').set('Authorization', judge.auth)).status).toBe(404);
    });
  });
});
