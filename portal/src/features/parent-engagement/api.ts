import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap, upload } from '../../api/client';
import type { components, paths } from '../../api/schema';

export type Activity = components['schemas']['ParentEngagementActivityResponse'];
export type ActivityDetail = components['schemas']['ParentEngagementActivityDetailResponse'];
export type NewActivity = components['schemas']['CreateParentEngagementActivityDto'];
export type ActivityChanges = Omit<components['schemas']['UpdateParentEngagementActivityDto'], 'version'>;
export type ActivityKind = Activity['kind'];
export type GradeCount = components['schemas']['GradeCountDto'];
export type EvidenceDocument = components['schemas']['DocumentResponse'];
export type SchoolParentsReached = components['schemas']['SchoolParentsReachedResponse'];
export type ParentsReached = components['schemas']['ParentsReachedResponse'];
export type ActivityFilters = Omit<NonNullable<paths['/api/v1/parent-engagement/activities']['get']['parameters']['query']>, 'limit' | 'cursor'>;

/** The kinds of the API's catalogue, in its order (their names come from the strings of this area). */
export const ACTIVITY_KINDS: ActivityKind[] = [
  'parenting_class',
  'school_committee_meeting',
  'home_visit',
  'communication_book_check',
  'volunteering_day',
  'learning_at_home_guidance',
  'joint_decision_making',
  'community_collaboration',
];

/** Grades of an elementary school (SD). */
export const GRADES = [1, 2, 3, 4, 5, 6] as const;

/** Cache keys, named after the API's resources. */
export const activityKeys = {
  all: ['parent-engagement', 'activities'] as const,
  list: (filters: ActivityFilters) => ['parent-engagement', 'activities', 'list', filters] as const,
  one: (id: string) => ['parent-engagement', 'activities', id] as const,
};

/** One school's activities, newest first, with the filters, a page at a time. */
export function useActivities(filters: ActivityFilters) {
  return useInfiniteQuery({
    queryKey: activityKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/parent-engagement/activities', { params: { query: { ...filters, limit: 25, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function fetchActivity(id: string): Promise<ActivityDetail> {
  return unwrap(api.GET('/api/v1/parent-engagement/activities/{id}', { params: { path: { id } } }));
}

export function useActivity(id: string) {
  return useQuery({ queryKey: activityKeys.one(id), queryFn: () => fetchActivity(id) });
}

/** The school's plans (for linking an activity to a plan program). */
export function useSchoolPlans(schoolId: string | undefined) {
  return useQuery({
    queryKey: ['plans', 'list', 'for-parent-engagement', schoolId] as const,
    enabled: !!schoolId,
    queryFn: () => unwrap(api.GET('/api/v1/plans', { params: { query: { schoolId, limit: 50 } } })),
  });
}

/** One plan with its programs. */
export function usePlanPrograms(planId: string | null) {
  return useQuery({
    queryKey: ['plans', planId, 'programs-for-parent-engagement'] as const,
    enabled: !!planId,
    queryFn: () => unwrap(api.GET('/api/v1/plans/{id}', { params: { path: { id: planId ?? '' } } })),
  });
}

/** Records an activity (the school's principal); the lists are read again. */
export function useRecordActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewActivity) => unwrap(api.POST('/api/v1/parent-engagement/activities', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(activityKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: [...activityKeys.all, 'list'] });
    },
  });
}

/** Saves changes on top of the version they were based on (409 when someone saved first). */
export function useUpdateActivity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: ActivityChanges }) =>
      unwrap(api.PATCH('/api/v1/parent-engagement/activities/{id}', { params: { path: { id } }, body: { ...changes, version } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(activityKeys.one(id), saved);
      void queryClient.invalidateQueries({ queryKey: [...activityKeys.all, 'list'] });
    },
  });
}

/** Attaches an evidence file; the activity is read again to show it. */
export function useAddEvidence(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => upload<EvidenceDocument>(`/api/v1/parent-engagement/activities/${id}/evidence`, file),
    onSettled: () => queryClient.invalidateQueries({ queryKey: activityKeys.one(id) }),
  });
}

/** Downloads an evidence file. */
export function downloadEvidence(id: string, doc: Pick<EvidenceDocument, 'id' | 'filename'>): Promise<void> {
  return download(`/api/v1/parent-engagement/activities/${id}/evidence/${doc.id}`, doc.filename);
}
