import type { RouteObject } from 'react-router';

/** The school's work with parents: its own list and form (principal), and the read-only view of a school. */
export const parentEngagementRoutes: RouteObject[] = [
  { path: '/parents', lazy: async () => ({ Component: (await import('./ParentsPage')).ParentsPage }) },
  { path: '/parents/new', lazy: async () => ({ Component: (await import('./NewActivityPage')).NewActivityPage }) },
  { path: '/parents/:id', lazy: async () => ({ Component: (await import('./ActivityPage')).ActivityPage }) },
  { path: '/schools/:schoolId/parents', lazy: async () => ({ Component: (await import('./ParentsPage')).ParentsPage }) },
  { path: '/schools/:schoolId/parents/:id', lazy: async () => ({ Component: (await import('./ActivityPage')).ActivityPage }) },
];
