/**
 * SQL that is true when the school `schoolAlias` has an active CSR partner: for now a company has
 * accepted it from a recommendation (a prospective partner). The partnerships module will widen
 * this to active partnerships; every place that asks goes through here.
 */
export function hasActivePartnerSql(schoolAlias: string): string {
  return `EXISTS (SELECT 1 FROM partner_recommendations apr WHERE apr.school_id = ${schoolAlias}.id AND apr.decision = 'accepted')`;
}
