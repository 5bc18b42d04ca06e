import type { Actor } from '../common/auth/actor';
import type { ScopeSql } from '../partnerships/partnership-scope';
import { coversRegionSql } from '../regions/jurisdiction';

/**
 * Which schools' parent-engagement records the caller sees, for the school id expression `school`:
 * a principal their own school; a CSR officer the schools their company partners with (any
 * program, any status); a facilitator the schools they are or were assigned to; an education
 * officer the schools of their jurisdiction; admins all; anyone else none. Narrowed in the WHERE
 * clause, so another school's record is the same 404 as a missing one.
 */
export function schoolEngagementScope(actor: Actor, school: string): ScopeSql {
  const params = { scopeOrg: actor.organizationId };
  switch (actor.role) {
    case 'admin':
      return { sql: 'TRUE', params: {} };
    case 'principal':
      return { sql: `${school} = :scopeOrg`, params };
    case 'csr_officer':
      return { sql: `EXISTS (SELECT 1 FROM partnerships scope_p WHERE scope_p.school_id = ${school} AND scope_p.company_id = :scopeOrg)`, params };
    case 'facilitator':
      return { sql: `EXISTS (SELECT 1 FROM mentoring_assignments scope_ma WHERE scope_ma.school_id = ${school} AND scope_ma.facilitator_user_id = :scopeUser)`, params: { scopeUser: actor.userId } };
    case 'education_officer':
      return {
        sql: `EXISTS (SELECT 1 FROM organizations scope_school JOIN organizations scope_office ON scope_office.id = :scopeOrg
                       WHERE scope_school.id = ${school} AND ${coversRegionSql('scope_office.region_code', 'scope_school.region_code')})`,
        params,
      };
    default:
      return { sql: 'FALSE', params: {} };
  }
}

/** Who reads parent-engagement records, for the API documentation. */
export const WHO_READS_PARENT_ENGAGEMENT =
  "The school's principal; CSR officers of companies the school partners with; facilitators assigned to the school; education officers of its jurisdiction; admins. Any other school's record answers 404.";
