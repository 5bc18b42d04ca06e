import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/env';
import { dataSourceOptions, runMigrationsAndGrantLocked, runMigrationsLocked } from './data-source';
import type { RuntimeGrants } from './runtime-role';

/** What migrating at start-up did: the migrations applied, and the runtime role's grants when roles are split. */
export interface StartUpMigration {
  applied: string[];
  grants: RuntimeGrants | null;
}

/**
 * Applies pending migrations at start-up. With MIGRATION_DATABASE_URL: over a connection of its own
 * as the schema owner, closed afterwards, followed by the runtime role's grants, so a deploy stays one
 * step. Without it: over the API's own pool, as the one role everything runs as.
 */
export async function migrateAtStart(config: DatabaseConfig, runtime: DataSource): Promise<StartUpMigration> {
  if (config.migrationDatabaseUrl === null || config.runtimeRole === null) {
    return { applied: await runMigrationsLocked(runtime), grants: null };
  }
  const owner = new DataSource(dataSourceOptions(config.migrationDatabaseUrl, 2));
  await owner.initialize();
  try {
    return await runMigrationsAndGrantLocked(owner, config.runtimeRole);
  } finally {
    await owner.destroy();
  }
}
