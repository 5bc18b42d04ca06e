import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { User } from '../users/user.entity';
import { CONFLICT_FACTS_SQL, ConflictFacts, mentoringWindow } from './conflicts';
import { CompetitionJudge, ConflictDeclaration, JudgeAssignment } from './judging.entities';

/** A judge on a competition's panel, with their workload. */
export interface PanelRow {
  userId: string;
  fullName: string;
  email: string;
  organizationId: string;
  organizationName: string;
  addedAt: Date;
  assignedEntries: number;
  scoredEntries: number;
}

/** An assignment as read, with its entry, school and judge. */
export interface AssignmentRow {
  id: string;
  competitionId: string;
  entryId: string;
  entryTitle: string;
  categoryId: string;
  categoryName: string;
  schoolId: string;
  schoolName: string;
  judgeUserId: string;
  judgeName: string;
  scored: boolean;
  createdAt: Date;
}

/** What assigning needs of an entry. */
export interface EntryToAssign {
  entryId: string;
  schoolId: string;
  schoolName: string;
  title: string;
  assignedJudgeIds: string[];
}

/** One criterion's score of a judge, with the rubric facts. */
export interface ScoreRow {
  entryId: string;
  judgeUserId: string;
  judgeName: string;
  criterionId: string;
  criterionName: string;
  position: number;
  score: number;
  maxScore: number;
  weight: string;
  comment: string | null;
  updatedAt: Date;
}

/** A user with the judge role who could join a panel. */
export interface JudgeCandidateRow {
  userId: string;
  fullName: string;
  email: string;
  organizationId: string;
  organizationName: string;
  onPanel: boolean;
}

/** The user asked to join a panel. */
export type JudgeUser = Pick<User, 'id' | 'role' | 'fullName' | 'disabledAt' | 'organizationId'>;

const ASSIGNMENT_SELECT = `
  SELECT a.id, a.competition_id AS "competitionId", a.entry_id AS "entryId", e.title AS "entryTitle",
         e.category_id AS "categoryId", k.name AS "categoryName", e.school_id AS "schoolId", s.name AS "schoolName",
         a.judge_user_id AS "judgeUserId", u.full_name AS "judgeName",
         EXISTS (SELECT 1 FROM entry_scores x WHERE x.entry_id = a.entry_id AND x.judge_user_id = a.judge_user_id) AS scored,
         a.created_at AS "createdAt"
    FROM judge_assignments a
    JOIN competition_entries e ON e.id = a.entry_id
    JOIN competition_categories k ON k.id = e.category_id
    JOIN organizations s ON s.id = e.school_id
    JOIN users u ON u.id = a.judge_user_id`;

/**
 * Reads and writes a competition's panel, assignments, declared conflicts and scores. The caller
 * has already checked that the competition is visible and the step allowed.
 */
