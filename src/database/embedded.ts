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
  serializeExchanges((server as unknown as { queryQueue: ExchangeQueue }).queryQueue);
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

/** A message of one connection waiting for PGlite, as pglite-socket's query queue holds it. */
interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(err: unknown): void;
}

/** pglite-socket's query queue: the members serializeExchanges replaces or reads. */
interface ExchangeQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: { isInTransaction(): boolean; runExclusive<T>(fn: () => Promise<T>): Promise<T>; execProtocolRawStream(message: Uint8Array, options: { onRawData(data: Uint8Array): void }): Promise<unknown> };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Messages of the extended query protocol that belong to the exchange a Sync ends: Parse, Bind, Describe, Execute, Close, Flush. */
const EXTENDED_PROTOCOL = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
const SYNC = 'S'.charCodeAt(0);
const SIMPLE_QUERY = 'Q'.charCodeAt(0);

/**
 * PGlite is one database session, which pglite-socket shares between the pool's connections one
 * protocol message at a time, keeping a connection's transaction to itself but not its extended-
 * protocol exchange: with two requests at once, one connection's Parse could be followed by
 * another's, and each would run the other's statement ("bind message supplies 1 parameters, but
 * prepared statement requires 2"), or a statement would land in another connection's transaction.
 * This keeps PGlite to one connection from its first Parse to its Sync (and, as before, for the whole
 * of a transaction); other connections' messages wait their turn, in arrival order.
 */
function serializeExchanges(queue: ExchangeQueue): void {
  let owner: number | null = null;
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    // A connection that goes away in the middle of an exchange gives PGlite back.
    if (owner === handlerId) owner = null;
    clear(handlerId);
  };
  queue.processQueue = async function processQueue(this: ExchangeQueue): Promise<void> {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const holder = owner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const at = holder === null ? 0 : this.queue.findIndex((m) => m.handlerId === holder);
        // The holder's next message has not arrived yet: the others wait until it has.
        if (at === -1) return;
        const [item] = this.queue.splice(at, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (err) {
          owner = null;
          item.reject(err);
          continue;
        }
        const type = item.message[0];
        if (type === SYNC || type === SIMPLE_QUERY) owner = null;
        else if (EXTENDED_PROTOCOL.has(type)) owner = item.handlerId;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}
