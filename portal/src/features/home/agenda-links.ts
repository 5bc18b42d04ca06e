/** One thing that waits for the signed-in user (GET /api/v1/agenda). */
export interface AgendaItem {
  kind: string;
  id: string;
  title: string;
  dueDate?: string | null;
  overdue?: boolean;
  count?: number | null;
  planId?: string | null;
  grantId?: string | null;
  reportId?: string | null;
  sessionId?: string | null;
  competitionId?: string | null;
  programYearId?: string | null;
}

/** The portal page where an agenda item is done. */
export function agendaLink(item: AgendaItem): string {
  const k = item.kind;
  if (k.includes('comment')) return `/plans/${item.planId ?? item.id}#comments`;
  if (k.startsWith('plan_to_write') || k === 'plan_missing') return '/plans';
  if (k.startsWith('plan')) return `/plans/${item.planId ?? item.id}`;
  if (k.includes('session')) return `/mentoring/sessions/${item.sessionId ?? item.id}`;
  if (k.includes('action') || k.includes('follow')) return '/mentoring';
  if (k.includes('expense')) return item.reportId && item.grantId ? `/grants/${item.grantId}/reports/${item.reportId}` : `/grants/${item.grantId ?? item.id}`;
  if (k.includes('competition') || k.includes('entry')) return `/competitions/${item.competitionId ?? item.id}`;
  return '/';
}
