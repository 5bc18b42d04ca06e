import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/auth/actor';
import type { Topic } from '../common/catalog/topics';
import { Organization } from '../organizations/organization.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { ProgramYear } from '../programs/program-year.entity';
import type { ProgramYearStatus } from '../programs/program-year-status';
import { Program } from '../programs/program.entity';
import { User } from '../users/user.entity';
import { MentoringAssignment } from './mentoring-assignment.entity';
import { MentoringSession } from './mentoring-session.entity';
import { assignmentScope } from './mentoring-scope';
import type { AttendeeRole, SessionConfirmation, SessionMode } from './mentoring-status';

/** A named attendee of a session. */
export interface AttendeeRow {
  id: string;
  fullName: string;
  organizationId: string;
}

/** A session as read, with its school, facilitator, assignment state and named attendees. */
export interface SessionRow {
  id: string;
  assignmentId: string;
  assignmentActive: boolean;
  schoolId: string;
  schoolName: string;
  facilitatorUserId: string;
  facilitatorName: string;
  facilitatorOrganizationId: string;
  programYearId: string;
  year: number;
  yearStatus: ProgramYearStatus;
  programName: string;
  heldOn: string;
  durationMinutes: number;
  mode: SessionMode;
  topic: Topic;
  planId: string | null;
  planProgramId: string | null;
  attendees: AttendeeRow[];
  attendeeCounts: Partial<Record<AttendeeRole, number>>;
  notes: string | null;
  evidenceDocumentIds: string[];
  confirmation: SessionConfirmation;
  confirmedByUserId: string | null;
  confirmedByName: string | null;
  confirmedAt: Date | null;
  disputeReason: string | null;
  createdByUserId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Filters of the session list. */
export interface SessionFilter {
  assignmentId?: string;
  schoolId?: string;
  programYearId?: string;
  confirmation?: SessionConfirmation;
  after: [string, string] | null;
}

/** A plan of a school for a program year, with the ids of the programs inside it. */
export interface PlanFacts {
  id: string;
  programIds: string[];
}

/** Reads and writes mentoring sessions, always through an assignment inside the caller's scope. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private sessionQuery(manager: EntityManager): SelectQueryBuilder<MentoringSession> {
    return manager
      .createQueryBuilder()
      .select('s.id', 'id')
      .addSelect('s.assignment_id', 'assignmentId')
      .addSelect('a.ended_at IS NULL', 'assignmentActive')
      .addSelect('s.school_id', 'schoolId')
      .addSelect('sch.name', 'schoolName')
      .addSelect('a.facilitator_user_id', 'facilitatorUserId')
      .addSelect('fu.full_name', 'facilitatorName')
      .addSelect('a.facilitator_organization_id', 'facilitatorOrganizationId')
      .addSelect('a.program_year_id', 'programYearId')
      .addSelect('y.year', 'year')
      .addSelect('y.status', 'yearStatus')
      .addSelect('pr.name', 'programName')
      // As text: the driver would turn a date into a local-midnight Date.
      .addSelect('CAST(s.held_on AS text)', 'heldOn')
      .addSelect('s.duration_minutes', 'durationMinutes')
      .addSelect('s.mode', 'mode')
      .addSelect('s.topic', 'topic')
      .addSelect('s.plan_id', 'planId')
      .addSelect('s.plan_program_id', 'planProgramId')
      .addSelect(
        `(SELECT COALESCE(json_agg(json_build_object('id', au.id, 'fullName', au.full_name, 'organizationId', au.organization_id) ORDER BY au.full_name, au.id), '[]')
            FROM users au WHERE au.id = ANY(s.attendee_user_ids))`,
        'attendees',
      )
      .addSelect('s.attendee_counts', 'attendeeCounts')
      .addSelect('s.notes', 'notes')
      .addSelect('array_to_json(s.evidence_document_ids)', 'evidenceDocumentIds')
      .addSelect('s.confirmation', 'confirmation')
      .addSelect('s.confirmed_by_user_id', 'confirmedByUserId')
      .addSelect('cb.full_name', 'confirmedByName')
      .addSelect('s.confirmed_at', 'confirmedAt')
      .addSelect('s.dispute_reason', 'disputeReason')
      .addSelect('s.created_by_user_id', 'createdByUserId')
      .addSelect('s.version', 'version')
      .addSelect('s.created_at', 'createdAt')
      .addSelect('s.updated_at', 'updatedAt')
      .from(MentoringSession, 's')
      .innerJoin(MentoringAssignment, 'a', 'a.id = s.assignment_id')
      .innerJoin(Partnership, 'p', 'p.id = a.partnership_id')
      .innerJoin(Organization, 'sch', 'sch.id = s.school_id')
      .innerJoin(User, 'fu', 'fu.id = a.facilitator_user_id')
      .innerJoin(ProgramYear, 'y', 'y.id = a.program_year_id')
      .innerJoin(Program, 'pr', 'pr.id = y.program_id')
      .leftJoin(User, 'cb', 'cb.id = s.confirmed_by_user_id') as SelectQueryBuilder<MentoringSession>;
  }

  /** A session the caller may see; null for missing and not-yours alike. */
  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<SessionRow | null> {
    const scope = assignmentScope(actor);
    return (await this.sessionQuery(manager).where('s.id = :id', { id }).andWhere(scope.sql, scope.params).getRawOne<SessionRow>()) ?? null;
  }

