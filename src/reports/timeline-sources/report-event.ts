import type { TimelineEvent, TimelineEventKind } from '../../partnerships/timeline/timeline-source';

/** The kinds of event the report sources add to the partnership timeline (all listed in TIMELINE_EVENT_KINDS). */
export type ReportTimelineKind = Extract<
  TimelineEventKind,
  'plan_submitted' | 'plan_approved' | 'plan_completed' | 'grant_awarded' | 'grant_disbursed' | 'grant_reversed' | 'expense_report_accepted' | 'mentoring_session'
>;

/** A timeline event of one of the report kinds. */
export type ReportTimelineEvent = TimelineEvent & { kind: ReportTimelineKind };

/** Events of the report kinds as timeline events (a widening, no cast). */
export function asTimelineEvents(events: ReportTimelineEvent[]): TimelineEvent[] {
  return events;
}

/**
 * Instants (submission, approval, review, publication) are shown as calendar dates in Western
 * Indonesia Time (UTC+7), like the MoU source's signatures.
 */
export const WIB = "INTERVAL '+07:00'";

/** An amount of whole rupiah as people read it in the timeline, in either language: "Rp 1.500.000". */
export function rupiahText(digits: string): string {
  return `Rp ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
