import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The validated configuration of one API process. */
export interface AppConfig extends DatabaseConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  runMigrations: boolean;
  /** Load the reference case when the database has none: default on for the embedded mode only. */
  seedDemo: boolean;
  jwtSecret: string;
  jwtAccessTtlSeconds: number;
  jwtRefreshTtlSeconds: number;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginFailureWindowSeconds: number;
  corsOrigins: string[] | true;
  bodyLimit: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Express 'trust proxy': false, true (every hop) or the number of proxy hops in front of the API. */
  trustProxy: boolean | number;
  shutdownTimeoutMs: number;
  /** Folder of the filesystem document storage (uploaded MoUs, annexes...), absolute. */
  documentsDir: string;
  /** Where document bytes are kept: the folder documentsDir, or an S3-compatible bucket every replica shares. */
  documentStorage: 'filesystem' | 's3';
  /** The bucket when documentStorage is s3; null otherwise. */
  s3: S3StorageConfig | null;
  /** Run the daily jobs (MoU expiry and reminders) on a timer in this process; never in NODE_ENV=test. */
  jobsEnabled: boolean;
  /** Folder of the built web portal (index.html, assets/), absolute; null: dist/portal beside the compiled API. */
  portalDir: string | null;
  /** Outgoing e-mail: the SMTP server (none: messages are kept), the sender and the portal links. */
  mail: MailConfig;
  /** Password reset requests per email address within the window, counted whether or not the address is known. */
  passwordResetMaxPerAccount: number;
  /** Password reset requests per client address within the window. */
  passwordResetMaxPerAddress: number;
  passwordResetWindowSeconds: number;
}

/** The SMTP server messages are sent through. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (SMTPS, usually port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse to send unless the connection is upgraded with STARTTLS (ignored when `secure`). */
  requireTls: boolean;
  /** Both or neither. */
  user: string | null;
  password: string | null;
}

/** Outgoing e-mail. */
export interface MailConfig {
  /** null: no SMTP server; messages are kept in the outbox, logged, and listed for admins. */
  smtp: SmtpConfig | null;
  /** The From header, e.g. `Jalin <no-reply@jalin.example>`. */
  from: string;
  /** The domain of each message's stable Message-ID: the one of the From address. */
  messageIdDomain: string;
  /** Where the portal is, without a trailing slash; every message links into it. */
  portalBaseUrl: string;
  /** How often each replica's worker looks for messages that are due. */
  workerIntervalMs: number;
  /** Sending attempts before a message is given up as failed. */
  maxAttempts: number;
}

/** An S3-compatible bucket holding the documents (AWS S3, MinIO, Ceph RGW, Garage...). */
export interface S3StorageConfig {
  bucket: string;
  region: string;
  /** The server's URL for an S3-compatible store other than AWS, e.g. http://minio:9000; null: AWS itself. */
  endpoint: string | null;
  /** Address buckets as http://host/bucket rather than http://bucket.host (most self-hosted stores need this). */
  forcePathStyle: boolean;
  /** Both or neither; neither: the SDK's default chain (AWS_* variables, shared config, instance or task role). */
  accessKeyId: string | null;
  secretAccessKey: string | null;
  /** Put before every object key, e.g. "jalin/documents/"; empty: keys at the bucket's root. */
  keyPrefix: string;
}

/** Raised with one line naming the variable that is missing or malformed. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback: string): string {
  const v = env[name];
  return v === undefined || v === '' ? fallback : v;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  }
  const n = Number(raw);
  if (n < min || n > max) {
    throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  }
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function trustProxy(env: Env): boolean | number {
  const raw = env.TRUST_PROXY;
  if (raw !== undefined && /^\d+$/.test(raw)) return int(env, 'TRUST_PROXY', 0, 0, 10);
  return bool(env, 'TRUST_PROXY', false);
}

function postgresUrl(env: Env, name: string): URL | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL such as postgres://user:password@host:5432/jalin`);
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
    throw new ConfigError(`${name} must start with postgres://, got "${url.protocol}//"`);
  }
  return url;
}

/**
 * The runtime/owner split: MIGRATION_DATABASE_URL names the role that owns the schema and migrates it;
 * DATABASE_URL's user is then the runtime role, which the migration step grants only what the API needs.
 */