@Injectable()
export class JudgingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The panel of a competition by name, with how many entries each judge has and has scored. */
  panel(competitionId: string, manager: EntityManager = this.dataSource.manager): Promise<PanelRow[]> {
    return manager.query(
      `SELECT u.id AS "userId", u.full_name AS "fullName", u.email, u.organization_id AS "organizationId", o.name AS "organizationName",
              j.created_at AS "addedAt",
              (SELECT count(*) FROM judge_assignments a WHERE a.competition_id = j.competition_id AND a.judge_user_id = u.id)::int AS "assignedEntries",
              (SELECT count(DISTINCT x.entry_id) FROM entry_scores x JOIN judge_assignments a ON a.entry_id = x.entry_id AND a.judge_user_id = x.judge_user_id
                WHERE a.competition_id = j.competition_id AND a.judge_user_id = u.id)::int AS "scoredEntries"
         FROM competition_judges j
         JOIN users u ON u.id = j.judge_user_id
         JOIN organizations o ON o.id = u.organization_id
        WHERE j.competition_id = $1
        ORDER BY u.full_name, u.id`,
      [competitionId],
    );
  }

  /**
   * Active users with the judge role (any organisation), by name, optionally whose name or e-mail
   * contains `q`; at most `limit`, each marked when already on the competition's panel.
   */
  judgeCandidates(competitionId: string, q: string | null, limit: number, manager: EntityManager = this.dataSource.manager): Promise<JudgeCandidateRow[]> {
    return manager.query(
      `SELECT u.id AS "userId", u.full_name AS "fullName", u.email, u.organization_id AS "organizationId", o.name AS "organizationName",
              EXISTS (SELECT 1 FROM competition_judges j WHERE j.competition_id = $1 AND j.judge_user_id = u.id) AS "onPanel"
         FROM users u
         JOIN organizations o ON o.id = u.organization_id
        WHERE u.role = 'judge' AND u.disabled_at IS NULL
          AND ($2::text IS NULL OR strpos(lower(u.full_name), lower($2)) > 0 OR strpos(lower(u.email), lower($2)) > 0)
        ORDER BY u.full_name, u.id
        LIMIT $3`,
      [competitionId, q, limit],
    );
  }

  /** A user by id, with what is needed to check they may judge. */
  findUser(id: string, manager: EntityManager): Promise<JudgeUser | null> {
    return manager.findOne(User, { select: { id: true, role: true, fullName: true, disabledAt: true, organizationId: true }, where: { id } });
  }

  /** Whether the user is on the competition's panel. */
  async onPanel(competitionId: string, judgeUserId: string, manager: EntityManager): Promise<boolean> {
    return (await manager.count(CompetitionJudge, { where: { competitionId, judgeUserId } })) > 0;
  }

  /** Puts a user on the panel. */
  async addJudge(competitionId: string, judgeUserId: string, manager: EntityManager): Promise<void> {
    await manager.insert(CompetitionJudge, { competitionId, judgeUserId });
  }

  /** Takes a judge off the panel with their assignments and scores; the entries they lose. */
  async removeJudge(competitionId: string, judgeUserId: string, manager: EntityManager): Promise<string[]> {
    const assignments = await manager.find(JudgeAssignment, { select: { id: true, entryId: true }, where: { competitionId, judgeUserId } });
    await this.deleteAssignments(assignments.map((a) => a.id), manager);
    await manager.delete(CompetitionJudge, { competitionId, judgeUserId });
    return assignments.map((a) => a.entryId);
  }

  /**
   * The conflict facts of every judge among `judgeIds` with every school among `schoolIds` in a
   * competition of program year `year`, in one query (see CONFLICT_FACTS_SQL).
   */
  conflictFacts(competitionId: string, year: number, judgeIds: readonly string[], schoolIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<ConflictFacts[]> {
    if (judgeIds.length === 0 || schoolIds.length === 0) return Promise.resolve([]);
    const [from, to] = mentoringWindow(year);
    return manager.query(CONFLICT_FACTS_SQL, [competitionId, [...new Set(judgeIds)], [...new Set(schoolIds)], from, to]);
  }

  /** The schools with an entry in the competition. */
  async schoolsWithEntries(competitionId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ schoolId: string }> = await manager.query('SELECT DISTINCT school_id AS "schoolId" FROM competition_entries WHERE competition_id = $1', [competitionId]);
    return rows.map((r) => r.schoolId);
  }

  /** Entries of the competition to assign, oldest first, optionally of one category or one entry. */
  entriesToAssign(competitionId: string, filter: { categoryId?: string; entryId?: string }, manager: EntityManager): Promise<EntryToAssign[]> {
    return manager.query(
      `SELECT e.id AS "entryId", e.school_id AS "schoolId", s.name AS "schoolName", e.title,
              ARRAY(SELECT a.judge_user_id FROM judge_assignments a WHERE a.entry_id = e.id ORDER BY a.created_at, a.id) AS "assignedJudgeIds"
         FROM competition_entries e JOIN organizations s ON s.id = e.school_id
        WHERE e.competition_id = $1
          AND ($2::uuid IS NULL OR e.category_id = $2::uuid)
          AND ($3::uuid IS NULL OR e.id = $3::uuid)
        ORDER BY e.created_at, e.id`,
      [competitionId, filter.categoryId ?? null, filter.entryId ?? null],
    );
  }

  /** How many entries each judge of the panel has in the competition. */
  async loads(competitionId: string, manager: EntityManager): Promise<Map<string, number>> {
    const rows: Array<{ judgeUserId: string; n: number }> = await manager.query(
      `SELECT j.judge_user_id AS "judgeUserId", (SELECT count(*) FROM judge_assignments a WHERE a.competition_id = j.competition_id AND a.judge_user_id = j.judge_user_id)::int AS n
         FROM competition_judges j WHERE j.competition_id = $1 ORDER BY j.created_at, j.id`,
      [competitionId],
    );
    return new Map(rows.map((r) => [r.judgeUserId, r.n]));
  }

  /** The panel's judge ids, in the order they joined. */
  async panelIds(competitionId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.find(CompetitionJudge, { select: { judgeUserId: true }, where: { competitionId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => r.judgeUserId);
  }

  /** Inserts assignments and returns their ids, in the order given. */
  async insertAssignments(rows: ReadonlyArray<Pick<JudgeAssignment, 'competitionId' | 'entryId' | 'judgeUserId' | 'assignedByUserId'>>, manager: EntityManager): Promise<string[]> {
    if (rows.length === 0) return [];
    const result = await manager.insert(JudgeAssignment, [...rows]);
    return result.identifiers.map((i) => String(i.id));
  }

  /** Assignments of a competition, by category, school and judge; optionally one judge's or some ids. */
  assignments(competitionId: string, filter: { judgeUserId?: string; ids?: string[] }, manager: EntityManager = this.dataSource.manager): Promise<AssignmentRow[]> {
    return manager.query(
      `${ASSIGNMENT_SELECT}
        WHERE a.competition_id = $1
          AND ($2::uuid IS NULL OR a.judge_user_id = $2::uuid)
          AND ($3::uuid[] IS NULL OR a.id = ANY($3::uuid[]))
        ORDER BY k.position, s.name, e.id, u.full_name, a.id`,
      [competitionId, filter.judgeUserId ?? null, filter.ids ?? null],
    );
  }

  /** One assignment of a competition, or null. */
  async findAssignment(competitionId: string, id: string, manager: EntityManager): Promise<AssignmentRow | null> {
    const rows: AssignmentRow[] = await manager.query(`${ASSIGNMENT_SELECT} WHERE a.competition_id = $1 AND a.id = $2`, [competitionId, id]);
    return rows[0] ?? null;
  }

  /** The assignment of a judge to an entry, or null. */
  findPair(entryId: string, judgeUserId: string, manager: EntityManager = this.dataSource.manager): Promise<JudgeAssignment | null> {
    return manager.findOne(JudgeAssignment, { where: { entryId, judgeUserId } });
  }

  /** The judge's assignments to the school's entries in the competition. */
  async assignmentsForSchool(competitionId: string, judgeUserId: string, schoolId: string, manager: EntityManager): Promise<AssignmentRow[]> {
    return manager.query(`${ASSIGNMENT_SELECT} WHERE a.competition_id = $1 AND a.judge_user_id = $2 AND e.school_id = $3 ORDER BY e.created_at, e.id`, [competitionId, judgeUserId, schoolId]);
  }

  /**
   * Deletes assignments and the scores their judges gave those entries: a score counts only while
   * its judge is assigned to the entry.
   */
  async deleteAssignments(ids: readonly string[], manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `DELETE FROM entry_scores x USING judge_assignments a
        WHERE a.id = ANY($1::uuid[]) AND x.entry_id = a.entry_id AND x.judge_user_id = a.judge_user_id`,
      [ids],
    );
    await manager.query('DELETE FROM judge_assignments WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** The judge's declaration about a school in the competition, if any. */
  findDeclaration(competitionId: string, judgeUserId: string, schoolId: string, manager: EntityManager = this.dataSource.manager): Promise<ConflictDeclaration | null> {
    return manager.findOne(ConflictDeclaration, { where: { competitionId, judgeUserId, schoolId } });
  }

  /** Records a judge's declaration. */
  async insertDeclaration(fields: Pick<ConflictDeclaration, 'competitionId' | 'judgeUserId' | 'schoolId' | 'reason'>, manager: EntityManager): Promise<ConflictDeclaration> {
    const result = await manager.insert(ConflictDeclaration, fields);
    return (await manager.findOne(ConflictDeclaration, { where: { id: String(result.identifiers[0].id) } })) as ConflictDeclaration;
  }

  /** The schools judges declared conflicts with in the competition (optionally one judge's). */
  async declaredSchools(competitionId: string, judgeUserId: string | null, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ schoolId: string }> = await manager.query(
      'SELECT DISTINCT school_id AS "schoolId" FROM conflict_declarations WHERE competition_id = $1 AND ($2::uuid IS NULL OR judge_user_id = $2::uuid)',
      [competitionId, judgeUserId],
    );
    return rows.map((r) => r.schoolId);
  }

  /**
   * Writes a judge's scores for an entry in one statement: new criteria are inserted, scored ones
   * changed.
   */
  async upsertScores(entryId: string, judgeUserId: string, scores: ReadonlyArray<{ criterionId: string; score: number; comment: string | null }>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO entry_scores (entry_id, judge_user_id, criterion_id, score, comment)
       SELECT $1, $2, s.criterion_id, s.score, s.comment
         FROM unnest($3::uuid[], $4::int[], $5::text[]) AS s(criterion_id, score, comment)
       ON CONFLICT (entry_id, judge_user_id, criterion_id)
       DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, updated_at = now()`,
      [entryId, judgeUserId, scores.map((s) => s.criterionId), scores.map((s) => s.score), scores.map((s) => s.comment)],
    );
  }

  /**
   * Scores of an entry by the judges assigned to it, with the rubric facts, by judge then criterion;
   * only one judge's with `judgeUserId`.
   */
  scoresOf(entryId: string, judgeUserId: string | null, manager: EntityManager = this.dataSource.manager): Promise<ScoreRow[]> {
    return manager.query(
      `SELECT x.entry_id AS "entryId", x.judge_user_id AS "judgeUserId", u.full_name AS "judgeName", x.criterion_id AS "criterionId",
              r.name AS "criterionName", r.position, x.score, r.max_score AS "maxScore", r.weight, x.comment, x.updated_at AS "updatedAt"
         FROM entry_scores x
         JOIN judge_assignments a ON a.entry_id = x.entry_id AND a.judge_user_id = x.judge_user_id
         JOIN rubric_criteria r ON r.id = x.criterion_id
         JOIN users u ON u.id = x.judge_user_id
        WHERE x.entry_id = $1 AND ($2::uuid IS NULL OR x.judge_user_id = $2::uuid)
        ORDER BY u.full_name, x.judge_user_id, r.position`,
      [entryId, judgeUserId],
    );
  }

  /** Every score of the competition's entries by assigned judges, for the results. */
  competitionScores(competitionId: string, manager: EntityManager): Promise<ScoreRow[]> {
    return manager.query(
      `SELECT x.entry_id AS "entryId", x.judge_user_id AS "judgeUserId", u.full_name AS "judgeName", x.criterion_id AS "criterionId",
              r.name AS "criterionName", r.position, x.score, r.max_score AS "maxScore", r.weight, x.comment, x.updated_at AS "updatedAt"
         FROM entry_scores x
         JOIN competition_entries e ON e.id = x.entry_id
         JOIN judge_assignments a ON a.entry_id = x.entry_id AND a.judge_user_id = x.judge_user_id
         JOIN rubric_criteria r ON r.id = x.criterion_id
         JOIN users u ON u.id = x.judge_user_id
        WHERE e.competition_id = $1
        ORDER BY x.entry_id, u.full_name, x.judge_user_id, r.position`,
      [competitionId],
    );
  }
}
