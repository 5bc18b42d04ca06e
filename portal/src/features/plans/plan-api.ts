import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap, upload } from '../../api/client';
import type { components } from '../../api/schema';
import type { PlanContentInput, PlanDetail } from './plan-form';

// The plans area's calls to the API, and nowhere else. Cache keys are named after the resources.

export type PlanStatus = PlanDetail['status'];
export type PlanComment = components['schemas']['PlanCommentResponse'];
export type PlanVersion = components['schemas']['PlanVersionResponse'];
export type PlanVersionDetail = components['schemas']['PlanVersionDetailResponse'];
export type PlanDiff = components['schemas']['PlanDiffResponse'];
export type PlanProgress = components['schemas']['PlanProgressResponse'];
export type ActivityProgress = components['schemas']['ActivityProgressResponse'];
export type IndicatorResult = components['schemas']['IndicatorResultResponse'];
export type ProgramYear = components['schemas']['ProgramYearResponse'];
export type ProgressStatus = ActivityProgress['status'];

const path = (id: string) => ({ params: { path: { id } } });

export const planKeys = {
  all: ['plans'] as const,
  list: (status: string | null) => ['plans', 'list', status ?? 'all'] as const,
  queue: (filters: PlanFilters) => ['plans', 'list', 'queue', filters] as const,
  one: (id: string) => ['plans', id] as const,
  comments: (id: string) => ['plans', id, 'comments'] as const,
  versions: (id: string) => ['plans', id, 'versions'] as const,
  version: (id: string, n: number) => ['plans', id, 'versions', n] as const,
  diff: (id: string, n: number, against: number | null) => ['plans', id, 'versions', n, 'diff', against ?? 'empty'] as const,
  progress: (id: string) => ['plans', id, 'progress'] as const,
};

/** The list's filters, by the API's own query parameter names (and so the page's URL). */
export interface PlanFilters {
  programYearId?: string;
  schoolId?: string;
  status?: PlanStatus;
  late?: boolean;
}

/** The plans a reviewer sees with the filters of the page's URL, page by page. */
export function usePlanQueue(filters: PlanFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: planKeys.queue(filters),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/plans', { params: { query: { limit: 20, cursor: pageParam, ...filters } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The program years a reviewer can filter by: the years of the programs they can see, newest first. */
export function useReviewYears() {
  return useQuery({
    queryKey: ['programs', 'years', 'all'],
    queryFn: async () => {
      const programs = await unwrap(api.GET('/api/v1/programs', { params: { query: { limit: 20 } } }));
      const years = await Promise.all(
        programs.items.map(async (p) => (await unwrap(api.GET('/api/v1/programs/{id}/years', path(p.id)))).items.map((y) => ({ id: y.id, year: y.year, program: p.name }))),
      );
      return years.flat().sort((a, b) => b.year - a.year || a.program.localeCompare(b.program));
    },
  });
}

/** A reviewer's decision on a submitted plan, naming the version read (409 when it changed since). */
export function useReviewPlan(id: string) {
  const qc = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: (d: { decision: 'approve' } | { decision: 'request-changes'; comment: string }) => {
      const version = (qc.getQueryData(planKeys.one(id)) as PlanDetail | undefined)?.version;
      if (d.decision === 'approve') return unwrap(api.POST('/api/v1/plans/{id}/approve', { params: { path: { id } }, body: { version } }));
      return unwrap(api.POST('/api/v1/plans/{id}/request-changes', { params: { path: { id } }, body: { comment: d.comment, version } }));
    },
    onSuccess: (plan) => {
      qc.setQueryData(planKeys.one(id), plan);
      void qc.invalidateQueries({ queryKey: planKeys.all });
    },
    onError: () => {
      // Someone changed the plan (409) or it moved on: load the plan as it is now; the reviewer's words stay in the form.
      void qc.invalidateQueries({ queryKey: planKeys.one(id) });
      void qc.invalidateQueries({ queryKey: planKeys.comments(id) });
      void qc.invalidateQueries({ queryKey: planKeys.versions(id) });
    },
  });
}

