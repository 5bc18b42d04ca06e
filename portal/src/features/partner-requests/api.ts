import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type PartnerRequest = components['schemas']['PartnerRequestResponse'];
export type PartnerRequestDetail = components['schemas']['PartnerRequestDetailResponse'];
export type Recommendation = components['schemas']['PartnerRecommendationResponse'];
export type AcceptAnswer = components['schemas']['AcceptRecommendationResponse'];
export type Candidate = components['schemas']['PartnerCandidateResponse'];
export type ScoreReason = components['schemas']['ScoreReasonResponse'];
export type HistoryEvent = components['schemas']['PartnerRequestEventResponse'];
export type RequestStatus = PartnerRequest['status'];
export type SchoolLevel = PartnerRequest['schoolLevels'][number];
export type NeedTopic = PartnerRequest['needTopics'][number];
export type CreateRequestBody = components['schemas']['CreatePartnerRequestDto'];
export type RecommendationItem = components['schemas']['RecommendationItemDto'];
export type Organization = components['schemas']['OrganizationResponse'];

/** The statuses a request reads as, in the order of its life. */
export const REQUEST_STATUSES: RequestStatus[] = ['open', 'answered', 'closed', 'withdrawn', 'expired'];

/** The school levels, in the API's order. */
export const SCHOOL_LEVELS: SchoolLevel[] = ['SD', 'MI', 'SMP', 'MTs', 'SMA', 'MA', 'SMK', 'SLB'];

/** Cache keys, named after the API's resources. */
export const requestKeys = {
  all: ['partner-requests'] as const,
  list: (status: RequestStatus | null) => ['partner-requests', 'list', status ?? 'all'] as const,
  one: (id: string) => ['partner-requests', id] as const,
  candidates: (id: string, limit: number) => ['partner-requests', id, 'candidates', limit] as const,
  history: (id: string) => ['partner-requests', id, 'history'] as const,
};

export function useRequestList(status: RequestStatus | null) {
  return useInfiniteQuery({
    queryKey: requestKeys.list(status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/partner-requests', { params: { query: { limit: 20, cursor: pageParam, ...(status ? { status } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRequest(id: string) {
  return useQuery({ queryKey: requestKeys.one(id), queryFn: () => unwrap(api.GET('/api/v1/partner-requests/{id}', { params: { path: { id } } })), retry: false });
}

export function useCandidates(id: string, limit: number, enabled: boolean) {
  return useQuery({
    queryKey: requestKeys.candidates(id, limit),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/partner-requests/{id}/candidates', { params: { path: { id }, query: { limit } } })),
  });
}

export function useHistory(id: string) {
  return useQuery({ queryKey: requestKeys.history(id), queryFn: () => unwrap(api.GET('/api/v1/partner-requests/{id}/history', { params: { path: { id } } })) });
}

/** Organisations by type and search text (name or NPSN), the first 20. */
export function useOrganizationSearch(type: 'education_office' | 'school', q: string) {
  return useQuery({
    queryKey: ['organizations', 'search', type, q],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query: { type, limit: 20, ...(q ? { q } : {}) } } })),
  });
}

export function useOrganization(id: string | null) {
  return useQuery({
    queryKey: ['organizations', id],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** The regencies/cities of a province (for a province office's jurisdiction). */
export function useRegencies(provinceCode: string | null) {
  return useQuery({
    queryKey: ['regions', provinceCode],
    enabled: !!provinceCode,
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/v1/regions', { params: { query: { provinceCode: provinceCode ?? '' } } })),
  });
}

/** The company's programs (a CSR officer sees only their own). */
export function usePrograms(enabled = true) {
  return useQuery({ queryKey: ['programs', 'list'], enabled, queryFn: () => unwrap(api.GET('/api/v1/programs', { params: { query: { limit: 100 } } })) });
}

/** One program's name, when the reader may see it (an education office often may not). */
export function useProgram(id: string | null) {
  return useQuery({ queryKey: ['programs', id], enabled: !!id, retry: false, queryFn: () => unwrap(api.GET('/api/v1/programs/{id}', { params: { path: { id: id ?? '' } } })) });
}

/** The writes on a request; each answers the whole request as the server now has it, which replaces the cached one. */
export function useRequestActions(id: string) {
  const qc = useQueryClient();
  const done = (detail: PartnerRequestDetail) => {
    qc.setQueryData(requestKeys.one(id), detail);
    void qc.invalidateQueries({ queryKey: ['partner-requests', 'list'] });
    void qc.invalidateQueries({ queryKey: requestKeys.history(id) });
    void qc.invalidateQueries({ queryKey: ['partner-requests', id, 'candidates'] });
  };
  return {
    accept: useMutation({
      mutationFn: ({ recommendationId, programId }: { recommendationId: string; programId?: string }) =>
        unwrap(
          api.POST('/api/v1/partner-requests/{id}/recommendations/{recommendationId}/accept', {
            params: { path: { id, recommendationId } },
            body: programId ? { programId } : {},
          }),
        ),
      onSuccess: done,
    }),
    decline: useMutation({
      mutationFn: ({ recommendationId, reason }: { recommendationId: string; reason: string }) =>
        unwrap(api.POST('/api/v1/partner-requests/{id}/recommendations/{recommendationId}/decline', { params: { path: { id, recommendationId } }, body: { reason } })),
      onSuccess: done,
    }),
    withdraw: useMutation({
      mutationFn: (reason: string) => unwrap(api.POST('/api/v1/partner-requests/{id}/withdraw', { params: { path: { id } }, body: { reason } })),
      onSuccess: done,
    }),
    close: useMutation({
      mutationFn: () => unwrap(api.POST('/api/v1/partner-requests/{id}/close', { params: { path: { id } } })),
      onSuccess: done,
    }),
    recommend: useMutation({
      mutationFn: (recommendations: RecommendationItem[]) => unwrap(api.POST('/api/v1/partner-requests/{id}/recommendations', { params: { path: { id } }, body: { recommendations } })),
      onSuccess: done,
    }),
  };
}

export function useCreateRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRequestBody) => unwrap(api.POST('/api/v1/partner-requests', { body })),
    onSuccess: (detail) => {
      qc.setQueryData(requestKeys.one(detail.id), detail);
      void qc.invalidateQueries({ queryKey: ['partner-requests', 'list'] });
    },
  });
}
