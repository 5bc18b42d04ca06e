import { mkdirSync } from 'node:fs';

/** A running embedded PostgreSQL (PGlite) served over the PostgreSQL wire protocol on loopback. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL settings for the embedded database, sized for one school portfolio on a laptop rather
 * than PostgreSQL's server defaults: every buffer lives in PGlite's WebAssembly memory, which never
 * shrinks, so smaller buffers are memory the process keeps free.
 */
const EMBEDDED_SETTINGS = ['-c', 'shared_buffers=16MB', '-c', 'work_mem=4MB', '-c', 'maintenance_work_mem=16MB'];

/**
 * Starts PGlite on `dataDir` (created if missing, kept across restarts) and serves it on
 * 127.0.0.1:`port` (0 picks a free port), so `pg` and TypeORM connect to it unchanged.
 */
export async function startEmbeddedDatabase(dataDir: string, port: number, maxConnections: number): Promise<EmbeddedDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir, startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS] });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections });
  await server.start();
  const [, boundPort] = server.getServerConn().split(':');
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${boundPort}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      // Closing PGlite flushes its files; skipping it makes sequences jump on the next start.
      await db.close();
    },
  };
}
