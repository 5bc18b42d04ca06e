/** open → answered → closed, or withdrawn by the company, or expired after the due date. */
export const PARTNER_REQUEST_STATUSES = ['open', 'answered', 'closed', 'withdrawn', 'expired'] as const;
export type PartnerRequestStatus = (typeof PARTNER_REQUEST_STATUSES)[number];

/** A recommended school waits for the company's decision. */
export const RECOMMENDATION_DECISIONS = ['pending', 'accepted', 'declined'] as const;
export type RecommendationDecision = (typeof RECOMMENDATION_DECISIONS)[number];
