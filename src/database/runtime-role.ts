import type { QueryRunner } from 'typeorm';

/**
 * Tables the API only ever appends to. Their triggers already refuse UPDATE, DELETE and TRUNCATE;
 * the runtime role is not even granted them, and, not owning the tables, cannot disable the
 * triggers. A new append-only table belongs here too (test/e2e/database-roles.e2e-spec.ts fails
 * when a table refuses TRUNCATE by trigger but is missing from this list).
 */
export const APPEND_ONLY_TABLES: readonly string[] = ['audit_events', 'grant_ledger_entries', 'disbursements'];

/** Tables the API reads but never writes: the migrations' own record (readiness checks it). */
export const READ_ONLY_TABLES: readonly string[] = ['migrations'];

/** What granting found worth saying; the rights themselves are applied or an error is thrown. */
export interface RuntimeGrants {
  role: string;
  /** Tables in schema public the runtime role may now use. */
  tables: number;
  /** Weaknesses the owner cannot fix by itself (each a sentence for the log). */
  warnings: string[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Gives `role` exactly the rights the API needs on schema public, and nothing more: SELECT, INSERT,
 * UPDATE and DELETE on every table; SELECT and INSERT only on APPEND_ONLY_TABLES; SELECT only on
 * READ_ONLY_TABLES; USAGE and SELECT on sequences. Every right granted before is revoked first, so
 * running it again after each migration run brings every table, new ones included, to this state.
 * Runs as the schema owner, in one transaction (other sessions see the old rights or the new ones).
 * Refuses a role that is the owner, a superuser, a member of the owner, or owns a table itself: such
 * a role could alter or drop the audit log whatever it is granted.
 */
export async function grantRuntimeRole(runner: QueryRunner, role: string): Promise<RuntimeGrants> {
  const [found] = (await runner.query(
    `SELECT r.rolsuper AS superuser, r.rolname = current_user AS "isOwner", pg_has_role(r.oid, current_user, 'MEMBER') AS "inheritsOwner", current_user AS owner
       FROM pg_roles r WHERE r.rolname = $1`,
    [role],
  )) as Array<{ superuser: boolean; isOwner: boolean; inheritsOwner: boolean; owner: string }>;
  if (!found) throw new Error(`the runtime role "${role}" does not exist: create it (LOGIN, no other attribute) first`);
  if (found.isOwner) throw new Error(`the runtime role "${role}" is the role that migrates: use a separate runtime role`);
  if (found.superuser) throw new Error(`the runtime role "${role}" is a superuser: it could disable the audit log's triggers`);
  if (found.inheritsOwner) throw new Error(`the runtime role "${role}" is a member of "${found.owner}", the owner: it would have the owner's rights`);
  const owned = (await runner.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
      WHERE c.relnamespace = 'public'::regnamespace AND r.rolname = $1 ORDER BY 1`,
    [role],
  )) as Array<{ name: string }>;
  if (owned.length > 0) {
    throw new Error(`the runtime role "${role}" owns ${owned.map((o) => o.name).join(', ')}: make "${found.owner}" their owner (ALTER TABLE … OWNER TO)`);
  }

  const tables = (await runner.query(
    `SELECT c.relname AS name, pg_has_role(current_user, c.relowner, 'USAGE') AS mine
       FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1`,
  )) as Array<{ name: string; mine: boolean }>;
  const present = new Set(tables.map((t) => t.name));
  const who = ident(role);
  await runner.startTransaction();
  try {
    await runner.query(`GRANT USAGE ON SCHEMA public TO ${who}`);
    await runner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${who}`);
    await runner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${who}`);
    const appendOnly = APPEND_ONLY_TABLES.filter((t) => present.has(t));
    if (appendOnly.length > 0) await runner.query(`REVOKE UPDATE, DELETE ON ${appendOnly.map(ident).join(', ')} FROM ${who}`);
    const readOnly = READ_ONLY_TABLES.filter((t) => present.has(t));
    if (readOnly.length > 0) await runner.query(`REVOKE INSERT, UPDATE, DELETE ON ${readOnly.map(ident).join(', ')} FROM ${who}`);
    await runner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${who}`);
    await runner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${who}`);
    await runner.commitTransaction();
  } catch (err) {
    await runner.rollbackTransaction();
    throw err;
  }

  const warnings: string[] = [];
  const foreign = tables.filter((t) => !t.mine).map((t) => t.name);
  if (foreign.length > 0) warnings.push(`not owned by "${found.owner}", so not granted: ${foreign.join(', ')}`);
  const [{ create }] = (await runner.query(`SELECT has_schema_privilege($1, 'public', 'CREATE') AS create`, [role])) as Array<{ create: boolean }>;
  if (create) {
    warnings.push(`"${role}" may create tables in schema public (granted to it, or to PUBLIC as PostgreSQL 14 and older do): revoke CREATE ON SCHEMA public as the schema's owner`);
  }
  return { role, tables: tables.length - foreign.length, warnings };
}
