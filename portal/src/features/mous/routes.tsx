import type { RouteObject } from 'react-router';

/** MoUs: drafts, signatures, amendments, renewals, termination. */
export const mouRoutes: RouteObject[] = [];
