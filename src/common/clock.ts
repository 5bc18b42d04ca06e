import { Injectable } from '@nestjs/common';

/** A calendar date as YYYY-MM-DD. */
export type IsoDate = string;

/**
 * The one source of "now" and "today" for business rules (MoU activation and expiry, reminders),
 * provided globally so a test can fix the time.
 *
 * Dates are UTC calendar dates everywhere, in the code and in the `date` columns: `today()` is the
 * UTC date of `now()`. Jakarta (WIB) is UTC+7, so from 00:00 to 07:00 WIB the platform's "today" is
 * still the day before: a day-based rule (an MoU taking effect or expiring) applies at 07:00 WIB at
 * the latest, never early. The database's `current_date` is not used for these rules, so the
 * session time zone of the server does not matter.
 *
 * "Not in the future" is the one check that compares with the user's own calendar: a principal in
 * Banjarmasin (WITA, UTC+8) who writes a receipt at 06:00 dates it with her today, which is still
 * tomorrow in UTC. Such checks use `latestToday()`, the date in Indonesia's easternmost zone.
 */
@Injectable()
export class Clock {
  /** The current instant. */
  now(): Date {
    return new Date();
  }

  /** Today's UTC calendar date, YYYY-MM-DD. */
  today(): IsoDate {
    return this.now().toISOString().slice(0, 10);
  }

  /**
   * The latest "today" anyone in Indonesia has: the calendar date in WIT (Asia/Jayapura, UTC+9, no
   * daylight saving). A date after it is in the future for every user, wherever in Indonesia they are.
   */
  latestToday(): IsoDate {
    return new Date(this.now().getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
  }
}
