import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Session = components['schemas']['MentoringSessionResponse'];
export type SessionDetail = components['schemas']['MentoringSessionDetailResponse'];
export type Action = components['schemas']['MentoringActionResponse'];
export type Evidence = components['schemas']['DocumentResponse'];

export type ConfirmationFilter = 'all' | 'pending' | 'confirmed' | 'disputed';
export type ActionFilter = 'open' | 'overdue' | 'done' | 'all';

/** Cache keys, named after the API's resources. */
export const mentoringKeys = {
  sessions: ['mentoring', 'sessions'] as const,
  sessionList: (filter: ConfirmationFilter) => ['mentoring', 'sessions', 'list', filter] as const,
  session: (id: string) => ['mentoring', 'sessions', id] as const,
  actions: ['mentoring', 'actions'] as const,
  actionList: (filter: ActionFilter, sessionId?: string) => ['mentoring', 'actions', 'list', filter, sessionId ?? 'all'] as const,
};

const PAGE = 20;

export function useSessionList(filter: ConfirmationFilter) {
  return useInfiniteQuery({
    queryKey: mentoringKeys.sessionList(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/mentoring/sessions', { params: { query: { limit: PAGE, cursor: pageParam, confirmation: filter === 'all' ? undefined : filter } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSession(id: string) {
  return useQuery({ queryKey: mentoringKeys.session(id), queryFn: () => unwrap(api.GET('/api/v1/mentoring/sessions/{id}', { params: { path: { id } } })) });
}

/** The school's follow-ups (or one session's, of both sides), earliest due first. */
export function useActionList(filter: ActionFilter, sessionId?: string) {
  return useInfiniteQuery({
    queryKey: mentoringKeys.actionList(filter, sessionId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/mentoring/actions', {
          params: {
            query: {
              limit: PAGE,
              cursor: pageParam,
              sessionId,
              ownerSide: sessionId ? undefined : 'school',
              status: filter === 'open' || filter === 'overdue' ? 'open' : filter === 'done' ? 'done' : undefined,
              overdue: filter === 'overdue' ? true : undefined,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const mentoringCalls = {
  confirm: (id: string) => unwrap(api.POST('/api/v1/mentoring/sessions/{id}/confirm', { params: { path: { id } } })),
  dispute: (id: string, reason: string) => unwrap(api.POST('/api/v1/mentoring/sessions/{id}/dispute', { params: { path: { id } }, body: { reason } })),
  markDone: (id: string, version: number) => unwrap(api.PATCH('/api/v1/mentoring/actions/{id}', { params: { path: { id } }, body: { version, status: 'done' } })),
};

export function evidencePath(sessionId: string, documentId: string): string {
  return `/api/v1/mentoring/sessions/${sessionId}/evidence/${documentId}`;
}
