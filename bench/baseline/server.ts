import express, { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { CompetitionResultsTimelineSource } from '../../src/competitions/competition-results.source';
import { OrganizationResponse, type OrganizationRow } from '../../src/organizations/dto/organization.response';
import { PROFILE_BY_ID_SQL, PROFILE_COLUMNS, profileSql } from '../../src/organizations/organizations.repository';
import { PartnershipTimelineResponse } from '../../src/partnerships/dto/partnership-timeline.response';
import type { PartnershipRow } from '../../src/partnerships/dto/partnership.response';
import { buildTimeline } from '../../src/partnerships/timeline/build-timeline';
import { readTimelineFacts, timelineFactsParams, timelineFactsSql } from '../../src/partnerships/timeline/timeline-facts';
import type { TimelineFactsRow } from '../../src/partnerships/timeline/timeline-facts';
import { PartnershipTimelineSources } from '../../src/partnerships/timeline/timeline-source';
import type { TimelineSource } from '../../src/partnerships/timeline/timeline-source';
import { grantsSource } from '../../src/reports/timeline-sources/grants.source';
import { mentoringSource } from '../../src/reports/timeline-sources/mentoring.source';
import { plansSource } from '../../src/reports/timeline-sources/plans.source';

/**
 * The benchmark's baseline: a plain Express 5 + pg server with the API's pool size that answers four
 * reads with the same SQL as the API and the same JSON, and nothing else: no authentication, no
 * validation, no scoping, no logging, no security headers, no compression. What the API costs above
 * it is what its framework, guards, pipes, ORM and middleware cost.
 *
 * The SQL is the API's (the organisation statements and the timeline's are the API's own functions,
 * the partnership's as its query log shows it), so PostgreSQL does the same work for both; the
 * scenario checks that both answer the same JSON before it measures. The JSON mappings are the
 * API's own too: what differs is only what lies around them.
 */

/** A page of schools of a region by name, as OrganizationsRepository.listPage builds it for type + regionCode; `cursor` adds the keyset condition on $3, $4. */
const schoolsPageSql = (cursor: boolean) =>
  profileSql(
    `SELECT ${PROFILE_COLUMNS}, CAST(o.name AS text) AS "cursorValue" FROM organizations o
      WHERE o.archived_at IS NULL AND o.type = $1 AND o.region_code IN (SELECT rr.code FROM regions rr WHERE rr.code = $2 OR rr.province_code = $2)
      ${cursor ? 'AND (o.name, o.id) > ($3, $4)' : ''}
      ORDER BY o.name ASC, o.id ASC LIMIT ${cursor ? '$5' : '$3'}`,
    'p."name" ASC, p.id ASC',
  );

/** The statements the baseline sends, for the scenario to explain them. */
export const BASELINE_SQL = {
  organization: PROFILE_BY_ID_SQL,
  /** Schools of a region by name, limit + 1 rows: $1 type, $2 region code, $3 limit + 1. */
  organizationsFirst: schoolsPageSql(false),
  /** The same after a cursor: $3 name, $4 id, $5 limit + 1. */
  organizationsAfter: schoolsPageSql(true),
  /** The partnership row of PartnershipsRepository.findVisible, for an admin (whose scope is TRUE). */
  partnership: `SELECT "p"."id" AS "id", "p"."status" AS "status", "p"."version" AS "version", "pr"."name" AS "programName", "c"."name" AS "companyName", "s"."name" AS "schoolName", "s"."npsn" AS "schoolNpsn", "p"."program_id" AS "programId", "pr"."start_year" AS "programStartYear", "p"."company_id" AS "companyId", "p"."school_id" AS "schoolId", "s"."region_code" AS "schoolRegionCode", "p"."recommendation_id" AS "recommendationId", CAST("p"."started_on" AS text) AS "startedOn", CAST("p"."ended_on" AS text) AS "endedOn", "p"."status_reason" AS "statusReason", "p"."created_at" AS "createdAt", "p"."updated_at" AS "updatedAt" FROM "partnerships" "p" INNER JOIN "programs" "pr" ON "pr"."id" = "p"."program_id"  INNER JOIN "organizations" "c" ON "c"."id" = "p"."company_id"  INNER JOIN "organizations" "s" ON "s"."id" = "p"."school_id" WHERE "p"."id" = $1 AND TRUE`,
};

/**
 * The timeline's sources in the order the API registers them: the built-in two, then competition
 * results (CompetitionsModule's onModuleInit), then plans, grants and mentoring (ReportsModule's
 * onApplicationBootstrap).
 */
export function timelineSources(): readonly TimelineSource[] {
  const registry = new PartnershipTimelineSources();
  new CompetitionResultsTimelineSource(registry).onModuleInit();
  for (const source of [plansSource, grantsSource, mentoringSource]) registry.register(source);
  return registry.list();
}

/** A profile row as PROFILE_COLUMNS and profileSql name its columns. */
type ProfileRow = OrganizationRow & { cursorValue?: string };

/** The organisation profile JSON: the API's own mapping, applied to the same row. */
const profile = (r: ProfileRow) => OrganizationResponse.from(r);

/** A running baseline. */
export interface Baseline {
  baseUrl: string;
  pool: Pool;
  close(): Promise<void>;
}

/** Starts the baseline on a random loopback port (or `port`) with a pool of `poolMax` connections. */
export async function startBaseline(databaseUrl: string, poolMax: number, port = 0): Promise<Baseline> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolMax, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => {});
  const sources = timelineSources();
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  app.get('/api/v1/organizations/:id', async (req: Request<{ id: string }>, res: Response) => {
    const { rows } = await pool.query<ProfileRow>(BASELINE_SQL.organization, [req.params.id]);
    if (rows.length === 0) res.status(404).end();
    else res.json(profile(rows[0]));
  });

  app.get('/api/v1/organizations', async (req: Request, res: Response) => {
    const q = req.query as Record<string, string | undefined>;
    const limit = q.limit ? Number(q.limit) : 20;
    const after = q.cursor ? (JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as [string, string]) : null;
    const { rows } = after
      ? await pool.query<ProfileRow>(BASELINE_SQL.organizationsAfter, [q.type, q.regionCode, after[0], after[1], limit + 1])
      : await pool.query<ProfileRow>(BASELINE_SQL.organizationsFirst, [q.type, q.regionCode, limit + 1]);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit ? Buffer.from(JSON.stringify([String(last.cursorValue), last.id])).toString('base64url') : null;
    res.json({ items: page.map(profile), nextCursor });
  });

  app.get('/api/v1/partnerships/:id/timeline', async (req: Request<{ id: string }>, res: Response) => {
    const lang = req.headers['accept-language']?.startsWith('id') ? 'id' : 'en';
    const { rows } = await pool.query<PartnershipRow>(BASELINE_SQL.partnership, [req.params.id]);
    if (rows.length === 0) {
      res.status(404).end();
      return;
    }
    const partnership = rows[0];
    const facts = await pool.query<TimelineFactsRow>(timelineFactsSql(sources), timelineFactsParams(partnership));
    const { years, rows: eventRows } = readTimelineFacts(facts.rows[0], sources);
    const today = new Date().toISOString().slice(0, 10);
    const events = sources.map((source, i) => source.events(eventRows[i], lang));
    const entries = buildTimeline({ programStartYear: partnership.programStartYear, startedOn: partnership.startedOn, currentYear: Number(today.slice(0, 4)), years, events });
    res.json(PartnershipTimelineResponse.of(partnership, entries));
  });

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    void _next;
    res.status(500).json({ error: err instanceof Error ? err.message : String(err) });
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${bound}`,
    pool,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

// Run on its own: DATABASE_URL=postgres://... PORT=3001 node dist/bench/baseline/server.js
if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  void startBaseline(url, Number(process.env.DB_POOL_MAX ?? 10), Number(process.env.PORT ?? 3001)).then((b) => process.stdout.write(`baseline listening on ${b.baseUrl}\n`));
}
