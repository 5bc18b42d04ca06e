import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

// The programs and partnerships area's calls to the API, and nowhere else. Cache keys are named after the resources.

export type Program = components['schemas']['ProgramResponse'];
export type ProgramYear = components['schemas']['ProgramYearResponse'];
export type CohortEntry = components['schemas']['CohortPartnershipResponse'];
export type Partnership = components['schemas']['PartnershipResponse'];
export type PartnershipDetail = components['schemas']['PartnershipDetailResponse'];
export type PartnershipStatus = Partnership['status'];
export type Timeline = components['schemas']['PartnershipTimelineResponse'];
export type YearStatus = ProgramYear['status'];
export type Topic = Program['focusAreas'][number];
export type ProgramBody = components['schemas']['CreateProgramDto'];
export type YearBody = components['schemas']['CreateProgramYearDto'];

export const PARTNERSHIP_STATUSES: PartnershipStatus[] = ['prospective', 'active', 'paused', 'ended'];

export const programKeys = {
  list: () => ['programs', 'list'] as const,
  one: (id: string) => ['programs', id] as const,
  years: (id: string) => ['programs', id, 'years'] as const,
  cohort: (id: string, yearId: string) => ['programs', id, 'years', yearId, 'cohort'] as const,
};

export const partnershipKeys = {
  all: ['partnerships'] as const,
  list: (filters: Record<string, string>) => ['partnerships', 'list', filters] as const,
  one: (id: string) => ['partnerships', id] as const,
  timeline: (id: string) => ['partnerships', id, 'timeline'] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export function useProgramList(enabled = true) {
  return useInfiniteQuery({
    queryKey: programKeys.list(),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/programs', { params: { query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useProgram(id: string) {
  return useQuery({ queryKey: programKeys.one(id), queryFn: () => unwrap(api.GET('/api/v1/programs/{id}', path(id))) });
}

export function useProgramYears(id: string, enabled = true) {
  return useQuery({ queryKey: programKeys.years(id), enabled, queryFn: () => unwrap(api.GET('/api/v1/programs/{id}/years', path(id))) });
}

export function useCohort(id: string, yearId: string) {
  return useQuery({
    queryKey: programKeys.cohort(id, yearId),
    queryFn: () => unwrap(api.GET('/api/v1/programs/{id}/years/{yearId}/cohort', { params: { path: { id, yearId } } })),
  });
}

export function useCreateProgram() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgramBody) => unwrap(api.POST('/api/v1/programs', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['programs'] }),
  });
}

export function useUpdateProgram(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['UpdateProgramDto']) => unwrap(api.PATCH('/api/v1/programs/{id}', { ...path(id), body })),
    onSuccess: (p) => {
      qc.setQueryData(programKeys.one(id), p);
      void qc.invalidateQueries({ queryKey: programKeys.list() });
    },
  });
}

export function useYearMutations(programId: string) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: programKeys.years(programId) });
  return {
    create: useMutation({
      mutationFn: (body: YearBody) => unwrap(api.POST('/api/v1/programs/{id}/years', { ...path(programId), body })),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ yearId, body }: { yearId: string; body: components['schemas']['UpdateProgramYearDto'] }) =>
        unwrap(api.PATCH('/api/v1/programs/{id}/years/{yearId}', { params: { path: { id: programId, yearId } }, body })),
      // A refusal for a stale version loads the newer year too, so the user can re-apply their input.
      onSettled: refresh,
    }),
    move: useMutation({
      mutationFn: ({ yearId, status }: { yearId: string; status: YearStatus }) =>
        unwrap(api.POST('/api/v1/programs/{id}/years/{yearId}/status', { params: { path: { id: programId, yearId } }, body: { status } })),
      onSuccess: refresh,
    }),
  };
}

/** The reference lists a program form offers: provinces and facilitator organisations. */
export function useProvinces() {
  return useQuery({ queryKey: ['regions', 'provinces'], staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/v1/regions')) });
}

export function useFacilitatorOrgs() {
  return useQuery({
    queryKey: ['organizations', 'facilitators'],
    queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query: { type: 'facilitator', limit: 100 } } })),
  });
}

/** The list's filters as the API names them (programId, schoolId, status). */
export interface PartnershipFilters {
  programId?: string;
  schoolId?: string;
  status?: PartnershipStatus;
}

export function usePartnershipList(filters: PartnershipFilters) {
  return useInfiniteQuery({
    queryKey: partnershipKeys.list(filters as Record<string, string>),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/partnerships', { params: { query: { limit: 50, cursor: pageParam, ...filters } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePartnership(id: string) {
  return useQuery({ queryKey: partnershipKeys.one(id), queryFn: () => unwrap(api.GET('/api/v1/partnerships/{id}', path(id))) });
}

export function useTimeline(id: string, enabled = true) {
  return useQuery({ queryKey: partnershipKeys.timeline(id), enabled, queryFn: () => unwrap(api.GET('/api/v1/partnerships/{id}/timeline', path(id))) });
}

export function useChangePartnershipStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['ChangePartnershipStatusDto']) => unwrap(api.POST('/api/v1/partnerships/{id}/status', { ...path(id), body })),
    onSuccess: (p) => {
      qc.setQueryData(partnershipKeys.one(id), p);
      void qc.invalidateQueries({ queryKey: partnershipKeys.all });
    },
  });
}

/** The partnership's MoUs (newest first), for its page. */
export function usePartnershipMous(id: string) {
  return useQuery({
    queryKey: ['mous', 'list', { partnershipId: id }],
    queryFn: () => unwrap(api.GET('/api/v1/mous', { params: { query: { partnershipId: id, limit: 50 } } })),
  });
}

/** The one-page summary of a partnership as a PDF, in the chosen language. */
export function downloadSummary(id: string, locale: 'id' | 'en'): Promise<void> {
  return download(`/api/v1/reports/partnerships/${id}/summary.pdf?locale=${locale}`, `kemitraan-${id}.pdf`);
}
