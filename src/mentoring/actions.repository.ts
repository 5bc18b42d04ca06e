import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/auth/actor';
import { Organization } from '../organizations/organization.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { ProgramYear } from '../programs/program-year.entity';
import type { ProgramYearStatus } from '../programs/program-year-status';
import { Program } from '../programs/program.entity';
import { User } from '../users/user.entity';
import { MentoringAction } from './mentoring-action.entity';
import { MentoringAssignment } from './mentoring-assignment.entity';
import { MentoringSession } from './mentoring-session.entity';
import { assignmentScope } from './mentoring-scope';
import { overdueSql } from './mentoring-status';
import type { ActionOwnerSide, ActionStatus } from './mentoring-status';

/** A follow-up as read, with its session, school, facilitator and whether it is overdue today. */
export interface ActionRow {
  id: string;
  sessionId: string;
  sessionHeldOn: string;
  assignmentId: string;
  assignmentActive: boolean;
  schoolId: string;
  schoolName: string;
  facilitatorUserId: string;
  facilitatorName: string;
  facilitatorOrganizationId: string;
  year: number;
  yearStatus: ProgramYearStatus;
  programName: string;
  description: string;
  ownerSide: ActionOwnerSide;
  ownerUserId: string | null;
  ownerName: string | null;
  dueDate: string;
  status: ActionStatus;
  droppedReason: string | null;
  closedAt: Date | null;
  overdue: boolean;
  createdByUserId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Filters of the follow-up list. */
export interface ActionFilter {
  status?: ActionStatus;
  overdue?: boolean;
  assignmentId?: string;
  sessionId?: string;
  ownerSide?: ActionOwnerSide;
  after: [string, string] | null;
}

/** An overdue action and who is told about it. */
export interface OverdueRow {
  id: string;
  description: string;
  dueDate: string;
  ownerSide: ActionOwnerSide;
  schoolName: string;
  facilitatorName: string;
  recipients: string[];
}

/** Reads and writes follow-up actions, always through their assignment inside the caller's scope. */
@Injectable()
export class ActionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private actionQuery(manager: EntityManager, today: string): SelectQueryBuilder<MentoringAction> {
    return manager
      .createQueryBuilder()
      .select('x.id', 'id')
      .addSelect('x.session_id', 'sessionId')
      .addSelect('CAST(ms.held_on AS text)', 'sessionHeldOn')
      .addSelect('x.assignment_id', 'assignmentId')
      .addSelect('a.ended_at IS NULL', 'assignmentActive')
      .addSelect('a.school_id', 'schoolId')
      .addSelect('sch.name', 'schoolName')
      .addSelect('a.facilitator_user_id', 'facilitatorUserId')
      .addSelect('fu.full_name', 'facilitatorName')
      .addSelect('a.facilitator_organization_id', 'facilitatorOrganizationId')
      .addSelect('y.year', 'year')
      .addSelect('y.status', 'yearStatus')
      .addSelect('pr.name', 'programName')
      .addSelect('x.description', 'description')
      .addSelect('x.owner_side', 'ownerSide')
      .addSelect('x.owner_user_id', 'ownerUserId')
      .addSelect('ou.full_name', 'ownerName')
      .addSelect('CAST(x.due_date AS text)', 'dueDate')
      .addSelect('x.status', 'status')
      .addSelect('x.dropped_reason', 'droppedReason')
      .addSelect('x.closed_at', 'closedAt')
      .addSelect(overdueSql('x', ':today'), 'overdue')
      .addSelect('x.created_by_user_id', 'createdByUserId')
      .addSelect('x.version', 'version')
      .addSelect('x.created_at', 'createdAt')
      .addSelect('x.updated_at', 'updatedAt')
      .from(MentoringAction, 'x')
      .innerJoin(MentoringSession, 'ms', 'ms.id = x.session_id')
      .innerJoin(MentoringAssignment, 'a', 'a.id = x.assignment_id')
      .innerJoin(Partnership, 'p', 'p.id = a.partnership_id')
      .innerJoin(Organization, 'sch', 'sch.id = a.school_id')
      .innerJoin(User, 'fu', 'fu.id = a.facilitator_user_id')
      .innerJoin(ProgramYear, 'y', 'y.id = a.program_year_id')
      .innerJoin(Program, 'pr', 'pr.id = y.program_id')
      .leftJoin(User, 'ou', 'ou.id = x.owner_user_id')
      .setParameters({ today }) as SelectQueryBuilder<MentoringAction>;
  }

