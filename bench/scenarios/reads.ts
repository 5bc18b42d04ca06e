import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { hashPassword } from '../../src/auth/passwords';
import { BASELINE_SQL, startBaseline, timelineSources } from '../baseline/server';
import type { Baseline } from '../baseline/server';
import { FULL_SIZE, generatePortfolioDataset } from '../datasets/portfolio-dataset';
import type { DatasetSize, GeneratedDataset } from '../datasets/portfolio-dataset';
import { BENCH_POOL_MAX, BenchContext, envConnections, envNumber, expectThat, n, Scenario, ScenarioResult } from '../harness';
import { autocannon, CpuMeter, profileWhile, sequential } from '../load';
import type { LoadResult, ProfileShare, SequentialResult } from '../load';
import { timelineFactsParams, timelineFactsSql } from '../../src/partnerships/timeline/timeline-facts';
import type { PartnershipRow } from '../../src/partnerships/dto/partnership.response';

/** How big and how long. */
export interface ReadsOptions {
  /** Dataset scale: 1 = 20,000 schools and about 1,000,000 mentoring sessions. */
  scale: number;
  /** Rounds per endpoint and connection count; each round loads the API and the baseline once. */
  rounds: number;
  /** Seconds of each load run. */
  seconds: number;
  connections: number[];
  /** Requests of the warm-up before the rounds, per server, endpoint and connection count. */
  warmUpRequests: number;
  /** Sequential requests (one connection) for the single-request latency beside the SQL time. */
  sequentialRequests: number;
  /** One more API run per read (8 connections or the fewest given) under the V8 sampling profiler. */
  profile: boolean;
}

/** The defaults of `npm run bench -- reads` (a few minutes); `--scale 1` for the full dataset. */
export function readsOptions(ctx: Pick<BenchContext, 'scale'>): ReadsOptions {
  return {
    scale: ctx.scale ?? envNumber('BENCH_READS_SCALE', 0.1),
    rounds: envNumber('BENCH_READS_ROUNDS', 5),
    seconds: envNumber('BENCH_READS_SECONDS', 3),
    connections: envConnections('BENCH_READS_CONNECTIONS'),
    warmUpRequests: envNumber('BENCH_READS_WARM_UP', 1000),
    sequentialRequests: envNumber('BENCH_READS_SEQUENTIAL', 300),
    profile: process.env.BENCH_READS_PROFILE !== 'false',
  };
}

/** The dataset of a scale: 1 is FULL_SIZE, smaller scales shrink schools and sessions with it. */
export function datasetSize(scale: number): DatasetSize {
  if (scale === 1) return FULL_SIZE;
  return {
    companies: FULL_SIZE.companies,
    schools: Math.max(50, Math.round(FULL_SIZE.schools * scale)),
    years: FULL_SIZE.years,
    largest: Math.max(5, Math.round(FULL_SIZE.largest * scale)),
    sessions: Math.max(1000, Math.round(FULL_SIZE.sessions * scale)),
  };
}

/** One read as a user gets it from the API, and the same from the baseline. */
interface Endpoint {
  key: 'byId' | 'firstPage' | 'deepPage' | 'timeline';
  label: string;
  path: string;
  /** The statements the baseline sends for it (the API sends the same, after its session check). */
  statements: Array<{ sql: string; params: unknown[] }>;
}

/** One round: the API and the baseline under the same load, one after the other. */
export interface RoundResult {
  round: number;
  api: LoadResult & { processCpuMsPerRequest: number; postgresCpuMsPerRequest: number };
  baseline: LoadResult & { processCpuMsPerRequest: number; postgresCpuMsPerRequest: number };
  /** API throughput over the baseline's in this round. */
  ratio: number;
}

/** What the scenario found for one endpoint at one connection count. */
export interface LoadSummary {
  endpoint: Endpoint['key'];
  connections: number;
  rounds: RoundResult[];
  medianRatio: number;
  api: Summary;
  baseline: Summary;
}

interface Summary {
  /** Medians over the rounds. */
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Totals over the rounds divided by the requests. */
  processCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
}

