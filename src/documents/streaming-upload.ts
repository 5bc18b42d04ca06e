import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import type { DocumentStorage } from './document-storage';

/** How many leading bytes are kept to recognise the content (PDF, PNG and JPEG need at most 8). */
const HEAD_BYTES = 16;

/** What the streaming upload learnt of a file while it passed on to the storage. */
export interface StoredUpload {
  /** The key the bytes are stored under in the document storage. */
  storageKey: string;
  /** Bytes received (and stored). */
  size: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  /** The first bytes, to recognise the content by. */
  head: Buffer;
}

/** Hashes, counts and keeps the first bytes of what passes through, unchanged. */
class Inspector extends Transform {
  private readonly hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  // Not called `size`: the S3 upload would read a stream's `size` as its total length.
  private received = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.received += chunk.length;
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headChunks.push(part);
      this.headLength += part.length;
    }
    callback(null, chunk);
  }

  facts(storageKey: string): StoredUpload {
    return { storageKey, size: this.received, sha256: this.hash.digest('hex'), head: Buffer.concat(this.headChunks) };
  }
}

/** The file multer hands to a storage engine. */
interface IncomingFile {
  stream: Readable;
}

/** A file multer has stored through {@link streamingDocumentEngine}. */
type StoredFile = Partial<StoredUpload>;

/**
 * A multer storage engine that streams each file straight into the document storage under a new
 * random key, hashing and measuring it on the way, so an upload never sits whole in memory (an S3
 * upload holds at most its parts in flight). The content is checked after it is stored: whoever
 * takes the file either records it or removes it (see DocumentUploadInterceptor). multer itself
 * removes what it stored when the request fails (a file over the limit, a broken form).
 */
export function streamingDocumentEngine(storage: DocumentStorage) {
  return {
    _handleFile(_req: IncomingMessage, file: IncomingFile, callback: (error: Error | null, info?: StoredUpload) => void): void {
      const storageKey = randomUUID();
      const inspector = new Inspector();
      const source = pipeline(file.stream, inspector, () => undefined);
      storage.put(storageKey, source).then(
        () => callback(null, inspector.facts(storageKey)),
        (err: unknown) => {
          // A store that failed half-way may hold a part; removing a missing key is no error.
          storage.delete(storageKey).catch(() => undefined);
          callback(err instanceof Error ? err : new Error(String(err)));
        },
      );
    },
    _removeFile(_req: IncomingMessage, file: StoredFile, callback: (error: Error | null) => void): void {
      if (!file.storageKey) return callback(null);
      storage.delete(file.storageKey).then(
        () => callback(null),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    },
  };
}
