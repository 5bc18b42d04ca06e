import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildOpenApi, createApp } from './app.setup';
import { AppLogger } from './common/logging/logger';
import { loadConfig } from './config/env';

/**
 * Writes the OpenAPI document (the one served at /docs-json) to a file or stdout without a database:
 * the portal's typed client is generated from it, and CI fails when the checked-in copy drifts.
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'openapi-export-only-0123456789abcdefghij', DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused' });
  const app = await createApp({ config, databaseUrl: config.databaseUrl as string, logger: AppLogger.create('silent'), preview: true });
  const json = `${JSON.stringify(buildOpenApi(app), null, 2)}\n`;
  if (out) writeFileSync(out, json);
  else process.stdout.write(json);
  await app.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
