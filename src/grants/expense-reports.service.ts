import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { AppError, RawFieldError } from '../common/errors/app-error';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { DocumentDownload, DocumentsService } from '../documents/documents.service';
import { IdempotencyService, IdempotentResult } from '../idempotency/idempotency.service';
import { planBudgetLines } from './budget-lines';
import type { CreateExpenseReportDto, ExpenseLineDto, ReviewExpenseReportDto, UpdateExpenseLineDto, UpdateExpenseReportDto } from './dto/expense-report.dto';
import { ExpenseLineResponse, ExpenseReportDetailResponse, ExpenseReportListResponse, ExpenseReportResponse } from './dto/expense-report.response';
import { ExpenseLineRow, ExpenseReportRow, ExpenseReportsRepository } from './expense-reports.repository';
import { refuse, refuseReport, requireCsrOfficer, requirePrincipal, rp } from './grant-access';
import { balanceAtSchool, grantStatusFor, ledgerAmount, sumRupiah } from './grant-status';
import { GrantRow, GrantsRepository } from './grants.repository';
import { GrantsService, moneyOfRow } from './grants.service';
import { MailService } from '../mail/mail.service';

/** Receipts are documents owned by their expense line. */
const RECEIPT_OWNER = 'expense_line';
const RECEIPT_KIND = 'receipt';
/** Receipts one line can carry. */
export const MAX_RECEIPTS_PER_LINE = 20;

const WRITE = { en: 'write expense reports', id: 'menulis laporan pengeluaran' };

/** The endpoints whose Idempotency-Key scope they are (a key used on one cannot be reused on another). */
export const CREATE_REPORT_ENDPOINT = 'POST /api/v1/grants/:id/expense-reports';
export const ADD_LINE_ENDPOINT = 'POST /api/v1/grants/:id/expense-reports/:reportId/lines';

/** A line as the request means it, for the Idempotency-Key hash. */
const lineAsSent = (l: ExpenseLineDto) => ({ spentOn: l.spentOn, description: l.description, budgetLineId: l.budgetLineId.toLowerCase(), amount: l.amount });