/** The raw figures of a run, as written to bench/results/reads.json. */
export interface ReadsJson {
  options: ReadsOptions;
  dataset: { schools: number; partnerships: number; mentoringSessions: number; province: string; provinceSchools: number; deepPageAfter: number; timelineEvents: number };
  endpoints: Array<{
    key: Endpoint['key'];
    label: string;
    path: string;
    sqlMs: number;
    sequential: { api: SequentialResult; baseline: SequentialResult };
    /** Where the API process's CPU went during a profiled run, when profiled. */
    profile: { connections: number; busyPercent: number; shares: ProfileShare[]; functions: ProfileShare[] } | null;
  }>;
  loads: LoadSummary[];
}

/** The median of some figures (of the rounds). */
export const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** The portfolio dataset at `scale`, generated into the bench database (relative to today), and how long it took. */
export async function datasetAtScale(ds: BenchContext['dataSource'], scale: number, log: (line: string) => void): Promise<{ today: string; size: DatasetSize; data: GeneratedDataset; generationS: number }> {
  const today = new Date().toISOString().slice(0, 10);
  const size = datasetSize(scale);
  log(`  generating ${n(size.schools)} schools, ~${n(size.sessions)} sessions (scale ${scale})`);
  const started = performance.now();
  const data = await generatePortfolioDataset(ds, today, size);
  return { today, size, data, generationS: (performance.now() - started) / 1000 };
}
const f1 = (v: number) => v.toFixed(1);
const f2 = (v: number) => v.toFixed(2);

