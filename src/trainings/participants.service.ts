import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { updateIfVersion } from '../common/database/optimistic';
import { AppError, RawFieldError } from '../common/errors/app-error';
import { DuplicateRecordError } from '../common/errors/duplicate-record';
import type { AddParticipantDto, MyResponsesDto, NominateDto, UpdateParticipantDto } from './dto/participant-input.dto';
import { ParticipantResponse } from './dto/participant.response';
import { mergeSatisfaction, refuseClosedTraining, requireManager, scoreProblem } from './training-rules';
import type { ParticipantRole } from './training-participant.entity';
import { TrainingParticipant } from './training-participant.entity';
import { ParticipantRow, TrainingRow, TrainingsRepository } from './trainings.repository';

function alreadyParticipant(existingId: string, name: string, title: string): DuplicateRecordError {
  return new DuplicateRecordError('participant_exists', existingId, {
    en: `${name} is already a participant of "${title}" (id ${existingId}); change that participant instead`,
    id: `${name} sudah menjadi peserta "${title}" (id ${existingId}); ubah data peserta tersebut`,
  });
}

function notAParticipant(trainingId: string): AppError {
  return AppError.notFound('training participant', trainingId);
}

/** A participant to add, after its user and school were checked. */
interface NewParticipant {
  userId: string | null;
  externalName: string | null;
  name: string;
  role: ParticipantRole;
  schoolId: string | null;
  schoolName: string | null;
  attended: boolean | null;
  nominatedByUserId: string | null;
}

/** The scores and answers of a participant as a change asks for them. */
interface Responses {
  preScore?: number | null;
  postScore?: number | null;
  satisfaction?: Record<string, unknown>;
}

