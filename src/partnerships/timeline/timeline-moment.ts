// SQL fragments for the moment (`at`) of a timeline event, shared by every source so all moments
// read alike and order correctly as text.

/**
 * A timestamptz as the ISO 8601 text of its instant in UTC with milliseconds, e.g.
 * "2012-03-10T03:00:00.000Z" (what Date.prototype.toISOString writes): one width and one zone, so
 * two moments compare as strings in the order they happened.
 */
export function momentSql(timestamptz: string): string {
  return `to_char((${timestamptz}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * The moment of an event its record dates only to the day (a status change's occurred_on, a
 * tranche's disbursed_on, a session's held_on): the moment the record was made, when it was made on
 * that day; null when it was written down on another day (entered later, back-dated). Made on the
 * day means by any calendar that dates records here: the platform's own (UTC) or a user's in
 * Indonesia (UTC+7 to UTC+9), so from 00:00 of the day in UTC+9 to the end of the day in UTC.
 *
 * This is the honest reading of such a record: what it tells happened on that day, no later than
 * the moment it was recorded; a status change recorded through the API is the change itself. A
 * record made on another day says nothing about the time of day, so it gets no moment.
 */
export function sameDayMomentSql(date: string, createdAt: string): string {
  const dayStart = `(CAST((${date}) AS timestamp) AT TIME ZONE 'UTC') - INTERVAL '9 hours'`;
  const dayEnd = `(CAST((${date}) AS timestamp) + INTERVAL '1 day') AT TIME ZONE 'UTC'`;
  return `CASE WHEN (${createdAt}) >= ${dayStart} AND (${createdAt}) < ${dayEnd} THEN ${momentSql(createdAt)} END`;
}
