import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { AppError, RawFieldError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import { isEditable, refusePhaseMove } from './competition-phase';
import type { CompetitionPhase } from './competition-phase';
import { requireCsrOfficer } from './competition-scope';
import { CompetitionRow, CompetitionsRepository } from './competitions.repository';
import type { ChangePhaseDto } from './dto/change-phase.dto';
import type { CategoryInputDto, CriterionInputDto } from './dto/competition-fields';
import { CompetitionDetailResponse, CompetitionResponse } from './dto/competition.response';
import type { CreateCompetitionDto } from './dto/create-competition.dto';
import type { ListCompetitionsQuery } from './dto/list-competitions.query';
import type { UpdateCompetitionDto } from './dto/update-competition.dto';
import { ResultsService } from './results.service';
import { duplicateNames, refuseWeights } from './rubric';
import { MailService } from '../mail/mail.service';

/** The dates of a competition: entries open, then close, then judging ends. */
interface Dates {
  entriesOpenAt: Date;
  entriesCloseAt: Date;
  judgingEndsAt: Date;
}

function checkDates(d: Dates): RawFieldError[] {
  const errors: RawFieldError[] = [];
  if (d.entriesCloseAt <= d.entriesOpenAt) {
    errors.push({
      field: 'entriesCloseAt',
      code: 'close_before_open',
      message: {
        en: `entriesCloseAt ${d.entriesCloseAt.toISOString()} must be after entriesOpenAt ${d.entriesOpenAt.toISOString()}: schools need time to submit`,
        id: `entriesCloseAt ${d.entriesCloseAt.toISOString()} harus sesudah entriesOpenAt ${d.entriesOpenAt.toISOString()}: sekolah memerlukan waktu untuk mengirim karya`,
      },
    });
  }
  if (d.judgingEndsAt <= d.entriesCloseAt) {
    errors.push({
      field: 'judgingEndsAt',
      code: 'judging_before_close',
      message: {
        en: `judgingEndsAt ${d.judgingEndsAt.toISOString()} must be after entriesCloseAt ${d.entriesCloseAt.toISOString()}: judging follows the entry deadline`,
        id: `judgingEndsAt ${d.judgingEndsAt.toISOString()} harus sesudah entriesCloseAt ${d.entriesCloseAt.toISOString()}: penjurian berlangsung setelah batas waktu pendaftaran karya`,
      },
    });
  }
  return errors;
}

/** The problems of a category list and rubric: repeated names and weights not adding up to 100. */
function checkRubric(categories: readonly CategoryInputDto[] | undefined, criteria: readonly CriterionInputDto[] | undefined): RawFieldError[] {
  const errors: RawFieldError[] = [];
  if (categories) errors.push(...duplicateNames(categories.map((c) => c.name), (i) => `categories[${i}].name`, { en: 'category', id: 'kategori' }));
  if (criteria) {
    errors.push(...duplicateNames(criteria.map((c) => c.name), (i) => `criteria[${i}].name`, { en: 'criterion', id: 'kriteria' }));
    const weights = refuseWeights(criteria.map((c) => c.weight));
    if (weights) errors.push(weights);
  }
  return errors;
}

const criteriaRows = (criteria: readonly CriterionInputDto[]) => criteria.map((c) => ({ name: c.name, description: c.description || null, weight: c.weight, maxScore: c.maxScore }));

@Injectable()
export class CompetitionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly competitions: CompetitionsRepository,
    private readonly results: ResultsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly mail: MailService,
  ) {}

  /**
   * Creates a draft competition of one of the caller's company's program years, with its
   * categories (1–10) and rubric (1–20 criteria whose weights add up to 100) (CSR officer).
   */
  async create(actor: Actor, dto: CreateCompetitionDto): Promise<CompetitionDetailResponse> {
    requireCsrOfficer(actor, { en: 'create a competition', id: 'membuat kompetisi' });
    const dates = { entriesOpenAt: new Date(dto.entriesOpenAt), entriesCloseAt: new Date(dto.entriesCloseAt), judgingEndsAt: new Date(dto.judgingEndsAt) };
    const errors = [...checkRubric(dto.categories, dto.criteria), ...checkDates(dates)];
    if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
    return this.dataSource.transaction(async (manager) => {
      const year = await this.competitions.findCompanyYear(actor.organizationId, dto.programYearId, manager);
      if (!year) {
        throw AppError.field(
          'programYearId',
          'unknown_program_year',
          "programYearId names no year of your company's programs; pick one from GET /api/v1/programs/{id}/years",
          'programYearId tidak menunjuk tahun program perusahaan Anda; pilih dari GET /api/v1/programs/{id}/years',
        );
      }
      const fields = {
        programYearId: year.id,
        companyId: year.companyId,
        title: dto.title,
        level: dto.level,
        phase: 'draft' as const,
        ...dates,
        minJudgesPerEntry: dto.minJudgesPerEntry ?? 2,
      };
      const id = await this.competitions.insert(fields, manager);
      const categories = dto.categories.map((c) => c.name);
      const criteria = criteriaRows(dto.criteria);
      await this.competitions.replaceCategories(id, categories, manager);
      await this.competitions.replaceCriteria(id, criteria, manager);
      await this.audit.record(manager, actor, { action: 'create', entityType: 'competition', entityId: id, changes: { ...fields, year: year.year, categories, criteria } });
      return this.detail(actor, id, manager);
    });
  }

  /**
   * The competitions the caller may see, newest first: CSR officers their company's; judges those
   * they judge; principals, education officers and facilitators those of programs they can see
   * (not drafts); admins all.
   */
  async list(actor: Actor, query: ListCompetitionsQuery): Promise<Page<CompetitionResponse>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.competitions.listPage(actor, { programYearId: query.programYearId, phase: query.phase, after }, limit);
    return toPage(rows, limit, (c) => [c.cursorCreatedAt, c.id], CompetitionResponse.from);
  }

  /** One competition the caller may see, with its categories and rubric. */
  get(actor: Actor, id: string): Promise<CompetitionDetailResponse> {
    return this.detail(actor, id, this.dataSource.manager);
  }

  /** Changes a draft competition, with a version check; categories and criteria replace the lists (CSR officer). */
  async update(actor: Actor, id: string, dto: UpdateCompetitionDto): Promise<CompetitionDetailResponse> {
    requireCsrOfficer(actor, { en: 'change a competition', id: 'mengubah kompetisi' });
    const errors = checkRubric(dto.categories, dto.criteria);
    if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.competitions.findVisible(actor, id, manager, 'update');
      if (!current) throw AppError.notFound('competition', id);
      if (!isEditable(current.phase)) {
        throw AppError.rule(
          `the competition is in phase ${current.phase}: its title, dates, categories and rubric are fixed once it opens, so schools and judges work from the same rules`,
          `kompetisi berada di fase ${current.phase}: judul, tanggal, kategori dan rubriknya tetap setelah dibuka, agar sekolah dan juri bekerja dengan aturan yang sama`,
        );
      }
      const changes: Partial<Pick<CompetitionRow, 'title' | 'level' | 'entriesOpenAt' | 'entriesCloseAt' | 'judgingEndsAt' | 'minJudgesPerEntry'>> = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.level !== undefined) changes.level = dto.level;
      if (dto.minJudgesPerEntry !== undefined) changes.minJudgesPerEntry = dto.minJudgesPerEntry;
      for (const key of ['entriesOpenAt', 'entriesCloseAt', 'judgingEndsAt'] as const) if (dto[key] !== undefined) changes[key] = new Date(dto[key] as string);
      const dateErrors = checkDates({ ...current, ...changes });
      if (dateErrors.length > 0) throw new AppError('validation_failed', {}, dateErrors);
      const diff: Record<string, unknown> = diffFields(current, changes);
      if (!(await this.competitions.update(id, dto.version, changes, manager))) throw new AppError('stale_version', { sent: dto.version, current: current.version });
      if (dto.categories) {
        const before = (await this.competitions.categoriesOf(id, manager)).map((c) => c.name);
        await this.competitions.replaceCategories(id, dto.categories.map((c) => c.name), manager);
        diff.categories = { from: before, to: dto.categories.map((c) => c.name) };
      }
      if (dto.criteria) {
        const before = (await this.competitions.criteriaOf(id, manager)).map((c) => ({ name: c.name, weight: Number(c.weight), maxScore: c.maxScore }));
        await this.competitions.replaceCriteria(id, criteriaRows(dto.criteria), manager);
        diff.criteria = { from: before, to: dto.criteria.map((c) => ({ name: c.name, weight: c.weight, maxScore: c.maxScore })) };
      }
      await this.audit.record(manager, actor, { action: 'update', entityType: 'competition', entityId: id, changes: diff });
      return this.detail(actor, id, manager);
    });
  }

  /**
   * Moves a competition one phase forward (CSR officer): opening needs a category and a valid
   * rubric; publishing computes the results and freezes them with the scores; closing follows
   * publication. Every change is audited.
   */
  async changePhase(actor: Actor, id: string, dto: ChangePhaseDto): Promise<CompetitionDetailResponse> {
    requireCsrOfficer(actor, { en: 'change the phase of a competition', id: 'mengubah fase kompetisi' });
    return this.dataSource.transaction(async (manager) => {
      const competition = await this.competitions.findVisible(actor, id, manager, 'update');
      if (!competition) throw AppError.notFound('competition', id);
      const refusal = refusePhaseMove(competition.phase, dto.phase);
      if (refusal) throw AppError.rule(refusal.en, refusal.id);
      const extra: Record<string, unknown> = {};
      if (dto.phase === 'open') await this.checkReadyToOpen(id, manager);
      let publishedAt: Date | null = null;
      if (dto.phase === 'published') {
        extra.results = await this.results.freeze(competition, manager);
        publishedAt = this.clock.now();
        extra.publishedAt = publishedAt.toISOString();
      }
      await this.competitions.setPhase(id, dto.phase, publishedAt, manager);
      if (dto.phase === 'published') {
        const schools = (await manager.query(`SELECT DISTINCT school_id FROM competition_entries WHERE competition_id = $1`, [id])) as Array<{ school_id: string }>;
        await this.mail.enqueueForUsers(manager, await this.mail.organizationUsers(manager, schools.map((r) => r.school_id), ['principal']), {
          kind: 'competition_results_published',
          params: { competitionId: id, title: competition.title, companyName: competition.companyName, year: competition.year },
          entityType: 'competition',
          entityId: id,
        });
      }
      await this.audit.record(manager, actor, {
        action: 'state_change',
        entityType: 'competition',
        entityId: id,
        changes: { phase: { from: competition.phase, to: dto.phase }, ...extra },
      });
      return this.detail(actor, id, manager);
    });
  }

  /** A competition opens for entries only with at least one category and a rubric whose weights add up to 100. */
  private async checkReadyToOpen(id: string, manager: EntityManager): Promise<void> {
    const categories = await this.competitions.categoriesOf(id, manager);
    const criteria = await this.competitions.criteriaOf(id, manager);
    const problems: string[] = [];
    const masalah: string[] = [];
    if (categories.length === 0) {
      problems.push('it has no category');
      masalah.push('belum ada kategori');
    }
    if (criteria.length === 0) {
      problems.push('its rubric has no criterion');
      masalah.push('rubriknya belum memiliki kriteria');
    } else {
      const weights = refuseWeights(criteria.map((c) => Number(c.weight)));
      if (weights) {
        problems.push(weights.message.en);
        masalah.push(weights.message.id);
      }
    }
    if (problems.length === 0) return;
    const phase: CompetitionPhase = 'open';
    throw AppError.rule(
      `the competition cannot move to ${phase} yet: ${problems.join('; ')}. Fix it with PATCH /api/v1/competitions/${id} while it is a draft`,
      `kompetisi belum dapat berpindah ke ${phase}: ${masalah.join('; ')}. Perbaiki dengan PATCH /api/v1/competitions/${id} selama masih draf`,
    );
  }

  private async detail(actor: Actor, id: string, manager: EntityManager): Promise<CompetitionDetailResponse> {
    const row = await this.competitions.findVisible(actor, id, manager);
    if (!row) throw AppError.notFound('competition', id);
    return CompetitionDetailResponse.of(row, await this.competitions.categoriesOf(id, manager), await this.competitions.criteriaOf(id, manager));
  }
}
