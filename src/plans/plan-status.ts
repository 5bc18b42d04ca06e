/**
 * draft → submitted → changes_requested → (resubmitted) submitted → approved → in_progress →
 * completed; or withdrawn before approval.
 */
export const PLAN_STATUSES = ['draft', 'submitted', 'changes_requested', 'approved', 'in_progress', 'completed', 'withdrawn'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Progress of one planned activity. */
export const ACTIVITY_PROGRESS = ['not_started', 'in_progress', 'done'] as const;
export type ActivityProgress = (typeof ACTIVITY_PROGRESS)[number];

/** Where the money of a budget line comes from. */
export const FUNDING_SOURCES = ['stimulus_grant', 'school_budget_bos', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
