import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.setup';
import { hashPassword } from '../src/auth/passwords';
import { AppLogger } from '../src/common/logging/logger';
import { loadConfig } from '../src/config/env';
import { dataSourceOptions, runMigrationsLocked } from '../src/database/data-source';
import { assertTestDatabase, onServer } from '../test/support/database';

/** What every scenario gets: the running API, its database, and an admin's bearer header. */
export interface BenchContext {
  baseUrl: string;
  dataSource: DataSource;
  adminAuth: string;
  /** The bench database, for a scenario that starts a server of its own beside the API. */
  databaseUrl: string;
  /** `--scale <n>` on the command line; each scenario has its own default. */
  scale?: number;
}

/** What a scenario found. */
export interface ScenarioResult {
  /** The table of timed steps; left out of the page when empty. */
  measurements: Measurement[];
  /** Markdown placed after the table (tables of its own, for instance). */
  sections?: string;
  notes: string[];
  /** The raw figures, written to bench/results/<name>.json. */
  json?: unknown;
}

/** One measured step of a scenario, as it appears in the results table. */
export interface Measurement {
  step: string;
  /** Wall time of the HTTP request, upload and response included. */
  ms: number;
  /** What the step answered, e.g. "200: created 50,000". */
  result: string;
  /** Peak resident memory of the process (API and harness together) so far, in MiB. */
  peakRssMiB: number;
}

/** A named benchmark: `npm run bench -- <name>` runs only it. */
export interface Scenario {
  name: string;
  /** The heading of its section in docs/benchmarks.md. */
  title: string;
  run(ctx: BenchContext): Promise<ScenarioResult>;
}

/** A number from the environment (a benchmark's option), or `fallback` when unset. */
export function envNumber(name: string, fallback: number): number {
  return process.env[name] ? Number(process.env[name]) : fallback;
}

/** A comma-separated list of connection counts from the environment, e.g. "8,64". */
export function envConnections(name: string, fallback = '8,64'): number[] {
  return (process.env[name] ?? fallback).split(',').map(Number);
}

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/jalin_bench_test';

/** The API's database pool size in the benchmark; the baseline server gets the same. */
export const BENCH_POOL_MAX = 10;

/** Peak resident set size of this process so far, in MiB (the kernel's high-water mark). */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Runs `fn` and measures it. */
export async function measure<T>(step: string, fn: () => Promise<T>, describe: (value: T) => string): Promise<{ value: T; measurement: Measurement }> {
  const started = performance.now();
  const value = await fn();
  const ms = performance.now() - started;
  return { value, measurement: { step, ms, result: describe(value), peakRssMiB: peakRssMiB() } };
}

/** Throws when a benchmark step did not do what it should: figures of a broken run are worthless. */
export function expectThat(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`benchmark check failed: ${message}`);
}

/** Drops and recreates the bench database (its name must end in _test) and runs every migration. */
export async function freshDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  assertTestDatabase(name);
  await onServer(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  const ds = new DataSource(dataSourceOptions(url, 2));
  await ds.initialize();
  try {
    await runMigrationsLocked(ds);
  } finally {
    await ds.destroy();
  }
}

/** Drops the bench database. */
export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  assertTestDatabase(name);
  await onServer(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Starts the API in this process on a random loopback port, as main.ts would, with the production settings. */
export async function startApi(databaseUrl: string): Promise<{ app: INestApplication; baseUrl: string; dataSource: DataSource }> {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    RUN_MIGRATIONS: 'false',
    DB_POOL_MAX: String(BENCH_POOL_MAX),
  });
  const app = await createApp({ config, databaseUrl, logger: AppLogger.create('warn') });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, dataSource: app.get(DataSource) };
}

/** Creates an admin directly in the database and signs in through the API; returns the bearer header. */
export async function adminAuth(baseUrl: string, ds: DataSource): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  const email = `bench.admin.${randomBytes(4).toString('hex')}@jalin.test`;
  const [org] = (await ds.query(`INSERT INTO organizations (type, name) VALUES ('other', 'Benchmark operator') RETURNING id`)) as Array<{ id: string }>;
  await ds.query(`INSERT INTO users (organization_id, email, full_name, role, password_hash) VALUES ($1, $2, 'Benchmark admin', 'admin', $3)`, [org.id, email, await hashPassword(password)]);
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expectThat(res.status === 200, `admin sign-in answered ${res.status}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  return `Bearer ${accessToken}`;
}

/** A description of this machine for the results page. */
export async function machine(ds: DataSource): Promise<string> {
  const [{ version }] = (await ds.query('SELECT version()')) as Array<{ version: string }>;
  const [{ fsync }] = (await ds.query('SHOW fsync')) as Array<{ fsync: string }>;
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${version.split(' on ')[0]} (fsync ${fsync}) on the same machine`;
}

const fmt = new Intl.NumberFormat('en-US');
/** 50000 → "50,000". */
export const n = (value: number) => fmt.format(value);

/** The top of docs/benchmarks.md, written when the file does not exist yet. */
function intro(machineText: string): string {
  return `# Benchmarks

Figures measured with \`npm run bench\` on one machine: ${machineText}. Each section
says when and where its figures were taken.

How to run: \`npm run bench\` runs every scenario, \`npm run bench -- import\` runs one (the names are
in \`bench/scenarios/index.ts\`). The harness (\`bench/run.ts\`, compiled with \`bench/tsconfig.json\`)
recreates the database named by \`BENCH_DATABASE_URL\` (default
\`${DEFAULT_BENCH_DATABASE_URL}\`; the name must end in \`_test\`) for each scenario, migrates it,
starts the API in-process on a random port with production settings, creates an admin in the database,
drives the API over HTTP, checks every answer, and rewrites that scenario's section below; the other
sections stay as they were. It needs a PostgreSQL server, e.g. the local one the tests use.

Times are wall-clock times of one HTTP request, from sending the first byte to reading the last one.
Peak RSS is the high-water mark of the whole process (API and harness together), so it only grows from
one step to the next.
`;
}

/** Writes or replaces the scenario's section ("## <title>" up to the next "## ") in the results page. */
export function writeSection(file: string, title: string, body: string, machineText: string): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : intro(machineText);
  const heading = `## ${title}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = current.indexOf(`\n${heading}\n`);
  let next: string;
  if (start === -1) next = `${current.trimEnd()}\n\n${section}`;
  else {
    const after = current.indexOf('\n## ', start + heading.length + 1);
    next = `${current.slice(0, start + 1)}${section}${after === -1 ? '' : `\n${current.slice(after + 1)}`}`;
  }
  writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}

/** The results table of a scenario. */
export function table(measurements: Measurement[]): string {
  const rows = measurements.map((m) => `| ${m.step} | ${(m.ms / 1000).toFixed(2)} s | ${m.result} | ${m.peakRssMiB} MiB |`);
  return ['| step | time | result | peak RSS |', '| --- | ---: | --- | ---: |', ...rows].join('\n');
}