/** Median execution time of the statements under EXPLAIN ANALYZE, summed, ms. */
async function sqlMs(pool: Pool, statements: Endpoint['statements']): Promise<number> {
  let total = 0;
  for (const s of statements) {
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { rows } = await pool.query<{ 'QUERY PLAN': Array<{ 'Execution Time': number; 'Planning Time': number }> }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.sql}`, s.params);
      const plan = rows[0]['QUERY PLAN'][0];
      times.push(plan['Execution Time'] + plan['Planning Time']);
    }
    total += median(times);
  }
  return total;
}

/**
 * Reads as a user gets them from the API (sign-in, validation, scoping, the ORM), beside a plain
 * Express + pg server sending the same SQL (bench/baseline/server.ts): an organisation by id, the
 * first page of a province's schools, a page deep in through the cursor, and a partnership's
 * timeline. Both answer the same JSON (checked first); then autocannon loads each in turn, round
 * after round, at each connection count, while the CPU time of the server process and of the
 * database's backends is read from /proc.
 */
export async function runReads(ctx: BenchContext, o: ReadsOptions, log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<ScenarioResult & { json: ReadsJson }> {
  const ds = ctx.dataSource;
  const { size, data, generationS } = await datasetAtScale(ds, o.scale, log);

  // A signed-in admin of its own, signing in again before each block (access tokens last 15 minutes).
  const password = `bench-${Math.random().toString(36).slice(2)}-pass`;
  const email = `bench.reads.${Math.random().toString(36).slice(2, 8)}@jalin.test`;
  const [operator] = (await ds.query(`INSERT INTO organizations (type, name) VALUES ('other', 'Benchmark reads') RETURNING id`)) as Array<{ id: string }>;
  await ds.query(`INSERT INTO users (organization_id, email, full_name, role, password_hash) VALUES ($1, $2, 'Benchmark reader', 'admin', $3)`, [operator.id, email, await hashPassword(password)]);
  const signIn = async () => {
    const res = await fetch(`${ctx.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
    expectThat(res.status === 200, `sign-in answered ${res.status}`);
    return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
  };

  // What to read: the province with the most schools, a school of it, a page near its end, and the
  // partnership of the largest program with the most mentoring sessions.
  const [province] = (await ds.query(
    `SELECT left(s.region_code, 2) AS code, r.name, CAST(count(*) AS integer) AS schools FROM organizations s JOIN regions r ON r.code = left(s.region_code, 2)
      WHERE s.type = 'school' AND s.archived_at IS NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1`,
  )) as Array<{ code: string; name: string; schools: number }>;
  const limit = 20;
  const deepAfter = Math.max(1, province.schools - 2 * limit);
  const [deep] = (await ds.query(
    `SELECT o.id, CAST(o.name AS text) AS name FROM organizations o JOIN regions r ON r.code = o.region_code
      WHERE o.type = 'school' AND o.archived_at IS NULL AND r.province_code = $1 ORDER BY o.name, o.id OFFSET $2 LIMIT 1`,
    [province.code, deepAfter - 1],
  )) as Array<{ id: string; name: string }>;
  const cursor = Buffer.from(JSON.stringify([deep.name, deep.id])).toString('base64url');
  const [school] = (await ds.query(`SELECT o.id FROM organizations o JOIN regions r ON r.code = o.region_code WHERE o.type = 'school' AND r.province_code = $1 ORDER BY o.npsn LIMIT 1 OFFSET $2`, [
    province.code,
    Math.floor(province.schools / 2),
  ])) as Array<{ id: string }>;
  const [partnership] = (await ds.query(
    `SELECT p.id FROM partnerships p WHERE p.program_id = $1
      ORDER BY (SELECT count(*) FROM mentoring_assignments a JOIN mentoring_sessions s ON s.assignment_id = a.id WHERE a.partnership_id = p.id) DESC, p.id LIMIT 1`,
    [data.largestProgramId],
  )) as Array<{ id: string }>;

  const baseline: Baseline = await startBaseline(ctx.databaseUrl, BENCH_POOL_MAX);
  const meter = await CpuMeter.open(ctx.databaseUrl);
  try {
    const [prow] = (await baseline.pool.query<PartnershipRow>(BASELINE_SQL.partnership, [partnership.id])).rows;
    const sources = timelineSources();
    const list = `/api/v1/organizations?type=school&regionCode=${province.code}`;
    const endpoints: Endpoint[] = [
      { key: 'byId', label: 'organisation by id', path: `/api/v1/organizations/${school.id}`, statements: [{ sql: BASELINE_SQL.organization, params: [school.id] }] },
      { key: 'firstPage', label: `schools of ${province.name}, page 1`, path: list, statements: [{ sql: BASELINE_SQL.organizationsFirst, params: ['school', province.code, limit + 1] }] },
      {
        key: 'deepPage',
        label: `schools of ${province.name}, after ${n(deepAfter)} through the cursor`,
        path: `${list}&cursor=${cursor}`,
        statements: [{ sql: BASELINE_SQL.organizationsAfter, params: ['school', province.code, deep.name, deep.id, limit + 1] }],
      },
      {
        key: 'timeline',
        label: 'partnership timeline',
        path: `/api/v1/partnerships/${partnership.id}/timeline`,
        statements: [
          { sql: BASELINE_SQL.partnership, params: [partnership.id] },
          { sql: timelineFactsSql(sources), params: timelineFactsParams(prow) },
        ],
      },
    ];

    // Both answer the same JSON, or the figures compare different work.
    let auth = await signIn();
    const headers = () => ({ Authorization: auth, 'Accept-Language': 'id' });
    let timelineEvents = 0;
    for (const e of endpoints) {
      const [api, base] = await Promise.all([fetch(`${ctx.baseUrl}${e.path}`, { headers: headers() }), fetch(`${baseline.baseUrl}${e.path}`, { headers: headers() })]);
      const [apiBody, baseBody] = [await api.json(), await base.json()];
      expectThat(api.status === 200 && base.status === 200, `${e.label}: the API answered ${api.status}, the baseline ${base.status}`);
      expectThat(isDeepStrictEqual(apiBody, baseBody), `${e.label}: the baseline's JSON differs from the API's:\n${JSON.stringify(apiBody).slice(0, 600)}\n${JSON.stringify(baseBody).slice(0, 600)}`);
      if (e.key === 'firstPage' || e.key === 'deepPage') expectThat((apiBody as { items: unknown[] }).items.length > 0, `${e.label} is empty`);
      if (e.key === 'timeline') timelineEvents = (apiBody as { years: Array<{ events: unknown[] }> }).years.reduce((s, y) => s + y.events.length, 0);
    }

    const servers = { api: ctx.baseUrl, baseline: baseline.baseUrl };
    const measured: ReadsJson['endpoints'] = [];
    const loads: LoadSummary[] = [];
    for (const e of endpoints) {
      auth = await signIn();
      const one = {
        api: await sequential(`${servers.api}${e.path}`, o.sequentialRequests, headers()),
        baseline: await sequential(`${servers.baseline}${e.path}`, o.sequentialRequests, headers()),
      };
      const entry: ReadsJson['endpoints'][number] = { key: e.key, label: e.label, path: e.path, sqlMs: await sqlMs(baseline.pool, e.statements), sequential: one, profile: null };
      measured.push(entry);
      for (const connections of o.connections) {
        auth = await signIn();
        if (o.warmUpRequests > 0) {
          for (const url of Object.values(servers)) await autocannon(`${url}${e.path}`, { connections, amount: Math.max(o.warmUpRequests, connections), headers: headers() });
        }
        if (o.profile && connections === Math.min(...o.connections)) {
          const profiled = await profileWhile(() => autocannon(`${servers.api}${e.path}`, { connections, seconds: o.seconds, headers: headers() }));
          entry.profile = { connections, ...profiled };
        }
        const rounds: RoundResult[] = [];
        for (let round = 1; round <= o.rounds; round += 1) {
          // Alternate which goes first, so a drift of the machine favours neither.
          const order: Array<'api' | 'baseline'> = round % 2 === 1 ? ['api', 'baseline'] : ['baseline', 'api'];
          const got: Partial<Record<'api' | 'baseline', RoundResult['api']>> = {};
          for (const which of order) {
            const before = await meter.sample();
            const r = await autocannon(`${servers[which]}${e.path}`, { connections, seconds: o.seconds, headers: headers() });
            const cpu = await meter.since(before);
            got[which] = { ...r, processCpuMsPerRequest: cpu.process / Math.max(1, r.requests), postgresCpuMsPerRequest: cpu.postgres / Math.max(1, r.requests) };
          }
          const api = got.api as RoundResult['api'];
          const base = got.baseline as RoundResult['baseline'];
          rounds.push({ round, api, baseline: base, ratio: api.rps / base.rps });
        }
        const summary = (pick: (r: RoundResult) => RoundResult['api']): Summary => {
          const runs = rounds.map(pick);
          const requests = runs.reduce((s, r) => s + r.requests, 0);
          return {
            rps: median(runs.map((r) => r.rps)),
            p50: median(runs.map((r) => r.p50)),
            p99: median(runs.map((r) => r.p99)),
            errors: runs.reduce((s, r) => s + r.errors, 0),
            processCpuMsPerRequest: runs.reduce((s, r) => s + r.processCpuMsPerRequest * r.requests, 0) / Math.max(1, requests),
            postgresCpuMsPerRequest: runs.reduce((s, r) => s + r.postgresCpuMsPerRequest * r.requests, 0) / Math.max(1, requests),
          };
        };
        const load: LoadSummary = { endpoint: e.key, connections, rounds, medianRatio: median(rounds.map((r) => r.ratio)), api: summary((r) => r.api), baseline: summary((r) => r.baseline) };
        loads.push(load);
        log(`  ${e.label}, ${connections} connections: API ${f1(load.api.rps)} req/s, baseline ${f1(load.baseline.rps)} req/s, median ratio ${f2(load.medianRatio)}`);
      }
    }

    const counts = data.counts;
    const json: ReadsJson = {
      options: o,
      dataset: {
        schools: size.schools,
        partnerships: counts.partnerships,
        mentoringSessions: counts.mentoring_sessions,
        province: `${province.name} (${province.code})`,
        provinceSchools: province.schools,
        deepPageAfter: deepAfter,
        timelineEvents,
      },
      endpoints: measured,
      loads,
    };
    return { measurements: [], sections: sections(endpoints, json), notes: notes(json, generationS), json };
  } finally {
    await meter.close();
    await baseline.close();
  }
}

