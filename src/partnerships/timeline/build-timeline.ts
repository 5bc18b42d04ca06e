import type { CohortYearRow } from '../dto/partnership.response';
import type { ProgramYearStatus } from '../../programs/program-year-status';
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
  /** Every source's events, each list in the source's order, sources in registration order. */
  events: TimelineEvent[][];
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * The partnership year by year, oldest first. It starts with the partnership (its first status
 * change, start date or explicit cohort year), but not before the program started, unless an event
 * is older; it runs to the current year, or to the year of a later event. Each year carries the
 * program's theme, whether the school was in that year's cohort (set explicitly, or active that
 * year), and the year's events ordered by date; events of one date keep the sources' order.
 */
export function buildTimeline(f: TimelineFacts): TimelineYear[] {
  const events = f.events.flat();
  // Array.prototype.sort is stable: events of one date stay in source order.
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
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
