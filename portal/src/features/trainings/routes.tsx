import type { RouteObject } from 'react-router';

/** Trainings and workshops: participants, attendance, scores, evaluation. */
export const trainingRoutes: RouteObject[] = [];
