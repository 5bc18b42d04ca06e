import { Client } from 'pg';

/** Test databases are named *_test; nothing else is ever created, used or dropped by the suite. */
export function assertTestDatabase(name: string): void {
  if (!/^[a-z0-9_]+_test$/.test(name)) throw new Error(`refusing to touch database "${name}": test databases must end in _test`);
}

/** The URL of `database` on the test server. */
export function databaseUrl(serverUrl: string, database: string): string {
  assertTestDatabase(database);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE only). */
export async function onServer<T>(serverUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The template of one test run: its own name, so several runs on one server don't collide. */
export function templateDatabase(): string {
  const name = process.env.JALIN_TEST_TEMPLATE;
  if (!name) throw new Error('JALIN_TEST_TEMPLATE is not set: run the tests with npm test');
  return name;
}

/** Creates a fresh database for one test file, cloned from the migrated template. */
export async function cloneTemplate(serverUrl: string, name: string): Promise<string> {
  assertTestDatabase(name);
  await onServer(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`);
  });
  return databaseUrl(serverUrl, name);
}

/** Drops a test database. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  assertTestDatabase(name);
  await onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