function migrationDatabase(env: Env, runtime: URL | null): { migrationDatabaseUrl: string | null; runtimeRole: string | null } {
  const owner = postgresUrl(env, 'MIGRATION_DATABASE_URL');
  if (owner === null) return { migrationDatabaseUrl: null, runtimeRole: null };
  if (runtime === null) {
    throw new ConfigError('MIGRATION_DATABASE_URL needs DATABASE_URL (the runtime role); the embedded database has one role only');
  }
  const runtimeRole = decodeURIComponent(runtime.username);
  const ownerRole = decodeURIComponent(owner.username);
  if (runtimeRole === '' || ownerRole === '') {
    throw new ConfigError('MIGRATION_DATABASE_URL and DATABASE_URL must both name their user, e.g. postgres://jalin_owner:password@host:5432/jalin');
  }
  if (runtimeRole === ownerRole) {
    throw new ConfigError(`MIGRATION_DATABASE_URL must name another user than DATABASE_URL (both are "${runtimeRole}")`);
  }
  return { migrationDatabaseUrl: env.MIGRATION_DATABASE_URL as string, runtimeRole };
}

/**
 * The embedded mode keeps one signing secret in its data folder so tokens survive a restart;
 * a real deployment (several replicas) must share JWT_SECRET instead.
 */
