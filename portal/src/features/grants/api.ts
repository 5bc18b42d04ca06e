import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap, upload } from '../../api/client';
import type { components, paths } from '../../api/schema';

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

/* ---------- The company's side: awarding, paying out, settling and reviewing ---------- */

export type GrantStatus = NonNullable<NonNullable<paths['/api/v1/grants']['get']['parameters']['query']>['status']>;
export type GrantFilters = Omit<NonNullable<paths['/api/v1/grants']['get']['parameters']['query']>, 'limit' | 'cursor'>;
export type ProgramYear = components['schemas']['ProgramYearResponse'];
export type CreateGrantBody = components['schemas']['CreateGrantDto'];
export type UpdateGrantBody = components['schemas']['UpdateGrantDto'];
export type DisbursementBody = components['schemas']['CreateDisbursementDto'];
export type ReverseBody = components['schemas']['ReverseDisbursementDto'];
export type SettleBody = components['schemas']['SettleGrantDto'];
export type ReviewBody = components['schemas']['ReviewExpenseReportDto'];

/** The grant statuses a list can be filtered by, in the order a grant goes through them. */
export const GRANT_STATUSES: GrantStatus[] = ['awarded', 'disbursing', 'fully_disbursed', 'reporting', 'closed', 'cancelled'];

/** The list with the filters of the URL (the API's own parameter names), a page at a time. */
export function useFilteredGrantList(filters: GrantFilters) {
  return useInfiniteQuery({
    queryKey: [...grantKeys.list(), filters] as const,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/grants', { params: { query: { ...filters, limit: 25, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The company's partnerships (the schools a grant or facilities support can go to), a page at a time. */
export function usePartnerships(enabled = true) {
  return useInfiniteQuery({
    queryKey: ['partnerships', 'list', 'of-company'] as const,
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/partnerships', { params: { query: { limit: 100, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The years of a program, oldest first. */
export function useProgramYears(programId: string | null) {
  return useQuery({
    queryKey: ['programs', programId, 'years'] as const,
    enabled: !!programId,
    queryFn: () => unwrap(api.GET('/api/v1/programs/{id}/years', { params: { path: { id: programId ?? '' } } })),
  });
}

/** The school's plan for the year (the one a grant funds), if any. */
export function useYearPlans(programYearId: string | null, schoolId: string | null) {
  return useQuery({
    queryKey: ['plans', 'list', { programYearId, schoolId }] as const,
    enabled: !!programYearId && !!schoolId,
    queryFn: () => unwrap(api.GET('/api/v1/plans', { params: { query: { programYearId: programYearId ?? undefined, schoolId: schoolId ?? undefined, limit: 10 } } })),
  });
}

export function usePlan(planId: string | null) {
  return useQuery({
    queryKey: ['plans', planId] as const,
    enabled: !!planId,
    queryFn: () => unwrap(api.GET('/api/v1/plans/{id}', { params: { path: { id: planId ?? '' } } })),
  });
}

/** The calls the CSR officer makes on a grant; each answers what the server now has. */
export const grantCalls = {
  get: (id: string) => unwrap(api.GET('/api/v1/grants/{id}', { params: { path: { id } } })),
  award: (body: CreateGrantBody) => unwrap(api.POST('/api/v1/grants', { body })),
  update: (id: string, body: UpdateGrantBody) => unwrap(api.PATCH('/api/v1/grants/{id}', { params: { path: { id } }, body })),
  cancel: (id: string, reason: string) => unwrap(api.POST('/api/v1/grants/{id}/cancel', { params: { path: { id } }, body: { reason } })),
  settle: (id: string, body: SettleBody) => unwrap(api.POST('/api/v1/grants/{id}/settlement', { params: { path: { id } }, body })),
  disburse: (id: string, body: DisbursementBody, idempotencyKey: string) =>
    unwrap(api.POST('/api/v1/grants/{id}/disbursements', { params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } }, body })),
  reverse: (id: string, disbursementId: string, body: ReverseBody, idempotencyKey: string) =>
    unwrap(api.POST('/api/v1/grants/{id}/disbursements/{disbursementId}/reverse', { params: { path: { id, disbursementId }, header: { 'Idempotency-Key': idempotencyKey } }, body })),
  review: (id: string, reportId: string, body: ReviewBody) =>
    unwrap(api.POST('/api/v1/grants/{id}/expense-reports/{reportId}/review', { params: { path: { id, reportId } }, body })),
  /** A receipt's bytes, to show it inline (image or PDF). */
  receipt: async (path: { id: string; reportId: string; lineId: string; documentId: string }) =>
    (await unwrap(api.GET('/api/v1/grants/{id}/expense-reports/{reportId}/lines/{lineId}/receipts/{documentId}', { params: { path }, parseAs: 'blob' }))) as unknown as Blob,
};

/** Every year of the programs the reader can see, newest first, as options: "2026 · Generasi Trakindo". */
export function useYearOptions(enabled = true) {
  const programs = useQuery({
    queryKey: ['programs', 'list', 'for-grants'] as const,
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/programs', { params: { query: { limit: 100 } } })),
  });
  const years = useQueries({
    queries: (programs.data?.items ?? []).map((p) => ({
      queryKey: ['programs', p.id, 'years'] as const,
      queryFn: () => unwrap(api.GET('/api/v1/programs/{id}/years', { params: { path: { id: p.id } } })),
    })),
  });
  const options = (programs.data?.items ?? [])
    .flatMap((p, i) => (years[i]?.data?.items ?? []).map((y) => ({ value: y.id, year: y.year, label: `${y.year} · ${p.name}` })))
    .sort((a, b) => b.year - a.year || a.label.localeCompare(b.label));
  return { options, loading: programs.isPending && enabled };
}
