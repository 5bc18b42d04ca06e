import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { updateIfVersion } from '../common/database/optimistic';
import { AppError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import { IdempotencyService, IdempotentResult } from '../idempotency/idempotency.service';
import { ActionRow, ActionsRepository } from './actions.repository';
import { refuseClosedYear } from './assignments.service';
import { MentoringActionResponse } from './dto/action.response';
import type { CreateMentoringActionDto, UpdateMentoringActionDto } from './dto/action-input.dto';
import type { ListActionsQuery } from './dto/list-actions.query';
import { MentoringAction } from './mentoring-action.entity';
import { refuseActionMove, schoolMayChange } from './mentoring-status';
import type { ActionOwnerSide } from './mentoring-status';
import { SessionsRepository } from './sessions.repository';
import { statusName } from '../common/errors/names';

/** The endpoint whose Idempotency-Key scope it is. */
export const CREATE_ACTION_ENDPOINT = 'POST /api/v1/mentoring/actions';

function dueBeforeSession(dueDate: string, heldOn: string): AppError {
  return AppError.field(
    'dueDate',
    'due_before_session',
    `dueDate ${dueDate} is before the session it follows from (${heldOn}); give a due date on or after ${heldOn}`,
    `dueDate ${dueDate} sebelum sesi asalnya (${heldOn}); beri tenggat pada atau sesudah ${heldOn}`,
  );
}

@Injectable()
export class ActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actions: ActionsRepository,
    private readonly sessions: SessionsRepository,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Adds a follow-up to one of the caller's sessions under an active assignment (the facilitator):
   * owed by the school or the facilitator side, optionally by a named user of that side, due on or
   * after the session. With an Idempotency-Key, once per key: a retry replays the first answer.
   */
  async create(actor: Actor, dto: CreateMentoringActionDto, key?: string): Promise<MentoringActionResponse | IdempotentResult<MentoringActionResponse>> {
    if (actor.role !== 'facilitator') {
      throw AppError.rule(
        "only the session's facilitator adds follow-ups; administrators can read them but do not write them in a facilitator's name",
        'hanya fasilitator sesi yang menambah tindak lanjut; administrator dapat membacanya tetapi tidak menulisnya atas nama fasilitator',
      );
    }
    const payload = { sessionId: dto.sessionId.toLowerCase(), description: dto.description, ownerSide: dto.ownerSide, ownerUserId: dto.ownerUserId?.toLowerCase() ?? null, dueDate: dto.dueDate };
    return this.dataSource.transaction<MentoringActionResponse | IdempotentResult<MentoringActionResponse>>((manager) => {
      const effect = () => this.insertAction(actor, dto, manager);
      return key === undefined ? effect() : this.idempotency.once(manager, actor, { key, endpoint: CREATE_ACTION_ENDPOINT, payload }, 201, effect);
    });
  }

  private async insertAction(actor: Actor, dto: CreateMentoringActionDto, manager: EntityManager): Promise<MentoringActionResponse> {
    const session = await this.sessions.findVisible(actor, dto.sessionId, manager);
    if (!session) {
      throw AppError.field(
        'sessionId',
        'unknown_session',
        'sessionId names no session of yours; pick one from GET /api/v1/mentoring/sessions',
        'sessionId tidak menunjuk sesi Anda; pilih dari GET /api/v1/mentoring/sessions',
      );
    }
    refuseClosedYear(session);
    if (!session.assignmentActive) {
      throw AppError.rule(
        'the assignment of this session has ended; follow-ups are added under an active assignment',
        'penugasan sesi ini sudah berakhir; tindak lanjut ditambahkan pada penugasan yang aktif',
      );
    }
    if (dto.dueDate < session.heldOn) throw dueBeforeSession(dto.dueDate, session.heldOn);
    await this.checkOwner(dto.ownerSide, dto.ownerUserId, { schoolId: session.schoolId, facilitatorOrganizationId: session.facilitatorOrganizationId }, manager);
    const fields = {
      sessionId: session.id,
      assignmentId: session.assignmentId,
      description: dto.description,
      ownerSide: dto.ownerSide,
      ownerUserId: dto.ownerUserId ?? null,
      dueDate: dto.dueDate,
    };
    const id = await this.actions.insert({ ...fields, status: 'open', createdByUserId: actor.userId }, manager);
    await this.audit.record(manager, actor, { action: 'create', entityType: 'mentoring_action', entityId: id, changes: fields });
    return this.detail(actor, id, manager);
  }

  /** Lists the follow-ups the caller may see, earliest due first, with overdue as of today. */
  async list(actor: Actor, query: ListActionsQuery): Promise<Page<MentoringActionResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['date', 'uuid']) as [string, string] | null;
    const rows = await this.actions.listPage(
      actor,
      { status: query.status, overdue: query.overdue, assignmentId: query.assignmentId, sessionId: query.sessionId, ownerSide: query.ownerSide, after },
      this.clock.today(),
      limit,
    );
    return toPage(rows, limit, (r) => [r.dueDate, r.id], MentoringActionResponse.from);
  }

  /** One follow-up the caller may see. */
  get(actor: Actor, id: string): Promise<MentoringActionResponse> {
    return this.detail(actor, id, this.dataSource.manager);
  }

  /**
   * Changes a follow-up: the facilitator of its assignment marks it done or dropped (with a reason),
   * moves its due date or rewords it while open; the school's principal may only mark the school's
   * own actions done. Done and dropped are final.
   */
  async update(actor: Actor, id: string, dto: UpdateMentoringActionDto): Promise<MentoringActionResponse> {
    if (actor.role !== 'facilitator' && actor.role !== 'principal') {
      throw new AppError('forbidden', {
        role: actor.role,
        actionEn: 'change follow-up actions (the facilitator does, or the principal for the school side)',
        actionId: 'mengubah tindak lanjut (yang dapat: fasilitator, atau kepala sekolah untuk bagian sekolah)',
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const current = await this.actions.findVisible(actor, id, this.clock.today(), manager);
      if (!current) throw AppError.notFound('mentoring action', id);
      refuseClosedYear(current);
      const otherFields = dto.dueDate !== undefined || dto.description !== undefined || dto.reason !== undefined;
      if (actor.role === 'principal' && !schoolMayChange(current.ownerSide, { status: dto.status, otherFields })) {
        throw AppError.rule(
          current.ownerSide === 'school'
            ? "the school can only mark its own follow-ups done (send just version and status: done); ask the facilitator to change anything else"
            : 'this follow-up is owed by the facilitator side; only the facilitator can change it',
          current.ownerSide === 'school'
            ? 'sekolah hanya dapat menandai tindak lanjutnya sendiri selesai (kirim version dan status: done saja); minta fasilitator untuk mengubah hal lain'
            : 'tindak lanjut ini menjadi tanggung jawab pihak fasilitator; hanya fasilitator yang dapat mengubahnya',
        );
      }
      if (dto.status === undefined && !otherFields) {
        throw AppError.rule('send status, dueDate or description to change; nothing was sent', 'kirim status, dueDate atau description untuk diubah; tidak ada yang dikirim');
      }
      if (dto.status !== undefined) {
        const refusal = refuseActionMove(current.status, dto.status);
        if (refusal) throw AppError.rule(refusal.en, refusal.id);
      } else if (current.status !== 'open') {
        throw AppError.rule(
          `the action is ${current.status}, and a closed action can no longer change`,
          `tindak lanjut ini berstatus ${statusName(current.status, 'id')}, dan tindak lanjut yang sudah ditutup tidak dapat diubah lagi`,
        );
      }
      if (dto.status === 'dropped' && dto.reason === undefined) {
        throw AppError.field('reason', 'reason_required', 'say why the action is dropped in reason', 'tuliskan alasan tindak lanjut dibatalkan di reason');
      }
      if (dto.reason !== undefined && dto.status !== 'dropped') {
        throw AppError.field('reason', 'only_when_dropped', 'reason is only for dropping an action; leave it out, or send status dropped', 'reason hanya untuk membatalkan tindak lanjut; kosongkan, atau kirim status dropped');
      }
      if (dto.dueDate !== undefined && dto.dueDate < current.sessionHeldOn) throw dueBeforeSession(dto.dueDate, current.sessionHeldOn);
      const changes: Partial<MentoringAction> = {};
      if (dto.description !== undefined) changes.description = dto.description;
      if (dto.dueDate !== undefined) changes.dueDate = dto.dueDate;
      if (dto.status !== undefined) Object.assign(changes, { status: dto.status, droppedReason: dto.status === 'dropped' ? dto.reason : null, closedAt: new Date() });
      const diff = diffFields(current as unknown as Partial<MentoringAction>, changes);
      delete diff.closedAt;
      if (!(await updateIfVersion(manager, MentoringAction, id, dto.version, changes as QueryDeepPartialEntity<MentoringAction>))) {
        throw new AppError('stale_version', { sent: dto.version, current: current.version });
      }
      await this.audit.record(manager, actor, { action: dto.status ? 'state_change' : 'update', entityType: 'mentoring_action', entityId: id, changes: diff });
      return this.detail(actor, id, manager);
    });
  }

  /** A named owner must be a user of the side that owes the action. */
  private async checkOwner(side: ActionOwnerSide, ownerUserId: string | undefined, where: { schoolId: string; facilitatorOrganizationId: string }, manager: EntityManager): Promise<void> {
    if (ownerUserId === undefined) return;
    const org = side === 'school' ? where.schoolId : where.facilitatorOrganizationId;
    if (await this.actions.isUserOf(ownerUserId, org, manager)) return;
    throw AppError.field(
      'ownerUserId',
      'not_of_owner_side',
      side === 'school'
        ? 'ownerUserId is not a user of the school; name a user of the school, or leave it out (the principals are then told)'
        : "ownerUserId is not a user of the facilitator's organisation; name one, or leave it out (the facilitator is then told)",
      side === 'school'
        ? 'ownerUserId bukan pengguna sekolah; sebutkan pengguna sekolah, atau kosongkan (kepala sekolah yang akan diberi tahu)'
        : 'ownerUserId bukan pengguna organisasi fasilitator; sebutkan salah satunya, atau kosongkan (fasilitator yang akan diberi tahu)',
    );
  }

  private async detail(actor: Actor, id: string, manager: EntityManager): Promise<MentoringActionResponse> {
    const row: ActionRow | null = await this.actions.findVisible(actor, id, this.clock.today(), manager);
    if (!row) throw AppError.notFound('mentoring action', id);
    return MentoringActionResponse.from(row);
  }
}
