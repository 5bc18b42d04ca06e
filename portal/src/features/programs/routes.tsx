import type { RouteObject } from 'react-router';

/** Programs, program years and partnerships. */
export const programRoutes: RouteObject[] = [];
