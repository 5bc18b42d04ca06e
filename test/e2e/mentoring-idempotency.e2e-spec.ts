import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../support/app';
import { assign, logSession, mentoringWorld, MentoringWorld, SignedIn } from '../support/mentoring-factories';

const SESSIONS = '/api/v1/mentoring/sessions';
const ACTIONS = '/api/v1/mentoring/actions';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0000000dIHDR fake png body')]);
const OTHER_PNG = Buffer.concat([PNG, Buffer.from(' another photo')]);

/**
 * A phone keeps a session logged without a connection and sends it later, perhaps more than once
 * (the answer was lost, the page reloaded, the connection came back twice): every step it sends
 * carries the Idempotency-Key written with the session, so each step happens once.
 */
describe('mentoring writes with an optional Idempotency-Key (sessions sent from a phone that was offline)', () => {
  let t: TestApp;
  let w: MentoringWorld;
  let assignmentId: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { DOCUMENTS_DIR: join(mkdtempSync(join(tmpdir(), 'jalin-mentoring-idem-')), 'documents') } });
    w = await mentoringWorld(t);
    assignmentId = (await assign(t, w)).id;
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[]) => Number((await t.dataSource.query(sql, params))[0].n);
  const sessions = () => count('SELECT count(*) AS n FROM mentoring_sessions WHERE assignment_id = $1', [assignmentId]);
  const post = (url: string, who: SignedIn, body: Record<string, unknown>, key?: string) => {
    const req = t.http.post(url).set('Authorization', who.auth);
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const upload = (sessionId: string, file: Buffer, name: string, key?: string) => {
    const req = t.http.post(`${SESSIONS}/${sessionId}/evidence`).set('Authorization', w.facilitator.auth);
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.attach('file', file, name);
  };
  const session = (notes: string) => ({
    assignmentId,
    heldOn: '2026-02-11',
    durationMinutes: 90,
    mode: 'visit',
    topic: 'parenting',
    attendeeCounts: { principal: 1, teachers: 4, parents: 12 },
    notes,
  });

  it('logs a session once per key: the same key and body again answers the same session, replayed', async () => {
    const before = await sessions();
    const key = randomUUID();
    const body = session('Kelas parenting bersama orang tua kelas 1');
    const first = await post(SESSIONS, w.facilitator, body, key);
    expect(first.status).toBe(201);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    const again = await post(SESSIONS, w.facilitator, { ...body, notes: '  Kelas parenting bersama orang tua kelas 1 ' }, key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await sessions()).toBe(before + 1);
  });

  it('refuses the same key with another body (422 at Idempotency-Key) and logs nothing more', async () => {
    const before = await sessions();
    const key = randomUUID();
    expect((await post(SESSIONS, w.facilitator, session('Rapat komite sekolah'), key)).status).toBe(201);
    const other = await post(SESSIONS, w.facilitator, { ...session('Rapat komite sekolah'), durationMinutes: 120 }, key);
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', code: 'idempotency_key_reused' })]);
    expect(await sessions()).toBe(before + 1);
  });

  it('makes one session of two identical requests racing with one key', async () => {
    const before = await sessions();
    const key = randomUUID();
    const body = session('Kunjungan rumah siswa');
    const answers = await Promise.all([post(SESSIONS, w.facilitator, body, key), post(SESSIONS, w.facilitator, body, key)]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(answers.filter((a) => a.headers['idempotency-replayed'] === 'true')).toHaveLength(1);
    expect(answers[0].body.id).toBe(answers[1].body.id);
    expect(await sessions()).toBe(before + 1);
  });

  it('leaves no key behind when the session is refused, and behaves as before without a key', async () => {
    const before = await sessions();
    const key = randomUUID();
    const future = await post(SESSIONS, w.facilitator, { ...session('Besok'), heldOn: '2999-01-01' }, key);
    expect(future.status).toBe(422);
    expect(future.body.errors[0]).toMatchObject({ field: 'heldOn' });
    // Corrected and sent again under the same key: a fresh attempt.
    expect((await post(SESSIONS, w.facilitator, session('Besok, dibetulkan'), key)).status).toBe(201);
    const a = await post(SESSIONS, w.facilitator, session('Tanpa kunci'));
    const b = await post(SESSIONS, w.facilitator, session('Tanpa kunci'));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    expect(await sessions()).toBe(before + 3);
    expect((await post(SESSIONS, w.facilitator, session('x'), 'has space')).status).toBe(400);
  });

  it("keeps keys per user: another facilitator's key never answers with the first one's session", async () => {
    const other = await mentoringWorld(t);
    const otherAssignment = (await assign(t, other)).id;
    const key = randomUUID();
    const mine = await post(SESSIONS, w.facilitator, session('Milik saya'), key);
    const theirs = await post(SESSIONS, other.facilitator, { ...session('Milik saya'), assignmentId: otherAssignment }, key);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers['idempotency-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('adds a follow-up once per key', async () => {
    const s = await logSession(t, w, assignmentId);
    const key = randomUUID();
    const body = { sessionId: s.id, description: 'Jadwal kelas parenting bulanan', ownerSide: 'school', dueDate: '2026-03-01' };
    const first = await post(ACTIONS, w.facilitator, body, key);
    const again = await post(ACTIONS, w.facilitator, body, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const other = await post(ACTIONS, w.facilitator, { ...body, dueDate: '2026-03-02' }, key);
    expect(other.status).toBe(422);
    expect(await count('SELECT count(*) AS n FROM mentoring_actions WHERE session_id = $1', [s.id])).toBe(1);
  });

  it('stores an evidence photo once per key: the same file again is replayed, another file under the key is refused', async () => {
    const s = await logSession(t, w, assignmentId);
    const key = randomUUID();
    const first = await upload(s.id, PNG, 'foto-kegiatan.png', key);
    expect(first.status).toBe(201);
    const again = await upload(s.id, PNG, 'foto-kegiatan.png', key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await upload(s.id, OTHER_PNG, 'foto-kegiatan.png', key);
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', code: 'idempotency_key_reused' })]);
    const detail = await t.http.get(`${SESSIONS}/${s.id}`).set('Authorization', w.facilitator.auth);
    expect(detail.body.evidenceDocumentIds).toEqual([first.body.id]);
    expect(await count(`SELECT count(*) AS n FROM documents WHERE owner_type = 'mentoring_session' AND owner_id = $1`, [s.id])).toBe(1);
    // Without a key every upload is its own file, as before.
    expect((await upload(s.id, PNG, 'foto-kegiatan.png')).status).toBe(201);
    expect(await count(`SELECT count(*) AS n FROM documents WHERE owner_type = 'mentoring_session' AND owner_id = $1`, [s.id])).toBe(2);
  });

  it('documents the optional Idempotency-Key header on the mentoring writes that create records', async () => {
    const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; required?: boolean }> }>> };
    for (const path of ['/api/v1/mentoring/sessions', '/api/v1/mentoring/actions', '/api/v1/mentoring/sessions/{id}/evidence']) {
      expect(doc.paths[path].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false })]));
    }
  });
});
