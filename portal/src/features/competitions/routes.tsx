import type { RouteObject } from 'react-router';

export const competitionRoutes: RouteObject[] = [
  { path: '/competitions', lazy: async () => ({ Component: (await import('./CompetitionsPage')).CompetitionsPage }) },
  { path: '/competitions/:id', lazy: async () => ({ Component: (await import('./CompetitionPage')).CompetitionPage }) },
  { path: '/competitions/:id/entries/new', lazy: async () => ({ Component: (await import('./EntryNewPage')).EntryNewPage }) },
  { path: '/competitions/:id/entries/:entryId', lazy: async () => ({ Component: (await import('./EntryPage')).EntryPage }) },
];
