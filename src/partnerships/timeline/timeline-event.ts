import type { EntityManager } from 'typeorm';
import type { Lang } from '../../common/errors/i18n';

/**
 * What the timeline can show. Later modules add their kinds here (e.g. plan_approved,
 * grant_awarded, mentoring_session, competition_result) together with their source.
 */
export const TIMELINE_EVENT_KINDS = [
  'partnership_status',
  'mou_signed',
  'mou_renewed',
  'mou_amended',
  'mou_terminated',
  'mou_expired',
  'competition_result',
  'plan_submitted',
  'plan_approved',
  'plan_completed',
  'grant_awarded',
  'grant_disbursed',
  'grant_reversed',
  'expense_report_accepted',
  'mentoring_session',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

/** One dated thing that happened in a partnership. */
export interface TimelineEvent {
  /** YYYY-MM-DD; the event lands in the timeline entry of its calendar year. */
  date: string;
  kind: TimelineEventKind;
  /**
   * One line that reads on its own, in the language the source was asked for, e.g. "MoU
   * 001/TU-CSR/MOU/III/2012 signed" or "MoU 001/TU-CSR/MOU/III/2012 ditandatangani".
   */
  title: string;
  /** The reason, summary or terms, when there are any, in the same language (what people typed stays as typed). */
  detail: string | null;
  /** The record behind the event (partnership event, MoU, amendment...). */
  refId: string;
}

/** The partnership a source is asked about; the caller has already checked it may be seen. */
export interface TimelinePartnership {
  id: string;
  programId: string;
  companyId: string;
  schoolId: string;
}

/**
 * One kind of record that contributes to a partnership's timeline. A source answers with ONE query
 * for the whole partnership (never one per year), so a timeline costs the same whatever its length.
 * Events of one date keep the order of the sources, then the order the source returns them in.
 * Titles and details are written in `lang`, the language of the request.
 */
export interface TimelineSource {
  /** Unique name, e.g. "mous". */
  readonly name: string;
  events(partnership: TimelinePartnership, manager: EntityManager, lang: Lang): Promise<TimelineEvent[]>;
}
