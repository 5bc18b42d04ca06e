import type { RouteObject } from 'react-router';

/** The portfolio and region reports: dashboard, partnership health, region view. */
export const portfolioRoutes: RouteObject[] = [];
