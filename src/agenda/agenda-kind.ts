/**
 * What an agenda item asks of the caller. Stable strings: the portal picks the link and the icon by
 * kind. The order here is the tie-break when two items are equally urgent.
 */
export const AGENDA_KINDS = [
  // The school (principal).
  'plan_to_write',
  'plan_to_revise',
  'plan_comments_to_answer',
  'expense_report_to_write',
  'expense_report_returned',
  'expense_report_draft',
  'follow_up',
  'session_to_confirm',
  'competition_open',
  // The company (CSR officer).
  'plan_to_review',
  'expense_report_to_review',
  'mou_expiring',
  // The facilitator (plan_to_review and follow_up as well).
  'session_disputed',
  // The judge.
  'entries_to_score',
  // The education office.
  'partner_request_to_answer',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** How many items an agenda lists at most; `total` still counts them all. */
export const AGENDA_LIMIT = 200;

/** How many days ahead an MoU shows on the CSR officer's agenda as expiring. */
export const MOU_AGENDA_DAYS = 60;
