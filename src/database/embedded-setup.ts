import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/env';
import { loadDemoData } from '../demo/demo';
import type { AppLogger } from '../common/logging/logger';
import { DatabaseTarget, resolveDatabase } from './connect';
import { dataSourceOptions, runMigrationsLocked } from './data-source';

/**
 * Starts the embedded database. Creating the schema and the reference case takes PGlite several
 * times the memory that serving needs, and its WebAssembly memory never shrinks; so a new data folder
 * is first set up by a child process of its own (`embedded-setup.main.js`), whose memory goes back to
 * the system when it exits, and the API then serves from a PGlite that holds only what serving needs.
 * An existing folder is started as it is (the API's own start-up applies what is pending).
 */
export async function prepareEmbeddedDatabase(config: AppConfig): Promise<DatabaseTarget> {
  const setupScript = join(__dirname, 'embedded-setup.main.js');
  if (!existsSync(join(config.pgliteDataDir, 'PG_VERSION')) && existsSync(setupScript)) await runChild(setupScript);
  return resolveDatabase(config);
}

/** Runs the pending migrations and loads the demo data when asked, over a connection of its own. */
export async function setUpEmbedded(config: AppConfig, target: DatabaseTarget, logger: AppLogger): Promise<void> {
  const setup = new DataSource(dataSourceOptions(target.url, 2));
  await setup.initialize();
  try {
    if (config.runMigrations) {
      const applied = await runMigrationsLocked(setup);
      if (applied.length > 0) logger.info('migrations applied', { migrations: applied });
    }
    if (config.seedDemo && (await loadDemoData(setup))) logger.info('demo data loaded: see the README for the demo users');
  } finally {
    await setup.destroy();
  }
}

function runChild(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`setting up the embedded database failed (exit code ${code ?? signal})`))));
  });
}
