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

  it('reads CORS origins', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(loadConfig({ JWT_SECRET: SECRET, CORS_ORIGINS: '*' }).corsOrigins).toBe(true);
  });
});
