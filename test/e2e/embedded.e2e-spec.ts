import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_IDS, DEMO_PASSWORD } from '../../src/demo/demo';
import { PROGRAM_DEMO_IDS } from '../../src/demo/demo-programs';

const DEMO_PARTNERSHIP = PROGRAM_DEMO_IDS.partnershipOf(DEMO_IDS.pelambuan4);

const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');
/** Readiness polls, READY_POLL_MS apart (plus each poll's own wait): about 5 minutes at the least. */
const READY_ATTEMPTS = 1200;
const READY_POLL_MS = 250;
/** Only a guard against a hang: two starts and stops, each bounded above. */
const TEST_TIMEOUT_MS = 15 * 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  base: string;
}

/** Starts the built API with no DATABASE_URL, as `npm start` does on a fresh machine. */
async function startApi(dataDir: string, env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [MAIN], {
    env: { ...parentEnv, PORT: String(port), HOST: '127.0.0.1', PGLITE_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A loaded machine may take a minute or more to compile, migrate and load the demo: poll until
  // ready, the process exits, or READY_ATTEMPTS polls (minutes) have passed; never a fixed race.
  for (let attempt = 0; attempt < READY_ATTEMPTS; attempt++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(10_000) });
      if (res.status === 200) return { child, output: () => out, base };
    } catch {
      // not listening yet, or too busy to answer in time
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, READY_POLL_MS))]);
  }
  child.kill('SIGKILL');
  throw new Error(`the API did not become ready after ${READY_ATTEMPTS} attempts:\n${out}`);
}

/** SIGTERM, then the exit code; the API's own shutdown timeout bounds the wait. */
function stop(r: Running): Promise<number | null> {
  return new Promise((resolve) => {
    if (r.child.exitCode !== null) return resolve(r.child.exitCode);
    r.child.once('exit', (code) => resolve(code));
    r.child.kill('SIGTERM');
  });
}

async function call(base: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('embedded mode (PGlite, no DATABASE_URL)', () => {
  const root = mkdtempSync(join(tmpdir(), 'jalin-embedded-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('starts, migrates, loads the demo once, serves /health/ready, and keeps records across a restart', async () => {
    const dataDir = join(root, 'pglite');
    const first = await startApi(dataDir);
    let orgId: string;
    try {
      const ready = await call(first.base, '/health/ready');
      expect(ready.body).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', documents: 'ok' } });
      const login = await call(first.base, '/api/v1/auth/login', { method: 'POST', body: { email: 'admin@jalin.example', password: DEMO_PASSWORD } });
      expect(login.status).toBe(200);
      const schools = await call(first.base, '/api/v1/organizations?q=Pelambuan', { token: login.body.accessToken });
      expect(schools.body.items.map((o: { name: string }) => o.name)).toContain('SDN Pelambuan 4 Banjarmasin');
      const created = await call(first.base, '/api/v1/organizations', {
        method: 'POST',
        token: login.body.accessToken,
        body: { type: 'company', name: 'PT Tetap Ada Setelah Restart' },
      });
      expect(created.status).toBe(201);
      orgId = created.body.id;

      // A portal page asks several things at once: the pool's connections share PGlite's one session,
      // each statement and transaction whole (a report's snapshot, a write, lists and a timeline).
      const token = login.body.accessToken as string;
      const paths = [
        '/api/v1/organizations?limit=50',
        `/api/v1/reports/portfolio?programId=${PROGRAM_DEMO_IDS.generasiTrakindo}`,
        `/api/v1/partnerships/${DEMO_PARTNERSHIP}/timeline`,
        '/api/v1/auth/me',
      ];
      const answers = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          i % 6 === 5
            ? call(first.base, '/api/v1/organizations', { method: 'POST', token, body: { type: 'company', name: `PT Serentak ${i}` } })
            : call(first.base, paths[i % paths.length], { token }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 24 }, (_, i) => (i % 6 === 5 ? 201 : 200)));
    } finally {
      expect(await stop(first)).toBe(0);
    }

    const second = await startApi(dataDir);
    try {
      const login = await call(second.base, '/api/v1/auth/login', { method: 'POST', body: { email: 'admin@jalin.example', password: DEMO_PASSWORD } });
      expect(login.status).toBe(200);
      const again = await call(second.base, `/api/v1/organizations/${orgId}`, { token: login.body.accessToken });
      expect(again.status).toBe(200);
      expect(again.body.name).toBe('PT Tetap Ada Setelah Restart');
      // The demo was not loaded a second time.
      const users = await call(second.base, '/api/v1/users?limit=100', { token: login.body.accessToken });
      expect(users.body.items.filter((u: { email: string }) => u.email === 'admin@jalin.example')).toHaveLength(1);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, TEST_TIMEOUT_MS);

  it('stops with one line naming a malformed variable', async () => {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, PORT: 'eighty', PGLITE_DATA_DIR: join(root, 'unused') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual(['configuration error: PORT must be a whole number between 0 and 65535, got "eighty"']);
  });
});