  /** A page of the sessions the caller may see, newest first, in one query (limit + 1 rows). */
  listPage(actor: Actor, filter: SessionFilter, limit: number): Promise<SessionRow[]> {
    const scope = assignmentScope(actor);
    const qb = this.sessionQuery(this.dataSource.manager).where(scope.sql, scope.params);
    if (filter.assignmentId) qb.andWhere('s.assignment_id = :assignmentId', { assignmentId: filter.assignmentId });
    if (filter.schoolId) qb.andWhere('s.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.programYearId) qb.andWhere('a.program_year_id = :programYearId', { programYearId: filter.programYearId });
    if (filter.confirmation) qb.andWhere('s.confirmation = :confirmation', { confirmation: filter.confirmation });
    if (filter.after) qb.andWhere('(s.held_on, s.id) < (CAST(:afterOn AS date), CAST(:afterId AS uuid))', { afterOn: filter.after[0], afterId: filter.after[1] });
    return qb.orderBy('s.held_on', 'DESC').addOrderBy('s.id', 'DESC').limit(limit + 1).getRawMany<SessionRow>();
  }

  /** Locks a session row until the transaction ends. */
  async lock(id: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT id FROM mentoring_sessions WHERE id = $1 FOR UPDATE', [id]);
  }

  /** The school's plan for a program year with the ids of its programs; null when `planId` is not that plan. */
  async findSchoolPlan(planId: string, schoolId: string, programYearId: string, manager: EntityManager): Promise<PlanFacts | null> {
    const [row] = (await manager.query(
      `SELECT p.id, COALESCE(ARRAY(SELECT lower(e->>'id') FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p.content->'programs') = 'array' THEN p.content->'programs' ELSE '[]'::jsonb END) e), '{}') AS "programIds"
         FROM plans p WHERE p.id = $1 AND p.school_id = $2 AND p.program_year_id = $3`,
      [planId, schoolId, programYearId],
    )) as PlanFacts[];
    return row ?? null;
  }

  /** Which of `userIds` are users of one of `organizationIds`. */
  async usersOf(userIds: string[], organizationIds: string[], manager: EntityManager): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = (await manager.query('SELECT id FROM users WHERE id = ANY($1::uuid[]) AND organization_id = ANY($2::uuid[])', [userIds, organizationIds])) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Inserts a session and returns its id. */
  async insert(fields: QueryDeepPartialEntity<MentoringSession>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(MentoringSession, fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Records the principal's confirmation or dispute of a pending (locked) session; false when it was no longer pending. */
  async decide(id: string, confirmation: 'confirmed' | 'disputed', reason: string | null, userId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(MentoringSession)
      .set({ confirmation, disputeReason: reason, confirmedByUserId: userId, confirmedAt: () => 'now()', version: () => 'version + 1' })
      .where("id = :id AND confirmation = 'pending'", { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Adds a stored document to a session's evidence; the version stays (evidence never conflicts with a change of the session's fields). */
  async addEvidence(id: string, documentId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE mentoring_sessions SET evidence_document_ids = array_append(evidence_document_ids, $2), updated_at = now() WHERE id = $1', [id, documentId]);
  }
}
