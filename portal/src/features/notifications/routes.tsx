import type { RouteObject } from 'react-router';

/** The in-app notifications. */
export const notificationRoutes: RouteObject[] = [
  { path: '/notifications', lazy: async () => ({ Component: (await import('./NotificationsPage')).NotificationsPage }) },
  { path: '/notifications/email', lazy: async () => ({ Component: (await import('./EmailPreferencesPage')).EmailPreferencesPage }) },
];
