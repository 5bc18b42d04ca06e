import { competitionResultsPublishedTemplate, CompetitionResultsParams } from './competition.templates';
import { expenseReportReturnedTemplate, ExpenseReportReturnedParams, trancheRecordedTemplate, TrancheRecordedParams } from './grant.templates';
import { digestTemplate, DigestParams } from './digest.template';
import { invitationTemplate, InvitationParams } from './invitation.template';
import type { MailTemplate } from './layout';
import { followUpOverdueTemplate, FollowUpOverdueParams, sessionToConfirmTemplate, SessionToConfirmParams } from './mentoring.templates';
import { mouExpiredTemplate, mouExpiringTemplate, MouExpiryParams } from './mou-expiry.templates';
import { passwordChangedTemplate, PasswordChangedParams } from './password-changed.template';
import { passwordResetTemplate, PasswordResetParams } from './password-reset.template';
import { planApprovedTemplate, planChangesRequestedTemplate, PlanMailParams, planSubmittedTemplate } from './plan.templates';

/**
 * Every kind of message and the values it is made of. A new kind is one template file and one
 * line here; whoever causes it calls MailService.enqueue with the kind and its values.
 */
export interface MailParams {
  invitation: InvitationParams;
  password_reset: PasswordResetParams;
  password_changed: PasswordChangedParams;
  mou_expiring: MouExpiryParams;
  mou_expired: MouExpiryParams;
  plan_submitted: PlanMailParams;
  plan_changes_requested: PlanMailParams;
  plan_approved: PlanMailParams;
  tranche_recorded: TrancheRecordedParams;
  expense_report_returned: ExpenseReportReturnedParams;
  session_to_confirm: SessionToConfirmParams;
  follow_up_overdue: FollowUpOverdueParams;
  competition_results_published: CompetitionResultsParams;
  daily_digest: DigestParams;
}

export type MailKind = keyof MailParams;

export const MAIL_TEMPLATES: { [K in MailKind]: MailTemplate<MailParams[K]> } = {
  invitation: invitationTemplate,
  password_reset: passwordResetTemplate,
  password_changed: passwordChangedTemplate,
  mou_expiring: mouExpiringTemplate,
  mou_expired: mouExpiredTemplate,
  plan_submitted: planSubmittedTemplate,
  plan_changes_requested: planChangesRequestedTemplate,
  plan_approved: planApprovedTemplate,
  tranche_recorded: trancheRecordedTemplate,
  expense_report_returned: expenseReportReturnedTemplate,
  session_to_confirm: sessionToConfirmTemplate,
  follow_up_overdue: followUpOverdueTemplate,
  competition_results_published: competitionResultsPublishedTemplate,
  daily_digest: digestTemplate,
};

export const MAIL_KINDS = Object.keys(MAIL_TEMPLATES) as MailKind[];
