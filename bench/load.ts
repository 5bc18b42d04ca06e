import { execFile, execFileSync } from 'node:child_process';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** What one load run measured. */
export interface LoadResult {
  /** Completed requests per second over the run. */
  rps: number;
  requests: number;
  /** Latency percentiles, ms. */
  p50: number;
  p99: number;
  /** Connection errors, timeouts and answers other than 2xx. */
  errors: number;
  seconds: number;
}

/** The subset of autocannon's JSON result the benchmark reads. */
interface AutocannonJson {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  requests: { total: number };
  latency: { p50: number; p99: number };
}

/** A request of a list that each connection sends in turn (see `autocannon`'s `requests`). */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Runs autocannon with a list of requests that each connection sends in turn (different accounts,
 * different assignments), which its command line cannot do: autocannon's own API in a process of its
 * own, its options read as JSON from the file named by its argument, its result printed as JSON.
 */
const LIST_DRIVER = `
const options = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
const { autocannon: modulePath, seconds, amount, headers, requests, ...rest } = options;
require(modulePath)(
  {
    ...rest,
    ...(amount !== undefined ? { amount } : { duration: seconds ?? 3 }),
    headers,
    requests: requests.map((r) => ({ method: r.method, path: r.path, headers: { ...headers, ...r.headers }, body: r.body })),
    idReplacement: true,
  },
  (err, result) => {
    if (err) {
      process.stderr.write(String(err.stack || err));
      process.exit(1);
    }
    process.stdout.write(JSON.stringify(result));
  },
);`;

/**
 * Loads `url` with autocannon in its own process (so the load generator never shares the servers'
 * event loop): `connections` keep-alive connections for `seconds`, or `amount` requests in all. With
 * `requests`, each connection sends those in turn (paths relative to `url`'s origin), `[<id>]` in any
 * of them (headers and body) replaced by a new id each time, e.g. for an Idempotency-Key.
 */
export function autocannon(
  url: string,
  options: { connections: number; seconds?: number; amount?: number; headers: Record<string, string>; requests?: LoadRequest[] },
): Promise<LoadResult> {
  let args: string[];
  let dir: string | null = null;
  if (options.requests) {
    dir = mkdtempSync(join(tmpdir(), 'jalin-load-'));
    const file = join(dir, 'options.json');
    const { requests, ...rest } = options;
    writeFileSync(file, JSON.stringify({ ...rest, url, requests, autocannon: require.resolve('autocannon') }));
    args = ['-e', LIST_DRIVER, file];
  } else {
    args = [require.resolve('autocannon'), '--json', '--no-progress', '-c', String(options.connections)];
    if (options.amount !== undefined) args.push('-a', String(options.amount));
    else args.push('-d', String(options.seconds ?? 3));
    for (const [k, v] of Object.entries(options.headers)) args.push('-H', `${k}=${v}`);
    args.push(url);
  }
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
      let r: AutocannonJson;
      try {
        if (err) throw err;
        r = JSON.parse(stdout) as AutocannonJson;
      } catch (failure) {
        reject(new Error(`autocannon ${args.slice(1).join(' ')} failed: ${failure instanceof Error ? failure.message : String(failure)}\n${stderr}`));
        return;
      }
      const requests = r['2xx'] + r.non2xx;
      resolve({ rps: requests / r.duration, requests, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx, seconds: r.duration });
    });
  });
}

let ticksPerSecond = 100;
try {
  // USER_HZ: what /proc counts CPU time in. 100 on Linux unless the kernel says otherwise.
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  ticksPerSecond = 100;
}

/** User + system CPU time of a process so far, ms, from /proc/<pid>/stat; 0 once it has gone. */
export function cpuMs(pid: number | 'self'): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: the fields after it start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/**
 * CPU time of this process (where the servers run) and of the PostgreSQL backends of one database,
 * read from /proc. It asks PostgreSQL for the backends over a connection of its own, left out of the
 * sum.
 */
export class CpuMeter {
  private constructor(private readonly client: Client) {}

  /** Opens the meter's connection to `databaseUrl`. */
  static async open(databaseUrl: string): Promise<CpuMeter> {
    const client = new Client({ connectionString: databaseUrl });
    client.on('error', () => {});
    await client.connect();
    return new CpuMeter(client);
  }

  private async backendPids(): Promise<number[]> {
    const { rows } = await this.client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    return rows.map((r) => r.pid);
  }

  /** A reading of this process and of every backend of the database. */
  async sample(): Promise<CpuSample> {
    const backends = new Map((await this.backendPids()).map((pid) => [pid, cpuMs(pid)]));
    return { process: cpuMs('self'), backends };
  }

