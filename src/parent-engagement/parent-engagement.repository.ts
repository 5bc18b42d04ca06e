import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/auth/actor';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { ParentEngagementActivity } from './parent-engagement-activity.entity';
import type { GradeCount, ParentEngagementKind } from './parent-engagement-kinds';
import { schoolEngagementScope } from './parent-engagement-scope';

/** An activity as read, with its school's and recorder's names. */
export interface ActivityRow {
  id: string;
  schoolId: string;
  schoolName: string;
  kind: ParentEngagementKind;
  heldOn: string;
  parentsReached: number;
  parentsByGrade: GradeCount[] | null;
  teachersInvolved: number;
  notes: string | null;
  planId: string | null;
  planProgramId: string | null;
  planProgramName: string | null;
  createdByUserId: string;
  createdByName: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Filters of one school's activity list. */
export interface ActivityFilter {
  schoolId: string;
  year?: number;
  kind?: ParentEngagementKind;
  after: [string, string] | null;
}

/** A plan of the school with the ids and names of the programs inside it. */
export interface SchoolPlanFacts {
  id: string;
  programs: Array<{ id: string; name: string | null }>;
}

/** Reads and writes parent-engagement activities, always inside the caller's scope. */
@Injectable()
export class ParentEngagementRepository {
  constructor(private readonly dataSource: DataSource) {}

  private activityQuery(manager: EntityManager): SelectQueryBuilder<ParentEngagementActivity> {
    return manager
      .createQueryBuilder()
      .select('pe.id', 'id')
      .addSelect('pe.school_id', 'schoolId')
      .addSelect('sch.name', 'schoolName')
      .addSelect('pe.kind', 'kind')
      // As text: the driver would turn a date into a local-midnight Date.
      .addSelect('CAST(pe.held_on AS text)', 'heldOn')
      .addSelect('pe.parents_reached', 'parentsReached')
      .addSelect('pe.parents_by_grade', 'parentsByGrade')
      .addSelect('pe.teachers_involved', 'teachersInvolved')
      .addSelect('pe.notes', 'notes')
      .addSelect('pe.plan_id', 'planId')
      .addSelect('pe.plan_program_id', 'planProgramId')
      .addSelect(
        `(SELECT e->>'name' FROM plans pl, jsonb_array_elements(CASE WHEN jsonb_typeof(pl.content->'programs') = 'array' THEN pl.content->'programs' ELSE '[]'::jsonb END) e
           WHERE pl.id = pe.plan_id AND lower(e->>'id') = CAST(pe.plan_program_id AS text) LIMIT 1)`,
        'planProgramName',
      )
      .addSelect('pe.created_by_user_id', 'createdByUserId')
      .addSelect('cu.full_name', 'createdByName')
      .addSelect('pe.version', 'version')
      .addSelect('pe.created_at', 'createdAt')
      .addSelect('pe.updated_at', 'updatedAt')
      .from(ParentEngagementActivity, 'pe')
      .innerJoin(Organization, 'sch', 'sch.id = pe.school_id')
      .innerJoin(User, 'cu', 'cu.id = pe.created_by_user_id') as SelectQueryBuilder<ParentEngagementActivity>;
  }

  /** An activity the caller may see; null for missing and not-yours alike. */
  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<ActivityRow | null> {
    const scope = schoolEngagementScope(actor, 'pe.school_id');
    return (await this.activityQuery(manager).where('pe.id = :id', { id }).andWhere(scope.sql, scope.params).getRawOne<ActivityRow>()) ?? null;
  }

  /** Whether the caller may see the school's parent-engagement records (and it is a school). */
  async schoolVisible(actor: Actor, schoolId: string): Promise<boolean> {
    const scope = schoolEngagementScope(actor, 'o.id');
    const row = await this.dataSource.manager
      .createQueryBuilder()
      .select('o.id', 'id')
      .from(Organization, 'o')
      .where("o.id = :schoolId AND o.type = 'school'", { schoolId })
      .andWhere(scope.sql, scope.params)
      .getRawOne<{ id: string }>();
    return row !== undefined;
  }

  /**
   * A page of one school's activities the caller may see, newest first, in one query (limit + 1
   * rows); the school's visibility is in the same WHERE clause, so a school the caller may not see
   * gives an empty page here (the service answers 404 before asking).
   */
  listPage(actor: Actor, filter: ActivityFilter, limit: number): Promise<ActivityRow[]> {
    const scope = schoolEngagementScope(actor, 'pe.school_id');
    const qb = this.activityQuery(this.dataSource.manager).where('pe.school_id = :schoolId', { schoolId: filter.schoolId }).andWhere(scope.sql, scope.params);
    if (filter.year !== undefined) qb.andWhere('pe.held_on BETWEEN make_date(:year, 1, 1) AND make_date(:year, 12, 31)', { year: filter.year });
    if (filter.kind) qb.andWhere('pe.kind = :kind', { kind: filter.kind });
    if (filter.after) qb.andWhere('(pe.held_on, pe.id) < (CAST(:afterOn AS date), CAST(:afterId AS uuid))', { afterOn: filter.after[0], afterId: filter.after[1] });
    return qb.orderBy('pe.held_on', 'DESC').addOrderBy('pe.id', 'DESC').limit(limit + 1).getRawMany<ActivityRow>();
  }

  /** The school's plan `planId` with its programs; null when it is not a plan of that school. */
  async findSchoolPlan(planId: string, schoolId: string, manager: EntityManager): Promise<SchoolPlanFacts | null> {
    const [row] = (await manager.query(
      `SELECT p.id, COALESCE((SELECT json_agg(json_build_object('id', lower(e->>'id'), 'name', e->>'name'))
                                FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p.content->'programs') = 'array' THEN p.content->'programs' ELSE '[]'::jsonb END) e), '[]') AS programs
         FROM plans p WHERE p.id = $1 AND p.school_id = $2`,
      [planId, schoolId],
    )) as SchoolPlanFacts[];
    return row ?? null;
  }

  /** Inserts an activity and returns its id. */
  async insert(fields: QueryDeepPartialEntity<ParentEngagementActivity>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(ParentEngagementActivity, fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Marks an activity changed (a new evidence file) without touching its version. */
  async touch(id: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE parent_engagement_activities SET updated_at = now() WHERE id = $1', [id]);
  }
}
