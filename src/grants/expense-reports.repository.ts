import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ExpenseLine } from './expense-line.entity';
import { ExpenseReport } from './expense-report.entity';
import type { ExpenseReportStatus } from './grant-status';

/** A report as read: its totals and the names of who wrote and reviewed it. */
export interface ExpenseReportRow {
  id: string;
  grantId: string;
  trancheNumber: number | null;
  title: string;
  status: ExpenseReportStatus;
  submittedAt: Date | null;
  reviewedByUserId: string | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
  returnReason: string | null;
  acceptedAmount: string;
  totalAmount: string;
  lineCount: number;
  createdByUserId: string;
  createdByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A line as read (the spent-on date as text). */
export interface ExpenseLineRow {
  id: string;
  reportId: string;
  position: number;
  spentOn: string;
  description: string;
  budgetLineId: string;
  amount: string;
  receiptDocumentIds: string[];
  review: 'pending' | 'accepted' | 'rejected';
  reviewNote: string | null;
}

/** A receipt file as a line shows it. */
export interface ReceiptRow {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: string;
  sha256: string;
  createdAt: Date;
}

/** What the reconciliation needs from the reports: reported and accepted amounts, per budget line. */
export interface ReportedByLine {
  budgetLineId: string;
  /** Lines of submitted reports, awaiting review. */
  pending: string;
  /** Accepted lines of accepted reports. */
  accepted: string;
}

const REPORT_SELECT = `SELECT r.id, r.grant_id AS "grantId", r.tranche_number AS "trancheNumber", r.title, r.status, r.submitted_at AS "submittedAt",
       r.reviewed_by_user_id AS "reviewedByUserId", rb.full_name AS "reviewedByName", r.reviewed_at AS "reviewedAt", r.return_reason AS "returnReason",
       CAST(r.accepted_amount AS text) AS "acceptedAmount",
       CAST((SELECT COALESCE(SUM(l.amount), 0) FROM expense_lines l WHERE l.report_id = r.id) AS text) AS "totalAmount",
       (SELECT count(*)::int FROM expense_lines l WHERE l.report_id = r.id) AS "lineCount",
       r.created_by_user_id AS "createdByUserId", cb.full_name AS "createdByName", r.version, r.created_at AS "createdAt", r.updated_at AS "updatedAt"
  FROM expense_reports r
  LEFT JOIN users rb ON rb.id = r.reviewed_by_user_id
  LEFT JOIN users cb ON cb.id = r.created_by_user_id`;

const LINE_SELECT = `SELECT l.id, l.report_id AS "reportId", l.position, CAST(l.spent_on AS text) AS "spentOn", l.description,
       l.budget_line_id AS "budgetLineId", CAST(l.amount AS text) AS amount, CAST(l.receipt_document_ids AS text[]) AS "receiptDocumentIds",
       l.review, l.review_note AS "reviewNote"
  FROM expense_lines l`;

/**
 * Reads and writes expense reports and their lines. Reports carry no scope of their own: the
 * service first finds the grant inside the caller's scope, then asks only for that grant's reports.
 */
@Injectable()
export class ExpenseReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The reports of a grant, oldest first. */
  list(grantId: string, manager: EntityManager = this.dataSource.manager): Promise<ExpenseReportRow[]> {
    return manager.query(`${REPORT_SELECT} WHERE r.grant_id = $1 ORDER BY r.created_at ASC, r.id ASC`, [grantId]) as Promise<ExpenseReportRow[]>;
  }

