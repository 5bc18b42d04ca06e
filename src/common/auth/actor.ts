import type { OrganizationType } from './organization-type';
import type { Role } from '../../users/role';

/** The signed-in caller, as every service method receives it first. */
export interface Actor {
  userId: string;
  organizationId: string;
  organizationType: OrganizationType;
  role: Role;
  sessionId: string;
  /** The request id, written into the audit log. */
  requestId: string;
}

/** Admins see every organisation's records; everyone else only their own scope. */
export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}
