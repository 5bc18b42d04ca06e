import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/** Any secret of 32+ characters: the test signs nothing itself. */
const TEST_JWT_SECRET = 'shutdown-test-secret-0123456789abcdef';
import { cloneTemplate, dropDatabase } from '../support/database';

/** The built API, as CI starts it; JALIN_API_MAIN points elsewhere to try another build. */
const MAIN = process.env.JALIN_API_MAIN ?? join(__dirname, '..', '..', 'dist', 'src', 'main.js');
const SHUTDOWN_TIMEOUT_MS = 15_000;
const WORKERS = 8;
/** Bounds the load: each worker stops after this many requests even if the server never stops. */
const MAX_REQUESTS_PER_WORKER = 2_000;

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

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
  complete: boolean;
  afterSignal: boolean;
}

/** One GET on a keep-alive agent: the answer with whether its body arrived whole, or the socket error. */
function get(agent: Agent, port: number, path: string, signalled: () => boolean): Promise<Answer | { error: string; afterSignal: boolean }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { Connection: 'keep-alive' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body, complete: res.complete, afterSignal: signalled() }));
      res.on('error', (e) => resolve({ error: `response: ${e.message}`, afterSignal: signalled() }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message, afterSignal: signalled() }));
    req.end();
  });
}

describe('shutdown under keep-alive load', () => {
  const server = process.env.JALIN_TEST_SERVER ?? '';
  const name = `jalin_shutdown_${randomBytes(4).toString('hex')}_test`;
  const documents = mkdtempSync(join(tmpdir(), 'jalin-shutdown-'));
  let child: ChildProcess | undefined;
  let output = '';

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(documents, { recursive: true, force: true });
    await dropDatabase(server, name);
  });

  it('on SIGTERM stops taking requests, answers those in flight in full, and exits 0 well inside the timeout', async () => {
    const databaseUrl = await cloneTemplate(server, name);
    const port = await freePort();
    child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        JWT_SECRET: TEST_JWT_SECRET,
        RUN_MIGRATIONS: 'false',
        SEED_DEMO: 'false',
        JOBS_ENABLED: 'false',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DOCUMENTS_DIR: documents,
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    for (let attempt = 0; ; attempt++) {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${output}`);
      if (attempt > 600) throw new Error(`the API did not become ready:\n${output}`);
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null);
      if (res?.status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }

    const agent = new Agent({ keepAlive: true, maxSockets: WORKERS });
    let signalledAt = 0;
    const signalled = () => signalledAt > 0;
    const answers: Answer[] = [];
    const failures: Array<{ error: string; afterSignal: boolean }> = [];
    const worker = async (n: number) => {
      for (let i = 0; i < MAX_REQUESTS_PER_WORKER; i++) {
        const r = await get(agent, port, n % 2 === 0 ? '/health/ready' : '/api/v1/auth/me', signalled);
        if ('error' in r) {
          failures.push(r);
          // Refused: the server no longer listens; this worker is done.
          if (r.afterSignal) return;
        } else {
          answers.push(r);
        }
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, (_, n) => worker(n)));
    await new Promise((r) => setTimeout(r, 1_000));
    signalledAt = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    const shutdownMs = Date.now() - signalledAt;
    await load;
    agent.destroy();

    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
    expect(shutdownMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS / 3);
    // Load ran before the signal, and nothing failed then.
    expect(answers.filter((a) => !a.afterSignal).length).toBeGreaterThan(WORKERS);
    expect(failures.filter((f) => !f.afterSignal)).toEqual([]);
    // Every answer, before and after the signal, is whole and is the route's own answer.
    for (const a of answers) {
      expect(a.complete).toBe(true);
      expect([200, 401]).toContain(a.status);
      expect(() => JSON.parse(a.body)).not.toThrow();
    }
    // Requests in flight at the signal were answered, each telling its client to close the socket.
    // (Some answers read after the signal had left the server before it; they may still say keep-alive.)
    const late = answers.filter((a) => a.afterSignal);
    expect(late.filter((a) => a.connection === 'close').length).toBeGreaterThan(0);
    // The server then stopped taking requests: each worker ended on a closed door, not a cut answer.
    expect(failures.filter((f) => f.afterSignal).every((f) => ['ECONNREFUSED', 'ECONNRESET'].includes(f.error))).toBe(true);
  }, 120_000);
});
