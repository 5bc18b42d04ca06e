import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminAuth, DEFAULT_BENCH_DATABASE_URL, dropDatabase, freshDatabase, machine, startApi, table, writeSection } from './harness';
import { SCENARIOS } from './scenarios';

/** `--scale <n>` and `--keep` out of the arguments, and the rest. */
function parseArgs(argv: string[]): { names: string[]; scale?: number; keep: boolean } {
  const names: string[] = [];
  let scale: number | undefined;
  let keep = false;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--scale') {
      scale = Number(argv[(i += 1)]);
      if (!(scale > 0)) throw new Error(`--scale needs a positive number, e.g. --scale 0.1 (got ${argv[i]})`);
    } else if (argv[i] === '--keep') keep = true;
    else names.push(argv[i]);
  }
  return { names, scale, keep };
}

/**
 * npm run bench [-- <scenario> ...] [--scale <n>] [--keep]: runs the named scenarios (all when none is
 * named) against a fresh database and writes each one's section of docs/benchmarks.md (and, when a
 * scenario gives its raw figures, bench/results/<name>.json). With --keep the last scenario's database
 * stays for exploration (each scenario still starts from a fresh one).
 */
async function main(): Promise<void> {
  const { names, scale, keep } = parseArgs(process.argv.slice(2));
  const unknown = names.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  const selected = names.length > 0 ? SCENARIOS.filter((s) => names.includes(s.name)) : SCENARIOS;
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const results = join(__dirname, '..', '..', 'docs', 'benchmarks.md');

  for (const scenario of selected) {
    process.stdout.write(`scenario ${scenario.name}: preparing a fresh database\n`);
    await freshDatabase(url);
    const api = await startApi(url);
    try {
      const ctx = { baseUrl: api.baseUrl, dataSource: api.dataSource, adminAuth: await adminAuth(api.baseUrl, api.dataSource), databaseUrl: url, scale };
      const where = await machine(api.dataSource);
      const { measurements, sections, notes, json } = await scenario.run(ctx);
      const date = new Date().toISOString().slice(0, 10);
      const run = `npm run bench -- ${scenario.name}${scale === undefined ? '' : ` --scale ${scale}`}`;
      const body = [`Measured ${date} on ${where}. Run: \`${run}\`.`, ''];
      if (measurements.length > 0) body.push(table(measurements), '');
      if (sections) body.push(sections.trim(), '');
      body.push(...notes.map((note) => `- ${note}`));
      if (json !== undefined) {
        const dir = join(__dirname, '..', '..', 'bench', 'results');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${scenario.name}.json`), `${JSON.stringify({ date, machine: where, run, ...(json as object) }, null, 2)}\n`);
      }
      writeSection(results, scenario.title, body.join('\n'), where);
      process.stdout.write(`scenario ${scenario.name}: results written to docs/benchmarks.md\n`);
    } finally {
      await api.app.close();
      if (keep) process.stdout.write(`scenario ${scenario.name}: database kept at ${url.replace(/\/\/[^@/]*@/, '//')}\n`);
      else await dropDatabase(url);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
