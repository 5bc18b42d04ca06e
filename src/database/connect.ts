import { DatabaseConfig } from '../config/env';
import { EmbeddedDatabase, startEmbeddedDatabase } from './embedded';

/** The URL to connect to, and the embedded server behind it when there is one. */
export interface DatabaseTarget {
  url: string;
  embedded: EmbeddedDatabase | null;
}

/** Uses DATABASE_URL when set, otherwise starts the embedded PostgreSQL in its data folder. */
export async function resolveDatabase(config: DatabaseConfig): Promise<DatabaseTarget> {
  if (config.databaseUrl !== null) return { url: config.databaseUrl, embedded: null };
  // Every pool connection needs its own socket on the embedded server.
  const embedded = await startEmbeddedDatabase(config.pgliteDataDir, config.pglitePort, config.dbPoolMax + 2);
  return { url: embedded.url, embedded };
}
