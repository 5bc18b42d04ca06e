import 'reflect-metadata';
import { join } from 'node:path';
import { adminAuth, DEFAULT_BENCH_DATABASE_URL, dropDatabase, freshDatabase, machine, startApi, table, writeSection } from './harness';
import { SCENARIOS } from './scenarios';

/**
 * npm run bench [-- <scenario> ...]: runs the named scenarios (all when none is named) against a
 * fresh database and writes each one's section of docs/benchmarks.md.
 */
async function main(): Promise<void> {
  const names = process.argv.slice(2);
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
      const ctx = { baseUrl: api.baseUrl, dataSource: api.dataSource, adminAuth: await adminAuth(api.baseUrl, api.dataSource) };
      const where = await machine(api.dataSource);
      const { measurements, notes } = await scenario.run(ctx);
      const date = new Date().toISOString().slice(0, 10);
      const body = [`Measured ${date} on ${where}. Run: \`npm run bench -- ${scenario.name}\`.`, '', table(measurements), '', ...notes.map((note) => `- ${note}`)];
      writeSection(results, scenario.title, body.join('\n'), where);
      process.stdout.write(`scenario ${scenario.name}: results written to docs/benchmarks.md\n`);
    } finally {
      await api.app.close();
      await dropDatabase(url);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
