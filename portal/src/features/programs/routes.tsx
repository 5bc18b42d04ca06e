import type { RouteObject } from 'react-router';

/** Programs, program years and partnerships. */
export const programRoutes: RouteObject[] = [
  { path: '/programs', lazy: async () => ({ Component: (await import('./ProgramsPage')).ProgramsPage }) },
  { path: '/programs/:id', lazy: async () => ({ Component: (await import('./ProgramPage')).ProgramPage }) },
  { path: '/partnerships', lazy: async () => ({ Component: (await import('./PartnershipsPage')).PartnershipsPage }) },
  { path: '/partnerships/:id', lazy: async () => ({ Component: (await import('./PartnershipPage')).PartnershipPage }) },
];
