/**
 * SQL that is true when the school `schoolAlias` has an active CSR partner: a partnership that is
 * prospective or active, or a recommendation a company accepted that has no partnership yet.
 * Every place that asks goes through here.
 */
export function hasActivePartnerSql(schoolAlias: string): string {
  return `(EXISTS (SELECT 1 FROM partnerships ap WHERE ap.school_id = ${schoolAlias}.id AND ap.status IN ('prospective', 'active'))
        OR EXISTS (SELECT 1 FROM partner_recommendations apr WHERE apr.school_id = ${schoolAlias}.id AND apr.decision = 'accepted'
                     AND NOT EXISTS (SELECT 1 FROM partnerships apl WHERE apl.recommendation_id = apr.id)))`;
}
