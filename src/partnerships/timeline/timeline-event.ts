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
 * One kind of record that contributes to a partnership's timeline, as ONE query for the whole
 * partnership (never one per year), so a timeline costs the same whatever its length. The timeline
 * runs every source's query, and the cohort years, in a single statement (one round trip), each
 * source's rows aggregated as JSON; so a source does not run its query, it hands it over.
 * Events of one date keep the order of the sources, then the order of the source's rows.
 */
export interface TimelineSource<Row = unknown> {
  /** Unique name, e.g. "mous". */
  readonly name: string;
  /**
   * One SELECT, with ORDER BY when order matters. Its parameters are fixed: $1 is the partnership's
   * id, $2 its program's, $3 its company's, $4 its school's (all uuid). Its rows arrive as JSON, so
   * a column the JSON types would change (numeric, bigint, date, timestamp) is cast to text.
   */
  readonly sql: string;
  /** The events of the rows the query returned, titles and details written in `lang`, the language of the request. */
  events(rows: Row[], lang: Lang): TimelineEvent[];
}
