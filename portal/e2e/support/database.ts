import { expect } from '@playwright/test';
import pg from 'pg';

/** The browser tests' own database, started by the shared global setup for this run. */
export async function testDatabase(): Promise<pg.Client> {
  const url = process.env.JALIN_PORTAL_DATABASE_URL;
  expect(url, 'the browser tests run on a PostgreSQL server (TEST_DATABASE_URL or the local one)').toBeTruthy();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
