import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, upload } from '../../api/client';
import type { components } from '../../api/schema';

export type Competition = components['schemas']['CompetitionResponse'];
export type CompetitionDetail = components['schemas']['CompetitionDetailResponse'];
export type Entry = components['schemas']['EntryResponse'];
export type EntryDetail = components['schemas']['EntryDetailResponse'];
export type Results = components['schemas']['ResultsResponse'];
export type EvidenceFile = components['schemas']['DocumentResponse'];
export type CreateEntry = components['schemas']['CreateEntryDto'];
export type UpdateEntry = components['schemas']['UpdateEntryDto'];
type PlanProgram = components['schemas']['PlanProgramResponse'];

export const competitionsKey = ['competitions'] as const;
export const competitionKey = (id: string) => ['competitions', id] as const;
export const entriesKey = (competitionId: string) => ['competitions', competitionId, 'entries'] as const;
export const resultsKey = (competitionId: string) => ['competitions', competitionId, 'results'] as const;
export const entryKey = (id: string) => ['entries', id] as const;

export type CompetitionPhase = Competition['phase'];
export interface CompetitionFilters {
  programYearId?: string;
  phase?: CompetitionPhase;
}

/** The competitions the user may see, newest first, page by page (filters as the API names them). */
export function useCompetitions(filters: CompetitionFilters = {}) {
  return useInfiniteQuery({
    queryKey: [...competitionsKey, 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/competitions', { params: { query: { limit: 50, cursor: pageParam, ...filters } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function fetchCompetition(id: string): Promise<CompetitionDetail> {
  return unwrap(api.GET('/api/v1/competitions/{id}', { params: { path: { id } } }));
}

export function useCompetition(id: string) {
  return useQuery({ queryKey: competitionKey(id), queryFn: () => fetchCompetition(id) });
}

/** The entries the user may see: a principal, those of their own school. */
export function useEntries(competitionId: string, enabled = true) {
  return useQuery({
    queryKey: entriesKey(competitionId),
    queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}/entries', { params: { path: { id: competitionId }, query: { limit: 100 } } })),
    enabled,
  });
}

/** The published results (rank, award, scores per category; never the judges' names). */
export function useResults(competitionId: string, enabled: boolean) {
  return useQuery({
    queryKey: resultsKey(competitionId),
    queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}/results', { params: { path: { id: competitionId } } })),
    enabled,
  });
}

export function fetchEntry(id: string): Promise<EntryDetail> {
  return unwrap(api.GET('/api/v1/entries/{id}', { params: { path: { id } } }));
}

export function useEntry(id: string) {
  return useQuery({ queryKey: entryKey(id), queryFn: () => fetchEntry(id) });
}

/** A program of one of the school's plans, as an entry can grow from it. */
export interface PlanProgramChoice {
  planId: string;
  planTitle: string;
  program: PlanProgram;
}

/** The programs of the school's plans for a program year, to submit an entry from. */
export function usePlanPrograms(programYearId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['plans', { programYearId }, 'programs'],
    enabled: enabled && !!programYearId,
    queryFn: async (): Promise<PlanProgramChoice[]> => {
      const plans = await unwrap(api.GET('/api/v1/plans', { params: { query: { programYearId, limit: 100 } } }));
      const details = await Promise.all(plans.items.filter((p) => p.status !== 'withdrawn').map((p) => unwrap(api.GET('/api/v1/plans/{id}', { params: { path: { id: p.id } } }))));
      return details.flatMap((plan) => plan.content.programs.map((program) => ({ planId: plan.id, planTitle: plan.title, program })));
    },
  });
}

/** Submits the school's entry; the Idempotency-Key makes a retry after a lost answer replay the first one. */
export function useCreateEntry(competitionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateEntry; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/competitions/{id}/entries', { params: { path: { id: competitionId } }, body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: (entry) => {
      queryClient.setQueryData(entryKey(entry.id), entry);
      void queryClient.invalidateQueries({ queryKey: entriesKey(competitionId) });
    },
  });
}

