import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** Statements a connection keeps prepared at most; later texts are sent as before, unnamed. */
export const MAX_PREPARED_PER_CONNECTION = 300;
/** Longer texts, or more parameters, are bulk statements (imports, seeds) that a cached plan does not help. */
const MAX_PREPARED_TEXT = 16_000;
const MAX_PREPARED_PARAMETERS = 100;

const names = new Map<string, string>();

/** The statement name of a text: the same text always has the same name, two texts never share one. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `jalin_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    // A memo of the names of the texts seen most; it starts over rather than grow without bound.
    if (names.size >= 5_000) names.clear();
    names.set(text, name);
  }
  return name;
}

type QueryValues = unknown[] | undefined;

/**
 * The API's connections to a real PostgreSQL (the pool's `Client`): every statement with parameters
 * becomes a named prepared statement of its connection, so PostgreSQL parses and plans it once per
 * connection and afterwards only binds and runs it. Planning is most of the server's work for the
 * API's short statements: a grant's seven-table join takes 3 ms to plan and 0.15 ms to run
 * (docs/benchmarks.md). node-pg remembers per connection which names it has prepared.
 *
 * Bounded: at most MAX_PREPARED_PER_CONNECTION names per connection (a connection ends with the
 * pool's idle timeout, and its prepared statements with it), none for bulk statements (long texts,
 * many parameters) or statements without parameters (those may hold several statements, which only
 * the simple protocol allows). PostgreSQL plans a prepared statement again by itself when a table it
 * uses changes; a change of the columns a statement returns ("cached plan must not change result
 * type", after a migration) fails that statement once and closes the connection, so the pool opens
 * a new one for the next. Not for the embedded PGlite, whose one session all connections share.
 */
export class PreparingClient extends Client {
  private readonly prepared = new Set<string>();

  override query(...args: unknown[]): never {
    const [text, values, callback] = args as [unknown, QueryValues, unknown];
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && (callback === undefined || typeof callback === 'function') && this.preparable(text, values)) {
      const name = statementName(text);
      if (this.prepared.has(name) || this.prepared.size < MAX_PREPARED_PER_CONNECTION) {
        this.prepared.add(name);
        const query = super.query.bind(this) as (...a: unknown[]) => never;
        if (typeof callback === 'function') {
          return query({ name, text, values }, (err: unknown, result: unknown) => {
            this.replaceIfStale(err);
            (callback as (e: unknown, r: unknown) => void)(err, result);
          });
        }
        return (query({ name, text, values }) as Promise<unknown>).catch((err: unknown) => {
          this.replaceIfStale(err);
          throw err;
        }) as never;
      }
    }
    return (super.query as (...a: unknown[]) => never).apply(this, args);
  }

  /** After "cached plan must not change result type" the connection's plans are of the old tables: the pool replaces it. */
  private replaceIfStale(err: unknown): void {
    if ((err as { code?: string } | null)?.code === '0A000' && /cached plan must not change result type/.test(String((err as Error).message))) {
      (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    }
  }

  private preparable(text: string, values: unknown[]): boolean {
    return text.length <= MAX_PREPARED_TEXT && values.length <= MAX_PREPARED_PARAMETERS;
  }
}
