import type { CohortYearRow } from '../dto/partnership.response';
import type { ProgramYearStatus } from '../../programs/program-year-status';
import { TIMELINE_EVENT_KINDS } from './timeline-event';
import type { TimelineEvent } from './timeline-event';

/** One calendar year of a partnership's timeline. */
export interface TimelineYear {
  year: number;
  programYearId: string | null;
  theme: string | null;
  yearStatus: ProgramYearStatus | null;
  inCohort: boolean;
  events: TimelineEvent[];
}

/** What the timeline is built from; every list comes from one query. */
export interface TimelineFacts {
  programStartYear: number;
  /** When the partnership first became active, if it has. */
  startedOn: string | null;
  currentYear: number;
  /** The program's years and the years the partnership was active, with the cohort flags. */
  years: CohortYearRow[];
  /** Every source's events, each list in the source's order; the order of the lists does not matter. */
  events: TimelineEvent[][];
}

const yearOf = (date: string) => Number(date.slice(0, 4));

const KIND_RANK = new Map<string, number>(TIMELINE_EVENT_KINDS.map((kind, i) => [kind, i]));

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every source's events in the order they happened:
 * 1. by date;
 * 2. then by moment (`at`), where the record has one. Events of the date without a moment come
 *    after those with one: all that is known of them is the day, and the kinds that never have a
 *    moment end a day rather than open it (an MoU is in force through its expiry date; a
 *    termination ends the MoU on its day). A date-only record made on its day carries the moment
 *    it was made (sameDayMomentSql), so e.g. a mentoring session logged on the day it was held
 *    sorts by the moment it was logged, the latest moment it can have happened;
 * 3. then, for a tie (the same moment, or no moment), by kind, in the order of TIMELINE_EVENT_KINDS;
 * 4. then, within a kind, in its source's own order (e.g. two tranches recorded later for one day,
 *    in the order they were recorded), and last by refId.
 * Nothing depends on the order in which the sources were registered.
 */
export function orderEvents(lists: readonly (readonly TimelineEvent[])[]): TimelineEvent[] {
  const ranked = lists.flatMap((list) => list.map((event, position) => ({ event, position, kind: KIND_RANK.get(event.kind) ?? KIND_RANK.size })));
  ranked.sort(
    (a, b) =>
      compareText(a.event.date, b.event.date) ||
      (a.event.at === null ? (b.event.at === null ? 0 : 1) : b.event.at === null ? -1 : compareText(a.event.at, b.event.at)) ||
      a.kind - b.kind ||
      compareText(a.event.kind, b.event.kind) ||
      a.position - b.position ||
      compareText(a.event.refId, b.event.refId),
  );
  return ranked.map((r) => r.event);
}

/**
 * The partnership year by year, oldest first. It starts with the partnership (its first status
 * change, start date or explicit cohort year), but not before the program started, unless an event
 * is older; it runs to the current year, or to the year of a later event. Each year carries the
 * program's theme, whether the school was in that year's cohort (set explicitly, or active that
 * year), and the year's events in the order they happened (orderEvents).
 */
export function buildTimeline(f: TimelineFacts): TimelineYear[] {
  const events = orderEvents(f.events);
  const eventYears = events.map((e) => yearOf(e.date));
  const partnershipYears = [...eventYears, ...f.years.filter((y) => y.explicit).map((y) => y.year)];
  if (f.startedOn) partnershipYears.push(yearOf(f.startedOn));
  const partnershipStart = partnershipYears.length > 0 ? Math.min(...partnershipYears) : f.programStartYear;
  const from = Math.min(Math.max(f.programStartYear, partnershipStart), ...eventYears);
  const to = Math.max(f.currentYear, ...eventYears);
  const byYear = new Map(f.years.map((y) => [y.year, y]));
  const out: TimelineYear[] = [];
  for (let year = from; year <= to; year += 1) {
    const facts = byYear.get(year);
    out.push({
      year,
      programYearId: facts?.programYearId ?? null,
      theme: facts?.theme ?? null,
      yearStatus: facts?.yearStatus ?? null,
      inCohort: facts ? facts.explicit || facts.active : false,
      events: events.filter((e) => yearOf(e.date) === year),
    });
  }
  return out;
}
