import type { RouteObject } from 'react-router';

/** Partner requests: the company asks an education office for schools; the office recommends. */
export const partnerRequestRoutes: RouteObject[] = [];
