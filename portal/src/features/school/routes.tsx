import type { RouteObject } from 'react-router';

export const schoolRoutes: RouteObject[] = [
  { path: '/school', lazy: async () => ({ Component: (await import('./SchoolPage')).SchoolPage }) },
  { path: '/timeline', lazy: async () => ({ Component: (await import('./TimelinePage')).TimelinePage }) },
];