@Injectable()
export class ExpenseReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grants: GrantsRepository,
    private readonly grantsService: GrantsService,
    private readonly reports: ExpenseReportsRepository,
    private readonly documents: DocumentsService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly mail: MailService,
  ) {}

  /** The expense reports of a grant, oldest first (not for education officers). */
  async list(actor: Actor, grantId: string): Promise<ExpenseReportListResponse> {
    await this.grantsService.detailRow(actor, grantId, this.dataSource.manager);
    return { items: (await this.reports.list(grantId)).map(ExpenseReportResponse.from) };
  }

  /** One expense report with its lines and receipts (not for education officers). */
  async get(actor: Actor, grantId: string, reportId: string): Promise<ExpenseReportDetailResponse> {
    const g = await this.grantsService.detailRow(actor, grantId, this.dataSource.manager);
    return this.detail(g, reportId, this.dataSource.manager);
  }

  /**
   * Starts an expense report of the school for a grant (principal), as a draft, optionally with its
   * lines. With an Idempotency-Key, once per key: a retry replays the first answer.
   */
  async create(actor: Actor, grantId: string, dto: CreateExpenseReportDto, key?: string): Promise<ExpenseReportDetailResponse | IdempotentResult<ExpenseReportDetailResponse>> {
    requirePrincipal(actor, WRITE);
    const payload = { grantId, title: dto.title, trancheNumber: dto.trancheNumber ?? null, lines: (dto.lines ?? []).map(lineAsSent) };
    return this.dataSource.transaction<ExpenseReportDetailResponse | IdempotentResult<ExpenseReportDetailResponse>>((manager) => {
      const effect = async () => {
        const g = await this.grantsService.detailRow(actor, grantId, manager);
        refuse('report', g);
        if (dto.trancheNumber !== undefined) await this.checkTranche(g, dto.trancheNumber, 'trancheNumber', manager);
        const lines = dto.lines ?? [];
        this.checkLines(g, lines, 'lines');
        const fields = { grantId, title: dto.title, trancheNumber: dto.trancheNumber ?? null, status: 'draft' as const, createdByUserId: actor.userId };
        const id = await this.reports.insertReport(fields, manager);
        await this.reports.insertLines(id, lines.map((l) => ({ ...l, budgetLineId: l.budgetLineId.toLowerCase() })), manager);
        await this.audit.record(manager, actor, { action: 'create', entityType: 'expense_report', entityId: id, changes: { ...fields, lines } });
        return this.detail(g, id, manager);
      };
      return key === undefined ? effect() : this.idempotency.once(manager, actor, { key, endpoint: CREATE_REPORT_ENDPOINT, payload }, 201, effect);
    });
  }

  /** Changes the title or tranche of a draft or returned report (principal), with a version check. */
  async update(actor: Actor, grantId: string, reportId: string, dto: UpdateExpenseReportDto): Promise<ExpenseReportDetailResponse> {
    requirePrincipal(actor, WRITE);
    return this.dataSource.transaction(async (manager) => {
      const { g, report } = await this.editable(actor, grantId, reportId, manager);
      if (dto.version !== report.version) throw new AppError('stale_version', { sent: dto.version, current: report.version });
      const changes: { title?: string; trancheNumber?: number | null } = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.trancheNumber !== undefined) {
        if (dto.trancheNumber !== null) await this.checkTranche(g, dto.trancheNumber, 'trancheNumber', manager);
        changes.trancheNumber = dto.trancheNumber;
      }
      const diff = diffFields(report, changes);
      await this.reports.updateReport(reportId, changes, manager);
      await this.audit.record(manager, actor, { action: 'update', entityType: 'expense_report', entityId: reportId, changes: diff });
      return this.detail(g, reportId, manager);
    });
  }

  /**
   * Adds a line to a draft or returned report (principal). With an Idempotency-Key, once per key:
   * a retry replays the first answer instead of adding the line twice.
   */
  async addLine(actor: Actor, grantId: string, reportId: string, dto: ExpenseLineDto, key?: string): Promise<ExpenseReportDetailResponse | IdempotentResult<ExpenseReportDetailResponse>> {
    requirePrincipal(actor, WRITE);
    const payload = { grantId, reportId, ...lineAsSent(dto) };
    return this.dataSource.transaction<ExpenseReportDetailResponse | IdempotentResult<ExpenseReportDetailResponse>>((manager) => {
      const effect = async () => {
        const { g } = await this.editable(actor, grantId, reportId, manager);
        this.checkLines(g, [dto], null);
        const [lineId] = await this.reports.insertLines(reportId, [{ ...dto, budgetLineId: dto.budgetLineId.toLowerCase() }], manager);
        await this.reports.updateReport(reportId, {}, manager);
        await this.audit.record(manager, actor, { action: 'update', entityType: 'expense_report', entityId: reportId, changes: { lineAdded: { id: lineId, ...dto } } });
        return this.detail(g, reportId, manager);
      };
      return key === undefined ? effect() : this.idempotency.once(manager, actor, { key, endpoint: ADD_LINE_ENDPOINT, payload }, 201, effect);
    });
  }

  /** Changes one line of a draft or returned report (principal). */
  async updateLine(actor: Actor, grantId: string, reportId: string, lineId: string, dto: UpdateExpenseLineDto): Promise<ExpenseReportDetailResponse> {
    requirePrincipal(actor, WRITE);
    return this.dataSource.transaction(async (manager) => {
      const { g } = await this.editable(actor, grantId, reportId, manager);
      const line = await this.line(reportId, lineId, manager);
      const merged = { spentOn: dto.spentOn ?? line.spentOn, description: dto.description ?? line.description, budgetLineId: (dto.budgetLineId ?? line.budgetLineId).toLowerCase(), amount: dto.amount ?? line.amount };
      this.checkLines(g, [merged], null);
      const changes = Object.fromEntries(Object.entries({ ...dto, budgetLineId: dto.budgetLineId?.toLowerCase() }).filter(([, v]) => v !== undefined));
      await this.reports.updateLine(reportId, lineId, changes, manager);
      await this.reports.updateReport(reportId, {}, manager);
      await this.audit.record(manager, actor, { action: 'update', entityType: 'expense_report', entityId: reportId, changes: { line: lineId, ...diffFields(line, changes) } });
      return this.detail(g, reportId, manager);
    });
  }

  /** Removes one line of a draft or returned report (principal); its receipts stay stored. */
  async deleteLine(actor: Actor, grantId: string, reportId: string, lineId: string): Promise<ExpenseReportDetailResponse> {
    requirePrincipal(actor, WRITE);
    return this.dataSource.transaction(async (manager) => {
      const { g } = await this.editable(actor, grantId, reportId, manager);
      const line = await this.line(reportId, lineId, manager);
      await this.reports.deleteLine(reportId, lineId, manager);
      await this.reports.updateReport(reportId, {}, manager);
      await this.audit.record(manager, actor, { action: 'update', entityType: 'expense_report', entityId: reportId, changes: { lineRemoved: line } });
      return this.detail(g, reportId, manager);
    });
  }

  /**
   * Attaches a receipt (PDF, PNG or JPEG, recognised by content) to a line of a draft or returned
   * report (principal). The file is stored by the documents service, then linked to the line.
   */
  async addReceipt(actor: Actor, grantId: string, reportId: string, lineId: string, file: UploadedDocument | undefined): Promise<ExpenseReportDetailResponse> {
    requirePrincipal(actor, WRITE);
    await this.dataSource.transaction(async (manager) => {
      await this.editable(actor, grantId, reportId, manager);
      this.checkReceiptRoom(await this.line(reportId, lineId, manager));
    });
    const document = await this.documents.store(actor, { type: RECEIPT_OWNER, id: lineId }, RECEIPT_KIND, file);
    return this.dataSource.transaction(async (manager) => {
      // Checked again under the lock: the report may have been submitted while the file was stored.
      const { g } = await this.editable(actor, grantId, reportId, manager);
      this.checkReceiptRoom(await this.line(reportId, lineId, manager));
      await this.reports.addReceipt(lineId, document.id, manager);
      await this.reports.updateReport(reportId, {}, manager);
      await this.audit.record(manager, actor, { action: 'update', entityType: 'expense_report', entityId: reportId, changes: { line: lineId, receiptAdded: document.id, filename: document.filename } });
      return this.detail(g, reportId, manager);
    });
  }

  /** A receipt of a line, ready to stream (not for education officers). */
  async openReceipt(actor: Actor, grantId: string, reportId: string, lineId: string, documentId: string): Promise<DocumentDownload> {
    await this.grantsService.detailRow(actor, grantId, this.dataSource.manager);
    if (!(await this.reports.find(grantId, reportId))) throw AppError.notFound('expense report', reportId);
    const line = await this.line(reportId, lineId, this.dataSource.manager);
    if (!line.receiptDocumentIds.includes(documentId)) throw AppError.notFound('receipt', documentId);
    return this.documents.open({ type: RECEIPT_OWNER, id: lineId }, documentId);
  }

  /**
   * Submits a draft or returned report for review (principal): at least one line, every line with
   * a receipt and on a budget line the grant still funds. Every line goes back to pending review.
   */
  async submit(actor: Actor, grantId: string, reportId: string): Promise<ExpenseReportDetailResponse> {
    requirePrincipal(actor, { en: 'submit expense reports', id: 'mengirim laporan pengeluaran' });
    return this.dataSource.transaction(async (manager) => {
      const { g, report } = await this.editable(actor, grantId, reportId, manager, 'submit');
      const lines = await this.reports.lines(reportId, manager);
      if (lines.length === 0) {
        throw AppError.rule(
          'the report has no lines; add what was spent (POST …/lines) with a receipt for each, then submit',
          'laporan belum memiliki baris; tambahkan pengeluaran (POST …/lines) beserta kuitansi masing-masing, lalu kirim',
        );
      }
      const errors: RawFieldError[] = [];
      lines.forEach((l, i) => {
        if (l.receiptDocumentIds.length === 0) {
          errors.push({
            field: `lines[${i}]`,
            code: 'receipt_missing',
            message: {
              en: `line ${l.position} ("${l.description}", ${rp(l.amount)}) has no receipt; upload one with POST …/lines/${l.id}/receipts, then submit`,
              id: `baris ${l.position} ("${l.description}", ${rp(l.amount)}) belum memiliki kuitansi; unggah dengan POST …/lines/${l.id}/receipts, lalu kirim`,
            },
          });
        }
        if (!g.fundedBudgetLineIds.includes(l.budgetLineId)) {
          errors.push({
            field: `lines[${i}].budgetLineId`,
            code: 'not_funded',
            message: {
              en: `line ${l.position} ("${l.description}") is on a budget line the grant no longer funds; move it to one of the grant's funded budget lines`,
              id: `baris ${l.position} ("${l.description}") berada pada baris anggaran yang tidak lagi didanai hibah; pindahkan ke salah satu baris anggaran yang didanai`,
            },
          });
        }
      });
      if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
      await this.reports.resetReviews(reportId, manager);
      await this.reports.updateReport(reportId, { status: 'submitted', submittedAt: () => 'now()', returnReason: null }, manager);
      await this.audit.record(manager, actor, {
        action: 'state_change',
        entityType: 'expense_report',
        entityId: reportId,
        changes: { status: { from: report.status, to: 'submitted' }, total: sumRupiah(lines.map((l) => l.amount)).toString(), lines: lines.length },
      });
      return this.detail(g, reportId, manager);
    });
  }

  /**
   * Reviews a submitted report line by line (CSR officer). Accept: the accepted lines' sum is added
   * to the grant's accepted spending with a guarded UPDATE that never lets it pass the money
   * disbursed and not yet accounted for (the grant row is locked first, and a CHECK constraint says
   * the same), with an expense_accepted ledger entry. Return: back to the school with a reason.
   */
  async review(actor: Actor, grantId: string, reportId: string, dto: ReviewExpenseReportDto): Promise<ExpenseReportDetailResponse> {
    requireCsrOfficer(actor, { en: 'review expense reports', id: 'meninjau laporan pengeluaran' });
    if (dto.decision === 'return' && !dto.reason) {
      throw AppError.field(
        'reason',
        'required',
        'reason is required when returning a report: tell the school what to correct',
        'reason wajib diisi saat mengembalikan laporan: beri tahu sekolah apa yang harus diperbaiki',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      // The grant first, then the report: every money path locks in this order.
      const g = await this.grantsService.row(actor, grantId, manager, true);
      const report = await this.reports.find(grantId, reportId, manager, true);
      if (!report) throw AppError.notFound('expense report', reportId);
      refuseReport('review', report);
      refuse('review', g);
      const lines = await this.reports.lines(reportId, manager);
      const verdicts = this.checkVerdicts(lines, dto);
      const acceptedLines = lines.filter((l) => verdicts.get(l.id)?.review === 'accepted');
      const accepted = sumRupiah(acceptedLines.map((l) => l.amount));
      if (dto.decision === 'accept' && acceptedLines.length === 0) {
        throw AppError.refused(
          'decision',
          'nothing_accepted',
          'every line is rejected, so there is nothing to accept; return the report for correction instead (decision: return, with a reason)',
          'semua baris ditolak, sehingga tidak ada yang dapat diterima; kembalikan laporan untuk diperbaiki (decision: return, dengan alasan)',
        );
      }
      await this.reports.setReviews(
        reportId,
        [...verdicts].map(([lineId, v]) => ({ lineId, review: v.review, note: v.note || null })),
        manager,
      );
      if (dto.decision === 'accept') {
        const open = balanceAtSchool(moneyOfRow(g));
        // Checked here first (the sum of many lines may not even fit a bigint), and again by the guarded UPDATE.
        const totals = accepted <= open ? await this.grants.addAccepted(grantId, accepted.toString(), manager) : null;
        if (!totals) {
          throw AppError.rule(
            `accepting ${rp(accepted)} would count more spending than the money disbursed and not yet accounted for (${rp(open)}); reject lines until the accepted lines fit, return the report, or disburse the next tranche first`,
            `menerima ${rp(accepted)} akan mencatat pengeluaran lebih besar dari dana yang dicairkan dan belum dipertanggungjawabkan (${rp(open)}); tolak baris sampai yang diterima cukup, kembalikan laporan, atau cairkan termin berikutnya dulu`,
          );
        }
        await this.reports.updateReport(
          reportId,
          { status: 'accepted', acceptedAmount: accepted.toString(), reviewedByUserId: actor.userId, reviewedAt: () => 'now()', returnReason: null },
          manager,
        );
        await this.grants.insertLedger(
          {
            grantId,
            kind: 'expense_accepted',
            amount: ledgerAmount('expense_accepted', accepted),
            occurredOn: this.clock.today(),
            refId: reportId,
            note: `Expense report "${report.title}": ${acceptedLines.length} of ${lines.length} lines accepted`,
            recordedByUserId: actor.userId,
          },
          manager,
        );
        await this.grantsService.moveStatus(actor, g, grantStatusFor(g.status, moneyOfRow(totals)), manager);
      } else {
        await this.reports.updateReport(reportId, { status: 'returned', reviewedByUserId: actor.userId, reviewedAt: () => 'now()', returnReason: dto.reason ?? null }, manager);
        await this.mail.enqueueForUsers(manager, await this.mail.organizationUsers(manager, [g.schoolId], ['principal']), {
          kind: 'expense_report_returned',
          params: { grantId, reportId, title: report.title, schoolName: g.schoolName, reviewerName: await this.mail.fullNameOf(manager, actor.userId), reason: dto.reason ?? '' },
          entityType: 'expense_report',
          entityId: reportId,
        });
      }
      await this.audit.record(manager, actor, {
        action: 'state_change',
        entityType: 'expense_report',
        entityId: reportId,
        changes: {
          status: { from: report.status, to: dto.decision === 'accept' ? 'accepted' : 'returned' },
          acceptedAmount: dto.decision === 'accept' ? accepted.toString() : '0',
          lines: lines.map((l) => ({ id: l.id, amount: l.amount, review: verdicts.get(l.id)?.review, note: verdicts.get(l.id)?.note ?? null })),
          ...(dto.reason ? { reason: dto.reason } : {}),
        },
      });
      return this.detail(g, reportId, manager);
    });
  }

  /** The grant and a report of it that the school may still change, the report locked. */
  private async editable(actor: Actor, grantId: string, reportId: string, manager: EntityManager, action: 'edit' | 'submit' = 'edit'): Promise<{ g: GrantRow; report: ExpenseReportRow }> {
    const g = await this.grantsService.detailRow(actor, grantId, manager);
    const report = await this.reports.find(grantId, reportId, manager, true);
    if (!report) throw AppError.notFound('expense report', reportId);
    refuseReport(action, report);
    refuse('report', g);
    return { g, report };
  }

  private async line(reportId: string, lineId: string, manager: EntityManager): Promise<ExpenseLineRow> {
    const line = await this.reports.findLine(reportId, lineId, manager);
    if (!line) throw AppError.notFound('expense line', lineId);
    return line;
  }

  private checkReceiptRoom(line: ExpenseLineRow): void {
    if (line.receiptDocumentIds.length < MAX_RECEIPTS_PER_LINE) return;
    throw AppError.rule(
      `line ${line.position} already has ${MAX_RECEIPTS_PER_LINE} receipts, the most one line takes; combine scans into one PDF, or split the line`,
      `baris ${line.position} sudah memiliki ${MAX_RECEIPTS_PER_LINE} kuitansi, batas untuk satu baris; gabungkan pindaian menjadi satu PDF, atau pecah barisnya`,
    );
  }

  /** A report names a tranche of its grant. */
  private async checkTranche(g: GrantRow, trancheNumber: number, field: string, manager: EntityManager): Promise<void> {
    if (await this.grants.trancheExists(g.id, trancheNumber, manager)) return;
    throw AppError.field(
      field,
      'no_such_tranche',
      `${field} ${trancheNumber} is not a tranche of this grant; use the number of a recorded tranche (GET /api/v1/grants/${g.id}/disbursements) or leave it out`,
      `${field} ${trancheNumber} bukan termin hibah ini; gunakan nomor termin yang tercatat (GET /api/v1/grants/${g.id}/disbursements) atau kosongkan`,
    );
  }

  /** Every line is on a budget line the grant funds and not dated in the future; each problem named by index. */
  private checkLines(g: GrantRow, lines: Array<Pick<ExpenseLineDto, 'spentOn' | 'budgetLineId'>>, prefix: string | null): void {
    const today = this.clock.latestToday();
    const errors: RawFieldError[] = [];
    lines.forEach((l, i) => {
      const at = (f: string) => (prefix === null ? f : `${prefix}[${i}].${f}`);
      if (!g.fundedBudgetLineIds.includes(l.budgetLineId.toLowerCase())) {
        errors.push({
          field: at('budgetLineId'),
          code: 'not_funded',
          message: {
            en: `${at('budgetLineId')} is not a budget line this grant funds; use one of fundedBudgetLineIds of GET /api/v1/grants/${g.id}`,
            id: `${at('budgetLineId')} bukan baris anggaran yang didanai hibah ini; gunakan salah satu fundedBudgetLineIds dari GET /api/v1/grants/${g.id}`,
          },
        });
      }
      if (l.spentOn > today) {
        errors.push({
          field: at('spentOn'),
          code: 'date_in_future',
          message: { en: `${at('spentOn')} ${l.spentOn} is in the future; report spending that has happened`, id: `${at('spentOn')} ${l.spentOn} ada di masa depan; laporkan pengeluaran yang sudah terjadi` },
        });
      }
    });
    if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
  }

  /** The review names every line of the report exactly once. */
  private checkVerdicts(lines: ExpenseLineRow[], dto: ReviewExpenseReportDto): Map<string, { review: 'accepted' | 'rejected'; note?: string }> {
    const ids = new Set(lines.map((l) => l.id));
    const verdicts = new Map<string, { review: 'accepted' | 'rejected'; note?: string }>();
    const errors: RawFieldError[] = [];
    dto.lines.forEach((v, i) => {
      const id = v.lineId.toLowerCase();
      const field = `lines[${i}].lineId`;
      if (!ids.has(id)) {
        errors.push({ field, code: 'not_a_line', message: { en: `${field} is not a line of this report`, id: `${field} bukan baris laporan ini` } });
      } else if (verdicts.has(id)) {
        errors.push({ field, code: 'duplicate_line', message: { en: `${field} is reviewed twice; give each line one verdict`, id: `${field} ditinjau dua kali; beri setiap baris satu keputusan` } });
      }
      verdicts.set(id, { review: v.review, note: v.note });
    });
    const missing = lines.filter((l) => !verdicts.has(l.id));
    if (missing.length > 0) {
      errors.push({
        field: 'lines',
        code: 'lines_missing',
        message: {
          en: `review every line of the report: ${missing.map((l) => `line ${l.position} (${l.id})`).join(', ')} ${missing.length === 1 ? 'has' : 'have'} no verdict`,
          id: `tinjau setiap baris laporan: ${missing.map((l) => `baris ${l.position} (${l.id})`).join(', ')} belum diberi keputusan`,
        },
      });
    }
    if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
    return verdicts;
  }

  private async detail(g: GrantRow, reportId: string, manager: EntityManager): Promise<ExpenseReportDetailResponse> {
    const report = await this.reports.find(g.id, reportId, manager);
    if (!report) throw AppError.notFound('expense report', reportId);
    const lines = await this.reports.lines(reportId, manager);
    const receipts = new Map((await this.reports.receipts(lines.flatMap((l) => l.receiptDocumentIds), manager)).map((r) => [r.id, r]));
    const items = new Map(planBudgetLines(await this.grants.planContent(g.planId, manager)).map((l) => [l.id, l.item]));
    return { ...ExpenseReportResponse.from(report), lines: lines.map((l) => ExpenseLineResponse.from(l, receipts, items)) };
  }
}
