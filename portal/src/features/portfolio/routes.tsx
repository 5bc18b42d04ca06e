import type { RouteObject } from 'react-router';

/** The portfolio and region reports: dashboard, partnership health, region view. */
export const portfolioRoutes: RouteObject[] = [
  { path: '/portfolio', lazy: async () => ({ Component: (await import('./PortfolioPage')).PortfolioPage }) },
  { path: '/portfolio/health', lazy: async () => ({ Component: (await import('./HealthPage')).HealthPage }) },
  { path: '/region', lazy: async () => ({ Component: (await import('./RegionPage')).RegionPage }) },
];
