import type { RouteObject } from 'react-router';

/** MoUs: drafts, signatures, amendments, renewals, termination. */
export const mouRoutes: RouteObject[] = [
  { path: '/mous', lazy: async () => ({ Component: (await import('./MousPage')).MousPage }) },
  { path: '/mous/new', lazy: async () => ({ Component: (await import('./MouNewPage')).MouNewPage }) },
  { path: '/mous/:id', lazy: async () => ({ Component: (await import('./MouPage')).MouPage }) },
];
