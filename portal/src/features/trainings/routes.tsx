import type { RouteObject } from 'react-router';

/** Trainings and workshops: participants, attendance, scores, evaluation. */
export const trainingRoutes: RouteObject[] = [
  { path: '/trainings', lazy: async () => ({ Component: (await import('./TrainingsPage')).TrainingsPage }) },
  { path: '/trainings/:id', lazy: async () => ({ Component: (await import('./TrainingPage')).TrainingPage }) },
];
