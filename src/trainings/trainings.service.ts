import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { updateIfVersion } from '../common/database/optimistic';
import { AppError, RawFieldError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import type { ListParticipantsQuery } from './dto/list-participants.query';
import type { ListTrainingsQuery } from './dto/list-trainings.query';
import { ParticipantResponse } from './dto/participant.response';
import { TrainingEvaluationResponse } from './dto/evaluation.response';
import type { CreateTrainingDto, QuestionnaireItemDto, UpdateTrainingDto } from './dto/training-input.dto';
import { TrainingResponse } from './dto/training.response';
import { evaluateTraining } from './evaluation';
import { refuseClosedTraining, requireManager, seesAllParticipants } from './training-rules';
import { QuestionnaireItem, Training } from './training.entity';
import { TrainingLevel, TrainingRow, TrainingsRepository, VisibleYear } from './trainings.repository';

type FieldErrors = RawFieldError[];
const push = (errors: FieldErrors, field: string, code: string, en: string, id: string) => errors.push({ field, code, message: { en, id } });

/** The settings of a training as they will be stored, checked together. */
interface Settings {
  level: TrainingLevel;
  startsOn: string;
  endsOn: string;
  venue: string | null;
  online: boolean;
  scoreMin: number;
  scoreMax: number;
  quotaPerSchool: number | null;
}

/** Rules between fields: dates in order, a venue unless online, a real scale, quotas on national trainings only. */
function checkSettings(s: Settings, errors: FieldErrors): void {
  if (s.endsOn < s.startsOn) {
    push(errors, 'endsOn', 'ends_before_start', `endsOn ${s.endsOn} is before startsOn ${s.startsOn}; a one-day training starts and ends on the same day`, `endsOn ${s.endsOn} sebelum startsOn ${s.startsOn}; pelatihan satu hari dimulai dan berakhir pada hari yang sama`);
  }
  if (!s.online && !s.venue) {
    push(errors, 'venue', 'venue_or_online', 'say where the training is held (venue), or send online: true', 'sebutkan tempat pelatihan (venue), atau kirim online: true');
  }
  if (s.scoreMax <= s.scoreMin) {
    push(errors, 'scoreMax', 'scale_empty', `scoreMax ${s.scoreMax} must be above scoreMin ${s.scoreMin}, e.g. 0–100`, `scoreMax ${s.scoreMax} harus lebih besar dari scoreMin ${s.scoreMin}, misalnya 0–100`);
  }
  if (s.quotaPerSchool !== null && s.level !== 'national') {
    push(errors, 'quotaPerSchool', 'national_only', `a quota per school is for national trainings; this one is ${s.level}, so leave quotaPerSchool out or make it national`, `kuota per sekolah hanya untuk pelatihan nasional; pelatihan ini ${s.level}, jadi kosongkan quotaPerSchool atau jadikan nasional`);
  }
}

/** Organisers are companies (their CSR officers) and facilitator organisations (their facilitators). */
function requireOrganiser(actor: Actor): void {
  if ((actor.role === 'csr_officer' && actor.organizationType === 'company') || (actor.role === 'facilitator' && actor.organizationType === 'facilitator')) return;
  throw AppError.rule(
    "trainings are organised in the name of a company or a facilitator organisation; sign in as its CSR officer or facilitator",
    'pelatihan diselenggarakan atas nama perusahaan atau organisasi fasilitator; masuk sebagai petugas CSR atau fasilitatornya',
  );
}

@Injectable()
export class TrainingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trainings: TrainingsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Creates a training organised by the caller's organisation (CSR officer or facilitator), with its
   * score scale and questionnaire (each item gets a server id); optionally in a program year the
   * caller can see, and with a per-school quota when it is national.
   */
  async create(actor: Actor, dto: CreateTrainingDto): Promise<TrainingResponse> {
    requireOrganiser(actor);
    return this.dataSource.transaction(async (manager) => {
      const errors: FieldErrors = [];
      const settings: Settings = {
        level: dto.level,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        venue: dto.venue || null,
        online: dto.online ?? false,
        scoreMin: dto.scoreMin ?? 0,
        scoreMax: dto.scoreMax ?? 100,
        quotaPerSchool: dto.quotaPerSchool ?? null,
      };
      checkSettings(settings, errors);
      dto.questionnaire.forEach((item, i) => {
        if (item.id !== undefined) {
          push(errors, `questionnaire[${i}].id`, 'new_item_id', 'leave id out: the server gives each new questionnaire item its id', 'kosongkan id: server memberi id untuk setiap butir kuesioner baru');
        }
      });
      const year = dto.programYearId ? await this.checkYear(actor, dto.programYearId, errors, manager) : null;
      const facilitatorUserIds = await this.checkFacilitators(actor, dto.facilitatorUserIds ?? [], { organiserId: actor.organizationId, programId: year?.programId ?? null }, errors, manager);
      if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
      if (year) refuseClosedTraining({ yearStatus: year.status, year: year.year, programName: year.programName, title: dto.title });
      const fields = {
        title: dto.title,
        ...settings,
        organiserId: actor.organizationId,
        programYearId: year?.id ?? null,
        facilitatorUserIds,
        topic: dto.topic,
        questionnaire: dto.questionnaire.map((q): QuestionnaireItem => ({ id: randomUUID(), text: q.text })),
      };
      const id = await this.trainings.insertTraining({ ...fields, createdByUserId: actor.userId }, manager);
      await this.audit.record(manager, actor, { action: 'create', entityType: 'training', entityId: id, changes: fields });
      return this.detail(actor, id, manager);
    });
  }

  /** Lists the trainings the caller may see, latest start first. */
  async list(actor: Actor, query: ListTrainingsQuery): Promise<Page<TrainingResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['date', 'uuid']) as [string, string] | null;
    const rows = await this.trainings.listPage(actor, { programYearId: query.programYearId, level: query.level, after }, limit);
    return toPage(rows, limit, (r) => [r.startsOn, r.id], TrainingResponse.from);
  }

  /** One training the caller may see. */
  get(actor: Actor, id: string): Promise<TrainingResponse> {
    return this.detail(actor, id, this.dataSource.manager);
  }

  /**
   * Changes a training (its organiser). Questionnaire items sent with their id keep it and their
   * answers; an item with answers cannot be removed; the scale cannot shut out scores already
   * given; the quota cannot go below what a school already has.
   */
  async update(actor: Actor, id: string, dto: UpdateTrainingDto): Promise<TrainingResponse> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.trainings.findVisible(actor, id, manager);
      if (!current) throw AppError.notFound('training', id);
      requireManager(actor, current, { en: 'change the training', id: 'mengubah pelatihan' });
      refuseClosedTraining(current);
      await this.trainings.lock(id, manager);
      const errors: FieldErrors = [];
      const settings: Settings = {
        level: dto.level ?? current.level,
        startsOn: dto.startsOn ?? current.startsOn,
        endsOn: dto.endsOn ?? current.endsOn,
        venue: dto.venue === undefined ? current.venue : dto.venue || null,
        online: dto.online ?? current.online,
        scoreMin: dto.scoreMin ?? current.scoreMin,
        scoreMax: dto.scoreMax ?? current.scoreMax,
        quotaPerSchool: dto.quotaPerSchool === undefined ? current.quotaPerSchool : dto.quotaPerSchool,
      };
      checkSettings(settings, errors);
      const questionnaire = dto.questionnaire ? await this.mergeQuestionnaire(current, dto.questionnaire, errors, manager) : current.questionnaire;
      let year: VisibleYear | null = null;
      if (dto.programYearId) year = await this.checkYear(actor, dto.programYearId, errors, manager);
      const facilitatorUserIds = dto.facilitatorUserIds
        ? await this.checkFacilitators(actor, dto.facilitatorUserIds, { organiserId: current.organiserId, programId: year?.programId ?? current.programId }, errors, manager)
        : undefined;
      if ((settings.scoreMin !== current.scoreMin || settings.scoreMax !== current.scoreMax) && settings.scoreMax > settings.scoreMin) {
        const outside = await this.trainings.scoresOutside(id, settings.scoreMin, settings.scoreMax, manager);
        if (outside > 0) {
          push(errors, 'scoreMax', 'scores_outside', `${outside} score(s) already given lie outside ${settings.scoreMin}–${settings.scoreMax}; correct them first or keep the scale`, `${outside} nilai yang sudah diberikan berada di luar ${settings.scoreMin}–${settings.scoreMax}; perbaiki dulu atau pertahankan skalanya`);
        }
      }
      if (settings.quotaPerSchool !== null && settings.quotaPerSchool !== current.quotaPerSchool) {
        const largest = await this.trainings.largestSchool(id, manager);
        if (largest && largest.n > settings.quotaPerSchool) {
          push(errors, 'quotaPerSchool', 'below_taken', `${largest.schoolName} already has ${largest.n} participants; the quota cannot be lower than that`, `${largest.schoolName} sudah memiliki ${largest.n} peserta; kuota tidak boleh lebih kecil dari itu`);
        }
      }
      if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
      if (year) refuseClosedTraining({ yearStatus: year.status, year: year.year, programName: year.programName, title: current.title });
      const changes: Partial<Training> = { ...settings, questionnaire };
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.topic !== undefined) changes.topic = dto.topic;
      if (dto.programYearId !== undefined) changes.programYearId = year?.id ?? null;
      if (facilitatorUserIds !== undefined) changes.facilitatorUserIds = facilitatorUserIds;
      const diff = diffFields(current as unknown as Partial<Training>, changes);
      if (!(await updateIfVersion(manager, Training, id, dto.version, changes as QueryDeepPartialEntity<Training>))) {
        throw new AppError('stale_version', { sent: dto.version, current: current.version });
      }
      await this.audit.record(manager, actor, { action: 'update', entityType: 'training', entityId: id, changes: diff });
      return this.detail(actor, id, manager);
    });
  }

  /**
   * The participants of a training the caller may see listed, by name: all of them for those who
   * run or oversee it; otherwise the caller, and a principal's or education office's own schools.
   */
  async participants(actor: Actor, id: string, query: ListParticipantsQuery): Promise<Page<ParticipantResponse>> {
    const training = await this.trainings.findVisible(actor, id);
    if (!training) throw AppError.notFound('training', id);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['string', 'uuid']) as [string, string] | null;
    const rows = await this.trainings.listParticipants(actor, id, seesAllParticipants(actor, training), after, limit);
    return toPage(rows, limit, (r) => [r.fullName, r.id], ParticipantResponse.from);
  }

  /** The evaluation of a training the caller may see, over all its participants, by role too. */
  async evaluation(actor: Actor, id: string): Promise<TrainingEvaluationResponse> {
    const training = await this.trainings.findVisible(actor, id);
    if (!training) throw AppError.notFound('training', id);
    const rows = await this.trainings.evaluationRows(id);
    const facts = rows.map((r) => ({
      role: r.role,
      attended: r.attended,
      pre: r.preScore === null ? null : Number(r.preScore),
      post: r.postScore === null ? null : Number(r.postScore),
      satisfaction: r.satisfaction ?? {},
    }));
    return TrainingEvaluationResponse.of(id, { min: training.scoreMin, max: training.scoreMax }, evaluateTraining(facts, training.questionnaire));
  }

  /** A program year the caller can see; problems go to `errors`. */
  private async checkYear(actor: Actor, programYearId: string, errors: FieldErrors, manager: EntityManager): Promise<VisibleYear | null> {
    const year = await this.trainings.findVisibleYear(actor, programYearId, manager);
    if (!year) {
      push(errors, 'programYearId', 'unknown_program_year', 'programYearId names no program year you can see; pick one from GET /api/v1/programs/{id}/years, or leave it out', 'programYearId tidak menunjuk tahun program yang dapat Anda lihat; pilih dari GET /api/v1/programs/{id}/years, atau kosongkan');
    }
    return year;
  }

  /**
   * Every listed user must be an enabled facilitator the organiser may name (see
   * `nameableUsers`); one answer for missing, not a facilitator and out of reach, so the check
   * tells nothing about other organisations' users. Problems go to `errors`.
   */
  private async checkFacilitators(actor: Actor, ids: string[], training: { organiserId: string; programId: string | null }, errors: FieldErrors, manager: EntityManager): Promise<string[]> {
    const users = new Map((await this.trainings.findUsers(ids, manager)).map((u) => [u.id, u]));
    const nameable = actor.role === 'admin' ? null : await this.trainings.nameableUsers(ids, training.organiserId, training.programId, manager);
    ids.forEach((userId, i) => {
      const u = users.get(userId.toLowerCase());
      if (!u || u.role !== 'facilitator' || u.disabled || (nameable !== null && !nameable.has(u.id))) {
        push(
          errors,
          `facilitatorUserIds[${i}]`,
          'not_a_facilitator',
          `facilitatorUserIds[${i}] names no facilitator you can assign: a facilitator of your organisation or of a facilitator organisation of the program`,
          `facilitatorUserIds[${i}] tidak menunjuk fasilitator yang dapat Anda tugaskan: fasilitator organisasi Anda atau organisasi fasilitator program`,
        );
      }
    });
    return ids.map((i) => i.toLowerCase());
  }

  /** Keeps the ids (and answers) of items sent back with their id, gives new items an id, refuses removing answered ones. */
  private async mergeQuestionnaire(current: TrainingRow, items: QuestionnaireItemDto[], errors: FieldErrors, manager: EntityManager): Promise<QuestionnaireItem[]> {
    const known = new Set(current.questionnaire.map((q) => q.id));
    const seen = new Set<string>();
    const merged = items.map((item, i): QuestionnaireItem => {
      if (item.id === undefined) return { id: randomUUID(), text: item.text };
      const id = item.id.toLowerCase();
      if (!known.has(id)) {
        push(errors, `questionnaire[${i}].id`, 'unknown_item', `questionnaire[${i}].id is not an item of this training; leave id out for a new item`, `questionnaire[${i}].id bukan butir pelatihan ini; kosongkan id untuk butir baru`);
      } else if (seen.has(id)) {
        push(errors, `questionnaire[${i}].id`, 'duplicate_item', `questionnaire[${i}].id appears twice; send each item once`, `questionnaire[${i}].id muncul dua kali; kirim setiap butir sekali`);
      }
      seen.add(id);
      return { id, text: item.text };
    });
    const removed = current.questionnaire.filter((q) => !seen.has(q.id));
    const answered = await this.trainings.answersPerItem(current.id, removed.map((q) => q.id), manager);
    for (const q of removed) {
      const n = answered.get(q.id) ?? 0;
      if (n > 0) {
        push(errors, 'questionnaire', 'item_has_answers', `"${q.text}" (id ${q.id}) already has ${n} answer(s) and cannot be removed; send it back with its id`, `"${q.text}" (id ${q.id}) sudah memiliki ${n} jawaban dan tidak dapat dihapus; kirim kembali dengan id-nya`);
      }
    }
    return merged;
  }

  private async detail(actor: Actor, id: string, manager: EntityManager): Promise<TrainingResponse> {
    const row = await this.trainings.findVisible(actor, id, manager);
    if (!row) throw AppError.notFound('training', id);
    return TrainingResponse.from(row);
  }
}
