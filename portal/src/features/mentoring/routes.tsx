import type { RouteObject } from 'react-router';

/** The mentoring pages, loaded on demand as their own chunk. */
export const mentoringRoutes: RouteObject[] = [
  { path: '/mentoring', lazy: async () => ({ Component: (await import('./MentoringPage')).MentoringPage }) },
  { path: '/mentoring/assignments/new', lazy: async () => ({ Component: (await import('./AssignPage')).AssignPage }) },
  { path: '/mentoring/assignments/:id', lazy: async () => ({ Component: (await import('./AssignmentPage')).AssignmentPage }) },
  { path: '/mentoring/sessions/new', lazy: async () => ({ Component: (await import('./LogSessionPage')).LogSessionPage }) },
  { path: '/mentoring/sessions/:id', lazy: async () => ({ Component: (await import('./SessionPage')).SessionPage }) },
];