  /** An action the caller may see, overdue as of `today`; null for missing and not-yours alike. */
  async findVisible(actor: Actor, id: string, today: string, manager: EntityManager = this.dataSource.manager): Promise<ActionRow | null> {
    const scope = assignmentScope(actor);
    return (await this.actionQuery(manager, today).where('x.id = :id', { id }).andWhere(scope.sql, scope.params).getRawOne<ActionRow>()) ?? null;
  }

  /** A page of the actions the caller may see, earliest due first, in one query (limit + 1 rows). */
  listPage(actor: Actor, filter: ActionFilter, today: string, limit: number): Promise<ActionRow[]> {
    const scope = assignmentScope(actor);
    const qb = this.actionQuery(this.dataSource.manager, today).where(scope.sql, scope.params);
    if (filter.status) qb.andWhere('x.status = :status', { status: filter.status });
    if (filter.overdue !== undefined) qb.andWhere(filter.overdue ? overdueSql('x', ':today') : `NOT ${overdueSql('x', ':today')}`);
    if (filter.assignmentId) qb.andWhere('x.assignment_id = :assignmentId', { assignmentId: filter.assignmentId });
    if (filter.sessionId) qb.andWhere('x.session_id = :sessionId', { sessionId: filter.sessionId });
    if (filter.ownerSide) qb.andWhere('x.owner_side = :ownerSide', { ownerSide: filter.ownerSide });
    if (filter.after) qb.andWhere('(x.due_date, x.id) > (CAST(:afterDue AS date), CAST(:afterId AS uuid))', { afterDue: filter.after[0], afterId: filter.after[1] });
    return qb.orderBy('x.due_date', 'ASC').addOrderBy('x.id', 'ASC').limit(limit + 1).getRawMany<ActionRow>();
  }

  /** Locks an action row until the transaction ends. */
  async lock(id: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT id FROM mentoring_actions WHERE id = $1 FOR UPDATE', [id]);
  }

  /** Whether a user belongs to an organisation. */
  async isUserOf(userId: string, organizationId: string, manager: EntityManager): Promise<boolean> {
    const rows = (await manager.query('SELECT 1 FROM users WHERE id = $1 AND organization_id = $2', [userId, organizationId])) as unknown[];
    return rows.length > 0;
  }

  /** Inserts an action and returns its id. */
  async insert(fields: QueryDeepPartialEntity<MentoringAction>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(MentoringAction, fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  /**
   * The open actions past their due date on `today` in years that are not closed, with who is
   * told: the named owner if any (and enabled), otherwise the assignment's facilitator
   * (facilitator side) or the school's enabled principals (school side).
   */
  overdue(today: string, manager: EntityManager): Promise<OverdueRow[]> {
    return manager.query(
      `SELECT x.id, x.description, CAST(x.due_date AS text) AS "dueDate", x.owner_side AS "ownerSide",
              sch.name AS "schoolName", fu.full_name AS "facilitatorName",
              array_to_json(CASE
                WHEN ou.id IS NOT NULL AND ou.disabled_at IS NULL THEN ARRAY[ou.id]
                WHEN x.owner_side = 'facilitator' THEN ARRAY[a.facilitator_user_id]
                ELSE ARRAY(SELECT pu.id FROM users pu WHERE pu.organization_id = a.school_id AND pu.role = 'principal' AND pu.disabled_at IS NULL ORDER BY pu.id)
              END) AS recipients
         FROM mentoring_actions x
         JOIN mentoring_assignments a ON a.id = x.assignment_id
         JOIN program_years y ON y.id = a.program_year_id
         JOIN organizations sch ON sch.id = a.school_id
         JOIN users fu ON fu.id = a.facilitator_user_id
         LEFT JOIN users ou ON ou.id = x.owner_user_id
        WHERE ${overdueSql('x', '$1')} AND y.status <> 'closed'
        ORDER BY x.due_date, x.id`,
      [today],
    );
  }
}
