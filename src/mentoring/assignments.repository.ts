import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/auth/actor';
import { PreparedStatements } from '../database/prepared-statements';
import { Organization } from '../organizations/organization.entity';
import type { OrganizationType } from '../organizations/organization-type';
import { Partnership } from '../partnerships/partnership.entity';
import type { PartnershipStatus } from '../partnerships/partnership-status';
import { ProgramYear } from '../programs/program-year.entity';
import type { ProgramYearStatus } from '../programs/program-year-status';
import { Program } from '../programs/program.entity';
import type { Role } from '../users/role';
import { User } from '../users/user.entity';
import { MentoringAction } from './mentoring-action.entity';
import { MentoringAssignment } from './mentoring-assignment.entity';
import { assignmentScope } from './mentoring-scope';
import { noContactCutoff, noContactSql, overdueSql } from './mentoring-status';

/** What the sessions of one assignment add up to (disputed sessions count nowhere but `disputed`). */
export interface SessionStats {
  done: number;
  confirmed: number;
  pending: number;
  disputed: number;
  minutesDone: number;
  minutesConfirmed: number;
  lastContactOn: string | null;
  lastConfirmedOn: string | null;
}

/** The follow-up actions of one assignment by state. */
export interface ActionStats {
  open: number;
  overdue: number;
  done: number;
  dropped: number;
}

/** An assignment as read: names of the people and places, and its progress, all from one query. */
export interface AssignmentRow {
  id: string;
  schoolId: string;
  schoolName: string;
  facilitatorUserId: string;
  facilitatorName: string;
  facilitatorOrganizationId: string;
  facilitatorOrganizationName: string;
  programYearId: string;
  year: number;
  yearStatus: ProgramYearStatus;
  programId: string;
  programName: string;
  companyId: string;
  partnershipId: string;
  plannedSessions: number;
  plannedMinutes: number;
  endedAt: Date | null;
  endedReason: string | null;
  replacedById: string | null;
  replacesId: string | null;
  assignedByUserId: string;
  assignedByName: string | null;
  version: number;
  createdAt: Date;
  /** The UTC day the assignment began. */
  startedOn: string;
  sessionStats: SessionStats;
  actionStats: ActionStats;
  /** The school's latest confirmed session in the program year, with any facilitator. */
  schoolLastConfirmedOn: string | null;
  noContactFlag: boolean;
}

/** A program year the caller may assign facilitators in, with its program. */
export interface ManageableYear {
  id: string;
  year: number;
  status: ProgramYearStatus;
  programId: string;
  programName: string;
  companyId: string;
}

/** What is checked of a user named as facilitator. */
export interface FacilitatorFacts {
  id: string;
  fullName: string;
  role: Role;
  disabled: boolean;
  organizationId: string;
  organizationName: string;
  organizationType: OrganizationType;
  /** Whether the user's organisation works in the program asked about. */
  worksInProgram: boolean;
}

/** The school's partnership in a program. */
export interface SchoolPartnership {
  id: string;
  status: PartnershipStatus;
  schoolName: string;
}

/** The most facilitators and schools offered for one assignment. */
export const MAX_CANDIDATES = 500;

const SESSION_STATS = `(SELECT json_build_object(
    'done', count(*) FILTER (WHERE st.confirmation <> 'disputed'),
    'confirmed', count(*) FILTER (WHERE st.confirmation = 'confirmed'),
    'pending', count(*) FILTER (WHERE st.confirmation = 'pending'),
    'disputed', count(*) FILTER (WHERE st.confirmation = 'disputed'),
    'minutesDone', COALESCE(sum(st.duration_minutes) FILTER (WHERE st.confirmation <> 'disputed'), 0),
    'minutesConfirmed', COALESCE(sum(st.duration_minutes) FILTER (WHERE st.confirmation = 'confirmed'), 0),
    'lastContactOn', max(st.held_on) FILTER (WHERE st.confirmation <> 'disputed'),
    'lastConfirmedOn', max(st.held_on) FILTER (WHERE st.confirmation = 'confirmed'))
  FROM mentoring_sessions st WHERE st.assignment_id = a.id)`;