export function useUpdateEntry(entryId: string, competitionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEntry) => unwrap(api.PATCH('/api/v1/entries/{id}', { params: { path: { id: entryId } }, body })),
    onSuccess: (entry) => {
      queryClient.setQueryData(entryKey(entryId), entry);
      void queryClient.invalidateQueries({ queryKey: entriesKey(competitionId) });
    },
  });
}

export function useUploadEvidence(entryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => upload<EvidenceFile>(`/api/v1/entries/${entryId}/evidence`, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: entryKey(entryId) }),
  });
}

// ---- The CSR officer: the competition, its phases, panel, assignments and results preview ----

export type CreateCompetition = components['schemas']['CreateCompetitionDto'];
export type UpdateCompetition = components['schemas']['UpdateCompetitionDto'];
export type PanelJudge = components['schemas']['PanelJudgeResponse'];
export type JudgeCandidate = components['schemas']['JudgeCandidateResponse'];
export type Assignment = components['schemas']['JudgeAssignmentResponse'];
export type JudgeConflict = components['schemas']['JudgeConflictResponse'];
export type ConflictReason = components['schemas']['ConflictReasonResponse'];
export type AssignByCategoryResult = components['schemas']['AssignByCategoryResponse'];
export type ResultsPreview = components['schemas']['ResultsPreviewResponse'];
export type ScoreSheet = components['schemas']['ScoreSheetResponse'];
export type ScoreItem = components['schemas']['ScoreItemDto'];

export const panelKey = (id: string) => ['competitions', id, 'judges'] as const;
export const assignmentsKey = (id: string) => ['competitions', id, 'assignments'] as const;
export const conflictsKey = (id: string) => ['competitions', id, 'conflicts'] as const;
export const previewKey = (id: string) => ['competitions', id, 'results', 'preview'] as const;
export const scoresKey = (entryId: string) => ['entries', entryId, 'scores'] as const;

const onCompetition = (id: string) => ({ params: { path: { id } } });

/** The company's programs, to choose the year of a new competition. */
export function usePrograms() {
  return useQuery({ queryKey: ['programs', { limit: 100 }], queryFn: () => unwrap(api.GET('/api/v1/programs', { params: { query: { limit: 100 } } })) });
}

export function useProgramYearsOf(programId: string) {
  return useQuery({ queryKey: ['programs', programId, 'years'], enabled: !!programId, queryFn: () => unwrap(api.GET('/api/v1/programs/{id}/years', onCompetition(programId))) });
}

export function useCreateCompetition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCompetition) => unwrap(api.POST('/api/v1/competitions', { body })),
    onSuccess: (c) => {
      queryClient.setQueryData(competitionKey(c.id), c);
      void queryClient.invalidateQueries({ queryKey: [...competitionsKey, 'list'] });
    },
  });
}

export function useUpdateCompetition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCompetition) => unwrap(api.PATCH('/api/v1/competitions/{id}', { ...onCompetition(id), body })),
    onSuccess: (c) => {
      queryClient.setQueryData(competitionKey(id), c);
      void queryClient.invalidateQueries({ queryKey: [...competitionsKey, 'list'] });
    },
  });
}

/** Moves the competition one phase forward; publishing freezes the results. */
export function useChangePhase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (phase: CompetitionPhase) => unwrap(api.POST('/api/v1/competitions/{id}/phase', { ...onCompetition(id), body: { phase } })),
    onSuccess: (c) => {
      queryClient.setQueryData(competitionKey(id), c);
      void queryClient.invalidateQueries({ queryKey: competitionsKey });
    },
  });
}

export function usePanel(id: string) {
  return useQuery({ queryKey: panelKey(id), queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}/judges', onCompetition(id))) });
}

export function useJudgeCandidates(id: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['competitions', id, 'judge-candidates', q],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}/judge-candidates', { params: { path: { id }, query: { q: q || undefined, limit: 50 } } })),
  });
}

