import type { RouteObject } from 'react-router';

/** Pages before sign-in besides the sign-in page itself (kept in the first chunk). */
export const authRoutes: RouteObject[] = [
  { path: '/invitation', lazy: async () => ({ Component: (await import('./AcceptInvitationPage')).AcceptInvitationPage }) },
  { path: '/password-reset', lazy: async () => ({ Component: (await import('./PasswordResetPage')).PasswordResetPage }) },
];

/** Pages that work signed in or not: the unsubscribe link of an e-mail. */
export const openRoutes: RouteObject[] = [{ path: '/unsubscribe', lazy: async () => ({ Component: (await import('./UnsubscribePage')).UnsubscribePage }) }];
