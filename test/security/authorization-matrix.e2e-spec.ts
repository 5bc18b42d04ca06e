import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRY_DOCUMENT_OWNER } from '../../src/competitions/entries.service';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from '../../src/demo/demo';
import { PLAN_DEMO_IDS } from '../../src/demo/demo-plans';
import { createTestApp, TestApp } from '../support/app';
import { AUTHORIZATION_MATRIX, MATRIX_ROLES, MatrixRole, MatrixScope } from './authorization-matrix';
import { Doc, matrixRequest, MatrixRequest, PDF, readWorld, World } from './support/matrix-requests';
import { copyDocumentFiles, copyId, copyTenant, Snapshot, toTenant } from './support/tenants';

// Every operation × every role × own organisation / another organisation / another organisation
// outside the region (and ids of another organisation inside the body), against two copies of the
// demo's reference case, compared with test/security/authorization-matrix.ts. Any difference fails,
// all of them listed at once; so does an operation the matrix does not list, or one it lists that
// the API no longer has. Every request is valid but for the point under test, and a request that
// changed anything is undone before the next, so each cell meets the same records in the same state.
//
//   MATRIX_DRAFT=path writes what was observed, in the matrix's notation (and the mismatches to
//   path.mismatches), to review against it; MATRIX_ONLY=<regular expression> calls only the
//   operations it matches (and then fails, so a partial run is never taken for a full one).

/** How files the demo's state no longer lets anyone upload are stored (owner type and kind, as the services store them). */
const STORED_AS: Record<string, { owner: string; kind: string }> = {
  entry: { owner: ENTRY_DOCUMENT_OWNER, kind: 'evidence' },
  receipt: { owner: 'expense_line', kind: 'receipt' },
};

type SignedRole = Exclude<MatrixRole, 'anonymous'>;
const METHODS = ['get', 'post', 'patch', 'put', 'delete'];
const UUID_G = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The expected status of a cell, by the matrix's notation (see authorization-matrix.ts). */
function expectedStatus(key: string, role: MatrixRole, scopes: MatrixScope[], scope: MatrixScope): number {
  const entry = AUTHORIZATION_MATRIX[key];
  const cell = entry?.[role] ?? (role === 'anonymous' ? 401 : 403);
  if (typeof cell === 'number') return cell;
  const parts = cell.split('/').map(Number);
  if (parts.length === 1) return parts[0];
  if (parts.length !== scopes.length || parts.some((p) => !Number.isInteger(p))) throw new Error(`${key} ${role}: "${cell}" must have one status or one per scope (${scopes.join('/')})`);
  return parts[scopes.indexOf(scope)];
}

/** The fields a validation problem names, for the message of a mismatch. */
function fieldsOf(body: any): string {
  const errors = Array.isArray(body?.errors) ? (body.errors as Array<{ field?: string; code?: string; message?: string }>) : [];
  return errors.length ? ` [${errors.map((e) => `${e.field}: ${e.code} ${e.message ?? ''}`).join('; ')}]` : '';
}

/** The scopes an operation has: one when its request names no record. */
function scopesOf(req: MatrixRequest): MatrixScope[] {
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-/i;
  const inPath = Object.values(req.path).some((v) => uuid.test(v));
  const inBody = uuid.test(JSON.stringify(req.body ?? {})) || uuid.test(JSON.stringify(req.query));
  if (!inPath && !inBody) return ['own'];
  return inPath && inBody ? ['own', 'other', 'outside', 'body'] : ['own', 'other', 'outside'];
}

function inScope(req: MatrixRequest, scope: MatrixScope): MatrixRequest {
  if (scope === 'own') return req;
  if (scope === 'body') return { ...req, body: toTenant('C', req.body), query: toTenant('C', req.query) };
  return toTenant(scope === 'other' ? 'B' : 'C', req);
}

