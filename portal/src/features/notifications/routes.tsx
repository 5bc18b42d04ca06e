import type { RouteObject } from 'react-router';

/** The in-app notifications. */
export const notificationRoutes: RouteObject[] = [];
