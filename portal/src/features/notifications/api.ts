import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Notice = components['schemas']['NotificationResponse'];
export type NoticeFilter = 'all' | 'unread';

/** Cache keys, named after the API's resources. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  list: (filter: NoticeFilter) => ['notifications', 'list', filter] as const,
};

const PAGE = 20;

/** The number beside the bell: asked again on each page change, on focus and every minute. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')),
    enabled,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  });
}

export function useNotices(filter: NoticeFilter) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: PAGE, cursor: pageParam, unread: filter === 'unread' ? true : undefined } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Where a notice's record is worked on in the portal. */
export function noticeLink(n: Pick<Notice, 'entityType' | 'entityId'>): string | null {
  if (!n.entityId) return null;
  switch (n.entityType) {
    case 'mou':
      return `/mous/${n.entityId}`;
    case 'mentoring_action':
      return '/mentoring?tab=actions';
    default:
      return null;
  }
}