  /** One report of a grant; null when it belongs to another grant. With `lock`, the report row stays locked. */
  async find(grantId: string, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ExpenseReportRow | null> {
    if (lock) await manager.query('SELECT id FROM expense_reports WHERE id = $1 AND grant_id = $2 FOR UPDATE', [id, grantId]);
    const [row] = (await manager.query(`${REPORT_SELECT} WHERE r.grant_id = $1 AND r.id = $2`, [grantId, id])) as ExpenseReportRow[];
    return row ?? null;
  }

  /** The lines of a report, in order. */
  lines(reportId: string, manager: EntityManager = this.dataSource.manager): Promise<ExpenseLineRow[]> {
    return manager.query(`${LINE_SELECT} WHERE l.report_id = $1 ORDER BY l.position ASC, l.id ASC`, [reportId]) as Promise<ExpenseLineRow[]>;
  }

  /** One line of a report; null when it belongs to another report. */
  async findLine(reportId: string, lineId: string, manager: EntityManager = this.dataSource.manager): Promise<ExpenseLineRow | null> {
    const [row] = (await manager.query(`${LINE_SELECT} WHERE l.report_id = $1 AND l.id = $2`, [reportId, lineId])) as ExpenseLineRow[];
    return row ?? null;
  }

  /** The receipt documents among `ids`. */
  receipts(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<ReceiptRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT id, filename, content_type AS "contentType", CAST(size_bytes AS text) AS "sizeBytes", sha256, created_at AS "createdAt"
         FROM documents WHERE id = ANY($1::uuid[])`,
      [ids],
    ) as Promise<ReceiptRow[]>;
  }

  /** Inserts a report and returns its id. */
  async insertReport(fields: QueryDeepPartialEntity<ExpenseReport>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(ExpenseReport, fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Inserts lines after the report's last position and returns their ids, in order. */
  async insertLines(reportId: string, lines: Array<Pick<ExpenseLine, 'spentOn' | 'description' | 'budgetLineId' | 'amount'>>, manager: EntityManager): Promise<string[]> {
    if (lines.length === 0) return [];
    const [{ last }] = (await manager.query('SELECT COALESCE(MAX(position), 0) AS last FROM expense_lines WHERE report_id = $1', [reportId])) as Array<{ last: number }>;
    const result = await manager.insert(
      ExpenseLine,
      lines.map((l, i) => ({ ...l, reportId, position: Number(last) + i + 1 })),
    );
    return result.identifiers.map((i) => String(i.id));
  }

  /** Changes a locked report and bumps its version. */
  async updateReport(id: string, changes: QueryDeepPartialEntity<ExpenseReport>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ExpenseReport)
      .set({ ...changes, version: () => 'version + 1' } as QueryDeepPartialEntity<ExpenseReport>)
      .where('id = :id', { id })
      .execute();
  }

  /** Changes one line of a report. */
  async updateLine(reportId: string, lineId: string, changes: QueryDeepPartialEntity<ExpenseLine>, manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().update(ExpenseLine).set(changes).where('id = :lineId AND report_id = :reportId', { lineId, reportId }).execute();
  }

  /** Records the reviewer's verdict on every named line of a report, in one statement. */
  async setReviews(reportId: string, verdicts: Array<{ lineId: string; review: 'accepted' | 'rejected'; note: string | null }>, manager: EntityManager): Promise<void> {
    if (verdicts.length === 0) return;
    await manager.query(
      `UPDATE expense_lines l SET review = v.review, review_note = v.note
         FROM unnest($2::uuid[], $3::text[], $4::text[]) AS v(id, review, note)
        WHERE l.id = v.id AND l.report_id = $1`,
      [reportId, verdicts.map((v) => v.lineId), verdicts.map((v) => v.review), verdicts.map((v) => v.note)],
    );
  }

  /** Removes one line of a report. */
  async deleteLine(reportId: string, lineId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM expense_lines WHERE id = $1 AND report_id = $2', [lineId, reportId]);
  }

  /** Adds a receipt document to a line. */
  async addReceipt(lineId: string, documentId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE expense_lines SET receipt_document_ids = array_append(receipt_document_ids, $2::uuid) WHERE id = $1', [lineId, documentId]);
  }

  /** Puts every line of a report back to pending review (a resubmission is reviewed afresh). */
  async resetReviews(reportId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE expense_lines SET review = 'pending', review_note = NULL WHERE report_id = $1`, [reportId]);
  }

  /** The title of a report of the grant that is submitted and waits for review, if any. */
  async pendingReviewTitle(grantId: string, manager: EntityManager): Promise<string | null> {
    const [row] = (await manager.query(`SELECT title FROM expense_reports WHERE grant_id = $1 AND status = 'submitted' ORDER BY created_at LIMIT 1`, [grantId])) as Array<{
      title: string;
    }>;
    return row?.title ?? null;
  }

  /** Whether an accepted report covers the tranche. */
  async hasAcceptedReportFor(grantId: string, trancheNumber: number, manager: EntityManager): Promise<boolean> {
    const [row] = (await manager.query(`SELECT EXISTS (SELECT 1 FROM expense_reports WHERE grant_id = $1 AND tranche_number = $2 AND status = 'accepted') AS found`, [
      grantId,
      trancheNumber,
    ])) as Array<{ found: boolean }>;
    return row.found;
  }

  /** Reported (awaiting review) and accepted amounts per budget line of a grant. */
  reportedByLine(grantId: string, manager: EntityManager = this.dataSource.manager): Promise<ReportedByLine[]> {
    return manager.query(
      `SELECT l.budget_line_id AS "budgetLineId",
              CAST(COALESCE(SUM(l.amount) FILTER (WHERE r.status = 'submitted'), 0) AS text) AS pending,
              CAST(COALESCE(SUM(l.amount) FILTER (WHERE r.status = 'accepted' AND l.review = 'accepted'), 0) AS text) AS accepted
         FROM expense_reports r JOIN expense_lines l ON l.report_id = r.id
        WHERE r.grant_id = $1
        GROUP BY l.budget_line_id`,
      [grantId],
    ) as Promise<ReportedByLine[]>;
  }
}