function embeddedSecret(dataDir: string): string {
  const file = resolve(dirname(dataDir), 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Where the database is: a server named by DATABASE_URL, or the embedded one. */
export interface DatabaseConfig {
  databaseUrl: string | null;
  /**
   * The schema owner's connection, used only to migrate (and to grant the runtime role its rights);
   * null: migrations run as DATABASE_URL's user, as everything else does.
   */
  migrationDatabaseUrl: string | null;
  /** DATABASE_URL's user when migrationDatabaseUrl is set: the role the migration step grants rights to. */
  runtimeRole: string | null;
  dbPoolMax: number;
  /**
   * PostgreSQL statement_timeout of the API's connections, in milliseconds (0: none): a query that runs
   * longer is cancelled and the request answers 503. Imports and reports fit well inside the default.
   */
  dbStatementTimeoutMs: number;
  pgliteDataDir: string;
  pglitePort: number;
}

const MAIL_FROM_PATTERN = /^(?:[^<>\r\n]*<([^<>@\s]+@([^<>@\s]+))>|([^<>@\s]+@([^<>@\s]+)))$/;

function httpUrl(env: Env, name: string, fallback: string): string {
  const raw = str(env, name, fallback);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL such as https://jalin.example.org, got "${raw}"`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search !== '' || url.hash !== '') {
    throw new ConfigError(`${name} must be an http:// or https:// URL without ?query or #fragment, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

/** The e-mail part of the environment. */
export function loadMailConfig(env: Env, port: number): MailConfig {
  const host = str(env, 'SMTP_HOST', '');
  const secure = bool(env, 'SMTP_SECURE', false);
  const user = str(env, 'SMTP_USER', '');
  const password = str(env, 'SMTP_PASSWORD', '');
  if ((user === '') !== (password === '')) throw new ConfigError('SMTP_USER and SMTP_PASSWORD must be set together (or both left out)');
  const from = str(env, 'MAIL_FROM', 'Jalin <no-reply@jalin.invalid>');
  const m = MAIL_FROM_PATTERN.exec(from.trim());
  if (!m) throw new ConfigError(`MAIL_FROM must be an address such as no-reply@jalin.example or "Jalin <no-reply@jalin.example>", got "${from}"`);
  if (host !== '' && env.MAIL_FROM === undefined) throw new ConfigError('MAIL_FROM is required when SMTP_HOST is set, e.g. "Jalin <no-reply@jalin.example>"');
  if (host !== '' && env.PORTAL_BASE_URL === undefined) throw new ConfigError('PORTAL_BASE_URL is required when SMTP_HOST is set: the address of the portal that e-mails link to, e.g. https://jalin.example.org');
  return {
    smtp:
      host === ''
        ? null
        : {
            host,
            port: int(env, 'SMTP_PORT', secure ? 465 : 587, 1, 65535),
            secure,
            requireTls: bool(env, 'SMTP_REQUIRE_TLS', false),
            user: user === '' ? null : user,
            password: password === '' ? null : password,
          },
    from: from.trim(),
    messageIdDomain: (m[2] ?? m[4]).toLowerCase(),
    portalBaseUrl: httpUrl(env, 'PORTAL_BASE_URL', `http://localhost:${port}`),
    workerIntervalMs: int(env, 'MAIL_WORKER_INTERVAL_MS', 10_000, 100, 3_600_000),
    maxAttempts: int(env, 'MAIL_MAX_ATTEMPTS', 8, 1, 50),
  };
}

const S3_VARIABLES = ['S3_BUCKET', 'S3_REGION', 'S3_ENDPOINT', 'S3_FORCE_PATH_STYLE', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_KEY_PREFIX'] as const;
/** AWS's bucket naming rules, which S3-compatible stores follow. */
const S3_BUCKET_PATTERN = /^(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** Characters AWS calls safe in object keys; the prefix is a folder-like path without empty or dot segments. */
const S3_PREFIX_PATTERN = /^(?:[A-Za-z0-9!_.*'()-]+\/)*[A-Za-z0-9!_.*'()-]+\/?$/;

/**
 * The document storage part of the environment: DOCUMENTS_STORAGE=filesystem (the folder DOCUMENTS_DIR)
 * or s3 (a bucket named by the S3_* variables). S3 settings without DOCUMENTS_STORAGE=s3 are refused,
 * so a forgotten switch never leaves each replica writing to its own disk.
 */
export function loadDocumentStorageConfig(env: Env): { documentStorage: 'filesystem' | 's3'; s3: S3StorageConfig | null } {
  const documentStorage = oneOf(env, 'DOCUMENTS_STORAGE', ['filesystem', 's3'] as const, 'filesystem');
  if (documentStorage === 'filesystem') {
    const stray = S3_VARIABLES.find((name) => str(env, name, '') !== '');
    if (stray !== undefined) throw new ConfigError(`${stray} is set but DOCUMENTS_STORAGE is not s3: set DOCUMENTS_STORAGE=s3 to keep documents in the bucket, or remove ${stray}`);
    return { documentStorage, s3: null };
  }
  const bucket = str(env, 'S3_BUCKET', '');
  if (bucket === '') throw new ConfigError('S3_BUCKET is required when DOCUMENTS_STORAGE=s3: the name of the bucket that keeps the documents');
  if (!S3_BUCKET_PATTERN.test(bucket) || bucket.includes('..')) {
    throw new ConfigError(`S3_BUCKET must be a bucket name of 3 to 63 lowercase letters, digits, dots and hyphens, got "${bucket}"`);
  }
  const region = str(env, 'S3_REGION', str(env, 'AWS_REGION', ''));
  if (region === '') throw new ConfigError('S3_REGION is required when DOCUMENTS_STORAGE=s3, e.g. ap-southeast-3 (any value such as us-east-1 for MinIO)');
  if (!/^[a-z0-9-]{2,40}$/.test(region)) throw new ConfigError(`S3_REGION must look like ap-southeast-3, got "${region}"`);
  const rawEndpoint = str(env, 'S3_ENDPOINT', '');
  const endpoint = rawEndpoint === '' ? null : httpUrl(env, 'S3_ENDPOINT', rawEndpoint);
  const accessKeyId = str(env, 'S3_ACCESS_KEY_ID', '');
  const secretAccessKey = str(env, 'S3_SECRET_ACCESS_KEY', '');
  if ((accessKeyId === '') !== (secretAccessKey === '')) {
    throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or both left out to use the default AWS credential chain)');
  }
  const prefix = str(env, 'S3_KEY_PREFIX', '');
  if (prefix !== '' && (!S3_PREFIX_PATTERN.test(prefix) || prefix.split('/').some((segment) => segment === '.' || segment === '..'))) {
    throw new ConfigError(`S3_KEY_PREFIX must be a path such as jalin/documents/ (letters, digits and !_.*'()- between slashes, no leading slash), got "${prefix}"`);
  }
  return {
    documentStorage,
    s3: {
      bucket,
      region,
      endpoint,
      // Self-hosted stores rarely have a wildcard DNS name per bucket; AWS itself prefers virtual-hosted style.
      forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', endpoint !== null),
      accessKeyId: accessKeyId === '' ? null : accessKeyId,
      secretAccessKey: secretAccessKey === '' ? null : secretAccessKey,
      keyPrefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
    },
  };
}

/** The database part of the environment, for the API and for the migrations CLI. */
export function loadDatabaseConfig(env: Env = process.env): DatabaseConfig {
  const runtime = postgresUrl(env, 'DATABASE_URL');
  return {
    databaseUrl: runtime === null ? null : (env.DATABASE_URL as string),
    ...migrationDatabase(env, runtime),
    // Two at least: start-up holds one connection for the migration lock while migrating on another.
    dbPoolMax: int(env, 'DB_POOL_MAX', 10, 2, 200),
    dbStatementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 30000, 0, 3_600_000),
    pgliteDataDir: resolve(str(env, 'PGLITE_DATA_DIR', '.data/pglite')),
    pglitePort: int(env, 'PGLITE_PORT', 0, 0, 65535),
  };
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const db = loadDatabaseConfig(env);
  const dbUrl = db.databaseUrl;
  const pgliteDataDir = db.pgliteDataDir;
  let jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret === '') {
    if (dbUrl !== null || nodeEnv === 'production') {
      throw new ConfigError('JWT_SECRET is required when DATABASE_URL is set or NODE_ENV=production (at least 32 characters)');
    }
    jwtSecret = embeddedSecret(pgliteDataDir);
  } else if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters long');
  }
  const cors = str(env, 'CORS_ORIGINS', '');
  const bodyLimit = str(env, 'BODY_LIMIT', '1mb');
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit)) {
    throw new ConfigError(`BODY_LIMIT must look like 512kb or 1mb, got "${bodyLimit}"`);
  }
  const port = int(env, 'PORT', 3000, 0, 65535);
  return {
    nodeEnv,
    host: str(env, 'HOST', '0.0.0.0'),
    port,
    ...db,
    runMigrations: bool(env, 'RUN_MIGRATIONS', true),
    seedDemo: bool(env, 'SEED_DEMO', dbUrl === null),
    jwtSecret,
    jwtAccessTtlSeconds: int(env, 'JWT_ACCESS_TTL_SECONDS', 900, 30, 86400),
    jwtRefreshTtlSeconds: int(env, 'JWT_REFRESH_TTL_SECONDS', 30 * 86400, 300, 365 * 86400),
    loginMaxFailuresPerAccount: int(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
    loginMaxFailuresPerAddress: int(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1, 100000),
    loginFailureWindowSeconds: int(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 900, 1, 86400),
    corsOrigins: cors === '' ? [] : cors === '*' ? true : cors.split(',').map((o) => o.trim()),
    bodyLimit,
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    trustProxy: trustProxy(env),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000),
    documentsDir: resolve(str(env, 'DOCUMENTS_DIR', '.data/documents')),
    ...loadDocumentStorageConfig(env),
    jobsEnabled: bool(env, 'JOBS_ENABLED', true),
    portalDir: env.PORTAL_DIR ? resolve(env.PORTAL_DIR) : null,
    mail: loadMailConfig(env, port),
    passwordResetMaxPerAccount: int(env, 'PASSWORD_RESET_MAX_PER_ACCOUNT', 3, 1, 1000),
    passwordResetMaxPerAddress: int(env, 'PASSWORD_RESET_MAX_PER_ADDRESS', 10, 1, 100000),
    passwordResetWindowSeconds: int(env, 'PASSWORD_RESET_WINDOW_SECONDS', 3600, 1, 86400),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
