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
    // Without a connection, say so (the facilitator's page works offline) rather than wait.
    networkMode: 'always',
    retry: (count, err) => count < 2 && (err as { status?: number }).status !== 0,
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

export type Assignment = components['schemas']['MentoringAssignmentResponse'];
export type Candidates = components['schemas']['MentoringCandidatesResponse'];
export type AttendeeCandidate = components['schemas']['MentoringAttendeeCandidate'];
export type NewSession = components['schemas']['CreateMentoringSessionDto'];
export type NewAction = components['schemas']['CreateMentoringActionDto'];

/** The assignment list's filters, named as the API's query parameters (and the page's URL). */
export interface AssignmentFilter {
  programYearId?: string;
  schoolId?: string;
  facilitatorUserId?: string;
  includeEnded?: boolean;
  noContact?: boolean;
}

export const assignmentKeys = {
  all: ['mentoring', 'assignments'] as const,
  list: (f: AssignmentFilter) => ['mentoring', 'assignments', 'list', f] as const,
  one: (id: string) => ['mentoring', 'assignments', id] as const,
  attendees: (id: string) => ['mentoring', 'assignments', id, 'attendees'] as const,
  candidates: (programYearId: string) => ['mentoring', 'assignments', 'candidates', programYearId] as const,
  sessions: (assignmentId: string) => ['mentoring', 'sessions', 'list', 'assignment', assignmentId] as const,
};

export function useAssignmentList(filter: AssignmentFilter, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: assignmentKeys.list(filter),
    initialPageParam: undefined as string | undefined,
    enabled: options.enabled ?? true,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/mentoring/assignments', { params: { query: { limit: PAGE, cursor: pageParam, ...filter } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAssignment(id: string) {
  return useQuery({ queryKey: assignmentKeys.one(id), queryFn: () => unwrap(api.GET('/api/v1/mentoring/assignments/{id}', { params: { path: { id } } })) });
}

export function useAttendeeCandidates(id: string | undefined) {
  return useQuery({
    queryKey: assignmentKeys.attendees(id ?? ''),
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/v1/mentoring/assignments/{id}/attendees', { params: { path: { id: id ?? '' } } })),
  });
}

export function useCandidates(programYearId: string | null) {
  return useQuery({
    queryKey: assignmentKeys.candidates(programYearId ?? ''),
    enabled: !!programYearId,
    queryFn: () => unwrap(api.GET('/api/v1/mentoring/assignments/candidates', { params: { query: { programYearId: programYearId ?? '' } } })),
  });
}

/** The sessions of one assignment, newest first. */
export function useAssignmentSessions(assignmentId: string) {
  return useInfiniteQuery({
    queryKey: assignmentKeys.sessions(assignmentId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/mentoring/sessions', { params: { query: { limit: PAGE, cursor: pageParam, assignmentId } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The years of the company's programs, newest first, for the CSR officer's choices. */
export function useProgramYears() {
  return useQuery({
    queryKey: ['programs', 'years', 'all'],
    queryFn: async () => {
      const programs = await unwrap(api.GET('/api/v1/programs', { params: { query: { limit: 50 } } }));
      const years = await Promise.all(
        programs.items.map(async (p) => (await unwrap(api.GET('/api/v1/programs/{id}/years', { params: { path: { id: p.id } } }))).items.map((y) => ({ ...y, programName: p.name }))),
      );
      return years.flat().sort((a, b) => b.year - a.year || a.programName.localeCompare(b.programName));
    },
  });
}

export const assignmentCalls = {
  create: (body: components['schemas']['CreateMentoringAssignmentDto']) => unwrap(api.POST('/api/v1/mentoring/assignments', { body })),
  end: (id: string, reason: string) => unwrap(api.POST('/api/v1/mentoring/assignments/{id}/end', { params: { path: { id } }, body: { reason } })),
  reassign: (id: string, body: components['schemas']['ReassignMentoringAssignmentDto']) => unwrap(api.POST('/api/v1/mentoring/assignments/{id}/reassign', { params: { path: { id } }, body })),
};
