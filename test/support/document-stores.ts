import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// s3rver ships no type declarations; only these members are used.
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<AddressInfo>; close(): Promise<void>; httpServer: Server };

export const S3_BUCKET = 'jalin-documents';
export const S3_PREFIX = 'jalin/documents/';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** A document storage the tests start and look into: the folder, or a bucket on a local S3-compatible server. */
export interface DocumentStore {
  kind: 'filesystem' | 's3';
  /** The environment that points the app at it. */
  env: Record<string, string>;
  /** The folder DOCUMENTS_DIR names (with S3 it must stay empty). */
  documentsDir: string;
  /** The storage keys that hold bytes now. */
  keys(): Promise<string[]>;
  /** The bytes stored under a key. */
  bytes(key: string): Promise<Buffer>;
  /** Makes the storage fail: the S3 server stops; the folder is replaced by a plain file, so nothing can be written or read under it. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** The filesystem storage in a fresh temporary folder. */
export function folderStore(): DocumentStore {
  const root = mkdtempSync(join(tmpdir(), 'jalin-docs-'));
  const documentsDir = join(root, 'documents');
  const files = () => (existsSync(documentsDir) ? readdirSync(documentsDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : []);
  return {
    kind: 'filesystem',
    env: { DOCUMENTS_DIR: documentsDir },
    documentsDir,
    keys: async () => files().map((e) => e.name),
    bytes: async (key) => readFileSync(join(documentsDir, key.slice(0, 2), key)),
    stop: async () => {
      rmSync(documentsDir, { recursive: true, force: true });
      writeFileSync(documentsDir, 'not a folder');
    },
    close: async () => rmSync(root, { recursive: true, force: true }),
  };
}

/** An S3-compatible server (s3rver) on a free port with the documents bucket, and the app configured for it. */
export async function bucketStore(): Promise<DocumentStore & { s3: S3Client }> {
  const storeDir = mkdtempSync(join(tmpdir(), 'jalin-s3rver-'));
  const documentsDir = mkdtempSync(join(tmpdir(), 'jalin-s3-docs-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory: storeDir, silent: true, configureBuckets: [{ name: S3_BUCKET }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const s3 = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: CREDENTIALS });
  const stop = async () => {
    if (!server.httpServer.listening) return;
    server.httpServer.closeAllConnections();
    await server.close();
  };
  return {
    kind: 's3',
    s3,
    documentsDir,
    env: {
      DOCUMENTS_STORAGE: 's3',
      DOCUMENTS_DIR: documentsDir,
      S3_BUCKET,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      S3_KEY_PREFIX: S3_PREFIX,
    },
    keys: async () => {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: S3_BUCKET, Prefix: S3_PREFIX, ContinuationToken: token }));
        keys.push(...(page.Contents ?? []).map((o) => o.Key!.slice(S3_PREFIX.length)));
        token = page.NextContinuationToken;
      } while (token);
      return keys;
    },
    bytes: async (key) => Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: S3_BUCKET, Key: `${S3_PREFIX}${key}` }))).Body!.transformToByteArray()),
    stop,
    close: async () => {
      s3.destroy();
      await stop();
      rmSync(storeDir, { recursive: true, force: true });
      rmSync(documentsDir, { recursive: true, force: true });
    },
  };
}
