import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import type { ScopeSql } from '../partnerships/partnership-scope';
import type { AttendeeCount } from './learning-event.entity';
import { LearningEvent, LearningEventParticipant, LearningEventPractice } from './learning-event.entity';
import { hostManagerSql, learningEventScope, practiceReadScope } from './practice-scope';

/** An organisation named in an event, as read. */
export interface EventOrgRow {
  id: string;
  name: string;
  regionName: string | null;
  kind?: 'school' | 'company';
}

/** A learning event as read, its visitors and the practices shown (those the caller may read) included. */
export interface LearningEventRow {
  id: string;
  title: string;
  heldOn: string;
  place: string;
  notes: string | null;
  attendees: AttendeeCount[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  hostSchoolId: string;
  hostName: string;
  hostRegionName: string | null;
  visitors: EventOrgRow[];
  practices: Array<{ id: string; title: string; schoolName: string }>;
}

/** Turns named parameters (:name) into positional ones for a raw query; each name is listed once. */
function positional(sql: string, params: Record<string, unknown>): [string, unknown[]] {
  const values: unknown[] = [];
  const index = new Map<string, number>();
  const text = sql.replace(/(?<!:):([A-Za-z_]\w*)/g, (m, name: string) => {
    if (!(name in params)) return m;
    if (!index.has(name)) {
      values.push(params[name]);
      index.set(name, values.length);
    }
    return `$${index.get(name)}`;
  });
  return [text, values];
}

/** Reads and writes horizontal-learning events inside the caller's scope. */
@Injectable()
export class LearningEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private select(actor: Actor): string {
    const shown = practiceReadScope(actor, 'pp');
    return `SELECT e.id, e.title, CAST(e.held_on AS text) AS "heldOn", e.place, e.notes, e.attendees, e.version, e.created_at AS "createdAt", e.updated_at AS "updatedAt",
                   e.host_school_id AS "hostSchoolId", hs.name AS "hostName", hr.name AS "hostRegionName",
                   (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'regionName', r.name, 'kind', lp.kind) ORDER BY o.name, o.id), '[]'::json)
                      FROM learning_event_participants lp JOIN organizations o ON o.id = lp.organization_id LEFT JOIN regions r ON r.code = o.region_code
                     WHERE lp.event_id = e.id) AS visitors,
                   (SELECT coalesce(json_agg(json_build_object('id', pp.id, 'title', pp.title, 'schoolName', ps.name) ORDER BY pp.title, pp.id), '[]'::json)
                      FROM learning_event_practices lep JOIN practices pp ON pp.id = lep.practice_id JOIN organizations ps ON ps.id = pp.school_id
                     WHERE lep.event_id = e.id AND ${shown.sql}) AS practices
              FROM learning_events e
              JOIN organizations hs ON hs.id = e.host_school_id
              LEFT JOIN regions hr ON hr.code = hs.region_code`;
  }

  private scopeParams(actor: Actor): Record<string, unknown> {
    return { scopeOrg: actor.organizationId, scopeUser: actor.userId };
  }

  /** An event the caller sees; null for missing and not-yours alike. */
  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<LearningEventRow | null> {
    const scope = learningEventScope(actor);
    const [sql, values] = positional(`${this.select(actor)} WHERE e.id = :id AND ${scope.sql}`, { ...this.scopeParams(actor), ...scope.params, id });
    const [row] = (await manager.query(sql, values)) as LearningEventRow[];
    return row ?? null;
  }

  /** A page of the events the caller sees, latest first, in one query (limit + 1 rows). */
  async listPage(actor: Actor, filter: { schoolId?: string; practiceId?: string; after: [string, string] | null }, limit: number): Promise<LearningEventRow[]> {
    const scope = learningEventScope(actor);
    const where = [scope.sql];
    const params: Record<string, unknown> = { ...this.scopeParams(actor), ...scope.params, limit: limit + 1 };
    if (filter.schoolId) {
      where.push(`(e.host_school_id = CAST(:schoolId AS uuid) OR EXISTS (SELECT 1 FROM learning_event_participants f WHERE f.event_id = e.id AND f.organization_id = CAST(:schoolId AS uuid)))`);
      params.schoolId = filter.schoolId;
    }
    if (filter.practiceId) {
      where.push(`EXISTS (SELECT 1 FROM learning_event_practices f WHERE f.event_id = e.id AND f.practice_id = CAST(:practiceId AS uuid))`);
      params.practiceId = filter.practiceId;
    }
    if (filter.after) {
      where.push(`(e.held_on, e.id) < (CAST(:afterOn AS date), CAST(:afterId AS uuid))`);
      Object.assign(params, { afterOn: filter.after[0], afterId: filter.after[1] });
    }
    const [sql, values] = positional(`${this.select(actor)} WHERE ${where.join(' AND ')} ORDER BY e.held_on DESC, e.id DESC LIMIT :limit`, params);
    return (await this.dataSource.manager.query(sql, values)) as LearningEventRow[];
  }

  /** Whether the caller may record events hosted by this school (and it is a school). */
  async mayHost(actor: Actor, schoolId: string, manager: EntityManager): Promise<boolean> {
    const scope: ScopeSql = hostManagerSql(actor, 's.id');
    const [sql, values] = positional(`SELECT 1 AS ok FROM organizations s WHERE s.id = :schoolId AND s.type = 'school' AND ${scope.sql}`, { ...scope.params, schoolId });
    return ((await manager.query(sql, values)) as unknown[]).length > 0;
  }

  /** The types of the organisations among `ids` that exist (missing ones are absent). */
  async organizationTypes(ids: string[], manager: EntityManager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await manager.query(`SELECT id, type FROM organizations WHERE id = ANY($1::uuid[]) AND archived_at IS NULL`, [ids])) as Array<{ id: string; type: string }>;
    return new Map(rows.map((r) => [r.id, r.type]));
  }

  /** Of `ids`, the practices an event hosted by `hostId` may show for the caller: published ones, or the host's own that the caller reads. */
  async showablePractices(actor: Actor, ids: string[], hostId: string, manager: EntityManager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const scope = practiceReadScope(actor, 'p');
    const [sql, values] = positional(
      `SELECT p.id FROM practices p WHERE p.id = ANY(CAST(:ids AS uuid[])) AND ${scope.sql} AND (p.status = 'published' OR p.school_id = CAST(:hostId AS uuid))`,
      { ...scope.params, ids, hostId },
    );
    return new Set(((await manager.query(sql, values)) as Array<{ id: string }>).map((r) => r.id));
  }

  /** Inserts an event; returns its id. */
  async insert(fields: Pick<LearningEvent, 'hostSchoolId' | 'title' | 'heldOn' | 'place' | 'notes' | 'attendees' | 'createdByUserId'>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(LearningEvent, fields);
    return String(result.identifiers[0].id);
  }

  /** Replaces the visitors and practices of an event. */
  async replaceLinks(eventId: string, visitors: Array<{ organizationId: string; kind: 'school' | 'company' }>, practiceIds: string[], manager: EntityManager): Promise<void> {
    await manager.delete(LearningEventParticipant, { eventId });
    await manager.delete(LearningEventPractice, { eventId });
    if (visitors.length > 0) await manager.insert(LearningEventParticipant, visitors.map((v) => ({ eventId, ...v })));
    if (practiceIds.length > 0) await manager.insert(LearningEventPractice, practiceIds.map((practiceId) => ({ eventId, practiceId })));
  }
}
