import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, download, unwrap, upload } from '../../api/client';
import type { components, paths } from '../../api/schema';

// The good-practice area's calls to the API, and nowhere else. Cache keys are named after the resources.

export type Practice = components['schemas']['PracticeResponse'];
export type PracticeDetail = components['schemas']['PracticeDetailResponse'];
export type PracticeDraft = components['schemas']['PracticeDraftResponse'];
export type PracticeResult = components['schemas']['PracticeResultResponse'];
export type CreatePractice = components['schemas']['CreatePracticeDto'];
export type UpdatePractice = components['schemas']['UpdatePracticeDto'];
export type PracticeStatus = Practice['status'];
export type SchoolLevel = Practice['schoolLevel'];
export type LearningEvent = components['schemas']['LearningEventResponse'];
export type CreateLearningEvent = components['schemas']['CreateLearningEventDto'];
export type AttendeeRole = LearningEvent['attendees'][number]['role'];
export type PracticeDocument = components['schemas']['DocumentResponse'];
export type PracticeFilters = Omit<NonNullable<paths['/api/v1/practices']['get']['parameters']['query']>, 'limit' | 'cursor'>;

export const SCHOOL_LEVELS: SchoolLevel[] = ['SD', 'MI', 'SMP', 'MTs', 'SMA', 'MA', 'SMK', 'SLB'];
export const PRACTICE_STATUSES: PracticeStatus[] = ['draft', 'proposed', 'published', 'returned'];
export const ATTENDEE_ROLES: AttendeeRole[] = ['principals', 'teachers', 'education_staff', 'students', 'parents', 'company_staff', 'office_staff', 'supervisors', 'facilitators', 'others'];

export const practiceKeys = {
  all: ['practices'] as const,
  list: (f: PracticeFilters) => ['practices', 'list', f] as const,
  one: (id: string) => ['practices', id] as const,
  events: ['learning-events'] as const,
  eventList: (f: Record<string, string>) => ['learning-events', 'list', f] as const,
  event: (id: string) => ['learning-events', id] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

/** The library, searched and filtered, a page at a time (ranked best first with `q`, newest first without). */
export function usePractices(filters: PracticeFilters) {
  return useInfiniteQuery({
    queryKey: practiceKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/practices', { params: { query: { ...filters, limit: 20, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePractice(id: string) {
  return useQuery({ queryKey: practiceKeys.one(id), queryFn: () => unwrap(api.GET('/api/v1/practices/{id}', path(id))) });
}

/** A draft filled in from a completed plan program or a competition entry of the school (nothing saved). */
export function usePrefill(source: { planId?: string; planProgramId?: string; entryId?: string } | null) {
  return useQuery({
    queryKey: ['practices', 'prefill', source] as const,
    enabled: source !== null,
    queryFn: () => unwrap(api.GET('/api/v1/practices/prefill', { params: { query: source ?? {} } })),
  });
}

/** The school's completed plans with their programs (the sources a principal may share from): the list, then each plan's content. */
export function useCompletedPlans(enabled: boolean) {
  return useQuery({
    queryKey: ['plans', 'list', { status: 'completed' }, 'programs'] as const,
    enabled,
    queryFn: async () => {
      const plans = await unwrap(api.GET('/api/v1/plans', { params: { query: { status: 'completed', limit: 20 } } }));
      return Promise.all(
        plans.items.map(async (p) => {
          const plan = await unwrap(api.GET('/api/v1/plans/{id}', path(p.id)));
          return { id: plan.id, year: plan.programYear.year, programs: plan.content.programs };
        }),
      );
    },
  });
}

/** The school's competition entries, over the competitions it sees. */
export function useSchoolEntries(schoolId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['competitions', 'entries', 'of-school', schoolId] as const,
    enabled: enabled && !!schoolId,
    queryFn: async () => {
      const competitions = await unwrap(api.GET('/api/v1/competitions', { params: { query: { limit: 50 } } }));
      const lists = await Promise.all(
        competitions.items.map(async (c) => (await unwrap(api.GET('/api/v1/competitions/{id}/entries', { params: { path: { id: c.id }, query: { limit: 100 } } }))).items.map((e) => ({ ...e, competitionTitle: c.title }))),
      );
      return lists.flat().filter((e) => e.school.id === schoolId);
    },
  });
}

/** The horizontal-learning events the caller sees, latest first. */
export function useLearningEvents(filters: { schoolId?: string; practiceId?: string } = {}) {
  return useInfiniteQuery({
    queryKey: practiceKeys.eventList(filters as Record<string, string>),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/learning-events', { params: { query: { ...filters, limit: 20, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useLearningEvent(id: string) {
  return useQuery({ queryKey: practiceKeys.event(id), queryFn: () => unwrap(api.GET('/api/v1/learning-events/{id}', path(id))) });
}

/** Schools or companies of the directory, for the visitors of an event. */
export function useDirectory(type: 'school' | 'company', q: string) {
  return useQuery({
    queryKey: ['organizations', 'list', { type, q }] as const,
    queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query: { type, ...(q ? { q } : {}), limit: 50 } } })),
  });
}

/** The calls that write; each answers the record as the server now has it. */
export const practiceCalls = {
  create: (body: CreatePractice) => unwrap(api.POST('/api/v1/practices', { body })),
  update: (id: string, body: UpdatePractice) => unwrap(api.PATCH('/api/v1/practices/{id}', { ...path(id), body })),
  propose: (id: string, version: number) => unwrap(api.POST('/api/v1/practices/{id}/propose', { ...path(id), body: { version } })),
  publish: (id: string, version: number) => unwrap(api.POST('/api/v1/practices/{id}/publish', { ...path(id), body: { version } })),
  return: (id: string, version: number, reason: string) => unwrap(api.POST('/api/v1/practices/{id}/return', { ...path(id), body: { version, reason } })),
  attach: (id: string, file: File) => upload<PracticeDocument>(`/api/v1/practices/${id}/evidence`, file),
  download: (id: string, doc: Pick<PracticeDocument, 'id' | 'filename'>) => download(`/api/v1/practices/${id}/evidence/${doc.id}`, doc.filename),
  createEvent: (body: CreateLearningEvent) => unwrap(api.POST('/api/v1/learning-events', { body })),
};
