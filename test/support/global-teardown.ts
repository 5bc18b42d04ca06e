import type { ChildProcess } from 'node:child_process';
import { onServer } from './database';

/** Drops the template and stops the throwaway server, if the setup started one. */
export default async function globalTeardown(): Promise<void> {
  const server = process.env.JALIN_TEST_SERVER;
  const template = process.env.JALIN_TEST_TEMPLATE;
  if (server && template) await onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`)).catch(() => {});
  const child = (globalThis as { __jalinPg?: ChildProcess }).__jalinPg;
  if (child && child.exitCode === null) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
