import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/env';
import { loadDemoData } from '../demo/demo';
import type { AppLogger } from '../common/logging/logger';
import { DatabaseTarget, resolveDatabase } from './connect';
import { dataSourceOptions, runMigrationsLocked } from './data-source';

/**
 * Brings the embedded database up to date before the API starts: the pending migrations and, when
 * asked for, the demo data. Creating the schema and the reference case takes PGlite several times
 * the memory that serving needs, and its WebAssembly memory never shrinks. So a new data folder is
 * set up by a child process of its own (`embedded-setup.main.js`), whose memory goes back to the
 * system when it exits; an existing one is brought up to date here, and when that changed anything
 * the embedded database is started afresh. Either way the API serves from a PGlite that holds only
 * what serving needs. Answers the database to use.
 */
export async function prepareEmbeddedDatabase(config: AppConfig, logger: AppLogger): Promise<DatabaseTarget> {
  const setupScript = join(__dirname, 'embedded-setup.main.js');
  if (!existsSync(join(config.pgliteDataDir, 'PG_VERSION')) && existsSync(setupScript)) {
    await runChild(setupScript);
    return resolveDatabase(config);
  }
  const target = await resolveDatabase(config);
  if (!(await setUpEmbedded(config, target, logger))) return target;
  await target.embedded?.stop();
  collectGarbage();
  return resolveDatabase(config);
}

/** Runs the pending migrations and loads the demo data when asked; answers whether anything changed. */
export async function setUpEmbedded(config: AppConfig, target: DatabaseTarget, logger: AppLogger): Promise<boolean> {
  if (!target.embedded || (!config.runMigrations && !config.seedDemo)) return false;
  const setup = new DataSource(dataSourceOptions(target.url, 2));
  await setup.initialize();
  let changed = false;
  try {
    if (config.runMigrations) {
      const applied = await runMigrationsLocked(setup);
      if (applied.length > 0) logger.info('migrations applied', { migrations: applied });
      changed = applied.length > 0;
    }
    if (config.seedDemo && (await loadDemoData(setup))) {
      logger.info('demo data loaded: see the README for the demo users');
      changed = true;
    }
  } finally {
    await setup.destroy();
  }
  return changed;
}

function runChild(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`setting up the embedded database failed (exit code ${code ?? signal})`))));
  });
}

/**
 * Runs a full garbage collection now, so the stopped PGlite's WebAssembly memory (hundreds of MiB,
 * outside the JavaScript heap, which V8 alone would not hurry to collect) is handed back to the
 * system before the API starts.
 */
function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed();
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
