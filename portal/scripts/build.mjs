// Builds what `npm start` and the tests need, skipping any part whose inputs did not change since
// its last successful build (a hash of the inputs is kept in dist/.build/). Type checking is not
// part of it: `npm run typecheck` (tsc --noEmit) does that, in CI.
//
//   node portal/scripts/build.mjs [server|api|portal|start|all]   (default: all = api + portal)
//   BUILD_FORCE=1 node portal/scripts/build.mjs             rebuilds even when nothing changed
//
// server: the API compiled by SWC into dist/src and dist/migrations (the layout data-source.ts
//         and main.ts expect);
// api:    server, then the check that portal/src/api matches the API's OpenAPI document;
// portal: the portal built by Vite into dist/portal, then its bundle budget;
// start:  server and portal, what `npm start` needs (the client check is left to `npm test`'s build).
// The API and the portal build side by side.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stampDir = join(root, 'dist', '.build');
const force = process.env.BUILD_FORCE === '1';
const node = (script, args = []) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${script} ${args.join(' ')}: exit ${code ?? signal}`))));
  });

const SHARED = ['package.json', 'package-lock.json', 'portal/scripts/build.mjs'];
const STEPS = {
  server: {
    inputs: [...SHARED, 'src', 'migrations', '.swcrc'],
    output: 'dist/src/main.js',
    async run() {
      rmSync(join(root, 'dist/src'), { recursive: true, force: true });
      rmSync(join(root, 'dist/migrations'), { recursive: true, force: true });
      await node('node_modules/@swc/cli/bin/swc.js', ['src', 'migrations', '-d', 'dist', '--config-file', '.swcrc', '--ignore', '**/*.spec.ts', '--quiet']);
    },
  },
  'api-client': {
    inputs: [...SHARED, 'src', 'migrations', '.swcrc', 'portal/src/api/openapi.json', 'portal/src/api/schema.d.ts', 'portal/scripts/check-api-client.mjs'],
    run: () => node('portal/scripts/check-api-client.mjs'),
  },
  portal: {
    inputs: [...SHARED, 'portal/src', 'portal/public', 'portal/index.html', 'portal/vite.config.mts', 'portal/tsconfig.json', 'portal/scripts/check-bundle.mjs'],
    output: 'dist/portal/index.html',
    async run() {
      await node('node_modules/vite/bin/vite.js', ['build', '--config', 'portal/vite.config.mts', '--logLevel', 'warn']);
      await node('portal/scripts/check-bundle.mjs');
    },
  },
};
// Each target is a list of chains run side by side; the steps of one chain run in order.
const TARGETS = {
  server: [['server']],
  api: [['server', 'api-client']],
  portal: [['portal']],
  start: [['server'], ['portal']],
  all: [['server', 'api-client'], ['portal']],
};

function files(path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && !e.name.startsWith('.'))
    .flatMap((e) => files(join(path, e.name)));
}

function hashOf(inputs) {
  const hash = createHash('sha256').update(process.version);
  for (const file of inputs.flatMap(files).sort()) hash.update(`\0${file}\0`).update(readFileSync(join(root, file)));
  return hash.digest('hex');
}

async function build(name) {
  const step = STEPS[name];
  const stamp = join(stampDir, `${name}.sha256`);
  const hash = hashOf(step.inputs);
  const built = !step.output || existsSync(join(root, step.output));
  if (!force && built && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    console.log(`build: ${name} unchanged, skipped`);
    return;
  }
  rmSync(stamp, { force: true });
  const started = Date.now();
  await step.run();
  writeFileSync(stamp, hash);
  console.log(`build: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s (${relative(root, stamp)})`);
}

const target = process.argv[2] ?? 'all';
if (!TARGETS[target]) {
  console.error(`usage: node portal/scripts/build.mjs [${Object.keys(TARGETS).join('|')}]`);
  process.exit(2);
}
mkdirSync(stampDir, { recursive: true });
const results = await Promise.allSettled(
  TARGETS[target].map(async (chain) => {
    for (const name of chain) await build(name);
  }),
);
const failed = results.filter((r) => r.status === 'rejected');
for (const f of failed) console.error(`build: ${f.reason.message}`);
process.exitCode = failed.length > 0 ? 1 : 0;
