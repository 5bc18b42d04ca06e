import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap, upload } from '../../api/client';
import type { components } from '../../api/schema';

export type Grant = components['schemas']['GrantResponse'];
export type GrantTotals = components['schemas']['GrantTotalsResponse'];
export type Disbursement = components['schemas']['DisbursementResponse'];
export type Ledger = components['schemas']['LedgerResponse'];
export type LedgerEntry = components['schemas']['LedgerEntryResponse'];
export type BudgetLineActual = components['schemas']['BudgetLineActualResponse'];
export type ReportSummary = components['schemas']['ExpenseReportResponse'];
export type ReportDetail = components['schemas']['ExpenseReportDetailResponse'];
export type ReportLine = components['schemas']['ExpenseLineResponse'];
export type Receipt = components['schemas']['ReceiptResponse'];

/** One line as the API takes it (amount as a digit string). */
export interface LineBody {
  spentOn: string;
  description: string;
  budgetLineId: string;
  amount: string;
}

/** Cache keys, named after the API's resources. */
export const grantKeys = {
  all: ['grants'] as const,
  list: () => ['grants', 'list'] as const,
  one: (id: string) => ['grants', id] as const,
  disbursements: (id: string) => ['grants', id, 'disbursements'] as const,
  ledger: (id: string) => ['grants', id, 'ledger'] as const,
  reports: (id: string) => ['grants', id, 'expense-reports'] as const,
  report: (id: string, reportId: string) => ['grants', id, 'expense-reports', reportId] as const,
};

/** Whether the reader sees the whole grant (school, company, facilitator) or its totals only (education office). */
export function isFullGrant(g: Grant | GrantTotals): g is Grant {
  return 'planId' in g;
}

export function useGrantList() {
  return useInfiniteQuery({
    queryKey: grantKeys.list(),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/grants', { params: { query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useGrant(id: string) {
  return useQuery({ queryKey: grantKeys.one(id), queryFn: () => unwrap(api.GET('/api/v1/grants/{id}', { params: { path: { id } } })) });
}

export function useDisbursements(id: string, enabled = true) {
  return useQuery({
    queryKey: grantKeys.disbursements(id),
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/grants/{id}/disbursements', { params: { path: { id } } })),
  });
}

export function useLedger(id: string, enabled = true) {
  return useQuery({ queryKey: grantKeys.ledger(id), enabled, queryFn: () => unwrap(api.GET('/api/v1/grants/{id}/ledger', { params: { path: { id } } })) });
}

export function useReports(id: string, enabled = true) {
  return useQuery({
    queryKey: grantKeys.reports(id),
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/grants/{id}/expense-reports', { params: { path: { id } } })),
  });
}

export function useReport(id: string, reportId: string, enabled = true) {
  return useQuery({
    queryKey: grantKeys.report(id, reportId),
    enabled,
    queryFn: () => reportCalls.get(id, reportId),
  });
}

/** The calls that write an expense report; each answers the whole report as the server now has it. */
export const reportCalls = {
  get: (grantId: string, reportId: string) => unwrap(api.GET('/api/v1/grants/{id}/expense-reports/{reportId}', { params: { path: { id: grantId, reportId } } })),
  create: (grantId: string, body: { title: string; trancheNumber?: number; lines: LineBody[] }, idempotencyKey: string) =>
    unwrap(api.POST('/api/v1/grants/{id}/expense-reports', { params: { path: { id: grantId } }, body, headers: { 'Idempotency-Key': idempotencyKey } })),
  update: (grantId: string, reportId: string, body: { version: number; title?: string; trancheNumber?: number | null }) =>
    unwrap(api.PATCH('/api/v1/grants/{id}/expense-reports/{reportId}', { params: { path: { id: grantId, reportId } }, body: body as { version: number; title?: string; trancheNumber?: number } })),
  addLine: (grantId: string, reportId: string, body: LineBody, idempotencyKey: string) =>
    unwrap(
      api.POST('/api/v1/grants/{id}/expense-reports/{reportId}/lines', {
        params: { path: { id: grantId, reportId } },
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    ),
  updateLine: (grantId: string, reportId: string, lineId: string, body: Partial<LineBody>) =>
    unwrap(api.PATCH('/api/v1/grants/{id}/expense-reports/{reportId}/lines/{lineId}', { params: { path: { id: grantId, reportId, lineId } }, body })),
  deleteLine: (grantId: string, reportId: string, lineId: string) =>
    unwrap(api.DELETE('/api/v1/grants/{id}/expense-reports/{reportId}/lines/{lineId}', { params: { path: { id: grantId, reportId, lineId } } })),
  addReceipt: (grantId: string, reportId: string, lineId: string, file: File) =>
    upload<ReportDetail>(`/api/v1/grants/${grantId}/expense-reports/${reportId}/lines/${lineId}/receipts`, file),
  submit: (grantId: string, reportId: string) =>
    unwrap(api.POST('/api/v1/grants/{id}/expense-reports/{reportId}/submit', { params: { path: { id: grantId, reportId } } })),
};

/** Where a receipt is downloaded from. */
export function receiptPath(grantId: string, reportId: string, lineId: string, documentId: string): string {
  return `/api/v1/grants/${grantId}/expense-reports/${reportId}/lines/${lineId}/receipts/${documentId}`;
}
