import type { RouteObject } from 'react-router';

/** Partner requests: the company asks an education office for schools; the office recommends. */
export const partnerRequestRoutes: RouteObject[] = [
  { path: '/partner-requests', lazy: async () => ({ Component: (await import('./RequestsPage')).RequestsPage }) },
  { path: '/partner-requests/new', lazy: async () => ({ Component: (await import('./NewRequestPage')).NewRequestPage }) },
  { path: '/partner-requests/:id', lazy: async () => ({ Component: (await import('./RequestPage')).RequestPage }) },
];
