import type { Actor } from '../common/auth/actor';
import type { ScopeSql } from '../partnerships/partnership-scope';
import { coversRegionSql } from '../regions/jurisdiction';

/**
 * Which trainings (alias `t`) the caller sees: admins all; everyone the trainings their own
 * organisation organises and those they take part in; on top of that a CSR officer those in their
 * company's programs, a facilitator those listing them as facilitator, a principal those with
 * participants from their school, an education officer those with participants from schools in
 * their jurisdiction.
 */
export function trainingScope(actor: Actor, t = 't'): ScopeSql {
  if (actor.role === 'admin') return { sql: 'TRUE', params: {} };
  const params = { scopeOrg: actor.organizationId, scopeUser: actor.userId };
  const base = `${t}.organiser_id = :scopeOrg OR EXISTS (SELECT 1 FROM training_participants scope_me WHERE scope_me.training_id = ${t}.id AND scope_me.user_id = :scopeUser)`;
  switch (actor.role) {
    case 'csr_officer':
      return {
        sql: `(${base} OR EXISTS (SELECT 1 FROM program_years scope_y JOIN programs scope_pr ON scope_pr.id = scope_y.program_id
                                  WHERE scope_y.id = ${t}.program_year_id AND scope_pr.company_id = :scopeOrg))`,
        params,
      };
    case 'facilitator':
      return { sql: `(${base} OR CAST(:scopeUser AS uuid) = ANY(${t}.facilitator_user_ids))`, params };
    case 'principal':
      return { sql: `(${base} OR EXISTS (SELECT 1 FROM training_participants scope_tp WHERE scope_tp.training_id = ${t}.id AND scope_tp.school_id = :scopeOrg))`, params };
    case 'education_officer':
      return {
        sql: `(${base} OR EXISTS (SELECT 1 FROM training_participants scope_tp
                                   JOIN organizations scope_school ON scope_school.id = scope_tp.school_id
                                   JOIN organizations scope_office ON scope_office.id = :scopeOrg
                                  WHERE scope_tp.training_id = ${t}.id AND ${coversRegionSql('scope_office.region_code', 'scope_school.region_code')}))`,
        params,
      };
    default:
      return { sql: 'FALSE', params: {} };
  }
}

/**
 * Which participants (alias `tp`) of a training the caller may see listed, given that they see the
 * training: everyone when they run it or oversee it (`full`), otherwise themselves, plus a
 * principal their school's participants and an education officer those from schools in their
 * jurisdiction.
 */
export function participantScope(actor: Actor, full: boolean, tp = 'tp'): ScopeSql {
  if (full) return { sql: 'TRUE', params: {} };
  const params = { scopeOrg: actor.organizationId, scopeUser: actor.userId };
  const self = `${tp}.user_id = :scopeUser`;
  if (actor.role === 'principal') return { sql: `(${self} OR ${tp}.school_id = :scopeOrg)`, params };
  if (actor.role === 'education_officer') {
    return {
      sql: `(${self} OR EXISTS (SELECT 1 FROM organizations scope_school JOIN organizations scope_office ON scope_office.id = :scopeOrg
                                 WHERE scope_school.id = ${tp}.school_id AND ${coversRegionSql('scope_office.region_code', 'scope_school.region_code')}))`,
      params,
    };
  }
  return { sql: self, params };
}
