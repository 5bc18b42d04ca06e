import 'reflect-metadata';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { createApp } from './app.setup';
import { AppLogger } from './common/logging/logger';
import { AppConfig, ConfigError, loadConfig } from './config/env';
import { resolveDatabase } from './database/connect';
import { prepareEmbeddedDatabase } from './database/embedded-setup';
import { migrateAtStart } from './database/migrate-at-start';
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
  const database = config.databaseUrl === null ? await prepareEmbeddedDatabase(config) : await resolveDatabase(config);
  if (database.embedded) logger.info('using the embedded PostgreSQL (PGlite)', { dataDir: config.pgliteDataDir });

  const app = await createApp({ config, databaseUrl: database.url, logger });
  const dataSource = app.get(DataSource);
  if (config.runMigrations) {
    const { applied, grants } = await migrateAtStart(config, dataSource);
    if (applied.length > 0) logger.info('migrations applied', { migrations: applied });
    if (grants) logger.info('runtime role granted its rights', { role: grants.role, tables: grants.tables });
    for (const warning of grants?.warnings ?? []) logger.warn({ msg: 'runtime role', warning });
  }
  if (config.seedDemo && (await loadDemoData(dataSource))) logger.info('demo data loaded: see the README for the demo users');

  const server = app.getHttpServer() as Server;
  const draining = drainOnShutdown(server);
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
    // First the HTTP server drains (no new requests, in-flight ones finish), then Nest closes the pool.
    draining
      .start()
      .then(() => app.close())
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

/**
 * Lets the HTTP server stop quickly under keep-alive load. Once `start()` is called: no new
 * connections, idle keep-alive sockets are closed, and every answer still to be sent carries
 * `Connection: close`, so each client's socket closes after the request it has in flight. Resolves
 * when the last connection has closed. Without this, clients that keep reusing their sockets keep
 * the server busy until the shutdown timeout.
 */
function drainOnShutdown(server: Server): { start(): Promise<void> } {
  let closing = false;
  const unanswered = new Set<ServerResponse>();
  // Before Express's own listener, so the header is set before any handler can answer.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (closing) {
      res.setHeader('Connection', 'close');
      return;
    }
    unanswered.add(res);
    res.once('close', () => unanswered.delete(res));
  });
  return {
    start() {
      closing = true;
      for (const res of unanswered) if (!res.headersSent) res.setHeader('Connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A streamed answer whose headers had already gone leaves its socket idle when it ends.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      return closed.finally(() => clearInterval(sweep));
    },
  };
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'failed to start', error: String(err), stack: (err as Error)?.stack })}\n`);
  process.exit(1);
});
