import type { Actor } from '../common/auth/actor';
import type { ScopeSql } from '../partnerships/partnership-scope';
import { coversRegionSql } from '../regions/jurisdiction';

/**
 * SQL true when the caller reviews the practices of the school `schoolExpr`: a CSR officer of a
 * company with a partnership with the school (in any of its programs), or a facilitator with an open
 * mentoring assignment for the school.
 */
function reviewerOfSchoolSql(actor: Actor, schoolExpr: string): string | null {
  if (actor.role === 'csr_officer') return `EXISTS (SELECT 1 FROM partnerships scope_p WHERE scope_p.school_id = ${schoolExpr} AND scope_p.company_id = :scopeOrg)`;
  if (actor.role === 'facilitator') {
    return `EXISTS (SELECT 1 FROM mentoring_assignments scope_ma WHERE scope_ma.school_id = ${schoolExpr} AND scope_ma.facilitator_user_id = :scopeUser AND scope_ma.ended_at IS NULL)`;
  }
  return null;
}

/**
 * Which practices (alias `p`) the caller reads. A published practice is readable by every signed-in
 * user of every organisation: the one deliberate exception to "another organisation's record is
 * 404" (docs/security.md). Before publication a practice is its school's: the principal sees every
 * one of the school's; the reviewers (the school's partner companies' CSR officers and its assigned
 * facilitators) see those proposed to them or returned by them; drafts stay the school's alone.
 */
export function practiceReadScope(actor: Actor, p = 'p'): ScopeSql {
  if (actor.role === 'admin') return { sql: 'TRUE', params: {} };
  const params = { scopeOrg: actor.organizationId, scopeUser: actor.userId };
  const published = `${p}.status = 'published'`;
  if (actor.role === 'principal') return { sql: `(${published} OR ${p}.school_id = :scopeOrg)`, params };
  const reviewer = reviewerOfSchoolSql(actor, `${p}.school_id`);
  if (reviewer) return { sql: `(${published} OR (${p}.status IN ('proposed', 'returned') AND ${reviewer}))`, params };
  return { sql: published, params: {} };
}

/** Which practices the caller may write (edit, attach evidence, propose): the principal's own school's. */
export function practiceWriteScope(actor: Actor, p = 'p'): ScopeSql {
  if (actor.role === 'principal') return { sql: `${p}.school_id = :scopeOrg`, params: { scopeOrg: actor.organizationId } };
  return { sql: 'FALSE', params: {} };
}

/** Which practices the caller may publish or return: those of schools they review, once proposed (or returned). */
export function practiceReviewScope(actor: Actor, p = 'p'): ScopeSql {
  const reviewer = reviewerOfSchoolSql(actor, `${p}.school_id`);
  if (!reviewer) return { sql: 'FALSE', params: {} };
  return { sql: `(${p}.status IN ('proposed', 'returned', 'published') AND ${reviewer})`, params: { scopeOrg: actor.organizationId, scopeUser: actor.userId } };
}

/**
 * Which learning events (alias `e`) the caller sees: admins all; a principal those their school hosts
 * or visits; a CSR officer those its company visits or hosted by a school it partners with; a
 * facilitator those hosted by a school of a program its organisation facilitates; an education
 * officer those hosted by or visited by a school of its jurisdiction.
 */
export function learningEventScope(actor: Actor, e = 'e'): ScopeSql {
  const params = { scopeOrg: actor.organizationId };
  const visits = `EXISTS (SELECT 1 FROM learning_event_participants scope_lp WHERE scope_lp.event_id = ${e}.id AND scope_lp.organization_id = :scopeOrg)`;
  switch (actor.role) {
    case 'admin':
      return { sql: 'TRUE', params: {} };
    case 'principal':
      return { sql: `(${e}.host_school_id = :scopeOrg OR ${visits})`, params };
    case 'csr_officer':
      return { sql: `(${visits} OR EXISTS (SELECT 1 FROM partnerships scope_p WHERE scope_p.school_id = ${e}.host_school_id AND scope_p.company_id = :scopeOrg))`, params };
    case 'facilitator':
      return {
        sql: `EXISTS (SELECT 1 FROM partnerships scope_p JOIN program_facilitators scope_pf ON scope_pf.program_id = scope_p.program_id
                       WHERE scope_p.school_id = ${e}.host_school_id AND scope_pf.facilitator_id = :scopeOrg)`,
        params,
      };
    case 'education_officer': {
      const covers = coversRegionSql('scope_office.region_code', 'scope_school.region_code');
      return {
        sql: `EXISTS (SELECT 1 FROM organizations scope_school JOIN organizations scope_office ON scope_office.id = :scopeOrg
                       WHERE ${covers} AND (scope_school.id = ${e}.host_school_id
                         OR EXISTS (SELECT 1 FROM learning_event_participants scope_lp WHERE scope_lp.event_id = ${e}.id AND scope_lp.organization_id = scope_school.id)))`,
        params,
      };
    }
    default:
      return { sql: 'FALSE', params: {} };
  }
}

/**
 * SQL true when the caller may record events hosted by school `schoolExpr`: its principal, a CSR
 * officer of a company partnering with it, or a facilitator of an organisation facilitating one of
 * its programs.
 */
export function hostManagerSql(actor: Actor, schoolExpr: string): ScopeSql {
  const params = { scopeOrg: actor.organizationId };
  switch (actor.role) {
    case 'principal':
      return { sql: `${schoolExpr} = :scopeOrg`, params };
    case 'csr_officer':
      return { sql: `EXISTS (SELECT 1 FROM partnerships scope_p WHERE scope_p.school_id = ${schoolExpr} AND scope_p.company_id = :scopeOrg)`, params };
    case 'facilitator':
      return {
        sql: `EXISTS (SELECT 1 FROM partnerships scope_p JOIN program_facilitators scope_pf ON scope_pf.program_id = scope_p.program_id
                       WHERE scope_p.school_id = ${schoolExpr} AND scope_pf.facilitator_id = :scopeOrg)`,
        params,
      };
    default:
      return { sql: 'FALSE', params: {} };
  }
}
