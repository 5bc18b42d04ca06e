import type { Role } from '../../users/role';

/**
 * Everything a route can require. A route that declares none is closed to everyone, so a new
 * endpoint is never open by accident.
 */
export enum Permission {
  ProfileRead = 'profile:read',
  OrganizationsRead = 'organizations:read',
  OrganizationsManage = 'organizations:manage',
  UsersRead = 'users:read',
  UsersManage = 'users:manage',
  AuditRead = 'audit:read',
}

const EVERYONE: Permission[] = [Permission.ProfileRead, Permission.OrganizationsRead, Permission.UsersRead];

/** Which role holds which permission: the one table to read for "who may do what". */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(Object.values(Permission)),
  csr_officer: new Set(EVERYONE),
  principal: new Set(EVERYONE),
  education_officer: new Set(EVERYONE),
  facilitator: new Set(EVERYONE),
  judge: new Set(EVERYONE),
};

/** Whether a role holds a permission. */
export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.has(permission) ?? false;
}
