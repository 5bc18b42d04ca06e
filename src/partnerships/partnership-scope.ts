import type { Actor } from '../common/auth/actor';
import { coversRegionSql } from '../regions/jurisdiction';

/** A WHERE fragment with its named parameters, to add to a query builder. */
export interface ScopeSql {
  sql: string;
  params: Record<string, string>;
}

/**
 * Which partnerships (alias `p`) the caller sees: admins all; a company its own; a school its
 * own; an education office those of schools in its jurisdiction; a facilitator those in programs
 * it works in; judges none. Every module that reads partnership-bound records (MoUs, plans,
 * grants...) narrows through this, so "not yours" is the same 404 everywhere.
 */
export function partnershipScope(actor: Actor, p = 'p'): ScopeSql {
  const params = { scopeOrg: actor.organizationId };
  switch (actor.role) {
    case 'admin':
      return { sql: 'TRUE', params: {} };
    case 'csr_officer':
      return { sql: `${p}.company_id = :scopeOrg`, params };
    case 'principal':
      return { sql: `${p}.school_id = :scopeOrg`, params };
    case 'education_officer':
      return {
        sql: `EXISTS (SELECT 1 FROM organizations scope_school JOIN organizations scope_office ON scope_office.id = :scopeOrg
                       WHERE scope_school.id = ${p}.school_id
                         AND ${coversRegionSql('scope_office.region_code', 'scope_school.region_code')})`,
        params,
      };
    case 'facilitator':
      return { sql: `EXISTS (SELECT 1 FROM program_facilitators scope_pf WHERE scope_pf.program_id = ${p}.program_id AND scope_pf.facilitator_id = :scopeOrg)`, params };
    default:
      return { sql: 'FALSE', params: {} };
  }
}

/**
 * Who may change a company-owned record (alias `x`: a program or a partnership, both with
 * `company_id`): admins any, a CSR officer their own company's; everyone else none. Narrower than
 * the read scopes above.
 */
export function companyManageScope(actor: Actor, x: string): ScopeSql {
  if (actor.role === 'admin') return { sql: 'TRUE', params: {} };
  if (actor.role === 'csr_officer') return { sql: `${x}.company_id = :scopeOrg`, params: { scopeOrg: actor.organizationId } };
  return { sql: 'FALSE', params: {} };
}

/**
 * Which programs (alias `pr`) the caller sees: the owning company; schools and education offices
 * through a partnership they can see; facilitator organisations that work in it; admins all.
 */
export function programScope(actor: Actor, pr = 'pr'): ScopeSql {
  const params = { scopeOrg: actor.organizationId };
  switch (actor.role) {
    case 'admin':
      return { sql: 'TRUE', params: {} };
    case 'csr_officer':
      return { sql: `${pr}.company_id = :scopeOrg`, params };
    case 'facilitator':
      return { sql: `EXISTS (SELECT 1 FROM program_facilitators scope_pf WHERE scope_pf.program_id = ${pr}.id AND scope_pf.facilitator_id = :scopeOrg)`, params };
    case 'principal':
    case 'education_officer': {
      const inner = partnershipScope(actor, 'scope_p');
      return { sql: `EXISTS (SELECT 1 FROM partnerships scope_p WHERE scope_p.program_id = ${pr}.id AND ${inner.sql})`, params: inner.params };
    }
    default:
      return { sql: 'FALSE', params: {} };
  }
}

/**
 * SQL that is true when the facilitator `:scopeUser` reviews plan `pl` (and so its grant): the plan
 * names them, or they hold an open mentoring assignment for the plan's school and year.
 */
export function facilitatorOfPlanSql(pl = 'pl'): string {
  return `(${pl}.facilitator_user_id = :scopeUser OR EXISTS (SELECT 1 FROM mentoring_assignments scope_ma
            WHERE scope_ma.facilitator_user_id = :scopeUser AND scope_ma.school_id = ${pl}.school_id
              AND scope_ma.program_year_id = ${pl}.program_year_id AND scope_ma.ended_at IS NULL))`;
}
