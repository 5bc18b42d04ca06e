import type { INestApplication, Type } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource, Logger } from 'typeorm';
import { createApp } from '../../src/app.setup';
import { AppLogger } from '../../src/common/logging/logger';
import { loadConfig } from '../../src/config/env';
import { cloneTemplate, dropDatabase } from './database';

export const TEST_JWT_SECRET = 'test-secret-for-jalin-e2e-0123456789abcdef';

/** Counts SQL statements, so tests can show that a list costs the same whatever its page size. */
export class QueryCounter implements Logger {
  count = 0;
  logQuery(): void {
    this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** One running API on its own database, cloned from the migrated template. */
export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  queries: QueryCounter;
  databaseUrl: string;
  close(): Promise<void>;
}

/** Starts the API for one test file on a fresh database; `env` overrides configuration. */
export async function createTestApp(options: { env?: Record<string, string>; extraModules?: Type[]; logger?: AppLogger } = {}): Promise<TestApp> {
  const server = process.env.JALIN_TEST_SERVER;
  if (!server) throw new Error('JALIN_TEST_SERVER is not set: run the tests with npm test');
  const name = `jalin_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}_test`;
  const databaseUrl = await cloneTemplate(server, name);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    DB_POOL_MAX: '10',
    ...options.env,
  });
  const queries = new QueryCounter();
  const app = await createApp({ config, databaseUrl, logger: options.logger ?? AppLogger.create('silent'), queryLogger: queries, extraModules: options.extraModules });
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    queries,
    databaseUrl,
    async close() {
      await app.close();
      await dropDatabase(server, name);
    },
  };
}
