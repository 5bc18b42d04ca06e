import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/database/optimistic';
import { AppError, RawFieldError } from '../common/errors/app-error';
import { DuplicateRecordError } from '../common/errors/duplicate-record';
import { Organization } from '../organizations/organization.entity';
import { planAssignments } from './assignment-plan';
import { isPanelOpen, refuseScoring } from './competition-phase';
import { requireCsrOfficer } from './competition-scope';
import { CompetitionRow, CompetitionsRepository } from './competitions.repository';
import { ConflictMap, ConflictReason, toConflictMap } from './conflicts';
import type { Lang } from '../common/errors/i18n';
import type { AssignByCategoryDto, CreateAssignmentDto, DeclareConflictDto, ListJudgeCandidatesQuery, PutScoresDto } from './dto/judging.dto';
import {
  AssignByCategoryResponse,
  JudgeAssignmentListResponse,
  JudgeAssignmentResponse,
  JudgeCandidateListResponse,
  JudgeCandidateResponse,
  JudgeConflictListResponse,
  ConflictReasonResponse,
  DeclarationResponse,
  PanelJudgeResponse,
  PanelResponse,
  ScoreSheetListResponse,
  ScoreSheetResponse,
} from './dto/judging.response';
import { EntriesRepository } from './entries.repository';
import { EntryToAssign, JudgingRepository } from './judging.repository';
import { roleName } from '../common/errors/names';

const MANAGE_PANEL = { en: 'manage the judges and their assignments', id: 'mengelola juri dan penugasannya' };

/** The panel, assignments and declared conflicts change only until results are published. */
function requirePanelOpen(competition: CompetitionRow): void {
  if (isPanelOpen(competition.phase)) return;
  throw AppError.rule(
    `the competition is in phase ${competition.phase}: the results are published, so its judges, assignments and conflicts can no longer change`,
    `kompetisi berada di fase ${competition.phase}: hasil sudah diumumkan, sehingga juri, penugasan dan konfliknya tidak dapat diubah lagi`,
  );
}

/** Judging steps are the judge's own: admins read but do not judge in anyone's name. */
function requireJudge(actor: Actor, what: { en: string; id: string }): void {
  if (actor.role === 'judge') return;
  throw AppError.rule(`only a judge on the panel can ${what.en}`, `hanya juri dalam panel yang dapat ${what.id}`);
}

/** The 422 for assigning a conflicted judge: one field error per reason, on judgeUserId. */
function conflictRefusal(reasons: readonly ConflictReason[]): AppError {
  return AppError.refusedAt(
    reasons.map((r) => ({
      field: 'judgeUserId',
      code: `conflict_${r.code}`,
      message: { en: `conflict of interest: ${r.en}; assign another judge`, id: `konflik kepentingan: ${r.id}; tugaskan juri lain` },
    })),
  );
}

