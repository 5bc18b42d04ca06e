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
  'learning_event',
  'practice_published',
  'parent_engagement',
  'facility_handed_over',
  'facility_checked',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

/** One dated thing that happened in a partnership. */
export interface TimelineEvent {
  /** YYYY-MM-DD; the event lands in the timeline entry of its calendar year. */
  date: string;
  /**
   * The moment it happened (ISO 8601 in UTC, e.g. "2012-03-10T03:00:00.000Z") where the record holds
   * one: a signature, a submission, an approval, a review, a publication, or the moment a record
   * was made on the day it is dated (see sameDayMomentSql). Null for what is known only to the day:
   * an MoU's expiry or termination, or a record written down on a later day than the one it names.
   */
  at: string | null;
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
 * The timeline orders the events itself (see orderEvents), never by the order of the sources; a
 * source lists each occurrence of a step (every submission, every tranche), not one per record,
 * and gives each event its moment (`at`) where the record has one.
 */
export interface TimelineSource<Row = unknown> {
  /** Unique name, e.g. "mous". */
  readonly name: string;
  /**
   * One SELECT, ordered by date and then by the order its records were made (ending in a unique
   * column): of two events of one kind, one date and no moment, the timeline keeps this order. Its
   * parameters are fixed: $1 is the partnership's id, $2 its program's, $3 its company's, $4 its
   * school's (all uuid). Its rows arrive as JSON, so a column the JSON types would change (numeric,
   * bigint, date, timestamp) is cast to text; a moment with momentSql, so every `at` reads alike.
   */
  readonly sql: string;
  /** The events of the rows the query returned, titles and details written in `lang`, the language of the request. */
  events(rows: Row[], lang: Lang): TimelineEvent[];
}