/** After the panel or the assignments change, everything counted from them is read again. */
function useRefreshJudging(id: string) {
  const queryClient = useQueryClient();
  return () => {
    for (const key of [panelKey(id), assignmentsKey(id), conflictsKey(id), previewKey(id), ['competitions', id, 'judge-candidates']]) void queryClient.invalidateQueries({ queryKey: key });
  };
}

export function useAddJudge(id: string) {
  const refresh = useRefreshJudging(id);
  return useMutation({ mutationFn: (userId: string) => unwrap(api.POST('/api/v1/competitions/{id}/judges', { ...onCompetition(id), body: { userId } })), onSuccess: refresh });
}

export function useRemoveJudge(id: string) {
  const refresh = useRefreshJudging(id);
  return useMutation({ mutationFn: (userId: string) => unwrap(api.DELETE('/api/v1/competitions/{id}/judges/{userId}', { params: { path: { id, userId } } })), onSuccess: refresh });
}

export function useAssignments(id: string, enabled = true) {
  return useQuery({ queryKey: assignmentsKey(id), enabled, queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}/assignments', onCompetition(id))) });
}

export function useAssign(id: string) {
  const refresh = useRefreshJudging(id);
  return useMutation({
    mutationFn: (body: { judgeUserId: string; entryId: string }) => unwrap(api.POST('/api/v1/competitions/{id}/assignments', { ...onCompetition(id), body })),
    onSuccess: refresh,
  });
}

export function useAssignByCategory(id: string) {
  const refresh = useRefreshJudging(id);
  return useMutation({
    mutationFn: (body: { categoryId: string; judgesPerEntry: number }) => unwrap(api.POST('/api/v1/competitions/{id}/assignments/by-category', { ...onCompetition(id), body })),
    onSuccess: refresh,
  });
}

export function useRemoveAssignment(id: string) {
  const refresh = useRefreshJudging(id);
  return useMutation({
    mutationFn: (assignmentId: string) => unwrap(api.DELETE('/api/v1/competitions/{id}/assignments/{assignmentId}', { params: { path: { id, assignmentId } } })),
    onSuccess: refresh,
  });
}

export function useConflicts(id: string, enabled = true) {
  return useQuery({ queryKey: conflictsKey(id), enabled, queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}/conflicts', onCompetition(id))) });
}

/** A CSR officer's view of every entry, page by page. */
export function useEntryPages(competitionId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...entriesKey(competitionId), 'pages'],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/competitions/{id}/entries', { params: { path: { id: competitionId }, query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useResultsPreview(id: string, enabled: boolean) {
  return useQuery({ queryKey: previewKey(id), enabled, queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}/results/preview', onCompetition(id))) });
}

// ---- The judge: declaring a conflict, scoring ----

export function useDeclareConflict(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { schoolId: string; reason: string }) => unwrap(api.POST('/api/v1/competitions/{id}/conflicts', { ...onCompetition(id), body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: assignmentsKey(id) });
      void queryClient.invalidateQueries({ queryKey: conflictsKey(id) });
      void queryClient.invalidateQueries({ queryKey: entriesKey(id) });
    },
  });
}

export function useScores(entryId: string) {
  return useQuery({ queryKey: scoresKey(entryId), queryFn: () => unwrap(api.GET('/api/v1/entries/{id}/scores', { params: { path: { id: entryId } } })) });
}

export function usePutScores(entryId: string, competitionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scores: ScoreItem[]) => unwrap(api.PUT('/api/v1/entries/{id}/scores', { params: { path: { id: entryId } }, body: { scores } })),
    onSuccess: (sheet) => {
      queryClient.setQueryData(scoresKey(entryId), { items: [sheet] });
      void queryClient.invalidateQueries({ queryKey: assignmentsKey(competitionId) });
    },
  });
}