const ACTION_STATS = `(SELECT json_build_object(
    'open', count(*) FILTER (WHERE ac.status = 'open'),
    'overdue', count(*) FILTER (WHERE ${overdueSql('ac', ':today')}),
    'done', count(*) FILTER (WHERE ac.status = 'done'),
    'dropped', count(*) FILTER (WHERE ac.status = 'dropped'))
  FROM mentoring_actions ac WHERE ac.assignment_id = a.id)`;

/** The school's latest confirmed session in the assignment's program year, whoever held it. */
const SCHOOL_LAST_CONFIRMED = `(SELECT max(sc.held_on) FROM mentoring_sessions sc
    JOIN mentoring_assignments sa ON sa.id = sc.assignment_id
   WHERE sc.school_id = a.school_id AND sa.program_year_id = a.program_year_id AND sc.confirmation = 'confirmed')`;

const STARTED_ON = `CAST(a.created_at AT TIME ZONE 'UTC' AS date)`;
const NO_CONTACT = noContactSql('a.ended_at IS NULL', SCHOOL_LAST_CONFIRMED, STARTED_ON, ':cutoff');

/** Filters of the assignment list. */
export interface AssignmentFilter {
  programYearId?: string;
  schoolId?: string;
  facilitatorUserId?: string;
  includeEnded?: boolean;
  noContact?: boolean;
  after: [string, string] | null;
}

/**
 * Reads and writes mentoring assignments inside the caller's scope (see assignmentScope). Every
 * read carries the progress summary computed in the same statement, with "today" from the Clock.
 */
