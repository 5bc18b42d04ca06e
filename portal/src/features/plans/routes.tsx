import type { RouteObject } from 'react-router';

export const planRoutes: RouteObject[] = [
  { path: '/plans', lazy: async () => ({ Component: (await import('./PlansPage')).PlansPage }) },
  { path: '/plans/:id', lazy: async () => ({ Component: (await import('./PlanPage')).PlanPage }) },
  { path: '/plans/:id/versions', lazy: async () => ({ Component: (await import('./PlanVersionsPage')).PlanVersionsPage }) },
  { path: '/plans/:id/progress', lazy: async () => ({ Component: (await import('./PlanProgressPage')).PlanProgressPage }) },
];
