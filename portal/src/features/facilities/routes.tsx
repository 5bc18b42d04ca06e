import type { RouteObject } from 'react-router';

/** The facilities support pages, loaded on demand as their own chunk. */
export const facilityRoutes: RouteObject[] = [
  { path: '/facilities', lazy: async () => ({ Component: (await import('./FacilitiesPage')).FacilitiesPage }) },
  { path: '/facilities/new', lazy: async () => ({ Component: (await import('./NewFacilityPage')).NewFacilityPage }) },
  { path: '/facilities/:id', lazy: async () => ({ Component: (await import('./FacilityPage')).FacilityPage }) },
];
