import type { components } from '../../api/schema';

/** One thing that waits for the signed-in user (GET /api/v1/agenda). */
export type AgendaItem = components['schemas']['AgendaItemResponse'];

/** The portal page where an agenda item is done. */
export function agendaLink(item: AgendaItem): string {
  switch (item.kind) {
    case 'plan_to_write':
      return '/plans';
    case 'plan_to_revise':
    case 'plan_to_review':
      return `/plans/${item.planId ?? item.id}`;
    case 'plan_comments_to_answer':
      return `/plans/${item.planId ?? item.id}#comments`;
    case 'session_to_confirm':
    case 'session_disputed':
      return `/mentoring/sessions/${item.sessionId ?? item.id}`;
    case 'follow_up':
      return item.sessionId ? `/mentoring/sessions/${item.sessionId}` : '/mentoring';
    case 'expense_report_to_write':
      return `/grants/${item.grantId ?? item.id}`;
    case 'expense_report_draft':
    case 'expense_report_returned':
    case 'expense_report_to_review':
      return item.grantId ? `/grants/${item.grantId}/reports/${item.reportId ?? item.id}` : '/grants';
    case 'competition_open':
    case 'entries_to_score':
      return `/competitions/${item.competitionId ?? item.id}`;
    case 'mou_expiring':
      return `/mous/${item.id}`;
    case 'partner_request_to_answer':
      return `/partner-requests/${item.id}`;
    default:
      return '/';
  }
}
