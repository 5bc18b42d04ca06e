import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** The competitions the user may see, newest first (a program has one a year: one page is enough). */
export function useCompetitions() {
  return useQuery({ queryKey: competitionsKey, queryFn: () => unwrap(api.GET('/api/v1/competitions', { params: { query: { limit: 100 } } })) });
}

export function useCompetition(id: string) {
  return useQuery({ queryKey: competitionKey(id), queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}', { params: { path: { id } } })) });
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
