import 'reflect-metadata';
import { AppLogger } from '../common/logging/logger';
import { loadConfig } from '../config/env';
import { resolveDatabase } from './connect';
import { setUpEmbedded } from './embedded-setup';

/**
 * Sets up a new embedded database (migrations, and the demo data when asked) in a process of its
 * own, started by prepareEmbeddedDatabase, and exits: 0 when the data folder is ready.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = AppLogger.create(config.logLevel);
  logger.info('setting up the embedded PostgreSQL (PGlite) in a new data folder', { dataDir: config.pgliteDataDir });
  const target = await resolveDatabase(config);
  try {
    await setUpEmbedded(config, target, logger);
  } finally {
    await target.embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`setting up the embedded database failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
