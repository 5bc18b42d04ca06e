import type { RouteObject } from 'react-router';

/** The competitions: the list, one competition (by role), its form, the results preview, one entry. */
export const competitionRoutes: RouteObject[] = [
  { path: '/competitions', lazy: async () => ({ Component: (await import('./CompetitionsPage')).CompetitionsPage }) },
  { path: '/competitions/new', lazy: async () => ({ Component: (await import('./CompetitionFormPage')).NewCompetitionPage }) },
  { path: '/competitions/:id', lazy: async () => ({ Component: (await import('./CompetitionPage')).CompetitionPage }) },
  { path: '/competitions/:id/edit', lazy: async () => ({ Component: (await import('./CompetitionFormPage')).EditCompetitionPage }) },
  { path: '/competitions/:id/results/preview', lazy: async () => ({ Component: (await import('./ResultsPreviewPage')).ResultsPreviewPage }) },
  { path: '/competitions/:id/entries/new', lazy: async () => ({ Component: (await import('./EntryNewPage')).EntryNewPage }) },
  { path: '/competitions/:id/entries/:entryId', lazy: async () => ({ Component: (await import('./EntryPage')).EntryPage }) },
];
