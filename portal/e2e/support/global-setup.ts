import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const ROOT = resolve(__dirname, '../../..');
const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function onServer(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function waitReady(baseURL: string, child: ChildProcess): Promise<void> {
  let exited = false;
  child.once('exit', () => (exited = true));
  // Start-up migrates and loads the demo: bounded by attempts, not by a clock assertion.
  for (let attempt = 0; attempt < 600; attempt++) {
    if (exited) throw new Error('the API exited during start-up (see its output above)');
    try {
      const res = await fetch(`${baseURL}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the API did not become ready');
}

/**
 * Starts the built API (dist/) with the portal on a fresh database holding the demo data: a new
 * database on TEST_DATABASE_URL's server or the local PostgreSQL; with neither, the embedded mode.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const main = join(ROOT, 'dist/src/main.js');
  const portalDir = resolve(process.env.PORTAL_DIR ?? join(ROOT, 'dist/portal'));
  if (!existsSync(main) || !existsSync(join(portalDir, 'index.html'))) {
    throw new Error(`build first (npm run build): ${existsSync(main) ? join(portalDir, 'index.html') : main} is missing`);
  }
  const port = process.env.JALIN_PORTAL_PORT as string;
  const baseURL = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    PORT: port,
    HOST: '127.0.0.1',
    PORTAL_DIR: portalDir,
    JWT_SECRET: 'portal-browser-tests-secret-0123456789abcdef',
    SEED_DEMO: 'true',
    RUN_MIGRATIONS: 'true',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
  };
  let cleanup: () => Promise<void> = async () => undefined;
  const server = process.env.TEST_DATABASE_URL ?? ((await answers(LOCAL_SERVER)) ? LOCAL_SERVER : null);
  if (server) {
    const name = `jalin_portal_${process.pid}_test`;
    await onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await onServer(server, `CREATE DATABASE "${name}"`);
    env.DATABASE_URL = withDatabase(server, name);
    // The journeys that must age their own records (an expired invitation) reach the database here.
    process.env.JALIN_PORTAL_DATABASE_URL = env.DATABASE_URL;
    cleanup = () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'jalin-portal-'));
    env.PGLITE_DATA_DIR = join(dir, 'pglite');
    delete env.DATABASE_URL;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const child = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    await waitReady(baseURL, child);
  } catch (err) {
    child.kill('SIGKILL');
    await cleanup();
    throw err;
  }
  return async () => {
    await new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
    await cleanup();
  };
}