@Injectable()
export class AssignmentsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statements: PreparedStatements,
  ) {}

  private assignmentQuery(manager: EntityManager, today: string): SelectQueryBuilder<MentoringAssignment> {
    return manager
      .createQueryBuilder()
      .select('a.id', 'id')
      .addSelect('a.school_id', 'schoolId')
      .addSelect('s.name', 'schoolName')
      .addSelect('a.facilitator_user_id', 'facilitatorUserId')
      .addSelect('fu.full_name', 'facilitatorName')
      .addSelect('a.facilitator_organization_id', 'facilitatorOrganizationId')
      .addSelect('fo.name', 'facilitatorOrganizationName')
      .addSelect('a.program_year_id', 'programYearId')
      .addSelect('y.year', 'year')
      .addSelect('y.status', 'yearStatus')
      .addSelect('pr.id', 'programId')
      .addSelect('pr.name', 'programName')
      .addSelect('pr.company_id', 'companyId')
      .addSelect('a.partnership_id', 'partnershipId')
      .addSelect('a.planned_sessions', 'plannedSessions')
      .addSelect('a.planned_minutes', 'plannedMinutes')
      .addSelect('a.ended_at', 'endedAt')
      .addSelect('a.ended_reason', 'endedReason')
      .addSelect('a.replaced_by_id', 'replacedById')
      .addSelect('(SELECT r.id FROM mentoring_assignments r WHERE r.replaced_by_id = a.id LIMIT 1)', 'replacesId')
      .addSelect('a.assigned_by_user_id', 'assignedByUserId')
      .addSelect('ab.full_name', 'assignedByName')
      .addSelect('a.version', 'version')
      .addSelect('a.created_at', 'createdAt')
      // As text: the driver would turn a date into a local-midnight Date.
      .addSelect(`CAST(${STARTED_ON} AS text)`, 'startedOn')
      .addSelect(SESSION_STATS, 'sessionStats')
      .addSelect(ACTION_STATS, 'actionStats')
      .addSelect(`CAST(${SCHOOL_LAST_CONFIRMED} AS text)`, 'schoolLastConfirmedOn')
      .addSelect(NO_CONTACT, 'noContactFlag')
      .from(MentoringAssignment, 'a')
      .innerJoin(Partnership, 'p', 'p.id = a.partnership_id')
      .innerJoin(Organization, 's', 's.id = a.school_id')
      .innerJoin(User, 'fu', 'fu.id = a.facilitator_user_id')
      .innerJoin(Organization, 'fo', 'fo.id = a.facilitator_organization_id')
      .innerJoin(ProgramYear, 'y', 'y.id = a.program_year_id')
      .innerJoin(Program, 'pr', 'pr.id = y.program_id')
      .leftJoin(User, 'ab', 'ab.id = a.assigned_by_user_id')
      .setParameters({ today, cutoff: noContactCutoff(today) }) as SelectQueryBuilder<MentoringAssignment>;
  }

  /** An assignment the caller may see, with its progress as of `today`; null for missing and not-yours alike. */
  async findVisible(actor: Actor, id: string, today: string, manager: EntityManager = this.dataSource.manager): Promise<AssignmentRow | null> {
    const scope = assignmentScope(actor);
    return this.statements.firstRow<AssignmentRow>(this.assignmentQuery(manager, today).where('a.id = :id', { id }).andWhere(scope.sql, scope.params), manager);
  }

  /** A page of the assignments the caller may see, by school name, with their progress, in one query (limit + 1 rows). */
  listPage(actor: Actor, filter: AssignmentFilter, today: string, limit: number): Promise<AssignmentRow[]> {
    const scope = assignmentScope(actor);
    const qb = this.assignmentQuery(this.dataSource.manager, today).where(scope.sql, scope.params);
    if (!filter.includeEnded) qb.andWhere('a.ended_at IS NULL');
    if (filter.programYearId) qb.andWhere('a.program_year_id = :programYearId', { programYearId: filter.programYearId });
    if (filter.schoolId) qb.andWhere('a.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.facilitatorUserId) qb.andWhere('a.facilitator_user_id = :facilitatorUserId', { facilitatorUserId: filter.facilitatorUserId });
    if (filter.noContact !== undefined) qb.andWhere(filter.noContact ? NO_CONTACT : `NOT ${NO_CONTACT}`);
    if (filter.after) qb.andWhere('(s.name, a.id) > (:afterName, CAST(:afterId AS uuid))', { afterName: filter.after[0], afterId: filter.after[1] });
    return qb.orderBy('s.name', 'ASC').addOrderBy('a.id', 'ASC').limit(limit + 1).getRawMany<AssignmentRow>();
  }

  /** Locks an assignment row until the transaction ends, so steps on it happen one after another. */
  async lock(id: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT id FROM mentoring_assignments WHERE id = $1 FOR UPDATE', [id]);
  }

  /** A program year of a program the caller's company runs (any for admins); null otherwise. */
  async findManageableYear(actor: Actor, programYearId: string, manager: EntityManager): Promise<ManageableYear | null> {
    const qb = manager
      .createQueryBuilder()
      .select('y.id', 'id')
      .addSelect('y.year', 'year')
      .addSelect('y.status', 'status')
      .addSelect('pr.id', 'programId')
      .addSelect('pr.name', 'programName')
      .addSelect('pr.company_id', 'companyId')
      .from(ProgramYear, 'y')
      .innerJoin(Program, 'pr', 'pr.id = y.program_id')
      .where('y.id = :programYearId', { programYearId });
    if (actor.role !== 'admin') qb.andWhere('pr.company_id = :company', { company: actor.organizationId });
    return (await qb.getRawOne<ManageableYear>()) ?? null;
  }

  /** A user with their organisation, and whether that organisation works in `programId`. */
  async findFacilitator(userId: string, programId: string, manager: EntityManager): Promise<FacilitatorFacts | null> {
    const [row] = (await manager.query(
      `SELECT u.id, u.full_name AS "fullName", u.role, u.disabled_at IS NOT NULL AS disabled,
              o.id AS "organizationId", o.name AS "organizationName", o.type AS "organizationType",
              EXISTS (SELECT 1 FROM program_facilitators pf WHERE pf.program_id = $2 AND pf.facilitator_id = o.id) AS "worksInProgram"
         FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE u.id = $1`,
      [userId, programId],
    )) as FacilitatorFacts[];
    return row ?? null;
  }

  /** The partnership of a school in a program, if it has one. */
  async findSchoolPartnership(programId: string, schoolId: string, manager: EntityManager): Promise<SchoolPartnership | null> {
    const [row] = (await manager.query(
      `SELECT p.id, p.status, s.name AS "schoolName" FROM partnerships p JOIN organizations s ON s.id = p.school_id
        WHERE p.program_id = $1 AND p.school_id = $2`,
      [programId, schoolId],
    )) as SchoolPartnership[];
    return row ?? null;
  }

  /** The active users with the facilitator role in the organisations working in `programId`, by name. */
  listCandidateFacilitators(programId: string, manager: EntityManager): Promise<Array<{ id: string; fullName: string; organizationId: string; organizationName: string }>> {
    return manager.query(
      `SELECT u.id, u.full_name AS "fullName", o.id AS "organizationId", o.name AS "organizationName"
         FROM program_facilitators pf JOIN organizations o ON o.id = pf.facilitator_id JOIN users u ON u.organization_id = o.id
        WHERE pf.program_id = $1 AND u.role = 'facilitator' AND u.disabled_at IS NULL
        ORDER BY u.full_name, u.id
        LIMIT ${MAX_CANDIDATES}`,
      [programId],
    );
  }

  /** The schools with a partnership in `programId` that is not paused or ended, by name. */
  listCandidateSchools(programId: string, manager: EntityManager): Promise<Array<{ id: string; name: string; partnershipStatus: PartnershipStatus }>> {
    return manager.query(
      `SELECT s.id, s.name, p.status AS "partnershipStatus" FROM partnerships p JOIN organizations s ON s.id = p.school_id
        WHERE p.program_id = $1 AND p.status NOT IN ('paused', 'ended')
        ORDER BY s.name, s.id
        LIMIT ${MAX_CANDIDATES}`,
      [programId],
    );
  }

  /** The active users of the school and of the facilitator's organisation, by name: who can be named as a session's attendee. */
  listAttendeeCandidates(schoolId: string, facilitatorOrganizationId: string, manager: EntityManager = this.dataSource.manager): Promise<Array<{ id: string; fullName: string; organizationId: string }>> {
    return manager.query(
      `SELECT u.id, u.full_name AS "fullName", u.organization_id AS "organizationId" FROM users u
        WHERE u.organization_id IN ($1, $2) AND u.disabled_at IS NULL
        ORDER BY u.organization_id = $1 DESC, u.full_name, u.id
        LIMIT ${MAX_CANDIDATES}`,
      [schoolId, facilitatorOrganizationId],
    );
  }

  /** The active assignment of a facilitator at a school in a year, if there is one. */
  async findActive(facilitatorUserId: string, schoolId: string, programYearId: string, manager: EntityManager): Promise<string | null> {
    const row = await manager.findOne(MentoringAssignment, { select: { id: true }, where: { facilitatorUserId, schoolId, programYearId, endedAt: IsNull() } });
    return row?.id ?? null;
  }

  /** Inserts an assignment and returns its id. */
  async insert(fields: QueryDeepPartialEntity<MentoringAssignment>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(MentoringAssignment, fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Ends an active (locked) assignment with the reason. */
  async end(id: string, reason: string, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(MentoringAssignment)
      .set({ endedAt: () => 'now()', endedReason: reason, version: () => 'version + 1' })
      .where('id = :id AND ended_at IS NULL', { id })
      .execute();
  }

  /** Links an ended assignment to the one that took over from it. */
  async linkReplacement(id: string, replacedById: string, manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().update(MentoringAssignment).set({ replacedById }).where('id = :id', { id }).execute();
  }

  /**
   * Hands the open follow-ups of an ended assignment to the one that replaces it: facilitator-side
   * actions owed by the old facilitator by name pass to the new one. Returns the ids moved.
   */
  async handOverOpenActions(fromId: string, toId: string, oldFacilitatorId: string, newFacilitatorId: string, manager: EntityManager): Promise<string[]> {
    const rows = (await manager.query(
      `UPDATE mentoring_actions
          SET assignment_id = $2,
              owner_user_id = CASE WHEN owner_side = 'facilitator' AND owner_user_id = $3 THEN CAST($4 AS uuid) ELSE owner_user_id END,
              version = version + 1, updated_at = now()
        WHERE assignment_id = $1 AND status = 'open'
        RETURNING id`,
      [fromId, toId, oldFacilitatorId, newFacilitatorId],
    )) as [Array<{ id: string }>, number];
    return rows[0].map((r) => r.id);
  }

  /** How many open actions an assignment has (for the audit line of an end). */
  countOpenActions(assignmentId: string, manager: EntityManager): Promise<number> {
    return manager.count(MentoringAction, { where: { assignmentId, status: 'open' } });
  }
}
