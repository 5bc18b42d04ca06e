import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/auth/actor';
import type { Topic } from '../common/catalog/topics';
import { Organization } from '../organizations/organization.entity';
import type { OrganizationType } from '../organizations/organization-type';
import { programScope } from '../partnerships/partnership-scope';
import { coversRegionSql } from '../regions/jurisdiction';
import { ProgramYear } from '../programs/program-year.entity';
import type { ProgramYearStatus } from '../programs/program-year-status';
import { Program } from '../programs/program.entity';
import type { Role } from '../users/role';
import { User } from '../users/user.entity';
import { participantScope, trainingScope } from './training-scope';
import type { ParticipantRole } from './training-participant.entity';
import { TrainingParticipant } from './training-participant.entity';
import { QuestionnaireItem, Training } from './training.entity';

/** A training level: at a school, in a region, or national. */
export const TRAINING_LEVELS = ['school', 'regional', 'national'] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];

/** A training as read, with its organiser, program year and facilitators' names, and participant counts. */
export interface TrainingRow {
  id: string;
  title: string;
  level: TrainingLevel;
  startsOn: string;
  endsOn: string;
  organiserId: string;
  organiserName: string;
  programYearId: string | null;
  year: number | null;
  yearStatus: ProgramYearStatus | null;
  programId: string | null;
  programName: string | null;
  programCompanyId: string | null;
  facilitatorUserIds: string[];
  facilitators: Array<{ id: string; fullName: string }>;
  topic: Topic;
  venue: string | null;
  online: boolean;
  scoreMin: number;
  scoreMax: number;
  questionnaire: QuestionnaireItem[];
  quotaPerSchool: number | null;
  participantCount: number;
  attendedCount: number;
  createdByUserId: string;
  createdByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A participant as read, with their name (user or external), school and nominator. */
export interface ParticipantRow {
  id: string;
  trainingId: string;
  userId: string | null;
  fullName: string;
  external: boolean;
  role: ParticipantRole;
  schoolId: string | null;
  schoolName: string | null;
  attended: boolean | null;
  /** numeric(7,2) as the database prints it, e.g. "72.50". */
  preScore: string | null;
  postScore: string | null;
  satisfaction: Record<string, number>;
  nominatedByUserId: string | null;
  nominatedByName: string | null;
  version: number;
  createdAt: Date;
}

/** A program year the caller can see, with what a training needs of it. */
export interface VisibleYear {
  id: string;
  year: number;
  status: ProgramYearStatus;
  programId: string;
  programName: string;
  companyId: string;
}

/** What is checked of a user named in a training. */
export interface UserFacts {
  id: string;
  fullName: string;
  role: Role;
  disabled: boolean;
  organizationId: string;
  organizationName: string;
  organizationType: OrganizationType;
}

/** What the evaluation reads of each participant. */
export interface EvaluationRow {
  role: ParticipantRole;
  attended: boolean | null;
  preScore: string | null;
  postScore: string | null;
  satisfaction: Record<string, number>;
}

/** Filters of the training list. */
export interface TrainingFilter {
  programYearId?: string;
  level?: TrainingLevel;
  after: [string, string] | null;
}

/** Reads and writes trainings and their participants, always inside the caller's scope. */
@Injectable()
export class TrainingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private trainingQuery(manager: EntityManager): SelectQueryBuilder<Training> {
    return manager
      .createQueryBuilder()
      .select('t.id', 'id')
      .addSelect('t.title', 'title')
      .addSelect('t.level', 'level')
      // As text: the driver would turn a date into a local-midnight Date.
      .addSelect('CAST(t.starts_on AS text)', 'startsOn')
      .addSelect('CAST(t.ends_on AS text)', 'endsOn')
      .addSelect('t.organiser_id', 'organiserId')
      .addSelect('o.name', 'organiserName')
      .addSelect('t.program_year_id', 'programYearId')
      .addSelect('y.year', 'year')
      .addSelect('y.status', 'yearStatus')
      .addSelect('pr.id', 'programId')
      .addSelect('pr.name', 'programName')
      .addSelect('pr.company_id', 'programCompanyId')
      .addSelect('array_to_json(t.facilitator_user_ids)', 'facilitatorUserIds')
      .addSelect(
        `(SELECT COALESCE(json_agg(json_build_object('id', fu.id, 'fullName', fu.full_name) ORDER BY fu.full_name, fu.id), '[]')
            FROM users fu WHERE fu.id = ANY(t.facilitator_user_ids))`,
        'facilitators',
      )
      .addSelect('t.topic', 'topic')
      .addSelect('t.venue', 'venue')
      .addSelect('t.online', 'online')
      .addSelect('t.score_min', 'scoreMin')
      .addSelect('t.score_max', 'scoreMax')
      .addSelect('t.questionnaire', 'questionnaire')
      .addSelect('t.quota_per_school', 'quotaPerSchool')
      .addSelect('(SELECT count(*)::int FROM training_participants c WHERE c.training_id = t.id)', 'participantCount')
      .addSelect('(SELECT count(*)::int FROM training_participants c WHERE c.training_id = t.id AND c.attended)', 'attendedCount')
      .addSelect('t.created_by_user_id', 'createdByUserId')
      .addSelect('cb.full_name', 'createdByName')
      .addSelect('t.version', 'version')
      .addSelect('t.created_at', 'createdAt')
      .addSelect('t.updated_at', 'updatedAt')
      .from(Training, 't')
      .innerJoin(Organization, 'o', 'o.id = t.organiser_id')
      .leftJoin(ProgramYear, 'y', 'y.id = t.program_year_id')
      .leftJoin(Program, 'pr', 'pr.id = y.program_id')
      .leftJoin(User, 'cb', 'cb.id = t.created_by_user_id') as SelectQueryBuilder<Training>;
  }

