/** awarded → disbursing → fully_disbursed → reporting → closed, or cancelled. */
export const GRANT_STATUSES = ['awarded', 'disbursing', 'fully_disbursed', 'reporting', 'closed', 'cancelled'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** draft → submitted → accepted, or returned for correction (then submitted again). */
export const EXPENSE_REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ExpenseReportStatus = (typeof EXPENSE_REPORT_STATUSES)[number];

/** Every kind of money movement the ledger records. */
export const LEDGER_KINDS = ['award', 'award_change', 'tranche', 'reversal', 'expense_accepted', 'returned', 'carried_over', 'cancelled'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
