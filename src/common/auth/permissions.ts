import type { Role } from '../../users/role';

/**
 * Everything a route can require. A route that declares none is closed to everyone, so a new
 * endpoint is never open by accident. Per-record scope (own organisation, jurisdiction) is checked
 * by the services on top of this.
 */
export enum Permission {
  ProfileRead = 'profile:read',
  OrganizationsRead = 'organizations:read',
  /** Create, change and archive any organisation. */
  OrganizationsManage = 'organizations:manage',
  /** Change one's own organisation's profile. */
  OrganizationsEditOwn = 'organizations:edit_own',
  /** Import schools from a CSV file. */
  OrganizationsImport = 'organizations:import',
  ContactsRead = 'contacts:read',
  ContactsManage = 'contacts:manage',
  UsersRead = 'users:read',
  /** Invite, disable and re-enable users of one's own organisation. */
  UsersInvite = 'users:invite',
  /** Create and change any user. */
  UsersManage = 'users:manage',
  PartnerRequestsRead = 'partner_requests:read',
  /** Open, withdraw and close partner requests; accept or decline recommended schools. */
  PartnerRequestsManage = 'partner_requests:manage',
  /** Answer partner requests addressed to one's education office. */
  PartnerRequestsAnswer = 'partner_requests:answer',
  AuditRead = 'audit:read',
}

const EVERYONE: Permission[] = [Permission.ProfileRead, Permission.OrganizationsRead, Permission.UsersRead, Permission.ContactsRead];
const ORGANIZATION_KEEPER: Permission[] = [Permission.OrganizationsEditOwn, Permission.ContactsManage];

/** Which role holds which permission: the one table to read for "who may do what". */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(Object.values(Permission)),
  csr_officer: new Set([
    ...EVERYONE,
    ...ORGANIZATION_KEEPER,
    Permission.UsersInvite,
    Permission.PartnerRequestsRead,
    Permission.PartnerRequestsManage,
  ]),
  principal: new Set([...EVERYONE, ...ORGANIZATION_KEEPER, Permission.UsersInvite]),
  education_officer: new Set([
    ...EVERYONE,
    ...ORGANIZATION_KEEPER,
    Permission.UsersInvite,
    Permission.OrganizationsImport,
    Permission.PartnerRequestsRead,
    Permission.PartnerRequestsAnswer,
  ]),
  facilitator: new Set([...EVERYONE, ...ORGANIZATION_KEEPER]),
  judge: new Set(EVERYONE),
};

/** Whether a role holds a permission. */
export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.has(permission) ?? false;
}
