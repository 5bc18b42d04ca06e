import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DocumentNotStoredError, DocumentStorage } from './document-storage';

/** Keys are made by Jalin (UUIDs); anything that could climb out of the folder is refused. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{1,199}$/;

/**
 * Keeps each document as one file under DOCUMENTS_DIR, in a sub-folder named after the first two
 * characters of its key so no folder grows too large. A file is written under a temporary name and
 * renamed into place, so a reader never sees half a file.
 */
export class FilesystemDocumentStorage implements DocumentStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid document storage key "${key}"`);
    return join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, content: Buffer | Readable): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${randomUUID()}.part`;
    try {
      await pipeline(Buffer.isBuffer(content) ? Readable.from([content]) : content, createWriteStream(partial, { flags: 'wx', mode: 0o640 }));
      await rename(partial, path);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      const handle = await open(path, 'r');
      return handle.createReadStream();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new DocumentNotStoredError(key);
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
