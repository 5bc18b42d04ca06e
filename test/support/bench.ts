import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { adminAuth, BenchContext, startApi } from '../../bench/harness';
import { cloneTemplate, dropDatabase } from './database';

/**
 * The benchmark harness's API on a database of its own, for one test file: `start()` clones the
 * migrated template and starts the API as `npm run bench` does; after the file, the API is closed and
 * the database dropped.
 */
export function benchApi(): { start(): Promise<BenchContext> } {
  const server = process.env.JALIN_TEST_SERVER as string;
  const name = `jalin_bench_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}_test`;
  let app: INestApplication | undefined;
  afterAll(async () => {
    await app?.close();
    await dropDatabase(server, name);
  });
  return {
    async start() {
      const databaseUrl = await cloneTemplate(server, name);
      const api = await startApi(databaseUrl);
      app = api.app;
      return { baseUrl: api.baseUrl, dataSource: api.dataSource, adminAuth: await adminAuth(api.baseUrl, api.dataSource), databaseUrl };
    },
  };
}
