import type { Actor } from '../common/auth/actor';
import { partnershipScope } from '../partnerships/partnership-scope';
import type { ScopeSql } from '../partnerships/partnership-scope';

/**
 * Which mentoring assignments (alias `a`, joined with its partnership `p`) the caller sees, and so
 * which sessions and actions: a facilitator only their own assignments (past and present); everyone
 * else through the partnership: a CSR officer their company's, a principal their own school's, an
 * education officer those of schools in their jurisdiction; admins all. Sessions and actions are
 * read through their assignment, so "not yours" is the same 404 everywhere.
 */
export function assignmentScope(actor: Actor, a = 'a', p = 'p'): ScopeSql {
  if (actor.role === 'facilitator') return { sql: `${a}.facilitator_user_id = :scopeUser`, params: { scopeUser: actor.userId } };
  return partnershipScope(actor, p);
}

/** Who reads mentoring records, for the API documentation. */
export const WHO_READS_MENTORING =
  "Facilitators see their own assignments (and their sessions and actions); principals their own school's; CSR officers those in their company's programs; " +
  'education officers those of schools in their jurisdiction; admins all. Any other record answers 404.';
