import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { DiskHealthIndicator, HealthCheckResult, HealthCheckService, HealthIndicatorResult, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/env';
import { migrationsApplied } from '../database/data-source';
import { DOCUMENT_STORAGE } from '../documents/document-storage';
import type { DocumentStorage } from '../documents/document-storage';
import { S3DocumentStorage } from '../documents/s3-document-storage';

/** A database that has not answered by then is as good as down for a load balancer. */
export const DATABASE_TIMEOUT_MS = 2000;
/** Uploads fail on a full disk: not ready once the documents' disk is more than 98 % used. */
export const DOCUMENTS_DISK_MAX_USED = 0.98;
/** A bucket that has not answered a HeadBucket by then would fail uploads and downloads too. */
export const DOCUMENTS_BUCKET_TIMEOUT_MS = 2000;

/** What readiness looked at, each with its pessimistic value when it could not be reached. */
export interface HealthChecks {
  database: 'ok' | 'unreachable';
  migrations: 'ok' | 'pending' | 'unknown';
  documents: 'ok' | 'unavailable';
}

/** The documents folder may not exist before the first upload: its disk is its nearest existing parent's. */
function existingAncestor(path: string): string {
  let current = path;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}

@Injectable()
export class ReadinessService {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly disk: DiskHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  /**
   * Runs the database, migrations and document storage checks through terminus and names each
   * result; the storage check is the folder's disk, or a HeadBucket when documents live in S3.
   */
  async check(): Promise<{ ok: boolean; checks: HealthChecks }> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([
        () => this.database.pingCheck('database', { connection: this.dataSource, timeout: DATABASE_TIMEOUT_MS }),
        () => this.migrations(),
        () => this.documents(),
      ]);
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      result = err.getResponse() as HealthCheckResult;
      this.logger.warn({ msg: 'not ready', failed: result.error });
    }
    const up = (key: string) => result.details[key]?.status === 'up';
    const database = up('database');
    const checks: HealthChecks = {
      database: database ? 'ok' : 'unreachable',
      // Without a database, whether migrations are missing is unknown.
      migrations: !database ? 'unknown' : up('migrations') ? 'ok' : result.details.migrations?.pending === true ? 'pending' : 'unknown',
      documents: up('documents') ? 'ok' : 'unavailable',
    };
    return { ok: result.status === 'ok', checks };
  }

  /** The filesystem storage's disk has room, or the bucket answers a HeadBucket in time. */
  private async documents(): Promise<HealthIndicatorResult<'documents'>> {
    const storage = this.storage;
    if (!(storage instanceof S3DocumentStorage)) {
      return this.disk.checkStorage('documents', { path: existingAncestor(this.config.documentsDir), thresholdPercent: DOCUMENTS_DISK_MAX_USED });
    }
    const check = this.indicators.check('documents');
    try {
      await storage.reachable(DOCUMENTS_BUCKET_TIMEOUT_MS);
      return check.up({ storage: 's3' });
    } catch (err) {
      return check.down({ storage: 's3', error: err instanceof Error ? err.name : String(err) });
    }
  }

  /** Up when every migration is applied; down with `pending` when some are missing; down when not reached in time. */
  private async migrations(): Promise<HealthIndicatorResult<'migrations'>> {
    const check = this.indicators.check('migrations');
    const reached = await check.attempt(async () => ({ applied: await migrationsApplied(this.dataSource) })).withTimeout(DATABASE_TIMEOUT_MS);
    if (reached.migrations.status === 'up' && reached.migrations.applied === false) return check.down({ pending: true });
    return reached;
  }
}
