import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';
import { programScope } from '../partnerships/partnership-scope';
import type { ScopeSql } from '../partnerships/partnership-scope';
import { coversRegionSql } from '../regions/jurisdiction';
import { publishedSql } from './competition-phase';

/**
 * Which competitions (alias `c`) the caller sees: admins all; a CSR officer their company's; a judge
 * those whose panel they are on; principals, education officers and facilitators those of programs
 * they can see (programScope), once they are out of draft. Everything else answers 404.
 */
export function competitionScope(actor: Actor, c = 'c'): ScopeSql {
  switch (actor.role) {
    case 'admin':
      return { sql: 'TRUE', params: {} };
    case 'csr_officer':
      return { sql: `${c}.company_id = :scopeOrg`, params: { scopeOrg: actor.organizationId } };
    case 'judge':
      return {
        sql: `EXISTS (SELECT 1 FROM competition_judges scope_cj WHERE scope_cj.competition_id = ${c}.id AND scope_cj.judge_user_id = :scopeUser)`,
        params: { scopeUser: actor.userId },
      };
    case 'principal':
    case 'education_officer':
    case 'facilitator': {
      const inner = programScope(actor, 'scope_pr');
      return {
        sql: `(${c}.phase <> 'draft' AND EXISTS (SELECT 1 FROM program_years scope_py JOIN programs scope_pr ON scope_pr.id = scope_py.program_id
                                                  WHERE scope_py.id = ${c}.program_year_id AND ${inner.sql}))`,
        params: inner.params,
      };
    }
    default:
      return { sql: 'FALSE', params: {} };
  }
}

/**
 * Which entries (alias `e`, with its competition `c`) the caller sees: admins all; a CSR officer
 * those of their company's competitions; a principal their own school's; a judge those assigned to
 * them; an education officer those of schools in their jurisdiction once results are published;
 * facilitators none.
 */
export function entryScope(actor: Actor, e = 'e', c = 'c'): ScopeSql {
  switch (actor.role) {
    case 'admin':
      return { sql: 'TRUE', params: {} };
    case 'csr_officer':
      return { sql: `${c}.company_id = :scopeOrg`, params: { scopeOrg: actor.organizationId } };
    case 'principal':
      return { sql: `${e}.school_id = :scopeOrg`, params: { scopeOrg: actor.organizationId } };
    case 'judge':
      return {
        sql: `EXISTS (SELECT 1 FROM judge_assignments scope_ja WHERE scope_ja.entry_id = ${e}.id AND scope_ja.judge_user_id = :scopeUser)`,
        params: { scopeUser: actor.userId },
      };
    case 'education_officer':
      return { sql: `(${publishedSql(c)} AND ${inJurisdictionSql(`${e}.school_id`)})`, params: { scopeOrg: actor.organizationId } };
    default:
      return { sql: 'FALSE', params: {} };
  }
}

/** True when the school `schoolIdExpr` lies in the jurisdiction of the education office :scopeOrg. */
export function inJurisdictionSql(schoolIdExpr: string): string {
  return `EXISTS (SELECT 1 FROM organizations scope_school JOIN organizations scope_office ON scope_office.id = :scopeOrg
                   WHERE scope_school.id = ${schoolIdExpr} AND ${coversRegionSql('scope_office.region_code', 'scope_school.region_code')})`;
}

/**
 * The cohort rule: a school may enter a competition of program year Y when it has a partnership in
 * the year's program that is active, or that lists Y explicitly in its cohort (partnership_years).
 * `programIdExpr`, `programYearIdExpr` and `schoolIdExpr` are SQL expressions.
 */
export function inCohortSql(programIdExpr: string, programYearIdExpr: string, schoolIdExpr: string): string {
  return `EXISTS (SELECT 1 FROM partnerships cp
                   WHERE cp.program_id = ${programIdExpr} AND cp.school_id = ${schoolIdExpr}
                     AND (cp.status = 'active'
                          OR EXISTS (SELECT 1 FROM partnership_years cy WHERE cy.partnership_id = cp.id AND cy.program_year_id = ${programYearIdExpr})))`;
}

/** Competition steps are taken by the company's CSR officers: admins read but do not act in its name. */
export function requireCsrOfficer(actor: Actor, what: { en: string; id: string }): void {
  if (actor.role === 'csr_officer' && actor.organizationType === 'company') return;
  throw AppError.rule(
    `only a CSR officer of the company running the competition can ${what.en}; admins can read competitions but not act in the company's name`,
    `hanya petugas CSR perusahaan penyelenggara kompetisi yang dapat ${what.id}; admin dapat membaca kompetisi tetapi tidak bertindak atas nama perusahaan`,
  );
}