function sections(endpoints: Endpoint[], r: ReadsJson): string {
  const label = (key: Endpoint['key']) => endpoints.find((e) => e.key === key)?.label ?? key;
  const cpu = (s: Summary) => `${f2(s.processCpuMsPerRequest)} / ${f2(s.postgresCpuMsPerRequest)}`;
  const loadRows = r.loads.map(
    (l) =>
      `| ${label(l.endpoint)} | ${l.connections} | ${f1(l.api.rps)} | ${f1(l.baseline.rps)} | ${l.rounds.map((x) => f2(x.ratio)).join(', ')} | **${f2(l.medianRatio)}** | ${l.api.p50} / ${l.api.p99} | ${l.baseline.p50} / ${l.baseline.p99} | ${l.api.errors} / ${l.baseline.errors} | ${cpu(l.api)} | ${cpu(l.baseline)} |`,
  );
  const profiled = r.endpoints
    .filter((e) => e.profile !== null)
    .map((e) => {
      const p = e.profile as NonNullable<typeof e.profile>;
      const shares = p.shares.filter((x) => x.percent >= 2).map((x) => `${x.what} ${x.percent.toFixed(0)} %`);
      const functions = p.functions.slice(0, 6).map((x) => `\`${x.what.replace(/\|/g, '\\|')}\` ${x.percent.toFixed(1)} %`);
      return `| ${e.label} | ${p.connections} | ${p.busyPercent.toFixed(0)} % | ${shares.join(', ')} | ${functions.join(', ')} |`;
    });
  const seqRows = r.endpoints.map(
    (e) => `| ${e.label} | ${f2(e.sqlMs)} | ${f2(e.sequential.api.p50)} / ${f2(e.sequential.api.p99)} | ${f2(e.sequential.baseline.p50)} / ${f2(e.sequential.baseline.p99)} | ${f1(e.sequential.api.p50 / Math.max(0.01, e.sqlMs))}× / ${f1(e.sequential.baseline.p50 / Math.max(0.01, e.sqlMs))}× |`,
  );
  return [
    '### Under load',
    '',
    'Throughput is the median over the rounds; the ratio is API ÷ baseline within each round; p50 / p99 in ms (medians over the rounds); errors summed over the rounds (connection errors, timeouts, answers other than 2xx); CPU per request in ms, of the server process / of the PostgreSQL backends, summed over the rounds and divided by the requests.',
    '',
    '| read | connections | API req/s | baseline req/s | ratio per round | median ratio | API p50 / p99 | baseline p50 / p99 | errors API / baseline | API CPU/req: process / PostgreSQL | baseline CPU/req: process / PostgreSQL |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...loadRows,
    '',
    '### One request at a time, beside the SQL',
    '',
    `${r.options.sequentialRequests} requests one after another on one keep-alive connection from the harness, each timed from its first byte sent to its last byte read; the SQL time is the median of five EXPLAIN ANALYZE (planning + execution) of the statements the baseline sends, summed (the API sends the same, plus its session check).`,
    '',
    '| read | SQL ms | API p50 / p99 ms | baseline p50 / p99 ms | p50 ÷ SQL time, API / baseline |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...seqRows,
    ...(profiled.length > 0
      ? [
          '',
          "### Where the API process's CPU goes",
          '',
          `One more API run of ${r.options.seconds} s per read under the V8 sampling profiler (1 ms), its samples grouped by where the code comes from (a builtin such as JSON.stringify counts for the code that called it; "V8 and native code" is what V8 cannot place: compilation, inline caches, the native side of I/O); the share of the process's busy time, the largest first (the rest below 2 % left out).`,
          '',
          '| read | connections | busy | where the busy time goes | functions with the most time of their own |',
          '| --- | ---: | ---: | --- | --- |',
          ...profiled,
        ]
      : []),
  ].join('\n');
}

