import type { RouteObject } from 'react-router';

/** Administration: organisations, school import, users and invitations, audit log. */
export const adminRoutes: RouteObject[] = [];
