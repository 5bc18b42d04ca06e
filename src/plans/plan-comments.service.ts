import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';
import { IdempotencyService, IdempotentResult } from '../idempotency/idempotency.service';
import type { CreatePlanCommentDto } from './dto/plan-actions.dto';
import { PlanCommentListResponse, PlanCommentResponse } from './dto/plan-history.response';
import { notYourPart, PlanAccess, refuse, requireOpenYear } from './plan-access';
import { fieldExists, readStoredContent } from './plan-content';
import { PlansRepository } from './plans.repository';

/** Most comments one plan takes: threads stay readable and the list needs no paging. */
export const MAX_COMMENTS_PER_PLAN = 500;

/** The endpoint whose Idempotency-Key scope it is (a key used on it cannot be reused on another). */
export const CREATE_COMMENT_ENDPOINT = 'POST /api/v1/plans/:id/comments';

@Injectable()
export class PlanCommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
    private readonly access: PlanAccess,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
  ) {}

  /** The comments on a plan as threads (replies under the comment they answer), oldest first. */
  async list(actor: Actor, id: string): Promise<PlanCommentListResponse> {
    const plan = await this.access.find(actor, id);
    return { items: PlanCommentResponse.threads(await this.plans.listComments(plan.id)) };
  }

  /**
   * Adds a comment: general, on one field of the current plan (its path must exist), or a reply
   * that takes its parent's field. The school's writers, the plan's facilitator and the company's
   * CSR officers comment; education offices only read. With an Idempotency-Key, once per key: a
   * retry replays the first answer instead of posting the comment twice.
   */
  async create(actor: Actor, id: string, dto: CreatePlanCommentDto, key?: string): Promise<PlanCommentResponse | IdempotentResult<PlanCommentResponse>> {
    const payload = { planId: id, body: dto.body, fieldPath: dto.fieldPath ?? null, parentId: dto.parentId?.toLowerCase() ?? null };
    return this.dataSource.transaction<PlanCommentResponse | IdempotentResult<PlanCommentResponse>>((manager) => {
      const effect = async () => {
        const plan = await this.access.find(actor, id, manager, true);
        if (!this.access.isReviewer(actor, plan) && !(await this.access.isSchoolWriter(actor, plan, manager))) throw notYourPart(actor, { en: 'comment on this plan', id: 'mengomentari rencana ini' });
        requireOpenYear(plan);
        refuse('comment', plan);
        let fieldPath = dto.fieldPath ?? null;
        if (dto.parentId) {
          const parent = await this.plans.findComment(plan.id, dto.parentId, manager);
          if (!parent) {
            throw AppError.field('parentId', 'unknown_comment', 'parentId names no comment of this plan; reply to a comment from GET /api/v1/plans/{id}/comments', 'parentId tidak menunjuk komentar mana pun pada rencana ini; balas komentar dari GET /api/v1/plans/{id}/comments');
          }
          if (fieldPath !== null && fieldPath !== parent.fieldPath) {
            throw AppError.field(
              'fieldPath',
              'reply_field_differs',
              `a reply stays on its parent's field (${parent.fieldPath ?? 'a general comment'}); leave fieldPath out, or start a new comment on ${fieldPath}`,
              `balasan tetap pada isian komentar induknya (${parent.fieldPath ?? 'komentar umum'}); kosongkan fieldPath, atau mulai komentar baru pada ${fieldPath}`,
            );
          }
          fieldPath = parent.fieldPath;
        } else if (fieldPath !== null && !fieldExists({ title: plan.title, content: readStoredContent(plan.content) }, fieldPath)) {
          throw AppError.field(
            'fieldPath',
            'unknown_field_path',
            `fieldPath ${fieldPath} is not a field of the current plan; use title or a path into content such as content.programs[0].goal (positions count from 0)`,
            `fieldPath ${fieldPath} bukan isian rencana saat ini; gunakan title atau jalur ke content seperti content.programs[0].goal (posisi dihitung dari 0)`,
          );
        }
        if ((await this.plans.countComments(plan.id, manager)) >= MAX_COMMENTS_PER_PLAN) {
          throw AppError.rule(
            `the plan already has ${MAX_COMMENTS_PER_PLAN} comments, the most one plan takes; reply in an existing thread after resolving older ones in a meeting`,
            `rencana sudah memiliki ${MAX_COMMENTS_PER_PLAN} komentar, batas untuk satu rencana; bahas komentar lama dalam pertemuan terlebih dahulu`,
          );
        }
        const latest = (await this.plans.nextVersionNumber(plan.id, manager)) - 1;
        const fields = { planId: plan.id, versionNumber: latest > 0 ? latest : null, fieldPath, parentId: dto.parentId ?? null, body: dto.body };
        const commentId = await this.plans.insertComment({ ...fields, authorUserId: actor.userId }, manager);
        await this.audit.record(manager, actor, { action: 'create', entityType: 'plan_comment', entityId: commentId, changes: fields });
        const row = await this.plans.findCommentRow(plan.id, commentId, manager);
        if (!row) throw new Error(`comment ${commentId} vanished inside its own transaction`);
        return PlanCommentResponse.from(row);
      };
      return key === undefined ? effect() : this.idempotency.once(manager, actor, { key, endpoint: CREATE_COMMENT_ENDPOINT, payload }, 201, effect);
    });
  }
}