  /** A training the caller may see; null for missing and not-yours alike. */
  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<TrainingRow | null> {
    const scope = trainingScope(actor);
    return (await this.trainingQuery(manager).where('t.id = :id', { id }).andWhere(scope.sql, scope.params).getRawOne<TrainingRow>()) ?? null;
  }

  /** A page of the trainings the caller may see, latest start first, in one query (limit + 1 rows). */
  listPage(actor: Actor, filter: TrainingFilter, limit: number): Promise<TrainingRow[]> {
    const scope = trainingScope(actor);
    const qb = this.trainingQuery(this.dataSource.manager).where(scope.sql, scope.params);
    if (filter.programYearId) qb.andWhere('t.program_year_id = :programYearId', { programYearId: filter.programYearId });
    if (filter.level) qb.andWhere('t.level = :level', { level: filter.level });
    if (filter.after) qb.andWhere('(t.starts_on, t.id) < (CAST(:afterOn AS date), CAST(:afterId AS uuid))', { afterOn: filter.after[0], afterId: filter.after[1] });
    return qb.orderBy('t.starts_on', 'DESC').addOrderBy('t.id', 'DESC').limit(limit + 1).getRawMany<TrainingRow>();
  }

  /**
   * Locks a training row until the transaction ends: participant additions of one training (and
   * so the per-school quota count) happen one after another.
   */
  async lock(id: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT id FROM trainings WHERE id = $1 FOR UPDATE', [id]);
  }

  /** A program year the caller can see (through programScope); null otherwise. */
  async findVisibleYear(actor: Actor, programYearId: string, manager: EntityManager): Promise<VisibleYear | null> {
    const scope = programScope(actor, 'pr');
    const row = await manager
      .createQueryBuilder()
      .select('y.id', 'id')
      .addSelect('y.year', 'year')
      .addSelect('y.status', 'status')
      .addSelect('pr.id', 'programId')
      .addSelect('pr.name', 'programName')
      .addSelect('pr.company_id', 'companyId')
      .from(ProgramYear, 'y')
      .innerJoin(Program, 'pr', 'pr.id = y.program_id')
      .where('y.id = :programYearId', { programYearId })
      .andWhere(scope.sql, scope.params)
      .getRawOne<VisibleYear>();
    return row ?? null;
  }