  /**
   * CPU ms spent since `before` by this process and by the backends. A backend that appeared in
   * between counts from zero (its start-up included); one that closed in between is lost, so runs
   * are kept shorter than the pools' idle timeout.
   */
  async since(before: CpuSample): Promise<{ process: number; postgres: number }> {
    const process = cpuMs('self') - before.process;
    let postgres = 0;
    for (const pid of await this.backendPids()) postgres += cpuMs(pid) - (before.backends.get(pid) ?? 0);
    return { process, postgres };
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** A CPU reading of this process and of the database's backends, ms. */
export interface CpuSample {
  process: number;
  backends: Map<number, number>;
}

/** Share of the sampled CPU time of this process, by where the code comes from. */
export interface ProfileShare {
  what: string;
  percent: number;
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
  children?: number[];
}

/** Where a sampled function's code comes from: an npm package, Node itself, V8, the garbage collector or this repository. */
function origin(frame: CpuProfileNode['callFrame']): string {
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (frame.functionName === '(program)') return 'V8 and native code';
  if (frame.functionName === '(root)') return 'V8 and native code';
  if (frame.functionName === '(idle)') return '(idle)';
  const url = frame.url;
  if (url.startsWith('node:')) return 'Node core (http, net, streams, crypto)';
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1];
  if (url.includes('/src/')) return 'Jalin (src/)';
  if (url.includes('/bench/')) return 'benchmark (bench/)';
  return url === '' ? 'V8 and native code' : 'other';
}

/**
 * Runs `fn` under the V8 sampling profiler of this process (1 ms interval) and answers where the busy
 * time went, by origin, largest first, and how busy the process was.
 */
export async function profileWhile(fn: () => Promise<unknown>): Promise<{ busyPercent: number; shares: ProfileShare[]; functions: ProfileShare[] }> {
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result as T))));
  let nodes: CpuProfileNode[] | undefined;
  try {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 1000 });
    await post('Profiler.start');
    try {
      await fn();
    } finally {
      nodes = (await post<{ profile: { nodes: CpuProfileNode[] } }>('Profiler.stop')).profile.nodes;
    }
  } finally {
    session.disconnect();
  }
  // A builtin without a script of its own (JSON.stringify, a RegExp, a Map) counts for the code that called it.
  const all = nodes ?? [];
  const byId = new Map(all.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of all) for (const child of node.children ?? []) parent.set(child, node.id);
  const originOf = (node: CpuProfileNode): string => {
    let at: CpuProfileNode | undefined = node;
    while (at) {
      const what = origin(at.callFrame);
      if (what !== 'V8 and native code' || at.callFrame.functionName === '(program)') return what;
      const up = parent.get(at.id);
      at = up === undefined ? undefined : byId.get(up);
    }
    return 'V8 and native code';
  };
  const byOrigin = new Map<string, number>();
  for (const node of all) if (node.hitCount) byOrigin.set(originOf(node), (byOrigin.get(originOf(node)) ?? 0) + node.hitCount);
  const idle = byOrigin.get('(idle)') ?? 0;
  byOrigin.delete('(idle)');
  const busy = [...byOrigin.values()].reduce((s, v) => s + v, 0);
  const shares = [...byOrigin.entries()].map(([what, hits]) => ({ what, percent: (100 * hits) / Math.max(1, busy) })).sort((a, b) => b.percent - a.percent);
  // The functions with the most time of their own, named with their script's file.
  const byFunction = new Map<string, number>();
  for (const node of all) {
    const { functionName, url } = node.callFrame;
    if (!node.hitCount || functionName === '(idle)') continue;
    const name = `${functionName || '(anonymous)'}${url ? ` (${url.replace(/^.*\/node_modules\//, '').replace(/^.*\/(src|bench)\//, '$1/').replace(/^file:\/\//, '')})` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + node.hitCount);
  }
  const functions = [...byFunction.entries()]
    .map(([what, hits]) => ({ what, percent: (100 * hits) / Math.max(1, busy) }))
    .sort((a, b) => b.percent - a.percent)
    .slice(0, 10);
  return { busyPercent: (100 * busy) / Math.max(1, busy + idle), shares, functions };
}

/** Latencies of requests sent one after another. */
export interface SequentialResult {
  requests: number;
  /** ms, to the hundredth. */
  p50: number;
  p99: number;
  mean: number;
}

/**
 * Sends `count` GET requests one after another over one keep-alive connection from this process and
 * times each from the first byte sent to the last byte read. For the latency of one request beside
 * its SQL time, finer than autocannon's whole milliseconds; the server is idle while this process
 * sends and reads, so the two do not compete.
 */
export async function sequential(url: string, count: number, headers: Record<string, string>): Promise<SequentialResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = request(url, { agent, headers }, (res) => {
        res.on('data', () => {});
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${url} answered ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end();
    });
  try {
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) times.push(await once());
    times.sort((a, b) => a - b);
    const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] * 100) / 100;
    return { requests: count, p50: at(0.5), p99: at(0.99), mean: Math.round((times.reduce((s, t) => s + t, 0) / count) * 100) / 100 };
  } finally {
    agent.destroy();
  }
}