/** The participants of trainings: added by the organiser, nominated by CSR officers against quotas, answering for themselves. */
@Injectable()
export class ParticipantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trainings: TrainingsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Adds a user or an external person to a training (its organiser), within the school's quota. */
  async add(actor: Actor, trainingId: string, dto: AddParticipantDto): Promise<ParticipantResponse> {
    return this.dataSource.transaction(async (manager) => {
      const training = await this.visibleTraining(actor, trainingId, manager);
      requireManager(actor, training, { en: 'add participants', id: 'menambah peserta' });
      refuseClosedTraining(training);
      if ((dto.userId === undefined) === (dto.externalName === undefined)) {
        throw AppError.field(
          dto.userId === undefined ? 'externalName' : 'userId',
          'user_or_external',
          'give either userId (someone with an account) or externalName (someone without), not both and not neither',
          'isi salah satu: userId (yang memiliki akun) atau externalName (yang tidak), bukan keduanya dan bukan tidak sama sekali',
        );
      }
      const who = dto.userId !== undefined ? await this.userParticipant(actor, training, dto.userId, dto.schoolId, manager) : await this.externalParticipant(dto.externalName as string, dto.schoolId, manager);
      return this.insert(actor, training, { ...who, role: dto.role, attended: dto.attended ?? null, nominatedByUserId: null }, manager);
    });
  }

  /**
   * Nominates a user of a partner school (CSR officer of the organising company or of the
   * program's company). The training row is locked while the school's participants are counted,
   * so concurrent nominations can never exceed the quota.
   */
  async nominate(actor: Actor, trainingId: string, dto: NominateDto): Promise<ParticipantResponse> {
    if (actor.role !== 'csr_officer') {
      throw AppError.rule('only a CSR officer nominates participants, in the name of their company', 'hanya petugas CSR yang mencalonkan peserta, atas nama perusahaannya');
    }
    return this.dataSource.transaction(async (manager) => {
      const training = await this.visibleTraining(actor, trainingId, manager);
      if (training.organiserId !== actor.organizationId && training.programCompanyId !== actor.organizationId) {
        throw AppError.rule(
          "only CSR officers of the organising company or of the training's program company nominate for this training",
          'hanya petugas CSR perusahaan penyelenggara atau perusahaan pemilik program pelatihan ini yang dapat mencalonkan peserta',
        );
      }
      refuseClosedTraining(training);
      const [user] = await this.trainings.findUsers([dto.userId], manager);
      // A school's users (principal and teachers alike) hold the principal role: the one role of a school organisation.
      if (!user || user.disabled || user.organizationType !== 'school' || user.role !== 'principal') {
        throw AppError.field('userId', 'not_a_school_user', 'userId must be an active user of a school (a teacher or the principal)', 'userId harus pengguna aktif sebuah sekolah (guru atau kepala sekolah)');
      }
      if (!(await this.trainings.isPartnerSchool(user.organizationId, actor.organizationId, training.programId, manager))) {
        throw AppError.refused(
          'userId',
          'not_a_partner_school',
          `${user.organizationName} is not a partner school of your company${training.programName ? ` in ${training.programName}` : ''}; you can nominate teachers of your partner schools only`,
          `${user.organizationName} bukan sekolah mitra perusahaan Anda${training.programName ? ` dalam ${training.programName}` : ''}; Anda hanya dapat mencalonkan guru dari sekolah mitra`,
        );
      }
      return this.insert(
        actor,
        training,
        {
          userId: user.id,
          externalName: null,
          name: user.fullName,
          role: dto.role ?? 'teacher',
          schoolId: user.organizationId,
          schoolName: user.organizationName,
          attended: null,
          nominatedByUserId: actor.userId,
        },
        manager,
      );
    });
  }

  /** Records attendance, scores (within the scale) and questionnaire answers of a participant (the organiser). */
  async update(actor: Actor, trainingId: string, id: string, dto: UpdateParticipantDto): Promise<ParticipantResponse> {
    return this.dataSource.transaction(async (manager) => {
      const training = await this.visibleTraining(actor, trainingId, manager);
      requireManager(actor, training, { en: 'record attendance and scores', id: 'mencatat kehadiran dan nilai' });
      refuseClosedTraining(training);
      const current = await this.trainings.findParticipant(trainingId, id, manager);
      if (!current) throw AppError.notFound('training participant', id);
      const changes: Partial<TrainingParticipant> = this.responses(training, current, dto);
      if (dto.attended !== undefined) changes.attended = dto.attended;
      if (dto.role !== undefined) changes.role = dto.role;
      const diff = diffFields(this.comparable(current), changes);
      if (!(await updateIfVersion(manager, TrainingParticipant, id, dto.version, changes as QueryDeepPartialEntity<TrainingParticipant>))) {
        throw new AppError('stale_version', { sent: dto.version, current: current.version });
      }
      await this.audit.record(manager, actor, { action: 'update', entityType: 'training_participant', entityId: id, changes: { trainingId, ...diff } });
      return ParticipantResponse.from((await this.trainings.findParticipant(trainingId, id, manager)) as ParticipantRow);
    });
  }

  /** A participant enters their own pre/post scores and questionnaire answers; fields left out keep their value. */
  async respond(actor: Actor, trainingId: string, dto: MyResponsesDto): Promise<ParticipantResponse> {
    return this.dataSource.transaction(async (manager) => {
      const training = await this.trainings.findVisible(actor, trainingId, manager);
      if (!training) throw notAParticipant(trainingId);
      const current = await this.trainings.findOwn(trainingId, actor.userId, manager);
      if (!current) throw notAParticipant(trainingId);
      refuseClosedTraining(training);
      const changes = this.responses(training, current, dto);
      const diff = diffFields(this.comparable(current), changes);
      await this.trainings.setResponses(current.id, changes as QueryDeepPartialEntity<TrainingParticipant>, manager);
      await this.audit.record(manager, actor, { action: 'update', entityType: 'training_participant', entityId: current.id, changes: { trainingId, self: true, ...diff } });
      return ParticipantResponse.from((await this.trainings.findParticipant(trainingId, current.id, manager)) as ParticipantRow);
    });
  }

  /** Removes a participant (the organiser), freeing their school's quota place. */
  async remove(actor: Actor, trainingId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const training = await this.visibleTraining(actor, trainingId, manager);
      requireManager(actor, training, { en: 'remove participants', id: 'menghapus peserta' });
      refuseClosedTraining(training);
      await this.trainings.lock(trainingId, manager);
      const current = await this.trainings.findParticipant(trainingId, id, manager);
      if (!current) throw AppError.notFound('training participant', id);
      await this.trainings.deleteParticipant(trainingId, id, manager);
      await this.audit.record(manager, actor, {
        action: 'delete',
        entityType: 'training_participant',
        entityId: id,
        changes: { trainingId, userId: current.userId, fullName: current.fullName, schoolId: current.schoolId, role: current.role },
      });
    });
  }

  private async visibleTraining(actor: Actor, id: string, manager: EntityManager): Promise<TrainingRow> {
    const training = await this.trainings.findVisible(actor, id, manager);
    if (!training) throw AppError.notFound('training', id);
    return training;
  }

  /**
   * Inserts a participant with the training row locked: the school's count is taken and the row
   * written before anyone else can count, so a full quota is a 422 naming it.
   */
  private async insert(actor: Actor, training: TrainingRow, p: NewParticipant, manager: EntityManager): Promise<ParticipantResponse> {
    await this.trainings.lock(training.id, manager);
    if (p.userId !== null) {
      const existing = await this.trainings.findByUser(training.id, p.userId, manager);
      if (existing) throw alreadyParticipant(existing, p.name, training.title);
    }
    if (training.quotaPerSchool !== null && p.schoolId !== null) {
      const taken = await this.trainings.countForSchool(training.id, p.schoolId, manager);
      if (taken >= training.quotaPerSchool) {
        throw AppError.rule(
          `the quota of ${training.quotaPerSchool} participant(s) per school is full for ${p.schoolName} (${taken} of ${training.quotaPerSchool} places taken); remove a participant of that school first, or ask the organiser to raise the quota`,
          `kuota ${training.quotaPerSchool} peserta per sekolah sudah penuh untuk ${p.schoolName} (${taken} dari ${training.quotaPerSchool} tempat terisi); hapus dulu peserta sekolah tersebut, atau minta penyelenggara menaikkan kuota`,
        );
      }
    }
    const fields = { trainingId: training.id, userId: p.userId, externalName: p.externalName, role: p.role, schoolId: p.schoolId, attended: p.attended, nominatedByUserId: p.nominatedByUserId };
    const id = await this.trainings.insertParticipant(fields, manager);
    await this.audit.record(manager, actor, { action: 'create', entityType: 'training_participant', entityId: id, changes: { ...fields, fullName: p.name, nominated: p.nominatedByUserId !== null } });
    return ParticipantResponse.from((await this.trainings.findParticipant(training.id, id, manager)) as ParticipantRow);
  }

  /** A user as participant: their school is their organisation when it is a school. */
  /** A user the organiser may name (see `nameableUsers`); missing and out of reach answer the same. */
  private async userParticipant(
    actor: Actor,
    training: TrainingRow,
    userId: string,
    schoolId: string | undefined,
    manager: EntityManager,
  ): Promise<Omit<NewParticipant, 'role' | 'attended' | 'nominatedByUserId'>> {
    const [user] = await this.trainings.findUsers([userId], manager);
    const reachable = actor.role === 'admin' || (user !== undefined && (await this.trainings.nameableUsers([user.id], training.organiserId, training.programId, manager)).has(user.id));
    if (!user || user.disabled || !reachable) {
      throw AppError.field(
        'userId',
        'unknown_user',
        "userId names no active user you can add (users of your organisation, of the partner schools and their education offices, of the program's company and facilitator organisations); add an external person with externalName instead",
        'userId tidak menunjuk pengguna aktif yang dapat Anda tambahkan (pengguna organisasi Anda, sekolah mitra dan dinas pendidikannya, perusahaan dan organisasi fasilitator program); tambahkan orang luar dengan externalName',
      );
    }
    if (user.organizationType === 'school') {
      if (schoolId !== undefined && schoolId !== user.organizationId) {
        throw AppError.field('schoolId', 'not_their_school', `${user.fullName} is a user of ${user.organizationName}; leave schoolId out or give that school`, `${user.fullName} adalah pengguna ${user.organizationName}; kosongkan schoolId atau isi sekolah tersebut`);
      }
      return { userId: user.id, externalName: null, name: user.fullName, schoolId: user.organizationId, schoolName: user.organizationName };
    }
    const school = schoolId === undefined ? null : await this.school(schoolId, manager);
    return { userId: user.id, externalName: null, name: user.fullName, schoolId: school?.id ?? null, schoolName: school?.name ?? null };
  }

  private async externalParticipant(name: string, schoolId: string | undefined, manager: EntityManager): Promise<Omit<NewParticipant, 'role' | 'attended' | 'nominatedByUserId'>> {
    const school = schoolId === undefined ? null : await this.school(schoolId, manager);
    return { userId: null, externalName: name, name, schoolId: school?.id ?? null, schoolName: school?.name ?? null };
  }

  private async school(id: string, manager: EntityManager): Promise<{ id: string; name: string }> {
    const org = await this.trainings.findOrganization(id, manager);
    if (!org || org.type !== 'school') throw AppError.field('schoolId', 'not_a_school', 'schoolId names no school; pick one from GET /api/v1/organizations?type=school', 'schoolId tidak menunjuk sekolah; pilih dari GET /api/v1/organizations?type=school');
    return { id: org.id, name: org.name };
  }

  /** Scores within the scale and answers merged into the stored ones; every problem at once. */
  private responses(training: TrainingRow, current: ParticipantRow, dto: Responses): Partial<TrainingParticipant> {
    const errors: RawFieldError[] = [];
    for (const field of ['preScore', 'postScore'] as const) {
      const problem = scoreProblem(field, dto[field], training);
      if (problem) errors.push(problem);
    }
    const changes: Partial<TrainingParticipant> = {};
    if (dto.preScore !== undefined) changes.preScore = dto.preScore === null ? null : dto.preScore.toFixed(2);
    if (dto.postScore !== undefined) changes.postScore = dto.postScore === null ? null : dto.postScore.toFixed(2);
    if (dto.satisfaction !== undefined) changes.satisfaction = mergeSatisfaction(current.satisfaction ?? {}, dto.satisfaction, training.questionnaire, errors);
    if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
    return changes;
  }

  /** The stored fields of a participant in the shape changes are written, for the audit diff. */
  private comparable(p: ParticipantRow): Partial<TrainingParticipant> {
    return { attended: p.attended, role: p.role, preScore: p.preScore === null ? null : Number(p.preScore).toFixed(2), postScore: p.postScore === null ? null : Number(p.postScore).toFixed(2), satisfaction: p.satisfaction };
  }
}
