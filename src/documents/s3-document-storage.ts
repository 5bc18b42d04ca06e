import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { S3StorageConfig } from '../config/env';
import { DocumentNotStoredError, DocumentStorage } from './document-storage';

/** Keys are made by Jalin (UUIDs); the same rule as the filesystem storage, so a key means the same in both. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{1,199}$/;

/** Parts of a multipart upload: S3's smallest part size, and two in flight, so one upload holds at most ~10 MB more. */
const PART_SIZE = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/** A request that has not been answered by then is a store that is down, not a slow one. */
const REQUEST_TIMEOUT_MS = 30_000;
const CONNECTION_TIMEOUT_MS = 5_000;

/** The S3 client for a configured bucket: explicit keys when given, the SDK's default chain otherwise. */
export function s3ClientFor(config: S3StorageConfig): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint ?? undefined,
    forcePathStyle: config.forcePathStyle,
    credentials: config.accessKeyId !== null && config.secretAccessKey !== null ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
  });
}

/** S3 says "no such object" as NoSuchKey on GET (and a bare 404 NotFound on HEAD). */
function isMissingObject(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.name === 'NotFound');
}

/**
 * Keeps each document as one object in an S3-compatible bucket (S3_BUCKET), under S3_KEY_PREFIX and
 * its key, so every replica of the API reads and writes the same documents without a shared disk.
 * Objects stay private: downloads are streamed through the API after its access checks, never
 * handed out as public or presigned bucket URLs. An upload is streamed in parts; one that fails is
 * aborted, so no half object stays behind, and S3 only shows an object once it is complete.
 */
export class S3DocumentStorage implements DocumentStorage, OnApplicationShutdown {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
  ) {}

  /** A storage on the configured bucket with its own client. */
  static fromConfig(config: S3StorageConfig): S3DocumentStorage {
    return new S3DocumentStorage(s3ClientFor(config), config.bucket, config.keyPrefix);
  }

  private objectKey(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid document storage key "${key}"`);
    return `${this.prefix}${key}`;
  }

  async put(key: string, content: Buffer | Readable): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.objectKey(key), Body: content },
      partSize: PART_SIZE,
      queueSize: PARTS_IN_FLIGHT,
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async get(key: string): Promise<Readable> {
    const objectKey = this.objectKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      // In Node the body is the HTTP response itself, a Readable.
      return object.Body as Readable;
    } catch (err) {
      if (isMissingObject(err)) throw new DocumentNotStoredError(key);
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers a delete of a missing object with success, as the interface asks.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  /**
   * Resolves when the bucket exists and these credentials may use it (a HeadBucket, which reads no
   * object); fails otherwise, or when the store has not answered within `timeoutMs`.
   */
  async reachable(timeoutMs: number): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: AbortSignal.timeout(timeoutMs) });
  }

  onApplicationShutdown(): void {
    this.client.destroy();
  }
}
