import type { RouteObject } from 'react-router';

/** The money pages, loaded on demand as their own chunk. */
export const grantRoutes: RouteObject[] = [
  { path: '/grants', lazy: async () => ({ Component: (await import('./GrantsPage')).GrantsPage }) },
  { path: '/grants/new', lazy: async () => ({ Component: (await import('./NewGrantPage')).NewGrantPage }) },
  { path: '/grants/:id', lazy: async () => ({ Component: (await import('./GrantPage')).GrantPage }) },
  { path: '/grants/:id/reports/new', lazy: async () => ({ Component: (await import('./ReportPage')).NewReportPage }) },
  { path: '/grants/:id/reports/:reportId', lazy: async () => ({ Component: (await import('./ReportPage')).ReportPage }) },
];