describe('the authorization matrix', () => {
  let t: TestApp;
  let doc: Doc;
  let world: World;
  let snapshot: Snapshot;
  const documentsDir = mkdtempSync(join(tmpdir(), 'jalin-matrix-'));
  const tokens = new Map<string, string>();
  const outsideIds = new Set<string>();

  async function signIn(role: SignedRole) {
    const email = DEMO_USERS.find((u) => u.role === role)!.email;
    const res = await t.http.post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`sign-in of ${role}: ${res.status} ${JSON.stringify(res.body)}`);
    tokens.set(role, res.body.accessToken as string);
  }

  async function send(method: string, path: string, role: MatrixRole, req: MatrixRequest) {
    const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(req.path[name]));
    const qs = new URLSearchParams(req.query).toString();
    let r = (t.http as any)[method](`${url}${qs ? `?${qs}` : ''}`).set('Accept-Language', 'en');
    if (role !== 'anonymous') r = r.set('Authorization', `Bearer ${tokens.get(role)}`);
    if (method !== 'get') r = r.set('Idempotency-Key', randomUUID());
    if (req.upload) {
      for (const [k, v] of Object.entries(req.upload.fields)) r = r.field(k, v);
      r = path.endsWith('/import')
        ? r.attach('file', Buffer.from('npsn,name\n'), { filename: 'schools.csv', contentType: 'text/csv' })
        : r.attach('file', PDF, { filename: 'evidence.pdf', contentType: 'application/pdf' });
    } else if (req.body !== undefined) r = r.send(req.body as object);
    return (await r) as { status: number; body: any };
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { DOCUMENTS_DIR: documentsDir } });
    await loadDemoData(t.dataSource);
    // Every organisation of a demo user has a contact person, so each role has one of its own.
    await t.dataSource.query(
      `INSERT INTO contacts (organization_id, name, position, email, is_primary)
       SELECT o.id, 'Kontak ' || o.name, 'Staf', 'contact.' || left(o.id::text, 8) || '@jalin.example', true
         FROM organizations o WHERE o.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.organization_id = o.id)`,
      [DEMO_USERS.map((u) => u.org)],
    );
    // The principal edits the 2026 plan, so removing an editor has one to remove.
    await t.dataSource.query(`INSERT INTO plan_editors (plan_id, user_id) SELECT $1, id FROM users WHERE email = $2`, [PLAN_DEMO_IDS.plan2026, DEMO_USERS.find((u) => u.role === 'principal')!.email]);
    doc = (await t.http.get('/docs-json')).body as Doc;
    for (const u of DEMO_USERS) await signIn(u.role);
    world = await readWorld(t.dataSource);
    // The school's entry in the open 2026 competition, and the demo judge assigned to it.
    const entryBody = { ...(matrixRequest(doc, world, 'POST /api/v1/competitions/{id}/entries', 'principal').body as object), categoryId: world.entryCategory };
    const entry = await send('post', `/api/v1/competitions/${world.competition}/entries`, 'principal', { path: {}, query: {}, body: entryBody });
    if (entry.status !== 201) throw new Error(`the 2026 entry: ${entry.status} ${JSON.stringify(entry.body)}`);
    world.entry = String(entry.body.id);
    const assigned = await send('post', `/api/v1/competitions/${world.competition}/assignments`, 'csr_officer', { path: {}, query: {}, body: { judgeUserId: world.users.judge, entryId: world.entry } });
    if (assigned.status !== 201) throw new Error(`the 2026 judge assignment: ${assigned.status} ${JSON.stringify(assigned.body)}`);
    [{ id: world.judgeAssignment }] = (await t.dataSource.query(`SELECT id FROM judge_assignments WHERE entry_id = $1 AND judge_user_id = $2`, [world.entry, world.users.judge])) as Array<{ id: string }>;
    // A mentoring session the principal has not confirmed yet, and a draft expense report with one line.
    const session = await send('post', '/api/v1/mentoring/sessions', 'facilitator', { path: {}, query: {}, body: matrixRequest(doc, world, 'POST /api/v1/mentoring/sessions', 'facilitator').body });
    if (session.status !== 201) throw new Error(`the open session: ${session.status} ${JSON.stringify(session.body)}`);
    world.openSession = String(session.body.id);
    const report = await send('post', `/api/v1/grants/${world.grant}/expense-reports`, 'principal', { path: {}, query: {}, body: matrixRequest(doc, world, 'POST /api/v1/grants/{id}/expense-reports', 'principal').body });
    if (report.status !== 201) throw new Error(`the draft expense report: ${report.status} ${JSON.stringify(report.body)}`);
    world.draftReport = String(report.body.id);
    [{ id: world.draftLine }] = (await t.dataSource.query(`SELECT id FROM expense_lines WHERE report_id = $1 ORDER BY position LIMIT 1`, [world.draftReport])) as Array<{ id: string }>;
    // A document of each kind in tenant A, uploaded as the role that keeps such documents.
    const uploads: Array<[keyof World['documents'], string, SignedRole, Record<string, string>]> = [
      ['plan', `/api/v1/plans/${world.runningPlan}/activities/${world.activity}/progress`, 'principal', { status: 'in_progress' }],
      ['session', `/api/v1/mentoring/sessions/${world.openSession}/evidence`, 'facilitator', {}],
      ['mou', `/api/v1/mous/${world.mou}/documents`, 'csr_officer', { kind: 'annex' }],
      ['entry', `/api/v1/entries/${world.entry}/evidence`, 'principal', {}],
      ['receipt', `/api/v1/grants/${world.grant}/expense-reports/${world.draftReport}/lines/${world.draftLine}/receipts`, 'principal', {}],
      ['practice', `/api/v1/practices/${world.draftPractice}/evidence`, 'principal', {}],
      ['parentEngagement', `/api/v1/parent-engagement/activities/${world.parentActivity}/evidence`, 'principal', {}],
      ['facility', `/api/v1/facilities/${world.facilityItem}/condition-checks`, 'principal', { condition: 'good', checkedOn: new Date().toISOString().slice(0, 10) }],
    ];
    for (const [kind, url, role, fields] of uploads) {
      const method = kind === 'plan' ? 'put' : 'post';
      let res = await send(method, url, role, { path: {}, query: {}, upload: { fields } });
      if (res.status >= 300) res = await send(method, url, 'admin', { path: {}, query: {}, upload: { fields } });
      const stored = STORED_AS[kind];
      if (res.status >= 300 && stored) {
        // The demo's entry and expense report are past the point where files are added: the file is
        // stored as an upload would have stored it.
        const key = randomUUID();
        const [from] = (await t.dataSource.query(`SELECT storage_key FROM documents ORDER BY created_at LIMIT 1`)) as Array<{ storage_key: string }>;
        mkdirSync(join(documentsDir, key.slice(0, 2)), { recursive: true });
        copyFileSync(join(documentsDir, from.storage_key.slice(0, 2), from.storage_key), join(documentsDir, key.slice(0, 2), key));
        const ownerId = kind === 'entry' ? world.entry : world.draftLine;
        const [doc_] = (await t.dataSource.query(
          `INSERT INTO documents (owner_type, owner_id, kind, filename, content_type, size_bytes, sha256, storage_key, uploaded_by_user_id)
           SELECT $1, $2, $3, 'evidence.pdf', content_type, size_bytes, sha256, $4, $5 FROM documents WHERE storage_key = $6 RETURNING id`,
          [stored.owner, ownerId, stored.kind, key, world.users.principal, from.storage_key],
        )) as Array<{ id: string }>;
        if (kind === 'receipt') await t.dataSource.query(`UPDATE expense_lines SET receipt_document_ids = receipt_document_ids || $1::uuid WHERE id = $2`, [doc_.id, ownerId]);
        else await t.dataSource.query(`UPDATE competition_entries SET evidence_document_ids = evidence_document_ids || $1::uuid WHERE id = $2`, [doc_.id, ownerId]);
        res = { status: 201, body: {} };
      }
      const [row] = (await t.dataSource.query(`SELECT id FROM documents ORDER BY created_at DESC LIMIT 1`)) as Array<{ id: string }>;
      if (res.status >= 300 || !row || Object.values(world.documents).includes(row.id)) throw new Error(`upload of a ${kind} document: ${res.status} ${JSON.stringify(res.body)}`);
      world.documents[kind] = row.id;
    }
    world.draftReportVersion = Number(((await t.dataSource.query(`SELECT version FROM expense_reports WHERE id = $1`, [world.draftReport])) as Array<{ version: number }>)[0].version);
    const files = ((await t.dataSource.query(`SELECT storage_key FROM documents`)) as Array<{ storage_key: string }>).map((r) => r.storage_key);
    // The ids of every record of tenant C: no answer to a caller of tenant A may hold one.
    const idColumns = (await t.dataSource.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'uuid' AND column_name = 'id'`,
    )) as Array<{ table_name: string; column_name: string }>;
    for (const { table_name } of idColumns)
      for (const { id } of (await t.dataSource.query(`SELECT id FROM "${table_name}"`)) as Array<{ id: string }>) outsideIds.add(copyId('C', id));
    for (const tenant of ['B', 'C'] as const) {
      await copyTenant(t.dataSource, tenant);
      await copyDocumentFiles(documentsDir, files, tenant);
    }
    snapshot = await Snapshot.take(t.dataSource);
  }, 10 * 60_000);
  afterAll(async () => {
    await t?.close();
    rmSync(documentsDir, { recursive: true, force: true });
  });

  it('lists every operation of the API, and only those', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${path}`));
    const listed = Object.keys(AUTHORIZATION_MATRIX);
    // An operation listed here needs an entry in test/security/authorization-matrix.ts.
    const unlisted = operations.filter((o) => !listed.includes(o));
    const gone = listed.filter((o) => !operations.includes(o));
    expect({ unlisted, gone }).toEqual({ unlisted: [], gone: [] });
    for (const [key, entry] of Object.entries(AUTHORIZATION_MATRIX))
      for (const role of Object.keys(entry)) if (role !== 'why' && role !== 'directory') expect([key, MATRIX_ROLES.includes(role as MatrixRole)]).toEqual([key, true]);
  });

  it(
    'answers every operation, as every role, for every scope, as the matrix says',
    async () => {
      const mismatches: string[] = [];
      const draft: Record<string, Record<string, string | number>> = {};
      let calls = 0;
      let restores = 0;
      const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => ({ method: m, path, key: `${m.toUpperCase()} ${path}` })));
      // MATRIX_ONLY=<regular expression> calls only the operations it matches (the run then fails, to be repeated in full).
      const only = process.env.MATRIX_ONLY ? new RegExp(process.env.MATRIX_ONLY) : null;
      for (const { method, path, key } of operations.filter((o) => !only || only.test(o.key))) {
        draft[key] = {};
        for (const role of MATRIX_ROLES) {
          const own = matrixRequest(doc, world, key, role === 'anonymous' ? 'admin' : role);
          const scopes = scopesOf(own);
          const seen: number[] = [];
          for (const scope of scopes) {
            const req = inScope(own, scope);
            const xid = await Snapshot.nextXid(t.dataSource);
            let res = await send(method, path, role, req);
            // A session ended by an earlier request (signing out, a password change): sign in again.
            if (res.status === 401 && role !== 'anonymous') {
              await signIn(role);
              res = await send(method, path, role, req);
            }
            calls++;
            seen.push(res.status);
            // Only an accepted write changes records (the fuzz suite shows a refused one changes no
            // table; a read may only note that the session was used), so only it is undone.
            if (method !== 'get' && res.status < 400 && (await Snapshot.nextXid(t.dataSource)) !== xid) {
              await snapshot.restore();
              restores++;
            }
            let expected: number;
            try {
              expected = expectedStatus(key, role, scopes, scope);
            } catch (e) {
              mismatches.push(String((e as Error).message));
              continue;
            }
            // A list or record of one's own that carries a record of tenant C (another organisation outside the region).
            if (scope === 'own' && role !== 'admin' && res.status < 300 && !AUTHORIZATION_MATRIX[key]?.directory) {
              const leaked = (JSON.stringify(res.body ?? {}).match(UUID_G) ?? []).filter((id) => outsideIds.has(id));
              if (leaked.length > 0) mismatches.push(`${key} as ${role}: the answer holds ${leaked.length} id(s) of another organisation outside the region, e.g. ${leaked[0]}`);
            }
            if (res.status !== expected) mismatches.push(`${key} as ${role} (${scope}): expected ${expected}, got ${res.status} ${res.body?.code ?? ''} ${String(res.body?.detail ?? '').slice(0, 160)}${fieldsOf(res.body)}`);
          }
          const cell = seen.every((s) => s === seen[0]) ? seen[0] : seen.join('/');
          const fallback = role === 'anonymous' ? 401 : 403;
          if (cell !== fallback) draft[key][role] = cell;
        }
      }
      if (process.env.MATRIX_DRAFT) {
        writeFileSync(process.env.MATRIX_DRAFT, JSON.stringify(draft, null, 1));
        writeFileSync(`${process.env.MATRIX_DRAFT}.mismatches`, mismatches.join('\n'));
      }
      // docs/security.md quotes this line.
      console.log(`authorization matrix: ${operations.length} operations × ${MATRIX_ROLES.length} roles × scopes = ${calls} calls, ${restores} restores, mismatches ${mismatches.length}`);
      expect(mismatches).toEqual([]);
      expect(only).toBeNull();
    },
    20 * 60_000,
  );
});