@Injectable()
export class JudgingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly competitions: CompetitionsRepository,
    private readonly entries: EntriesRepository,
    private readonly judging: JudgingRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The panel of a competition, with each judge's workload (CSR officer of the company, admins). */
  async panel(actor: Actor, id: string): Promise<PanelResponse> {
    const competition = await this.competitions.findVisible(actor, id);
    if (!competition) throw AppError.notFound('competition', id);
    return { items: (await this.judging.panel(id)).map(PanelJudgeResponse.from) };
  }

  /**
   * The active users with the judge role, of any organisation, that the CSR officer of the company
   * can put on the panel (those already on it marked), by name.
   */
  async judgeCandidates(actor: Actor, id: string, query: ListJudgeCandidatesQuery): Promise<JudgeCandidateListResponse> {
    requireCsrOfficer(actor, MANAGE_PANEL);
    const competition = await this.competitions.findVisible(actor, id);
    if (!competition) throw AppError.notFound('competition', id);
    const rows = await this.judging.judgeCandidates(id, query.q || null, query.limit ?? 50);
    return { items: rows.map(JudgeCandidateResponse.from) };
  }

  /** Puts a user with the judge role, of any organisation, on the panel (CSR officer of the company). */
  async addJudge(actor: Actor, id: string, userId: string): Promise<PanelResponse> {
    requireCsrOfficer(actor, MANAGE_PANEL);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const competition = await this.lockedCompetition(actor, id, manager);
        requirePanelOpen(competition);
        const user = await this.judging.findUser(userId, manager);
        if (!user || user.role !== 'judge' || user.disabledAt !== null) {
          const why = !user ? 'there is no such user' : user.disabledAt !== null ? `the account of ${user.fullName} is disabled` : `${user.fullName} is a ${roleName(user.role, 'en')}, not a judge`;
          const mengapa = !user ? 'pengguna tersebut tidak ada' : user.disabledAt !== null ? `akun ${user.fullName} dinonaktifkan` : `${user.fullName} adalah ${roleName(user.role, 'id')}, bukan juri`;
          throw AppError.refused(
            'userId',
            'not_a_judge',
            `${why}; the panel takes active users with the role of judge (an administrator creates them)`,
            `${mengapa}; panel hanya menerima pengguna aktif dengan peran juri (administrator membuatnya)`,
          );
        }
        if (await this.judging.onPanel(id, userId, manager)) throw this.alreadyOnPanel(user.fullName, userId);
        await this.judging.addJudge(id, userId, manager);
        await this.audit.record(manager, actor, { action: 'create', entityType: 'competition_judge', entityId: id, changes: { competitionId: id, judgeUserId: userId, judgeName: user.fullName, phase: competition.phase } });
        return { items: (await this.judging.panel(id, manager)).map(PanelJudgeResponse.from) };
      });
    } catch (err) {
      if (isUniqueViolation(err, 'competition_judges_key')) throw this.alreadyOnPanel('this user', userId);
      throw err;
    }
  }

  /** Takes a judge off the panel, with their assignments and scores (CSR officer of the company). */
  async removeJudge(actor: Actor, id: string, userId: string): Promise<void> {
    requireCsrOfficer(actor, MANAGE_PANEL);
    await this.dataSource.transaction(async (manager) => {
      const competition = await this.lockedCompetition(actor, id, manager);
      requirePanelOpen(competition);
      if (!(await this.judging.onPanel(id, userId, manager))) throw AppError.notFound('judge on this panel', userId);
      const entries = await this.judging.removeJudge(id, userId, manager);
      await this.audit.record(manager, actor, { action: 'delete', entityType: 'competition_judge', entityId: id, changes: { competitionId: id, judgeUserId: userId, removedFromEntries: entries } });
    });
  }

  /**
   * Assigns a judge on the panel to one entry (CSR officer of the company). A judge conflicted with
   * the entry's school is refused with 422 naming every reason.
   */
  async assign(actor: Actor, id: string, dto: CreateAssignmentDto): Promise<JudgeAssignmentResponse> {
    requireCsrOfficer(actor, MANAGE_PANEL);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const competition = await this.lockedCompetition(actor, id, manager);
        requirePanelOpen(competition);
        if (!(await this.judging.onPanel(id, dto.judgeUserId, manager))) throw this.notOnPanel('judgeUserId', id);
        const [entry] = await this.judging.entriesToAssign(id, { entryId: dto.entryId }, manager);
        if (!entry) {
          throw AppError.field(
            'entryId',
            'unknown_entry',
            `entryId names no entry of this competition; pick one from GET /api/v1/competitions/${id}/entries`,
            `entryId tidak menunjuk karya dalam kompetisi ini; pilih dari GET /api/v1/competitions/${id}/entries`,
          );
        }
        const existing = await this.judging.findPair(entry.entryId, dto.judgeUserId, manager);
        if (existing) throw this.alreadyAssigned(existing.id);
        const reasons = (await this.conflicts(competition, [dto.judgeUserId], [entry.schoolId], manager)).get(dto.judgeUserId)?.get(entry.schoolId) ?? [];
        if (reasons.length > 0) throw conflictRefusal(reasons);
        const [assignmentId] = await this.judging.insertAssignments([{ competitionId: id, entryId: entry.entryId, judgeUserId: dto.judgeUserId, assignedByUserId: actor.userId }], manager);
        await this.audit.record(manager, actor, { action: 'create', entityType: 'judge_assignment', entityId: assignmentId, changes: { competitionId: id, entryId: entry.entryId, judgeUserId: dto.judgeUserId } });
        return JudgeAssignmentResponse.from((await this.judging.findAssignment(id, assignmentId, manager))!);
      });
    } catch (err) {
      if (isUniqueViolation(err, 'judge_assignments_key')) {
        const existing = await this.judging.findPair(dto.entryId, dto.judgeUserId);
        if (existing) throw this.alreadyAssigned(existing.id);
      }
      throw err;
    }
  }

  /**
   * Gives every entry of a category `judgesPerEntry` judges from the panel (or the judges named),
   * never a conflicted one, keeping the load even (CSR officer of the company). Answers what was
   * assigned, which judges were left out of which entry and why, and which entries stay short.
   */
  async assignByCategory(actor: Actor, id: string, dto: AssignByCategoryDto, lang: Lang = 'en'): Promise<AssignByCategoryResponse> {
    requireCsrOfficer(actor, MANAGE_PANEL);
    return this.dataSource.transaction(async (manager) => {
      const competition = await this.lockedCompetition(actor, id, manager);
      requirePanelOpen(competition);
      const category = await this.entries.findCategory(id, dto.categoryId, manager);
      if (!category) {
        throw AppError.field('categoryId', 'unknown_category', `categoryId names no category of this competition; pick one from GET /api/v1/competitions/${id}`, `categoryId tidak menunjuk kategori kompetisi ini; pilih dari GET /api/v1/competitions/${id}`);
      }
      const panel = await this.judging.panelIds(id, manager);
      const errors: RawFieldError[] = [];
      (dto.judgeUserIds ?? []).forEach((judgeId, i) => {
        if (!panel.includes(judgeId)) errors.push(this.notOnPanelError(`judgeUserIds[${i}]`, id));
      });
      if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
      const judges = dto.judgeUserIds ?? panel;
      if (judges.length === 0) {
        throw AppError.rule(
          `the panel has no judges yet: add judges with POST /api/v1/competitions/${id}/judges first`,
          `panel belum memiliki juri: tambahkan juri dengan POST /api/v1/competitions/${id}/judges terlebih dahulu`,
        );
      }
      const entries = await this.judging.entriesToAssign(id, { categoryId: category.id }, manager);
      const conflicts = await this.conflicts(competition, judges, entries.map((e) => e.schoolId), manager);
      const plan = planAssignments({
        entries: entries.map((e) => ({ entryId: e.entryId, schoolId: e.schoolId, assignedJudgeIds: e.assignedJudgeIds })),
        judgeIds: judges,
        conflictsOf: (judge, school) => conflicts.get(judge)?.get(school) ?? [],
        load: await this.judging.loads(id, manager),
        judgesPerEntry: dto.judgesPerEntry,
      });
      const ids = await this.judging.insertAssignments(plan.assigned.map((a) => ({ competitionId: id, entryId: a.entryId, judgeUserId: a.judgeUserId, assignedByUserId: actor.userId })), manager);
      for (const [i, a] of plan.assigned.entries()) {
        await this.audit.record(manager, actor, {
          action: 'create',
          entityType: 'judge_assignment',
          entityId: ids[i],
          changes: { competitionId: id, entryId: a.entryId, judgeUserId: a.judgeUserId, byCategory: category.name },
        });
      }
      const byEntry = new Map<string, EntryToAssign>(entries.map((e) => [e.entryId, e]));
      const names = new Map((await this.judging.panel(id, manager)).map((j) => [j.userId, j.fullName]));
      const entryRef = (entryId: string) => ({ id: entryId, name: byEntry.get(entryId)?.title ?? '' });
      const schoolRef = (entryId: string) => ({ id: byEntry.get(entryId)?.schoolId ?? '', name: byEntry.get(entryId)?.schoolName ?? '' });
      return {
        assigned: (await this.judging.assignments(id, { ids }, manager)).map(JudgeAssignmentResponse.from),
        skipped: plan.skipped.map((s) => ({
          entry: entryRef(s.entryId),
          school: schoolRef(s.entryId),
          judge: { id: s.judgeUserId, fullName: names.get(s.judgeUserId) ?? '' },
          reasons: s.reasons.map(ConflictReasonResponse.in(lang)),
        })),
        unfilled: plan.unfilled.map((u) => ({ entry: entryRef(u.entryId), school: schoolRef(u.entryId), wanted: u.wanted, assigned: u.assigned })),
      };
    });
  }

  /** The assignments of a competition: every one for its CSR officers and admins, a judge's own for a judge. */
  async assignments(actor: Actor, id: string): Promise<JudgeAssignmentListResponse> {
    const competition = await this.competitions.findVisible(actor, id);
    if (!competition || !['csr_officer', 'admin', 'judge'].includes(actor.role)) throw AppError.notFound('competition', id);
    const rows = await this.judging.assignments(id, { judgeUserId: actor.role === 'judge' ? actor.userId : undefined });
    return { items: rows.map(JudgeAssignmentResponse.from) };
  }

  /** Takes a judge off one entry, with their scores of it (CSR officer of the company). */
  async removeAssignment(actor: Actor, id: string, assignmentId: string): Promise<void> {
    requireCsrOfficer(actor, MANAGE_PANEL);
    await this.dataSource.transaction(async (manager) => {
      const competition = await this.lockedCompetition(actor, id, manager);
      requirePanelOpen(competition);
      const assignment = await this.judging.findAssignment(id, assignmentId, manager);
      if (!assignment) throw AppError.notFound('judge assignment', assignmentId);
      await this.judging.deleteAssignments([assignment.id], manager);
      await this.audit.record(manager, actor, {
        action: 'delete',
        entityType: 'judge_assignment',
        entityId: assignment.id,
        changes: { competitionId: id, entryId: assignment.entryId, judgeUserId: assignment.judgeUserId, hadScores: assignment.scored },
      });
    });
  }

  /**
   * A judge declares a conflict of interest with a school: from then on they are kept away from its
   * entries, and their assignments to them (with any scores) are removed.
   */
  async declareConflict(actor: Actor, id: string, dto: DeclareConflictDto): Promise<DeclarationResponse> {
    requireJudge(actor, { en: 'declare a conflict of interest', id: 'menyatakan konflik kepentingan' });
    try {
      return await this.dataSource.transaction(async (manager) => {
        const competition = await this.lockedCompetition(actor, id, manager);
        requirePanelOpen(competition);
        const school = await manager.findOne(Organization, { where: { id: dto.schoolId } });
        if (!school || school.type !== 'school') {
          throw AppError.field('schoolId', 'not_a_school', 'schoolId must name a school; pick one from GET /api/v1/organizations?type=school', 'schoolId harus menunjuk sekolah; pilih dari GET /api/v1/organizations?type=school');
        }
        const existing = await this.judging.findDeclaration(id, actor.userId, school.id, manager);
        if (existing) throw this.alreadyDeclared(existing.id, school.name);
        const declaration = await this.judging.insertDeclaration({ competitionId: id, judgeUserId: actor.userId, schoolId: school.id, reason: dto.reason }, manager);
        const removed = await this.judging.assignmentsForSchool(id, actor.userId, school.id, manager);
        await this.judging.deleteAssignments(removed.map((a) => a.id), manager);
        await this.audit.record(manager, actor, {
          action: 'create',
          entityType: 'conflict_declaration',
          entityId: declaration.id,
          changes: { competitionId: id, judgeUserId: actor.userId, schoolId: school.id, reason: dto.reason, removedAssignments: removed.map((a) => a.id) },
        });
        for (const a of removed) {
          await this.audit.record(manager, actor, {
            action: 'delete',
            entityType: 'judge_assignment',
            entityId: a.id,
            changes: { competitionId: id, entryId: a.entryId, judgeUserId: a.judgeUserId, hadScores: a.scored, because: 'declared conflict of interest' },
          });
        }
        const judge = await this.judging.findUser(actor.userId, manager);
        return {
          id: declaration.id,
          competitionId: id,
          judge: { id: actor.userId, fullName: judge?.fullName ?? '' },
          school: { id: school.id, name: school.name },
          reason: declaration.reason,
          declaredAt: declaration.declaredAt.toISOString(),
          removedFromEntries: removed.map((a) => ({ id: a.entryId, name: a.entryTitle })),
        };
      });
    } catch (err) {
      if (isUniqueViolation(err, 'conflict_declarations_key')) {
        const existing = await this.judging.findDeclaration(id, actor.userId, dto.schoolId);
        if (existing) throw this.alreadyDeclared(existing.id, 'this school');
      }
      throw err;
    }
  }

  /**
   * Which judges of the panel are kept away from which schools that entered (or were declared), and
   * why: all of them for CSR officers and admins, a judge's own for a judge.
   */
  async conflictList(actor: Actor, id: string, lang: Lang = 'en'): Promise<JudgeConflictListResponse> {
    const competition = await this.competitions.findVisible(actor, id);
    if (!competition || !['csr_officer', 'admin', 'judge'].includes(actor.role)) throw AppError.notFound('competition', id);
    const manager = this.dataSource.manager;
    const judgeId = actor.role === 'judge' ? actor.userId : null;
    const judges = judgeId ? [judgeId] : await this.judging.panelIds(id, manager);
    const schools = [...new Set([...(await this.judging.schoolsWithEntries(id, manager)), ...(await this.judging.declaredSchools(id, judgeId, manager))])];
    const facts = await this.judging.conflictFacts(id, competition.year, judges, schools, manager);
    const map = toConflictMap(facts, competition.year);
    return {
      items: facts
        .filter((f) => map.get(f.judgeUserId)?.has(f.schoolId))
        .map((f) => ({
          judge: { id: f.judgeUserId, fullName: f.judgeName },
          school: { id: f.schoolId, name: f.schoolName },
          reasons: (map.get(f.judgeUserId)?.get(f.schoolId) ?? []).map(ConflictReasonResponse.in(lang)),
        })),
    };
  }

  /**
   * A judge's full score sheet for an assigned entry: every criterion once, each a whole number from
   * 0 to its maximum; while judging, until judging ends; never while conflicted. Scores already given
   * are replaced.
   */
  async putScores(actor: Actor, entryId: string, dto: PutScoresDto): Promise<ScoreSheetResponse> {
    requireJudge(actor, { en: 'score entries', id: 'menilai karya' });
    return this.dataSource.transaction(async (manager) => {
      const seen = await this.entries.findVisible(actor, entryId, manager);
      if (!seen) throw AppError.notFound('competition entry', entryId);
      const competition = await this.competitions.findVisible(actor, seen.competitionId, manager, 'share');
      const entry = competition && (await this.entries.findVisible(actor, entryId, manager));
      if (!competition || !entry) throw AppError.notFound('competition entry', entryId);
      const refusal = refuseScoring(competition, this.clock.now());
      if (refusal) throw AppError.rule(refusal.en, refusal.id);
      const reasons = (await this.conflicts(competition, [actor.userId], [entry.schoolId], manager)).get(actor.userId)?.get(entry.schoolId) ?? [];
      if (reasons.length > 0) {
        throw AppError.rule(
          `you may not score this entry because of a conflict of interest: ${reasons.map((r) => r.en).join('; ')}. Ask the CSR officer to assign another judge`,
          `Anda tidak boleh menilai karya ini karena konflik kepentingan: ${reasons.map((r) => r.id).join('; ')}. Minta petugas CSR menugaskan juri lain`,
        );
      }
      const criteria = await this.competitions.criteriaOf(competition.id, manager);
      this.checkSheet(dto, criteria);
      const before = await this.judging.scoresOf(entryId, actor.userId, manager);
      const sent = dto.scores.map((s) => ({ criterionId: s.criterionId.toLowerCase(), score: s.score, comment: s.comment || null }));
      await this.judging.upsertScores(entryId, actor.userId, sent, manager);
      const old = new Map(before.map((r) => [r.criterionId, r.score]));
      const changes: Record<string, { from: number | null; to: number }> = {};
      for (const c of criteria) {
        const to = sent.find((s) => s.criterionId === c.id)?.score as number;
        if (old.get(c.id) !== to) changes[c.name] = { from: old.get(c.id) ?? null, to };
      }
      await this.audit.record(manager, actor, {
        action: before.length === 0 ? 'create' : 'update',
        entityType: 'entry_score',
        entityId: entryId,
        changes: { competitionId: competition.id, judgeUserId: actor.userId, scores: changes },
      });
      return ScoreSheetResponse.list(await this.judging.scoresOf(entryId, actor.userId, manager))[0];
    });
  }

  /**
   * The scores of an entry: a judge sees only their own sheet (never another judge's); the CSR
   * officer of the company (and admins) every judge's, with names; anyone else gets 404.
   */
  async scores(actor: Actor, entryId: string): Promise<ScoreSheetListResponse> {
    const entry = await this.entries.findVisible(actor, entryId);
    if (!entry || !['csr_officer', 'admin', 'judge'].includes(actor.role)) throw AppError.notFound('competition entry', entryId);
    const rows = await this.judging.scoresOf(entryId, actor.role === 'judge' ? actor.userId : null);
    return { items: ScoreSheetResponse.list(rows) };
  }

  /** Conflicts of the judges with the schools, by judge then school (the one SQL query, then the rule's reasons). */
  async conflicts(competition: Pick<CompetitionRow, 'id' | 'year'>, judgeIds: readonly string[], schoolIds: readonly string[], manager: EntityManager): Promise<ConflictMap> {
    return toConflictMap(await this.judging.conflictFacts(competition.id, competition.year, judgeIds, schoolIds, manager), competition.year);
  }

  /** Every criterion once, known to the rubric, within 0..maxScore; every problem named at once. */
  private checkSheet(dto: PutScoresDto, criteria: ReadonlyArray<{ id: string; name: string; maxScore: number }>): void {
    const errors: RawFieldError[] = [];
    const byId = new Map(criteria.map((c) => [c.id, c]));
    const seen = new Set<string>();
    dto.scores.forEach((s, i) => {
      const criterion = byId.get(s.criterionId.toLowerCase());
      if (!criterion) {
        errors.push({
          field: `scores[${i}].criterionId`,
          code: 'unknown_criterion',
          message: { en: `scores[${i}].criterionId names no criterion of this competition's rubric`, id: `scores[${i}].criterionId tidak menunjuk kriteria dalam rubrik kompetisi ini` },
        });
        return;
      }
      if (seen.has(criterion.id)) {
        errors.push({
          field: `scores[${i}].criterionId`,
          code: 'duplicate_criterion',
          message: { en: `scores[${i}] scores "${criterion.name}" again; score each criterion once`, id: `scores[${i}] menilai "${criterion.name}" lagi; nilai setiap kriteria sekali saja` },
        });
      }
      seen.add(criterion.id);
      if (s.score > criterion.maxScore) {
        errors.push({
          field: `scores[${i}].score`,
          code: 'above_max_score',
          message: {
            en: `scores[${i}].score ${s.score} is above the maximum of "${criterion.name}": give a whole number from 0 to ${criterion.maxScore}`,
            id: `scores[${i}].score ${s.score} melebihi nilai maksimum "${criterion.name}": isi bilangan bulat dari 0 sampai ${criterion.maxScore}`,
          },
        });
      }
    });
    const missing = criteria.filter((c) => !seen.has(c.id));
    if (missing.length > 0 && errors.length === 0) {
      const names = missing.map((c) => `"${c.name}" (${c.id})`).join(', ');
      errors.push({
        field: 'scores',
        code: 'criteria_missing',
        message: { en: `a score sheet covers every criterion of the rubric; add ${names}`, id: `lembar nilai mencakup setiap kriteria rubrik; tambahkan ${names}` },
      });
    }
    if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
  }

  private async lockedCompetition(actor: Actor, id: string, manager: EntityManager): Promise<CompetitionRow> {
    const competition = await this.competitions.findVisible(actor, id, manager, 'update');
    if (!competition) throw AppError.notFound('competition', id);
    return competition;
  }

  private notOnPanelError(field: string, id: string): RawFieldError {
    return {
      field,
      code: 'not_on_panel',
      message: {
        en: `${field} names no judge on this competition's panel; add them first with POST /api/v1/competitions/${id}/judges`,
        id: `${field} tidak menunjuk juri dalam panel kompetisi ini; tambahkan dulu dengan POST /api/v1/competitions/${id}/judges`,
      },
    };
  }

  private notOnPanel(field: string, id: string): AppError {
    return new AppError('validation_failed', {}, [this.notOnPanelError(field, id)]);
  }

  private alreadyOnPanel(name: string, userId: string): DuplicateRecordError {
    return new DuplicateRecordError('judge_on_panel', userId, {
      en: `${name} is already on the panel of this competition; nothing to add`,
      id: `${name} sudah ada dalam panel kompetisi ini; tidak ada yang perlu ditambahkan`,
    });
  }

  private alreadyAssigned(assignmentId: string): DuplicateRecordError {
    return new DuplicateRecordError('assignment_exists', assignmentId, {
      en: `this judge is already assigned to this entry (assignment ${assignmentId}); nothing to add`,
      id: `juri ini sudah ditugaskan pada karya ini (penugasan ${assignmentId}); tidak ada yang perlu ditambahkan`,
    });
  }

  private alreadyDeclared(declarationId: string, schoolName: string): DuplicateRecordError {
    return new DuplicateRecordError('conflict_already_declared', declarationId, {
      en: `you already declared a conflict of interest with ${schoolName} in this competition (declaration ${declarationId})`,
      id: `Anda sudah menyatakan konflik kepentingan dengan ${schoolName} dalam kompetisi ini (pernyataan ${declarationId})`,
    });
  }
}
