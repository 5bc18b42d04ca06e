import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createApp } from './app.setup';
import { AppLogger } from './common/logging/logger';
import { AppConfig, ConfigError, loadConfig } from './config/env';
import { resolveDatabase } from './database/connect';
import { runMigrationsLocked } from './database/data-source';
import { loadDemoData } from './demo/demo';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = AppLogger.create(config.logLevel);
  const database = await resolveDatabase(config);
  if (database.embedded) logger.info('using the embedded PostgreSQL (PGlite)', { dataDir: config.pgliteDataDir });

  const app = await createApp({ config, databaseUrl: database.url, logger });
  const dataSource = app.get(DataSource);
  if (config.runMigrations) {
    const applied = await runMigrationsLocked(dataSource);
    if (applied.length > 0) logger.info('migrations applied', { migrations: applied });
  }
  if (config.seedDemo && (await loadDemoData(dataSource))) logger.info('demo data loaded: see the README for the demo users');

  await app.listen(config.port, config.host);
  logger.info('Jalin API listening', { url: `http://localhost:${config.port}`, docs: `http://localhost:${config.port}/docs` });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    // app.close() stops accepting connections, lets in-flight requests finish, then closes the pool.
    app
      .close()
      .then(() => database.embedded?.stop())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ msg: 'error during shutdown', error: String(err) });
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'failed to start', error: String(err), stack: (err as Error)?.stack })}\n`);
  process.exit(1);
});