  /** Users by id with their organisation. */
  async findUsers(ids: string[], manager: EntityManager): Promise<UserFacts[]> {
    if (ids.length === 0) return [];
    return manager.query(
      `SELECT u.id, u.full_name AS "fullName", u.role, u.disabled_at IS NOT NULL AS disabled,
              o.id AS "organizationId", o.name AS "organizationName", o.type AS "organizationType"
         FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * Of `ids`, the users a training's organiser may name (as participant or facilitator): users of
   * the organiser itself; of its partner schools (a partnership not ended with the organiser, in
   * the training's program, or in a program the organiser facilitates) and of the education
   * offices whose jurisdiction covers one of them; of facilitator organisations of the training's
   * program or of the organiser's programs; and of the program's company.
   */
  async nameableUsers(ids: string[], organiserId: string, programId: string | null, manager: EntityManager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = (await manager.query(
      `WITH partner_schools AS (
         SELECT s.id, s.region_code FROM partnerships p JOIN organizations s ON s.id = p.school_id
          WHERE p.status <> 'ended'
            AND (p.company_id = $2 OR p.program_id = $3::uuid
                 OR p.program_id IN (SELECT pf.program_id FROM program_facilitators pf WHERE pf.facilitator_id = $2)))
       SELECT u.id FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE u.id = ANY($1::uuid[])
          AND (o.id = $2
               OR o.id IN (SELECT id FROM partner_schools)
               OR (o.type = 'education_office' AND EXISTS (SELECT 1 FROM partner_schools ps WHERE ${coversRegionSql('o.region_code', 'ps.region_code')}))
               OR EXISTS (SELECT 1 FROM program_facilitators pf JOIN programs pr ON pr.id = pf.program_id
                           WHERE pf.facilitator_id = o.id AND (pr.id = $3::uuid OR pr.company_id = $2))
               OR EXISTS (SELECT 1 FROM programs pr WHERE pr.id = $3::uuid AND pr.company_id = o.id))`,
      [ids, organiserId, programId],
    )) as Array<{ id: string }>;
    return new Set(rows.map((r) => r.id));
  }

  /** One organisation by id. */
  findOrganization(id: string, manager: EntityManager): Promise<Organization | null> {
    return manager.findOne(Organization, { where: { id } });
  }

  /** Whether a school has a partnership with a company that is not ended (in `programId` when given). */
  async isPartnerSchool(schoolId: string, companyId: string, programId: string | null, manager: EntityManager): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM partnerships WHERE school_id = $1 AND company_id = $2 AND status <> 'ended' AND ($3::uuid IS NULL OR program_id = $3::uuid) LIMIT 1`,
      [schoolId, companyId, programId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Inserts a training and returns its id. */
  async insertTraining(fields: QueryDeepPartialEntity<Training>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(Training, fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  private participantQuery(manager: EntityManager): SelectQueryBuilder<TrainingParticipant> {
    return manager
      .createQueryBuilder()
      .select('tp.id', 'id')
      .addSelect('tp.training_id', 'trainingId')
      .addSelect('tp.user_id', 'userId')
      .addSelect('COALESCE(u.full_name, tp.external_name)', 'fullName')
      .addSelect('tp.user_id IS NULL', 'external')
      .addSelect('tp.role', 'role')
      .addSelect('tp.school_id', 'schoolId')
      .addSelect('s.name', 'schoolName')
      .addSelect('tp.attended', 'attended')
      .addSelect('CAST(tp.pre_score AS text)', 'preScore')
      .addSelect('CAST(tp.post_score AS text)', 'postScore')
      .addSelect('tp.satisfaction', 'satisfaction')
      .addSelect('tp.nominated_by_user_id', 'nominatedByUserId')
      .addSelect('nb.full_name', 'nominatedByName')
      .addSelect('tp.version', 'version')
      .addSelect('tp.created_at', 'createdAt')
      .from(TrainingParticipant, 'tp')
      .leftJoin(User, 'u', 'u.id = tp.user_id')
      .leftJoin(Organization, 's', 's.id = tp.school_id')
      .leftJoin(User, 'nb', 'nb.id = tp.nominated_by_user_id') as SelectQueryBuilder<TrainingParticipant>;
  }

  /** One participant of a training; null when it belongs to no such training. */
  async findParticipant(trainingId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<ParticipantRow | null> {
    return (await this.participantQuery(manager).where('tp.training_id = :trainingId AND tp.id = :id', { trainingId, id }).getRawOne<ParticipantRow>()) ?? null;
  }

  /** The caller's own participation in a training, if any. */
  async findOwn(trainingId: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<ParticipantRow | null> {
    return (await this.participantQuery(manager).where('tp.training_id = :trainingId AND tp.user_id = :userId', { trainingId, userId }).getRawOne<ParticipantRow>()) ?? null;
  }

  /** A user's participation in a training, if any (to name it in a 409). */
  async findByUser(trainingId: string, userId: string, manager: EntityManager): Promise<string | null> {
    const row = await manager.findOne(TrainingParticipant, { select: { id: true }, where: { trainingId, userId } });
    return row?.id ?? null;
  }

  /** A page of the participants of a training the caller may see listed, by name, in one query (limit + 1 rows). */
  listParticipants(actor: Actor, trainingId: string, full: boolean, after: [string, string] | null, limit: number): Promise<ParticipantRow[]> {
    const scope = participantScope(actor, full);
    const qb = this.participantQuery(this.dataSource.manager).where('tp.training_id = :trainingId', { trainingId }).andWhere(scope.sql, scope.params);
    if (after) qb.andWhere('(COALESCE(u.full_name, tp.external_name), tp.id) > (:afterName, CAST(:afterId AS uuid))', { afterName: after[0], afterId: after[1] });
    return qb.orderBy('COALESCE(u.full_name, tp.external_name)', 'ASC').addOrderBy('tp.id', 'ASC').limit(limit + 1).getRawMany<ParticipantRow>();
  }

  /** The participants a school already has in a training (count against its quota). */
  async countForSchool(trainingId: string, schoolId: string, manager: EntityManager): Promise<number> {
    return manager.count(TrainingParticipant, { where: { trainingId, schoolId } });
  }

  /** Inserts a participant and returns its id. */
  async insertParticipant(fields: QueryDeepPartialEntity<TrainingParticipant>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(TrainingParticipant, fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Removes a participant of a training. */
  async deleteParticipant(trainingId: string, id: string, manager: EntityManager): Promise<void> {
    await manager.delete(TrainingParticipant, { id, trainingId });
  }

  /** Sets a participant's own responses and bumps the version. */
  async setResponses(id: string, changes: QueryDeepPartialEntity<TrainingParticipant>, manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().update(TrainingParticipant).set({ ...changes, version: () => 'version + 1' }).where('id = :id', { id }).execute();
  }

  /** What the evaluation reads of every participant of a training. */
  evaluationRows(trainingId: string): Promise<EvaluationRow[]> {
    return this.dataSource.query(
      `SELECT role, attended, CAST(pre_score AS text) AS "preScore", CAST(post_score AS text) AS "postScore", satisfaction
         FROM training_participants WHERE training_id = $1 ORDER BY id`,
      [trainingId],
    );
  }

  /** How many participants answered each of `itemIds`. */
  async answersPerItem(trainingId: string, itemIds: string[], manager: EntityManager): Promise<Map<string, number>> {
    if (itemIds.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT k.item AS "itemId", count(*)::int AS n FROM training_participants tp, unnest($2::text[]) AS k(item)
        WHERE tp.training_id = $1 AND tp.satisfaction ? k.item GROUP BY k.item`,
      [trainingId, itemIds],
    )) as Array<{ itemId: string; n: number }>;
    return new Map(rows.map((r) => [r.itemId, r.n]));
  }

  /** How many scores of a training lie outside [min, max]. */
  async scoresOutside(trainingId: string, min: number, max: number, manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS n FROM training_participants
        WHERE training_id = $1 AND (pre_score < $2 OR pre_score > $3 OR post_score < $2 OR post_score > $3)`,
      [trainingId, min, max],
    )) as Array<{ n: number }>;
    return row.n;
  }

  /** The largest number of participants any one school has in a training, with that school's name. */
  async largestSchool(trainingId: string, manager: EntityManager): Promise<{ schoolName: string; n: number } | null> {
    const [row] = (await manager.query(
      `SELECT s.name AS "schoolName", count(*)::int AS n FROM training_participants tp JOIN organizations s ON s.id = tp.school_id
        WHERE tp.training_id = $1 GROUP BY s.id, s.name ORDER BY n DESC, s.name LIMIT 1`,
      [trainingId],
    )) as Array<{ schoolName: string; n: number }>;
    return row ?? null;
  }
}
