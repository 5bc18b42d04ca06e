import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, loadDemoData } from '../../src/demo/demo';
import { PROGRAM_DEMO_IDS } from '../../src/demo/demo-programs';
import { CHART_NAMES } from '../../src/reports/reports.service';
import { BenchContext, expectThat, Scenario, ScenarioResult } from '../harness';
import { autocannon } from '../load';

/** The targets of docs/benchmarks.md, in MiB. */
const API_TARGET_MIB = 300;
const EMBEDDED_TARGET_MIB = 400;
const CHART_RENDERS = 300;
const ROOT = join(__dirname, '..', '..', '..');

/** package.json's start script. */
function startScript(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.trim();
}

/**
 * The node arguments of `npm start` (package.json's start script, e.g. the heap limit and
 * dist/src/main.js), so the processes measured are started exactly as users start them.
 */
function startArguments(): string[] {
  const [command, ...args] = startScript().split(/\s+/);
  expectThat(command === 'node', `npm start runs ${command}, not node: the memory scenario cannot start it the same way`);
  return args.map((arg) => (arg.endsWith('.js') ? join(ROOT, arg) : arg));
}

/** Resident and peak resident memory of a process, in MiB, from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kib('VmRSS') / 1024), peak: Math.round(kib('VmHWM') / 1024) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  base: string;
  readySeconds: number;
}

/** Starts the API as `npm start` does (its start script's arguments) with `env`, and waits until it is ready. */
async function startProcess(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const { DATABASE_URL: _inherited, ...parent } = process.env;
  const child = spawn(process.execPath, startArguments(), { env: { ...parent, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), JOBS_ENABLED: 'false', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  // Readiness by attempts, not by a deadline: a first embedded start on a busy machine takes long.
  for (let attempt = 0; attempt < 600; attempt++) {
    expectThat(child.exitCode === null, `the API exited with code ${child.exitCode} before it was ready`);
    const ok = await fetch(`${base}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { child, base, readySeconds: (Date.now() - started) / 1000 };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('the API did not become ready');
}

async function stopProcess(r: Running): Promise<void> {
  const exited = new Promise((resolve) => r.child.once('exit', resolve));
  r.child.kill('SIGTERM');
  await exited;
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  expectThat(res.status === 200, `sign-in of ${email} answered ${res.status}`);
  return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
}

/** `count` GETs of `paths` in turn, `parallel` at a time; every answer must be 200. */
async function hit(base: string, auth: string, paths: string[], count: number, parallel: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const path = paths[next++ % paths.length];
      const res = await fetch(`${base}${path}`, { headers: { Authorization: auth } });
      await res.arrayBuffer();
      expectThat(res.status === 200, `${path} answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

interface Row {
  what: string;
  rss: number;
  peak: number;
  target: number | null;
}

/**
 * Memory of the API process as users meet it, measured from outside (/proc) on processes started as
 * `npm start` starts them: the embedded mode after its first start, under use and after a restart;
 * the API on PostgreSQL after start, after 300 chart renders and under 64 connections.
 */
export const memoryScenario: Scenario = {
  name: 'memory',
  title: 'Memory',
  async run(ctx: BenchContext): Promise<ScenarioResult> {
    const rows: Row[] = [];
    const record = (what: string, pid: number, target: number | null) => rows.push({ what, ...memoryOf(pid), target });

    // The embedded mode, as a newcomer's first `npm start` runs it.
    const dataDir = mkdtempSync(join(tmpdir(), 'jalin-bench-pglite-'));
    let firstStart: number;
    try {
      const first = await startProcess({ NODE_ENV: 'development', PGLITE_DATA_DIR: join(dataDir, 'pglite') });
      firstStart = first.readySeconds;
      record('embedded mode: after its first start (schema and demo created)', first.child.pid!, EMBEDDED_TARGET_MIB);
      const auth = await signIn(first.base, 'csr@trakindo.example');
      await hit(first.base, auth, ['/api/v1/organizations?limit=50', `/api/v1/reports/portfolio?programId=${PROGRAM_DEMO_IDS.generasiTrakindo}`, `/api/v1/programs/${PROGRAM_DEMO_IDS.generasiTrakindo}`], 300, 8);
      record('embedded mode: after 300 reads, 8 at a time', first.child.pid!, EMBEDDED_TARGET_MIB);
      await stopProcess(first);
      const again = await startProcess({ NODE_ENV: 'development', PGLITE_DATA_DIR: join(dataDir, 'pglite') });
      record('embedded mode: after a restart', again.child.pid!, EMBEDDED_TARGET_MIB);
      await stopProcess(again);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }

    // The API on PostgreSQL with the demo, as a replica runs.
    await loadDemoData(ctx.dataSource);
    const api = await startProcess({ NODE_ENV: 'production', JWT_SECRET: randomBytes(48).toString('base64url'), DATABASE_URL: ctx.databaseUrl, SEED_DEMO: 'false', RUN_MIGRATIONS: 'false' });
    try {
      record('API on PostgreSQL: after start', api.child.pid!, null);
      const auth = await signIn(api.base, 'csr@trakindo.example');
      const load = await autocannon(`${api.base}/api/v1/organizations?type=school&limit=20`, { connections: 64, seconds: 10, headers: { Authorization: auth } });
      expectThat(load.errors === 0, `the list under 64 connections had ${load.errors} errors`);
      record('API on PostgreSQL: after 10 s of school lists at 64 connections', api.child.pid!, API_TARGET_MIB);
    } finally {
      await stopProcess(api);
    }
    // Charts in a process of their own, so its peak is theirs and not the list load's.
    const charting = await startProcess({ NODE_ENV: 'production', JWT_SECRET: randomBytes(48).toString('base64url'), DATABASE_URL: ctx.databaseUrl, SEED_DEMO: 'false', RUN_MIGRATIONS: 'false' });
    try {
      record('API on PostgreSQL (a new process): after start', charting.child.pid!, null);
      const auth = await signIn(charting.base, 'csr@trakindo.example');
      const charts = CHART_NAMES.map((name) => `/api/v1/reports/portfolio/charts/${name}?programId=${PROGRAM_DEMO_IDS.generasiTrakindo}&format=png`);
      await hit(charting.base, auth, charts, CHART_RENDERS, 4);
      record(`API on PostgreSQL (a new process): after ${CHART_RENDERS} PNG chart renders, 4 at a time`, charting.child.pid!, API_TARGET_MIB);
    } finally {
      await stopProcess(charting);
    }

    const verdict = (r: Row) => (r.target === null ? '' : r.peak <= r.target ? `under ${r.target} MiB` : `over ${r.target} MiB (missed)`);
    const sections = [
      '| process, moment | RSS MiB | peak RSS so far MiB | target |',
      '| --- | ---: | ---: | --- |',
      ...rows.map((r) => `| ${r.what} | ${r.rss} | ${r.peak} | ${verdict(r)} |`),
    ].join('\n');
    return {
      measurements: [],
      sections,
      notes: [
        `Each process is started as \`npm start\` starts it (\`${startScript()}\`; the embedded mode as a newcomer runs it, the API on PostgreSQL with production settings; jobs off) and read from /proc/<pid>/status: VmRSS now and VmHWM, the kernel's high-water mark since the process started.`,
        `The first embedded start took ${firstStart.toFixed(0)} s: a child process creates the schema and the reference case and exits, so what that needed goes back to the system before the API starts on a PGlite that holds only what serving needs.`,
        'Charts: the four portfolio charts of Generasi Trakindo as PNG, in turn, in an API process of their own. Vega draws the SVG and resvg the PNG in one worker thread with a bounded heap; the API process gets the PNG bytes back.',
      ],
      json: { rows },
    };
  },
};