/** The plans the signed-in user can see, newest program year first, page by page. */
export function usePlanList(status: PlanStatus | null) {
  return useInfiniteQuery({
    queryKey: planKeys.list(status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/plans', { params: { query: { limit: 50, cursor: pageParam, ...(status ? { status } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: planKeys.one(id), queryFn: () => unwrap(api.GET('/api/v1/plans/{id}', path(id))) });
}

export function usePlanComments(id: string) {
  return useQuery({ queryKey: planKeys.comments(id), queryFn: () => unwrap(api.GET('/api/v1/plans/{id}/comments', path(id))) });
}

export function usePlanVersions(id: string) {
  return useQuery({ queryKey: planKeys.versions(id), queryFn: () => unwrap(api.GET('/api/v1/plans/{id}/versions', path(id))) });
}

export function usePlanVersion(id: string, n: number | null) {
  return useQuery({
    queryKey: planKeys.version(id, n ?? 0),
    enabled: n !== null && n > 0,
    staleTime: Infinity, // a submitted version never changes
    queryFn: () => unwrap(api.GET('/api/v1/plans/{id}/versions/{number}', { params: { path: { id, number: n ?? 0 } } })),
  });
}

export function usePlanDiff(id: string, n: number | null, against: number | null) {
  return useQuery({
    queryKey: planKeys.diff(id, n ?? 0, against),
    enabled: n !== null,
    staleTime: Infinity,
    queryFn: () =>
      unwrap(api.GET('/api/v1/plans/{id}/versions/{number}/diff', { params: { path: { id, number: n ?? 0 }, query: against === null ? {} : { against } } })),
  });
}

export function usePlanProgress(id: string, enabled = true) {
  return useQuery({ queryKey: planKeys.progress(id), enabled, queryFn: () => unwrap(api.GET('/api/v1/plans/{id}/progress', path(id))) });
}

/** The partnerships of the signed-in school (for the years that have no plan yet). */
export function usePartnerships(enabled: boolean) {
  return useQuery({
    queryKey: ['partnerships', 'mine'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/partnerships', { params: { query: { limit: 100 } } })),
  });
}

/** The years of a program. */
export function useProgramYears(programId: string | null) {
  return useQuery({
    queryKey: ['programs', programId, 'years'],
    enabled: programId !== null,
    queryFn: () => unwrap(api.GET('/api/v1/programs/{id}/years', path(programId ?? ''))),
  });
}

/** The facilitator assigned to the school for a program year, if any. */
export function useAssignedFacilitator(programYearId: string | null, schoolId: string | null) {
  return useQuery({
    queryKey: ['mentoring', 'assignments', { programYearId, schoolId }],
    enabled: programYearId !== null && schoolId !== null,
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/v1/mentoring/assignments', { params: { query: { programYearId: programYearId ?? '', schoolId: schoolId ?? '', limit: 5 } } }));
      return page.items.find((a) => a.active)?.facilitator ?? null;
    },
  });
}

/** Saves a draft: the whole template replaces the stored one; `version` is the one it was based on. */
export function useSavePlan(id: string) {
  const qc = useQueryClient();
  return useMutation({
    // Offline, fail at once (the page says so and keeps what was typed) rather than wait paused.
    networkMode: 'always',
    mutationFn: (body: { version: number; title: string; content: PlanContentInput }) => unwrap(api.PATCH('/api/v1/plans/{id}', { params: { path: { id } }, body })),
    onSuccess: (plan) => {
      qc.setQueryData(planKeys.one(id), plan);
      void qc.invalidateQueries({ queryKey: planKeys.list(null).slice(0, 2) });
    },
  });
}

type Step = 'submit' | 'start' | 'complete' | 'revise';

/** One step of the workflow (submit, start, complete, revise); the plan comes back in its new state. */
export function usePlanStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: (step: Step) => {
      const p = path(id);
      switch (step) {
        case 'submit':
          return unwrap(api.POST('/api/v1/plans/{id}/submit', p));
        case 'start':
          return unwrap(api.POST('/api/v1/plans/{id}/start', p));
        case 'complete':
          return unwrap(api.POST('/api/v1/plans/{id}/complete', p));
        case 'revise':
          return unwrap(api.POST('/api/v1/plans/{id}/revise', p));
      }
    },
    onSuccess: (plan) => {
      qc.setQueryData(planKeys.one(id), plan);
      void qc.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}

export function useWithdrawPlan(id: string) {
  const qc = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: (reason: string) => unwrap(api.POST('/api/v1/plans/{id}/withdraw', { params: { path: { id } }, body: { reason } })),
    onSuccess: (plan) => {
      qc.setQueryData(planKeys.one(id), plan);
      void qc.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}

/** Starts the school's plan for a program year; the key makes a retry return the same plan. */
export function useCreatePlan() {
  const qc = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: ({ key, ...body }: { key: string; programYearId: string; title: string; facilitatorUserId?: string }) =>
      unwrap(api.POST('/api/v1/plans', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: (plan) => {
      qc.setQueryData(planKeys.one(plan.id), plan);
      void qc.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}

/** A comment: general, on a field (`fieldPath`), or a reply (`parentId`). */
export function useAddComment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: ({ key, ...body }: { key: string; body: string; fieldPath?: string; parentId?: string }) =>
      unwrap(api.POST('/api/v1/plans/{id}/comments', { params: { path: { id } }, body, headers: { 'Idempotency-Key': key } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.comments(id) }),
  });
}

/**
 * Reports how an activity is going. With an evidence file it goes as multipart form data (the
 * field `file`), otherwise as JSON.
 */
export function useReportProgress(id: string) {
  const qc = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: ({ activityId, status, note, file }: { activityId: string; status: ProgressStatus; note: string; file: File | null }): Promise<ActivityProgress> => {
      const url = `/api/v1/plans/${id}/activities/${activityId}/progress`;
      if (file) return upload<ActivityProgress>(url, file, { method: 'PUT', fields: { status, note } });
      return unwrap(api.PUT('/api/v1/plans/{id}/activities/{activityId}/progress', { params: { path: { id, activityId } }, body: { status, note } }));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.progress(id) }),
  });
}

export function useReportResult(id: string) {
  const qc = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: ({ indicatorId, achievedValue, note }: { indicatorId: string; achievedValue: string; note: string }) =>
      unwrap(api.PUT('/api/v1/plans/{id}/indicators/{indicatorId}/result', { params: { path: { id, indicatorId } }, body: { achievedValue, note } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.progress(id) }),
  });
}

export type PlanFile = 'pdf' | 'csv' | 'csv-semicolon' | 'xlsx' | { documentId: string; filename: string | null };

/** Downloads the plan's PDF, its budget for the RKAS (CSV or XLSX), or an evidence file. */
export function downloadPlanFile(id: string, file: PlanFile, year: number): Promise<void> {
  if (typeof file === 'object') return download(`/api/v1/plans/${id}/documents/${file.documentId}`, file.filename ?? 'bukti');
  switch (file) {
    case 'pdf':
      return download(`/api/v1/plans/${id}/export.pdf`, `rencana-${year}.pdf`);
    case 'csv':
      return download(`/api/v1/plans/${id}/budget.csv`, `anggaran-${year}.csv`);
    case 'csv-semicolon':
      return download(`/api/v1/plans/${id}/budget.csv?delimiter=semicolon`, `anggaran-${year}.csv`);
    case 'xlsx':
      return download(`/api/v1/plans/${id}/budget.xlsx`, `anggaran-${year}.xlsx`);
  }
}

/** The plan as the server has it now (after a conflict). */
export function fetchPlan(id: string): Promise<PlanDetail> {
  return unwrap(api.GET('/api/v1/plans/{id}', path(id)));
}
