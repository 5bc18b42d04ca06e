import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
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

/** Resolves once `socket` has received text that `done` accepts (or rejects when it closes first). */
function receive(socket: Socket, done: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (done(text)) {
        socket.off('data', onData);
        socket.off('close', onClose);
        resolve(text);
      }
    };
    const onClose = () => reject(new Error(`the socket closed after: ${JSON.stringify(text)}`));
    socket.on('data', onData);
    socket.once('close', onClose);
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
    // One request surely in flight at the signal: its headers sent with "Expect: 100-continue", so the
    // server's "100 Continue" proves it is reading that request; its body follows the signal.
    const body = JSON.stringify({ email: 'nobody@sekolah.example', password: 'not the password' });
    const CONTINUE = '100 Continue\r\n\r\n';
    const inFlight = connect(port, '127.0.0.1');
    await new Promise((resolve) => inFlight.once('connect', resolve));
    const continued = receive(inFlight, (text) => text.includes(CONTINUE));
    inFlight.write(
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\nConnection: keep-alive\r\n\r\n`,
    );
    await continued;
    // The keep-alive load has been answered for a while too.
    while (answers.length <= WORKERS) await new Promise((r) => setImmediate(r));
    signalledAt = Date.now();
    child.kill('SIGTERM');
    const lateAnswer = receive(inFlight, (text) => {
      // The "100 Continue" was read before: this is the final answer alone.
      const head = text;
      const end = head.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(head.slice(0, end))?.[1];
      return end >= 0 && length !== undefined && Buffer.byteLength(head.slice(end + 4), 'latin1') >= Number(length);
    });
    inFlight.write(body);
    const late = await lateAnswer;
    inFlight.destroy();
    const code = await exited;
    await load;
    agent.destroy();

    // Exit code 0: done before the shutdown timeout, which would end the process with 1.
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
    // Load ran before the signal, and nothing failed then.
    expect(answers.filter((a) => !a.afterSignal).length).toBeGreaterThan(WORKERS);
    expect(failures.filter((f) => !f.afterSignal)).toEqual([]);
    // Every answer, before and after the signal, is whole and is the route's own answer.
    for (const a of answers) {
      expect(a.complete).toBe(true);
      expect([200, 401]).toContain(a.status);
      expect(() => JSON.parse(a.body)).not.toThrow();
    }
    // The request in flight at the signal was answered in full (the sign-in's own refusal), telling its
    // client to close the socket.
    const lateHead = late;
    expect(lateHead).toMatch(/^HTTP\/1\.1 (401|422|429) /);
    expect(lateHead).toMatch(/\r\nconnection: close\r\n/i);
    expect(() => JSON.parse(lateHead.slice(lateHead.indexOf('\r\n\r\n') + 4))).not.toThrow();
    // The server then stopped taking requests: each worker ended on a closed door, not a cut answer.
    expect(failures.filter((f) => f.afterSignal).every((f) => ['ECONNREFUSED', 'ECONNRESET'].includes(f.error))).toBe(true);
  }, 120_000);
});
