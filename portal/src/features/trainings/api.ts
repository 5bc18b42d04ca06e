import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

// The trainings area's calls to the API, and nowhere else. Cache keys are named after the resources.

export type Training = components['schemas']['TrainingResponse'];
export type Participant = components['schemas']['ParticipantResponse'];
export type Evaluation = components['schemas']['TrainingEvaluationResponse'];
export type TrainingLevel = Training['level'];
export type ParticipantRole = Participant['role'];
export type CreateTraining = components['schemas']['CreateTrainingDto'];
export type UpdateTraining = components['schemas']['UpdateTrainingDto'];
export type UpdateParticipant = components['schemas']['UpdateParticipantDto'];

export const LEVELS: TrainingLevel[] = ['school', 'regional', 'national'];
export const PARTICIPANT_ROLES: ParticipantRole[] = ['principal', 'teacher', 'education_staff', 'supervisor', 'parent', 'other'];

/** The list's filters, by the API's own query parameter names (and so the page's URL). */
export interface TrainingFilters {
  programYearId?: string;
  level?: TrainingLevel;
}

const path = (id: string) => ({ params: { path: { id } } });

export const trainingKeys = {
  all: ['trainings'] as const,
  list: (f: TrainingFilters) => ['trainings', 'list', f] as const,
  one: (id: string) => ['trainings', id] as const,
  participants: (id: string) => ['trainings', id, 'participants'] as const,
  evaluation: (id: string) => ['trainings', id, 'evaluation'] as const,
};

export function useTrainings(filters: TrainingFilters) {
  return useInfiniteQuery({
    queryKey: trainingKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/trainings', { params: { query: { limit: 20, cursor: pageParam, ...filters } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTraining(id: string) {
  return useQuery({ queryKey: trainingKeys.one(id), queryFn: () => unwrap(api.GET('/api/v1/trainings/{id}', path(id))) });
}

/** The participants the caller may see, by name, page by page. */
export function useParticipants(id: string) {
  return useInfiniteQuery({
    queryKey: trainingKeys.participants(id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/trainings/{id}/participants', { params: { path: { id }, query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useEvaluation(id: string) {
  return useQuery({ queryKey: trainingKeys.evaluation(id), queryFn: () => unwrap(api.GET('/api/v1/trainings/{id}/evaluation', path(id))) });
}

/** The program years a training may belong to: the years of the programs the caller can see. */
export function useProgramYearOptions() {
  return useQuery({
    queryKey: ['programs', 'years', 'all'],
    queryFn: async () => {
      const programs = await unwrap(api.GET('/api/v1/programs', { params: { query: { limit: 20 } } }));
      const years = await Promise.all(
        programs.items.map(async (p) => (await unwrap(api.GET('/api/v1/programs/{id}/years', path(p.id)))).items.map((y) => ({ id: y.id, year: y.year, program: p.name, status: y.status }))),
      );
      return years.flat().sort((a, b) => b.year - a.year || a.program.localeCompare(b.program));
    },
  });
}

/** The schools the caller works with (their partnerships), for naming a participant's school. */
export function usePartnerSchools(enabled: boolean) {
  return useQuery({
    queryKey: ['partnerships', 'schools'],
    enabled,
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/v1/partnerships', { params: { query: { limit: 100 } } }));
      const seen = new Map<string, string>();
      for (const p of page.items) seen.set(p.school.id, p.school.name);
      return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}

export function useCreateTraining() {
  const qc = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: (body: CreateTraining) => unwrap(api.POST('/api/v1/trainings', { body })),
    onSuccess: (t) => {
      qc.setQueryData(trainingKeys.one(t.id), t);
      void qc.invalidateQueries({ queryKey: ['trainings', 'list'] });
    },
  });
}

export function useUpdateTraining(id: string) {
  const qc = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: (body: Omit<UpdateTraining, 'version'>) => {
      const version = (qc.getQueryData(trainingKeys.one(id)) as Training | undefined)?.version ?? 1;
      return unwrap(api.PATCH('/api/v1/trainings/{id}', { params: { path: { id } }, body: { ...body, version } }));
    },
    onSuccess: (t) => {
      qc.setQueryData(trainingKeys.one(id), t);
      void qc.invalidateQueries({ queryKey: ['trainings', 'list'] });
      void qc.invalidateQueries({ queryKey: trainingKeys.evaluation(id) });
    },
    // A 409 or another refusal: load the training as it is now; the form keeps what was typed.
    onError: () => qc.invalidateQueries({ queryKey: trainingKeys.one(id) }),
  });
}

function refreshAfterParticipants(qc: ReturnType<typeof useQueryClient>, id: string) {
  void qc.invalidateQueries({ queryKey: trainingKeys.participants(id) });
  void qc.invalidateQueries({ queryKey: trainingKeys.one(id) });
  void qc.invalidateQueries({ queryKey: trainingKeys.evaluation(id) });
}

export function useAddParticipant(id: string) {
  const qc = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: (body: components['schemas']['AddParticipantDto']) => unwrap(api.POST('/api/v1/trainings/{id}/participants', { params: { path: { id } }, body })),
    onSuccess: () => refreshAfterParticipants(qc, id),
  });
}

export function useNominate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: (body: components['schemas']['NominateDto']) => unwrap(api.POST('/api/v1/trainings/{id}/nominations', { params: { path: { id } }, body })),
    onSuccess: () => refreshAfterParticipants(qc, id),
  });
}

/** Saves one row of the grid: attendance, scores and answers of one participant, with the version read. */
export function useUpdateParticipant(id: string) {
  const qc = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: ({ participantId, body }: { participantId: string; body: UpdateParticipant }) =>
      unwrap(api.PATCH('/api/v1/trainings/{id}/participants/{participantId}', { params: { path: { id, participantId } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: trainingKeys.participants(id) });
      void qc.invalidateQueries({ queryKey: trainingKeys.evaluation(id) });
      void qc.invalidateQueries({ queryKey: trainingKeys.one(id) });
    },
    onError: () => qc.invalidateQueries({ queryKey: trainingKeys.participants(id) }),
  });
}

export function useRemoveParticipant(id: string) {
  const qc = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: (participantId: string) => unwrap(api.DELETE('/api/v1/trainings/{id}/participants/{participantId}', { params: { path: { id, participantId } } })),
    onSuccess: () => refreshAfterParticipants(qc, id),
  });
}
