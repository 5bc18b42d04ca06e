import { mkdirSync } from 'node:fs';

/** A running embedded PostgreSQL (PGlite) served over the PostgreSQL wire protocol on loopback. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite on `dataDir` (created if missing, kept across restarts) and serves it on
 * 127.0.0.1:`port` (0 picks a free port), so `pg` and TypeORM connect to it unchanged.
 */
export async function startEmbeddedDatabase(dataDir: string, port: number, maxConnections: number): Promise<EmbeddedDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
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
