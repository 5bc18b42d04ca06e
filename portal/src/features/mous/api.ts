import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap, upload } from '../../api/client';
import type { components } from '../../api/schema';

// The MoU area's calls to the API, and nowhere else. Cache keys are named after the resources.

export type Mou = components['schemas']['MouResponse'];
export type MouDetail = components['schemas']['MouDetailResponse'];
export type MouStatus = Mou['status'];
export type MouParty = components['schemas']['MouPartyResponse'];
export type PartyRole = MouParty['role'];
export type MouBody = components['schemas']['CreateMouDto'];
export type MouDocument = components['schemas']['DocumentResponse'];
export type Amendment = components['schemas']['MouAmendmentResponse'];

export const MOU_STATUSES: MouStatus[] = ['draft', 'awaiting_signatures', 'active', 'expired', 'terminated', 'superseded'];
export const PARTY_ROLES: PartyRole[] = ['first_party', 'second_party', 'witness', 'supporting'];
export const DOCUMENT_KINDS = ['signed_mou', 'annex'] as const;
/** What an upload takes: the API keeps PDF, PNG and JPEG only (and says so when it refuses). */
export const DOCUMENT_ACCEPT = 'application/pdf,image/png,image/jpeg';

/** The list's filters, named as the API names them. */
export interface MouFilters {
  status?: MouStatus;
  expiringWithinDays?: number;
  partnershipId?: string;
}

export const mouKeys = {
  all: ['mous'] as const,
  list: (f: MouFilters) => ['mous', 'list', f] as const,
  one: (id: string) => ['mous', id] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export function useMouList(filters: MouFilters) {
  return useInfiniteQuery({
    queryKey: mouKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/mous', {
          params: { query: { limit: 50, cursor: pageParam, ...filters, ...(filters.expiringWithinDays !== undefined ? { sort: 'expiryDate' as const } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMou(id: string) {
  return useQuery({ queryKey: mouKeys.one(id), queryFn: () => unwrap(api.GET('/api/v1/mous/{id}', path(id))) });
}

/** The organisations a party can be: education offices (witnesses) and facilitators (supporting). */
export function useOrganizations(type: 'education_office' | 'facilitator') {
  return useQuery({
    queryKey: ['organizations', type],
    queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query: { type, limit: 100 } } })),
  });
}

export function usePartnershipOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['partnerships', 'list', { open: true }],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/partnerships', { params: { query: { limit: 100 } } })),
  });
}

export function usePartnershipOf(id: string | null) {
  return useQuery({
    queryKey: ['partnerships', id ?? ''],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/v1/partnerships/{id}', path(id ?? ''))),
  });
}

export function useCreateMou() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MouBody) => unwrap(api.POST('/api/v1/mous', { body })),
    onSuccess: (m) => {
      qc.setQueryData(mouKeys.one(m.id), m);
      void qc.invalidateQueries({ queryKey: ['mous', 'list'] });
    },
  });
}

/** Every write on one MoU; each answers the MoU as the server now has it. */
export function useMouActions(id: string) {
  const qc = useQueryClient();
  const settle = (m: MouDetail) => {
    qc.setQueryData(mouKeys.one(id), m);
    void qc.invalidateQueries({ queryKey: ['mous', 'list'] });
  };
  return {
    update: useMutation({
      mutationFn: (body: components['schemas']['UpdateMouDto']) => unwrap(api.PATCH('/api/v1/mous/{id}', { ...path(id), body })),
      onSuccess: settle,
    }),
    submit: useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/mous/{id}/submit', path(id))), onSuccess: settle }),
    sign: useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/mous/{id}/sign', path(id))), onSuccess: settle }),
    amend: useMutation({
      mutationFn: (body: components['schemas']['CreateAmendmentDto']) => unwrap(api.POST('/api/v1/mous/{id}/amendments', { ...path(id), body })),
      onSuccess: settle,
    }),
    signAmendment: useMutation({
      mutationFn: (amendmentId: string) => unwrap(api.POST('/api/v1/mous/{id}/amendments/{amendmentId}/sign', { params: { path: { id, amendmentId } } })),
      onSuccess: settle,
    }),
    renew: useMutation({
      mutationFn: (body: components['schemas']['CreateRenewalDto']) => unwrap(api.POST('/api/v1/mous/{id}/renewals', { ...path(id), body })),
      onSuccess: (m) => {
        qc.setQueryData(mouKeys.one(m.id), m);
        void qc.invalidateQueries({ queryKey: mouKeys.all });
      },
    }),
    terminate: useMutation({
      mutationFn: (body: components['schemas']['TerminateMouDto']) => unwrap(api.POST('/api/v1/mous/{id}/terminate', { ...path(id), body })),
      onSuccess: settle,
    }),
    upload: useMutation({
      mutationFn: ({ file, kind }: { file: File; kind: string }) => upload<MouDocument>(`/api/v1/mous/${id}/documents`, file, { fields: { kind } }),
      onSuccess: () => void qc.invalidateQueries({ queryKey: mouKeys.one(id) }),
    }),
  };
}

export function downloadDocument(mouId: string, doc: MouDocument): Promise<void> {
  return download(`/api/v1/mous/${mouId}/documents/${doc.id}`, doc.filename);
}

/** Days before expiry from which an MoU is shown as expiring soon (the first expiry reminder goes out then). */
export const EXPIRING_SOON_DAYS = 90;

/** Whether an MoU in force expires soon (the API sends reminders 90, 30 and 7 days before). */
export function expiresSoon(m: Pick<Mou, 'status' | 'daysToExpiry'>): boolean {
  return m.status === 'active' && m.daysToExpiry >= 0 && m.daysToExpiry <= EXPIRING_SOON_DAYS;
}
