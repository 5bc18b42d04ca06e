import { createHash } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

// Parallel tenants for the authorization matrix: the demo's reference case is tenant A; tenants B
// and C are exact copies of it with every id replaced (deterministically, so a record's copy can be
// named from the original's id), every email and NPSN made unique, and, for C, every region moved
// out of tenant A's education office's jurisdiction. A request made for tenant A's record can so be
// repeated, unchanged but for its ids, against another organisation's record of the same kind and
// state.

/** Tenants that copy tenant A: B in the same regions, C outside them. */
export type CopyTenant = 'B' | 'C';

/** Where every organisation of tenant C lies: a region no organisation of tenant A is in. */
export const OUTSIDE_REGION = '11.71';

const UUID_G = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The id of tenant A's record `id` in a copy tenant (shaped as a version 4 UUID). */
export function copyId(tenant: CopyTenant, id: string): string {
  const h = createHash('md5').update(`${tenant}:${id.toLowerCase()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Every UUID inside a value (string, array, object), replaced by its copy in `tenant`. */
export function toTenant<T>(tenant: CopyTenant, value: T): T {
  if (typeof value === 'string') return value.replace(UUID_G, (id) => copyId(tenant, id)) as T;
  if (Array.isArray(value)) return value.map((v) => toTenant(tenant, v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Buffer)) {
    // Keys too: some bodies are maps keyed by ids (a questionnaire's answers by item id).
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [toTenant(tenant, k), toTenant(tenant, v)])) as T;
  }
  return value;
}

/** Tables that are not a tenant's: reference data, bookkeeping of the process, and sign-in state. */
const NOT_COPIED = new Set(['regions', 'migrations', 'seed_runs', 'job_runs', 'login_failures', 'auth_sessions', 'refresh_tokens', 'idempotency_keys', 'audit_events']);
/** Tables whose ids come from a sequence: the copy takes new ones. */
const SEQUENCE_IDS = new Set(['grant_ledger_entries']);

async function dataTables(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )) as Array<{ table_name: string }>;
  return rows.map((r) => r.table_name);
}

/** Copies every record of tenant A (the demo as loaded) into `tenant`. */
export async function copyTenant(ds: DataSource, tenant: CopyTenant): Promise<void> {
  const tables = (await dataTables(ds)).filter((t) => !NOT_COPIED.has(t));
  const prefix = tenant.toLowerCase();
  await ds.transaction(async (m) => {
    // Rows go in table by table; foreign keys and triggers (running totals, append-only guards)
    // would see half a tenant, and the copy of the totals is taken as it is.
    await m.query(`SET LOCAL session_replication_role = replica`);
    for (const table of tables) {
      const [{ rows }] = (await m.query(`SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM "${table}" t`)) as Array<{ rows: Array<Record<string, unknown>> }>;
      if (rows.length === 0) continue;
      const copies = rows.map((row, index) => {
        const c = toTenant(tenant, row);
        if (SEQUENCE_IDS.has(table)) delete c.id;
        if (table === 'users') {
          c.email = `${prefix}.${String(row.email)}`;
          if (c.invitation_token_hash) c.invitation_token_hash = `${prefix}${String(c.invitation_token_hash)}`;
        }
        if (table === 'organizations' && typeof row.npsn === 'string') c.npsn = `${tenant === 'B' ? 8 : 9}${String(index).padStart(7, '0')}`;
        if (table === 'mous' && row.number) c.number = `${String(row.number)}-${tenant}`;
        if (tenant === 'C') {
          if (c.region_code) c.region_code = OUTSIDE_REGION;
          // A school's district lies in its regency/city: outside the region it has none.
          if (c.district_code) c.district_code = null;
          if (Array.isArray(c.region_codes) && c.region_codes.length > 0) c.region_codes = [OUTSIDE_REGION];
        }
        return c;
      });
      const columns = Object.keys(copies[0])
        .map((c) => `"${c}"`)
        .join(', ');
      await m.query(`INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`, [JSON.stringify(copies)]);
    }
  });
  // Sequence-numbered copies: the sequences move past what was inserted.
  for (const table of SEQUENCE_IDS) await ds.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM "${table}"))`);
}

/** Copies the stored files of tenant A's documents (`keys`) to their copies' keys, in the filesystem storage's folder layout. */
export async function copyDocumentFiles(root: string, keys: string[], tenant: CopyTenant): Promise<void> {
  for (const key of keys) {
    const copy = copyId(tenant, key);
    await mkdir(join(root, copy.slice(0, 2)), { recursive: true });
    await copyFile(join(root, key.slice(0, 2), key), join(root, copy.slice(0, 2), copy));
  }
}

/** Tables a restore leaves alone: reference data, sign-in state (so tokens stay valid) and the append-only audit log. */
const KEPT = new Set(['regions', 'migrations', 'auth_sessions', 'refresh_tokens', 'idempotency_keys', 'audit_events']);

/**
 * A saved state of every table a request may change, restored after each request that changed
 * something, so every cell of the matrix meets the same records in the same state.
 */
export class Snapshot {
  private constructor(
    private readonly ds: DataSource,
    private readonly tables: string[],
  ) {}

  /** Saves every table but reference data into a schema of its own. */
  static async take(ds: DataSource): Promise<Snapshot> {
    const tables = (await dataTables(ds)).filter((t) => !KEPT.has(t));
    await ds.query(`DROP SCHEMA IF EXISTS matrix_snapshot CASCADE; CREATE SCHEMA matrix_snapshot`);
    for (const t of tables) await ds.query(`CREATE TABLE matrix_snapshot."${t}" AS TABLE public."${t}"`);
    return new Snapshot(ds, tables);
  }

  /** Whether anything was written since `xid` was read (a writing transaction takes an id). */
  static async nextXid(ds: DataSource): Promise<string> {
    return ((await ds.query(`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`)) as Array<{ x: string }>)[0].x;
  }

  /** Puts every table back as it was when the snapshot was taken. */
  async restore(): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      for (const t of this.tables) await m.query(`DELETE FROM public."${t}"`);
      for (const t of this.tables) await m.query(`INSERT INTO public."${t}" SELECT * FROM matrix_snapshot."${t}"`);
    });
  }
}
