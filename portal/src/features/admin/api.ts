import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { components, operations } from '../../api/schema';

export type Organization = components['schemas']['OrganizationResponse'];
export type OrganizationType = Organization['type'];
export type CreateOrganizationBody = components['schemas']['CreateOrganizationDto'];
export type UpdateOrganizationBody = components['schemas']['UpdateOrganizationDto'];
export type Region = components['schemas']['RegionResponse'];
export type User = components['schemas']['UserResponse'];
export type CreatedUser = components['schemas']['CreatedUserResponse'];
export type Role = User['role'];
export type CreateUserBody = components['schemas']['CreateUserDto'];
export type UpdateUserBody = components['schemas']['UpdateUserDto'];
export type AuditEvent = components['schemas']['AuditEventResponse'];
export type ImportReport = components['schemas']['SchoolImportResponse'];
export type ImportFailure = components['schemas']['SchoolImportFailedResponse'];
export type ImportProblem = components['schemas']['SchoolImportProblemResponse'];

export type OrganizationFilters = NonNullable<operations['OrganizationsController_list']['parameters']['query']>;
export type UserFilters = NonNullable<operations['UsersController_list']['parameters']['query']>;
export type AuditFilters = NonNullable<operations['AuditController_list']['parameters']['query']>;

export const ORGANIZATION_TYPES: OrganizationType[] = ['school', 'company', 'education_office', 'facilitator', 'other'];
export const ROLES: Role[] = ['admin', 'csr_officer', 'principal', 'education_officer', 'facilitator', 'judge'];
export const SCHOOL_LEVELS = ['SD', 'MI', 'SMP', 'MTs', 'SMA', 'MA', 'SMK', 'SLB'] as const;
const PAGE = 25;

/** Cache keys, named after the API's resources. */
export const adminKeys = {
  organizations: ['organizations'] as const,
  organizationList: (f: OrganizationFilters) => ['organizations', 'list', f] as const,
  organizationSearch: (q: string) => ['organizations', 'search', q] as const,
  organization: (id: string) => ['organizations', id] as const,
  regions: (provinceCode: string | null) => ['regions', provinceCode ? { provinceCode } : 'provinces'] as const,
  users: ['users'] as const,
  userList: (f: UserFilters) => ['users', 'list', f] as const,
  user: (id: string) => ['users', id] as const,
  audit: (f: AuditFilters) => ['audit-events', f] as const,
  outbox: (f: OutboxFilters) => ['outbox', f] as const,
};

export type OutboxMessage = components['schemas']['OutboxMessageResponse'];
export type OutboxFilters = Pick<NonNullable<operations['OutboxController_list']['parameters']['query']>, 'status' | 'kind'>;

/** A page of the e-mail outbox (newest first), for administrators. */
export function useOutbox(filters: OutboxFilters) {
  return useInfiniteQuery({
    queryKey: adminKeys.outbox(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/admin/outbox', { params: { query: { ...filters, limit: PAGE, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A page of organisations with the filters as the API names them. */
export function useOrganizationList(filters: OrganizationFilters) {
  return useInfiniteQuery({
    queryKey: adminKeys.organizationList(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/organizations', { params: { query: { ...filters, limit: PAGE, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Organisations whose name or NPSN matches, for pickers (the first 20). */
export function useOrganizationSearch(q: string, type?: OrganizationType) {
  return useQuery({
    queryKey: [...adminKeys.organizationSearch(q), type ?? 'any'],
    queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query: { q: q || undefined, type, limit: 20 } } })),
    placeholderData: keepPreviousData,
  });
}

export function fetchOrganization(id: string): Promise<Organization> {
  return unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id } } }));
}

export function useOrganization(id: string | null | undefined) {
  return useQuery({ queryKey: adminKeys.organization(id ?? ''), enabled: !!id, queryFn: () => fetchOrganization(id as string), staleTime: 60_000 });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganizationBody) => unwrap(api.POST('/api/v1/organizations', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(adminKeys.organization(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['organizations', 'list'] });
    },
  });
}

export function useUpdateOrganization(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganizationBody) => unwrap(api.PATCH('/api/v1/organizations/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(adminKeys.organization(id), saved);
      void queryClient.invalidateQueries({ queryKey: ['organizations', 'list'] });
    },
  });
}

/** Provinces (no code) or the regencies/cities of one province: a small catalogue, kept for the visit. */
export function useRegions(provinceCode: string | null, enabled = true) {
  return useQuery({
    queryKey: adminKeys.regions(provinceCode),
    enabled,
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/v1/regions', { params: { query: provinceCode ? { provinceCode } : {} } })),
  });
}

/** What an import answered: the report of a clean file, or the problems of a refused one (nothing written). */
export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; failure: ImportFailure };

/** Sends a CSV file to the school import, as a dry run or for real. */
export async function importSchools(file: File, dryRun: boolean): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('file', file);
  let res;
  try {
    res = await api.POST('/api/v1/organizations/import', {
      params: { query: { dryRun } },
      body: { file: '' },
      bodySerializer: () => form,
    });
  } catch (err) {
    throw new ApiProblem({ detail: err instanceof Error ? err.message : String(err) }, 0);
  }
  if (res.response.ok && res.data) return { ok: true, report: res.data };
  const body = (res.error ?? {}) as Partial<ImportFailure>;
  if (res.response.status === 422 && body.code === 'import_failed') return { ok: false, failure: body as ImportFailure };
  throw new ApiProblem(body as Record<string, unknown>, res.response.status);
}

export function useUserList(filters: UserFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: adminKeys.userList(filters),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/users', { params: { query: { ...filters, limit: PAGE, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function fetchUser(id: string): Promise<User> {
  return unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } }));
}

export function useUser(id: string | null | undefined) {
  return useQuery({ queryKey: adminKeys.user(id ?? ''), enabled: !!id, queryFn: () => fetchUser(id as string), staleTime: 60_000, retry: false });
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users', 'list'] }),
  });
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserBody) => unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(adminKeys.user(id), saved);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: adminKeys.audit(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/audit-events', { params: { query: { ...filters, limit: PAGE, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });
}

/** The link an invited person opens to choose their password (the accept page of the portal). */
export function invitationLink(token: string): string {
  return `${window.location.origin}/invitation?token=${encodeURIComponent(token)}`;
}
