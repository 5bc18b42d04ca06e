import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { DocumentDownload, DocumentsService } from '../documents/documents.service';
import type { ActivityProgressDto, IndicatorResultDto } from './dto/plan-actions.dto';
import { ActivityProgressResponse, IndicatorResultResponse, PlanProgressResponse } from './dto/plan-progress.response';
import { PlanAccess, refuse, requireOpenYear } from './plan-access';
import { activitiesOf, indicatorsOf, readStoredContent } from './plan-content';
import { readDecimal } from './plan-money';
import { PlanDetailRow, PlansRepository } from './plans.repository';

/** What evidence files are stored as: documents owned by the plan. */
export const EVIDENCE_OWNER_TYPE = 'plan';
export const EVIDENCE_KIND = 'activity_evidence';

@Injectable()
export class PlanProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
    private readonly access: PlanAccess,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
  ) {}

  /** Every activity's progress and every indicator's result, in the order of the template. */
  async progress(actor: Actor, id: string): Promise<PlanProgressResponse> {
    const plan = await this.access.find(actor, id);
    return this.report(plan, this.dataSource.manager);
  }

  /**
   * Reports how an activity of an approved plan is going (the school's writers), with an optional
   * evidence file: uploaded with the report (stored as a document of the plan, PDF/PNG/JPEG by
   * content) or one uploaded earlier for this plan. Replaces the previous report.
   */
  async reportProgress(actor: Actor, id: string, activityId: string, dto: ActivityProgressDto, file: UploadedDocument | undefined): Promise<ActivityProgressResponse> {
    if (file && dto.evidenceDocumentId !== undefined) {
      throw AppError.field('evidenceDocumentId', 'evidence_twice', 'send either an evidence file or evidenceDocumentId, not both', 'kirim berkas bukti atau evidenceDocumentId, jangan keduanya');
    }
    // Checked before the file is stored, so a refused report leaves no file behind.
    const before = await this.access.find(actor, id);
    await this.checkReporter(actor, before, this.dataSource.manager);
    this.activityOf(before, activityId);
    const uploaded = file ? await this.documents.store(actor, { type: EVIDENCE_OWNER_TYPE, id: before.id }, EVIDENCE_KIND, file) : null;
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.access.find(actor, id, manager, true);
      await this.checkReporter(actor, plan, manager);
      this.activityOf(plan, activityId);
      const current = await this.plans.findProgress(plan.id, activityId, manager);
      const evidenceDocumentId = uploaded?.id ?? (dto.evidenceDocumentId === undefined ? (current?.evidenceDocumentId ?? null) : dto.evidenceDocumentId);
      if (!uploaded && dto.evidenceDocumentId && !(await this.plans.isPlanDocument(plan.id, dto.evidenceDocumentId, manager))) {
        throw AppError.field(
          'evidenceDocumentId',
          'unknown_evidence',
          'evidenceDocumentId names no evidence file of this plan; upload the file with this report as multipart/form-data in the field "file"',
          'evidenceDocumentId tidak menunjuk berkas bukti rencana ini; unggah berkas bersama laporan ini sebagai multipart/form-data di isian "file"',
        );
      }
      const fields = { status: dto.status, note: dto.note || null, evidenceDocumentId };
      await this.plans.upsertProgress({ planId: plan.id, activityId, ...fields, updatedByUserId: actor.userId }, manager);
      const row = await this.plans.findProgress(plan.id, activityId, manager);
      await this.audit.record(manager, actor, {
        action: current ? 'update' : 'create',
        entityType: 'plan_activity_progress',
        entityId: row?.id ?? null,
        changes: { planId: plan.id, activityId, ...fields, status: { from: current?.status ?? 'not_started', to: dto.status } },
      });
      const report = await this.report(plan, manager);
      return report.activities.find((a) => a.activityId === activityId) as ActivityProgressResponse;
    });
  }

  /** Reports the value an indicator of an approved plan reached (the school's writers). Replaces the previous report. */
  async reportResult(actor: Actor, id: string, indicatorId: string, dto: IndicatorResultDto): Promise<IndicatorResultResponse> {
    const value = readDecimal(dto.achievedValue, 'achievedValue');
    if ('error' in value) throw new AppError('validation_failed', {}, [value.error]);
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.access.find(actor, id, manager, true);
      await this.checkReporter(actor, plan, manager);
      if (!indicatorsOf(readStoredContent(plan.content)).some((i) => i.indicator.id === indicatorId)) throw AppError.notFound('plan indicator', indicatorId);
      const current = await this.plans.findResult(plan.id, indicatorId, manager);
      const fields = { achievedValue: value.value, note: dto.note || null };
      await this.plans.upsertResult({ planId: plan.id, indicatorId, ...fields, updatedByUserId: actor.userId }, manager);
      const row = await this.plans.findResult(plan.id, indicatorId, manager);
      await this.audit.record(manager, actor, {
        action: current ? 'update' : 'create',
        entityType: 'plan_indicator_result',
        entityId: row?.id ?? null,
        changes: { planId: plan.id, indicatorId, ...fields, ...(current ? { achievedValue: { from: current.achievedValue, to: value.value } } : {}) },
      });
      const report = await this.report(plan, manager);
      return report.indicators.find((i) => i.indicatorId === indicatorId) as IndicatorResultResponse;
    });
  }

  /** An evidence file of a plan the caller may see. */
  async openDocument(actor: Actor, id: string, documentId: string): Promise<DocumentDownload> {
    const plan = await this.access.find(actor, id);
    return this.documents.open({ type: EVIDENCE_OWNER_TYPE, id: plan.id }, documentId);
  }

  private async checkReporter(actor: Actor, plan: PlanDetailRow, manager: EntityManager): Promise<void> {
    await this.access.requireSchoolWriter(actor, plan, manager);
    requireOpenYear(plan);
    refuse('report', plan);
  }

  private activityOf(plan: PlanDetailRow, activityId: string): void {
    if (!activitiesOf(readStoredContent(plan.content)).some((a) => a.activity.id === activityId)) throw AppError.notFound('plan activity', activityId);
  }

  private async report(plan: PlanDetailRow, manager: EntityManager): Promise<PlanProgressResponse> {
    const content = readStoredContent(plan.content);
    return PlanProgressResponse.of(content, await this.plans.listProgress(plan.id, manager), await this.plans.listResults(plan.id, manager));
  }
}
