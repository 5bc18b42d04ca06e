#!/usr/bin/env bash
# The two database roles of Jalin (docs/operations.md, "Database roles"):
#   jalin_owner    owns the database, its schema and every table; the API migrates as it
#                  (MIGRATION_DATABASE_URL).
#   jalin_runtime  what the API serves requests as (DATABASE_URL): after each migration run the API
#                  grants it SELECT, INSERT, UPDATE and DELETE on the tables, only SELECT and INSERT on
#                  the append-only ones (the audit log, the money ledgers). It owns nothing, so it
#                  cannot alter, disable the triggers of, truncate or drop the audit log.
#
# The postgres image runs this once, as the superuser, when it initialises an empty data folder
# (mounted at /docker-entrypoint-initdb.d). It is safe to run again, and does what an existing data
# folder (from before the split) needs: it creates the missing roles, sets their passwords and makes
# jalin_owner the owner of the database and of every table, sequence and function in schema public:
#   docker compose -f docker/compose.yaml exec db bash /docker-entrypoint-initdb.d/10-jalin-roles.sh
#
# Passwords come from JALIN_OWNER_PASSWORD and JALIN_RUNTIME_PASSWORD (the compose file passes the
# same values to the API's URLs; keep them to letters and digits so they fit in a URL unescaped).
# No `set -u` and no `exit`: the image's entrypoint may source this file instead of running it.
set -e

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-jalin}" \
  -v owner_password="${JALIN_OWNER_PASSWORD:-jalin_owner}" \
  -v runtime_password="${JALIN_RUNTIME_PASSWORD:-jalin_runtime}" <<'SQL'
SELECT 'CREATE ROLE jalin_owner' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jalin_owner')
\gexec
SELECT 'CREATE ROLE jalin_runtime' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jalin_runtime')
\gexec
-- Login roles with no other attribute: not superusers, no CREATEDB or CREATEROLE, and the runtime
-- role is not a member of the owner (it would inherit the owner's rights).
ALTER ROLE jalin_owner WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'owner_password';
ALTER ROLE jalin_runtime WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'runtime_password';

-- The database owner also owns schema public (PostgreSQL 15 and newer), so jalin_owner may create
-- tables there; nobody else may.
SELECT format('ALTER DATABASE %I OWNER TO jalin_owner', current_database())
\gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database())
\gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO jalin_runtime', current_database())
\gexec

-- A data folder from before the split: tables (with their indexes and sequences), standalone
-- sequences, views and functions the superuser created by migrating pass to jalin_owner.
SELECT format('ALTER TABLE %I OWNER TO jalin_owner', c.relname)
  FROM pg_class c
 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'f')
   AND c.relowner <> 'jalin_owner'::regrole
\gexec
SELECT format('ALTER VIEW %I OWNER TO jalin_owner', c.relname)
  FROM pg_class c
 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'
   AND c.relowner <> 'jalin_owner'::regrole
\gexec
SELECT format('ALTER MATERIALIZED VIEW %I OWNER TO jalin_owner', c.relname)
  FROM pg_class c
 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'm'
   AND c.relowner <> 'jalin_owner'::regrole
\gexec
SELECT format('ALTER SEQUENCE %I OWNER TO jalin_owner', c.relname)
  FROM pg_class c
 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
   AND c.relowner <> 'jalin_owner'::regrole
   AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
\gexec
SELECT format('ALTER ROUTINE %s OWNER TO jalin_owner', p.oid::regprocedure)
  FROM pg_proc p
 WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> 'jalin_owner'::regrole
\gexec
SQL
