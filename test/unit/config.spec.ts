import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/env';

const SECRET = 'x'.repeat(32);

describe('loadConfig', () => {
  it('defaults to the embedded database with a secret kept beside the data folder', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'jalin-cfg-')), 'pglite');
    const a = loadConfig({ PGLITE_DATA_DIR: dir });
    const b = loadConfig({ PGLITE_DATA_DIR: dir });
    expect(a.databaseUrl).toBeNull();
    expect(a.migrationDatabaseUrl).toBeNull();
    expect(a.runtimeRole).toBeNull();
    expect(a.seedDemo).toBe(true);
    expect(a.port).toBe(3000);
    expect(a.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(b.jwtSecret).toBe(a.jwtSecret);
  });

  it('uses DATABASE_URL, needs JWT_SECRET with it, and loads no demo unless asked', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db' })).toThrow(/JWT_SECRET is required/);
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', JWT_SECRET: SECRET });
    expect(c.databaseUrl).toBe('postgres://u@h/db');
    expect(c.seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', JWT_SECRET: SECRET, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('migrates as the role of MIGRATION_DATABASE_URL and names the runtime role after DATABASE_URL\'s user', () => {
    const one = loadConfig({ DATABASE_URL: 'postgres://jalin@h/db', JWT_SECRET: SECRET });
    expect(one.migrationDatabaseUrl).toBeNull();
    expect(one.runtimeRole).toBeNull();
    const split = loadConfig({
      DATABASE_URL: 'postgres://jalin%5Fruntime:s%40cret@h/db',
      MIGRATION_DATABASE_URL: 'postgresql://jalin_owner:other@h:5432/db',
      JWT_SECRET: SECRET,
    });
    expect(split.databaseUrl).toBe('postgres://jalin%5Fruntime:s%40cret@h/db');
    expect(split.migrationDatabaseUrl).toBe('postgresql://jalin_owner:other@h:5432/db');
    expect(split.runtimeRole).toBe('jalin_runtime');
  });

  it.each([
    [{ MIGRATION_DATABASE_URL: 'postgres://owner@h/db', JWT_SECRET: SECRET }, /needs DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://jalin@h/db', MIGRATION_DATABASE_URL: 'postgres://jalin:x@h/db', JWT_SECRET: SECRET }, /another user .*"jalin"/],
    [{ DATABASE_URL: 'postgres://h/db', MIGRATION_DATABASE_URL: 'postgres://owner@h/db', JWT_SECRET: SECRET }, /must both name their user/],
    [{ DATABASE_URL: 'postgres://app@h/db', MIGRATION_DATABASE_URL: 'postgres://h/db', JWT_SECRET: SECRET }, /must both name their user/],
  ])('refuses a split that would not split: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://h/db', JWT_SECRET: SECRET }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url', JWT_SECRET: SECRET }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://app@h/db', MIGRATION_DATABASE_URL: 'mysql://owner@h/db', JWT_SECRET: SECRET }, 'MIGRATION_DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://app@h/db', MIGRATION_DATABASE_URL: 'owner at h', JWT_SECRET: SECRET }, 'MIGRATION_DATABASE_URL'],
    [{ MIGRATION_DATABASE_URL: 'postgres://owner@h/db', JWT_SECRET: SECRET }, 'MIGRATION_DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ LOG_LEVEL: 'loud', JWT_SECRET: SECRET }, 'LOG_LEVEL'],
    [{ RUN_MIGRATIONS: 'maybe', JWT_SECRET: SECRET }, 'RUN_MIGRATIONS'],
    [{ BODY_LIMIT: 'lots', JWT_SECRET: SECRET }, 'BODY_LIMIT'],
  ])('names the bad variable: %j', (env, name) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message.startsWith(name)).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  });

  describe('document storage', () => {
    const S3 = { JWT_SECRET: SECRET, DOCUMENTS_STORAGE: 's3', S3_BUCKET: 'jalin-documents', S3_REGION: 'ap-southeast-3' };

    it('keeps documents in the DOCUMENTS_DIR folder unless DOCUMENTS_STORAGE=s3', () => {
      const c = loadConfig({ JWT_SECRET: SECRET });
      expect(c.documentStorage).toBe('filesystem');
      expect(c.s3).toBeNull();
    });

    it('reads the bucket, with the default credential chain and AWS addressing unless told otherwise', () => {
      expect(loadConfig(S3)).toMatchObject({
        documentStorage: 's3',
        s3: { bucket: 'jalin-documents', region: 'ap-southeast-3', endpoint: null, forcePathStyle: false, accessKeyId: null, secretAccessKey: null, keyPrefix: '' },
      });
      expect(loadConfig({ ...S3, S3_REGION: undefined, AWS_REGION: 'us-west-2' }).s3?.region).toBe('us-west-2');
    });

    it('reads an S3-compatible server: its endpoint, path-style addressing by default, keys and a key prefix', () => {
      const c = loadConfig({ ...S3, S3_ENDPOINT: 'http://minio:9000/', S3_ACCESS_KEY_ID: 'jalin', S3_SECRET_ACCESS_KEY: 'secret-key', S3_KEY_PREFIX: 'jalin/documents' });
      expect(c.s3).toEqual({ bucket: 'jalin-documents', region: 'ap-southeast-3', endpoint: 'http://minio:9000', forcePathStyle: true, accessKeyId: 'jalin', secretAccessKey: 'secret-key', keyPrefix: 'jalin/documents/' });
      expect(loadConfig({ ...S3, S3_ENDPOINT: 'https://s3.example.id', S3_FORCE_PATH_STYLE: 'false' }).s3?.forcePathStyle).toBe(false);
    });

    it.each([
      [{ JWT_SECRET: SECRET, DOCUMENTS_STORAGE: 'gcs' }, 'DOCUMENTS_STORAGE', /one of filesystem, s3/],
      [{ JWT_SECRET: SECRET, S3_BUCKET: 'jalin-documents' }, 'S3_BUCKET', /DOCUMENTS_STORAGE is not s3/],
      [{ ...S3, S3_BUCKET: '' }, 'S3_BUCKET', /required when DOCUMENTS_STORAGE=s3/],
      [{ ...S3, S3_BUCKET: 'Jalin_Documents' }, 'S3_BUCKET', /bucket name/],
      [{ ...S3, S3_BUCKET: '10.0.0.1' }, 'S3_BUCKET', /bucket name/],
      [{ ...S3, S3_REGION: undefined }, 'S3_REGION', /required/],
      [{ ...S3, S3_REGION: 'Jakarta 1' }, 'S3_REGION', /ap-southeast-3/],
      [{ ...S3, S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT', /http/],
      [{ ...S3, S3_FORCE_PATH_STYLE: 'sometimes' }, 'S3_FORCE_PATH_STYLE', /true or false/],
      [{ ...S3, S3_ACCESS_KEY_ID: 'jalin' }, 'S3_ACCESS_KEY_ID', /together/],
      [{ ...S3, S3_SECRET_ACCESS_KEY: 'secret-key' }, 'S3_ACCESS_KEY_ID', /together/],
      [{ ...S3, S3_KEY_PREFIX: '/jalin' }, 'S3_KEY_PREFIX', /no leading slash/],
      [{ ...S3, S3_KEY_PREFIX: 'jalin/../other' }, 'S3_KEY_PREFIX', /path/],
      [{ ...S3, S3_KEY_PREFIX: 'jalin//documents' }, 'S3_KEY_PREFIX', /path/],
    ])('refuses %j, naming the variable', (env, name, message) => {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message.startsWith(name)).toBe(true);
      expect((error as Error).message).toMatch(message);
    });
  });

  it('reads CORS origins', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(loadConfig({ JWT_SECRET: SECRET, CORS_ORIGINS: '*' }).corsOrigins).toBe(true);
  });
});
