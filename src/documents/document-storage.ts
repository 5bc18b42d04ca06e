import { AppError } from '../common/errors/app-error';
import type { Readable } from 'node:stream';

/**
 * Where the bytes of documents live, by storage key. The one seam between Jalin and its file
 * store: a folder (FilesystemDocumentStorage) or an S3-compatible bucket (S3DocumentStorage), chosen
 * by DOCUMENTS_STORAGE, with no change to the services that use it.
 */
export interface DocumentStorage {
  /** Stores `content` under `key`; a key is written once and never overwritten. */
  put(key: string, content: Buffer | Readable): Promise<void>;
  /** The bytes stored under `key`, as a stream; fails with DocumentNotStoredError when there are none. */
  get(key: string): Promise<Readable>;
  /** Removes the bytes under `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** The injection token of the configured DocumentStorage. */
export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

/** A document row whose bytes are missing from the storage: an operations problem, never the caller's. */
export class DocumentNotStoredError extends Error {
  constructor(readonly key: string) {
    super(`no stored bytes under document storage key ${key}`);
  }
}

/** How long a client should wait before retrying when the document storage did not answer. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

/** The 503 answered when the document storage cannot be reached or refuses to store or read: nothing was recorded. */
export function storageUnavailable(): AppError {
  return new AppError('storage_unavailable', { retryAfter: STORAGE_RETRY_AFTER_SECONDS }, [], { 'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS) });
}