function notes(r: ReadsJson, generationS: number): string[] {
  const o = r.options;
  return [
    `Dataset at scale ${o.scale} (generated in ${generationS.toFixed(0)} s by \`bench/datasets/portfolio-dataset.ts\`): ${n(r.dataset.schools)} schools, ${n(r.dataset.partnerships)} partnerships, ${n(r.dataset.mentoringSessions)} mentoring sessions. ` +
      `The list reads the schools of ${r.dataset.province}, the province with the most (${n(r.dataset.provinceSchools)}), 20 a page, by name; the deep page starts after school ${n(r.dataset.deepPageAfter)}; the timeline is that of the largest program's partnership with the most sessions (${n(r.dataset.timelineEvents)} events). Everything is read as an admin, \`Accept-Language: id\`.`,
    `Method: the API (production settings, pool of ${BENCH_POOL_MAX}) and the baseline (\`bench/baseline/server.ts\`: Express 5 + pg, pool of ${BENCH_POOL_MAX}, no authentication, validation, scoping, logging, security headers or compression) run in the harness's process, one loaded at a time; autocannon runs in a process of its own. ` +
      `Per read and connection count: ${n(o.warmUpRequests)} warm-up requests to each, then ${o.rounds} rounds of ${o.seconds} s on each, alternating which goes first. Both were first checked to answer the same JSON. CPU time comes from /proc/<pid>/stat: the harness's process (the loaded server) and the backends of the bench database.`,
    'Round trips: the API sends its session check and then the read’s statements (2 for a record or a page, 3 for the timeline; `test/e2e/round-trips.e2e-spec.ts`), the baseline only the read’s (1, and 2 for the timeline). ' +
      'The API sends them as named prepared statements, parsed and planned once per connection (`src/database/preparing-client.ts`); the baseline sends them unnamed, as a plain pg server does, so PostgreSQL parses and plans each of its statements every time.',
    ...targets(r),
  ];
}

