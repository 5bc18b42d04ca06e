import type { RouteObject } from 'react-router';

/** Administration: organisations, school import, users and invitations, audit log, e-mail outbox. */
export const adminRoutes: RouteObject[] = [
  { path: '/admin', lazy: async () => ({ Component: (await import('./AdminHomePage')).AdminHomePage }) },
  { path: '/admin/organizations', lazy: async () => ({ Component: (await import('./OrganizationsPage')).OrganizationsPage }) },
  { path: '/admin/organizations/new', lazy: async () => ({ Component: (await import('./OrganizationFormPage')).NewOrganizationPage }) },
  { path: '/admin/organizations/:id', lazy: async () => ({ Component: (await import('./OrganizationFormPage')).OrganizationPage }) },
  { path: '/admin/import', lazy: async () => ({ Component: (await import('./ImportPage')).ImportPage }) },
  { path: '/admin/users', lazy: async () => ({ Component: (await import('./UsersPage')).UsersPage }) },
  { path: '/admin/users/new', lazy: async () => ({ Component: (await import('./InviteUserPage')).InviteUserPage }) },
  { path: '/admin/users/:id', lazy: async () => ({ Component: (await import('./UserPage')).UserPage }) },
  { path: '/admin/audit', lazy: async () => ({ Component: (await import('./AuditPage')).AuditPage }) },
  { path: '/admin/outbox', lazy: async () => ({ Component: (await import('./OutboxPage')).OutboxPage }) },
];
