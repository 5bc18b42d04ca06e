import { ApiProperty } from '@nestjs/swagger';
import { EXPENSE_REPORT_STATUSES } from '../grant-status';
import type { ExpenseReportStatus } from '../grant-status';
import type { ExpenseLineRow, ExpenseReportRow, ReceiptRow } from '../expense-reports.repository';
import { GrantUserResponse } from './grant.response';

/** A receipt file of an expense line. */
export class ReceiptResponse {
  @ApiProperty({ example: '5c1f0a9e-2b7d-4e3a-8c6f-1d2e3f4a5b6c' })
  id: string;

  @ApiProperty({ example: 'nota-toko-buku.pdf' })
  filename: string;

  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg'], example: 'application/pdf', description: 'Sniffed from the content.' })
  contentType: string;

  @ApiProperty({ example: 48213 })
  sizeBytes: number;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  sha256: string;

  static from(this: void, r: ReceiptRow): ReceiptResponse {
    return { id: r.id, filename: r.filename, contentType: r.contentType, sizeBytes: Number(r.sizeBytes), sha256: r.sha256 };
  }
}

/** One line of spending with its receipts and the reviewer's verdict. */
export class ExpenseLineResponse {
  @ApiProperty({ example: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' })
  id: string;

  @ApiProperty({ example: 1 })
  position: number;

  @ApiProperty({ example: '2026-03-14' })
  spentOn: string;

  @ApiProperty({ example: '40 picture books for the literacy corner' })
  description: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260005' })
  budgetLineId: string;

  @ApiProperty({ nullable: true, type: String, example: 'Buku bacaan anak', description: "The budget line's item in the plan." })
  budgetLineItem: string | null;

  @ApiProperty({ example: '4800000' })
  amount: string;

  @ApiProperty({ type: [ReceiptResponse] })
  receipts: ReceiptResponse[];

  @ApiProperty({ enum: ['pending', 'accepted', 'rejected'], example: 'pending' })
  review: 'pending' | 'accepted' | 'rejected';

  @ApiProperty({ nullable: true, type: String, example: null })
  reviewNote: string | null;

  static from(this: void, l: ExpenseLineRow, receipts: Map<string, ReceiptRow>, items: Map<string, string>): ExpenseLineResponse {
    return {
      id: l.id,
      position: l.position,
      spentOn: l.spentOn,
      description: l.description,
      budgetLineId: l.budgetLineId,
      budgetLineItem: items.get(l.budgetLineId) ?? null,
      amount: l.amount,
      receipts: l.receiptDocumentIds.flatMap((id) => {
        const r = receipts.get(id);
        return r ? [ReceiptResponse.from(r)] : [];
      }),
      review: l.review,
      reviewNote: l.reviewNote,
    };
  }
}

/** An expense report with its totals. */
export class ExpenseReportResponse {
  @ApiProperty({ example: '2e1d0c9b-8a7f-4e6d-9c5b-4a3f2e1d0c9b' })
  id: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000c25' })
  grantId: string;

  @ApiProperty({ nullable: true, type: Number, example: 1 })
  trancheNumber: number | null;

  @ApiProperty({ example: 'Literacy corner, March–April' })
  title: string;

  @ApiProperty({ enum: EXPENSE_REPORT_STATUSES, example: 'submitted', description: 'draft → submitted → accepted, or returned for correction (then submitted again).' })
  status: ExpenseReportStatus;

  @ApiProperty({ example: '9600000', description: 'The sum of its lines.' })
  totalAmount: string;

  @ApiProperty({ example: '0', description: 'The sum of its accepted lines, once accepted.' })
  acceptedAmount: string;

  @ApiProperty({ example: 2 })
  lineCount: number;

  @ApiProperty({ nullable: true, type: String, example: '2026-04-30T02:00:00.000Z' })
  submittedAt: string | null;

  @ApiProperty({ nullable: true, type: GrantUserResponse })
  reviewedBy: GrantUserResponse | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  reviewedAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Why it was returned for correction.' })
  returnReason: string | null;

  @ApiProperty({ type: GrantUserResponse })
  createdBy: GrantUserResponse;

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you change the report.' })
  version: number;

  @ApiProperty({ example: '2026-04-28T02:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-04-30T02:00:00.000Z' })
  updatedAt: string;

  static from(this: void, r: ExpenseReportRow): ExpenseReportResponse {
    return {
      id: r.id,
      grantId: r.grantId,
      trancheNumber: r.trancheNumber,
      title: r.title,
      status: r.status,
      totalAmount: r.totalAmount,
      acceptedAmount: r.acceptedAmount,
      lineCount: r.lineCount,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      reviewedBy: r.reviewedByUserId === null ? null : { id: r.reviewedByUserId, fullName: r.reviewedByName },
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      returnReason: r.returnReason,
      createdBy: { id: r.createdByUserId, fullName: r.createdByName },
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

/** An expense report with its lines and receipts. */
export class ExpenseReportDetailResponse extends ExpenseReportResponse {
  @ApiProperty({ type: [ExpenseLineResponse] })
  lines: ExpenseLineResponse[];
}

/** The expense reports of a grant, oldest first (a grant has a handful: not paged). */
export class ExpenseReportListResponse {
  @ApiProperty({ type: [ExpenseReportResponse] })
  items: ExpenseReportResponse[];
}