/** The targets, read from this run's figures (never asserted: a slow machine is not a failed build). */
function targets(r: ReadsJson): string[] {
  const reads = r.loads.filter((l) => l.endpoint !== 'timeline');
  const name = (key: Endpoint['key']) => ({ byId: 'by id', firstPage: 'page 1', deepPage: 'deep page', timeline: 'timeline' })[key];
  const ratios = reads.map((l) => `${name(l.endpoint)} @${l.connections} ${f2(l.medianRatio)}${l.medianRatio >= 0.8 ? '' : ' (missed)'}`);
  const errors = r.loads.reduce((s, l) => s + l.api.errors + l.baseline.errors, 0);
  const p99 = r.loads.filter((l) => l.connections === 64 && l.endpoint !== 'timeline').map((l) => `${name(l.endpoint)} ${l.api.p99} ms${l.api.p99 < 50 ? '' : ' (missed)'}`);
  const seq = (key: Endpoint['key']) => r.endpoints.find((e) => e.key === key);
  const first = seq('firstPage');
  const deep = seq('deepPage');
  const timeline = seq('timeline');
  const lines = [
    `Target: by-id and list reads at least 0.8× the baseline's throughput (median ratio): ${ratios.join('; ')}.`,
    `Target: 0 errors: ${errors} in all runs. Target: p99 under 50 ms at 64 connections: ${p99.length > 0 ? p99.join('; ') : 'not measured at 64 connections'}.`,
  ];
  if (first && deep) {
    lines.push(`Target: a deep cursor page costs what page 1 costs: one request at a time, p50 ${deep.sequential.api.p50} ms deep against ${first.sequential.api.p50} ms for page 1 (SQL ${f2(deep.sqlMs)} ms against ${f2(first.sqlMs)} ms).`);
  }
  if (timeline) {
    const times = timeline.sequential.api.p50 / Math.max(0.001, timeline.sqlMs);
    lines.push(`Target: the timeline in at most 3 round trips (3) and at most 3× its SQL time: p50 ${timeline.sequential.api.p50} ms against ${f2(timeline.sqlMs)} ms of SQL, ${f1(times)}×${times <= 3 ? '' : ' (missed)'}.`);
  }
  return lines;
}

export const readsScenario: Scenario = {
  name: 'reads',
  title: 'Reads beside a plain Express + pg baseline',
  run: (ctx) => runReads(ctx, readsOptions(ctx)),
};
