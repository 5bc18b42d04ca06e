import type { RouteObject } from 'react-router';

/** The library of good practice and the horizontal-learning events, for every role. */
export const practiceRoutes: RouteObject[] = [
  { path: '/practices', lazy: async () => ({ Component: (await import('./LibraryPage')).LibraryPage }) },
  { path: '/practices/new', lazy: async () => ({ Component: (await import('./PracticeFormPage')).NewPracticePage }) },
  { path: '/practices/events', lazy: async () => ({ Component: (await import('./EventsPage')).EventsPage }) },
  { path: '/practices/events/new', lazy: async () => ({ Component: (await import('./EventFormPage')).EventFormPage }) },
  { path: '/practices/:id', lazy: async () => ({ Component: (await import('./PracticePage')).PracticePage }) },
  { path: '/practices/:id/edit', lazy: async () => ({ Component: (await import('./PracticeFormPage')).EditPracticePage }) },
];
