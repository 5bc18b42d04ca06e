import type { ChildProcess } from 'node:child_process';
import { onServer, TEMPLATE_DATABASE } from './database';

/** Drops the template and stops the throwaway server, if the setup started one. */
export default async function globalTeardown(): Promise<void> {
  const server = process.env.JALIN_TEST_SERVER;
  if (server) await onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`)).catch(() => {});
  const child = (globalThis as { __jalinPg?: ChildProcess }).__jalinPg;
  if (child && child.exitCode === null) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
