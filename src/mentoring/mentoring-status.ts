import { statusName } from '../common/errors/names';

/** How a mentoring session was held. */
export const SESSION_MODES = ['visit', 'online', 'workshop', 'training', 'evaluation'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** The principal confirms a session happened, or disputes it with a reason. */
export const SESSION_CONFIRMATIONS = ['pending', 'confirmed', 'disputed'] as const;
export type SessionConfirmation = (typeof SESSION_CONFIRMATIONS)[number];

/** A follow-up action is open until done, or dropped with a reason. */
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Who owes a follow-up action. */
export const ACTION_OWNER_SIDES = ['school', 'facilitator'] as const;
export type ActionOwnerSide = (typeof ACTION_OWNER_SIDES)[number];

/** The roles attendees are counted by. */
export const ATTENDEE_ROLES = ['principal', 'teachers', 'education_staff', 'supervisor', 'parents', 'students'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

/** A refused step, explained in both languages with what to do instead. */
export interface Refusal {
  en: string;
  id: string;
}

/** What the principal does to a logged session. */
export type ConfirmationAction = 'confirm' | 'dispute';

/** The confirmation a session has after the principal's step. */
export function confirmationAfter(action: ConfirmationAction): Exclude<SessionConfirmation, 'pending'> {
  return action === 'confirm' ? 'confirmed' : 'disputed';
}

/**
 * Why the principal cannot confirm or dispute a session in `current` (only a pending session can
 * be either), or null when the step is allowed.
 */
export function refuseConfirmation(action: ConfirmationAction, current: SessionConfirmation): Refusal | null {
  if (current === 'pending') return null;
  const verb = action === 'confirm' ? { en: 'confirm', id: 'mengonfirmasi' } : { en: 'dispute', id: 'menyanggah' };
  const state = current === 'confirmed' ? { en: 'already confirmed', id: 'sudah dikonfirmasi' } : { en: 'disputed', id: 'disanggah' };
  const next =
    current === 'confirmed'
      ? { en: 'a confirmed session is final', id: 'sesi yang sudah dikonfirmasi bersifat final' }
      : { en: 'the facilitator must correct it first (PATCH), which puts it back to pending', id: 'fasilitator harus memperbaikinya dulu (PATCH), sehingga statusnya kembali menunggu' };
  return {
    en: `cannot ${verb.en} this session: it is ${state.en} (confirmation ${current}); ${next.en}`,
    id: `tidak dapat ${verb.id} sesi ini: sesi ini ${state.id} (konfirmasi ${current}); ${next.id}`,
  };
}

/**
 * Whether the facilitator may still change a session: until the principal confirms it. Changing a
 * disputed session answers the dispute, so it goes back to pending for the principal to look at again.
 */
export function refuseSessionEdit(current: SessionConfirmation): Refusal | null {
  if (current !== 'confirmed') return null;
  return {
    en: 'this session is confirmed by the principal and can no longer be changed; log a new session for anything that happened later',
    id: 'sesi ini sudah dikonfirmasi kepala sekolah dan tidak dapat diubah lagi; catat sesi baru untuk kegiatan berikutnya',
  };
}

/** The confirmation after the facilitator changes a session that may be changed. */
export function confirmationAfterEdit(current: SessionConfirmation): SessionConfirmation {
  return current === 'disputed' ? 'pending' : current;
}

/** The moves of a follow-up action: an open action is done or dropped (with a reason); both are final. */
const ACTION_MOVES: Record<ActionStatus, readonly ActionStatus[]> = {
  open: ['done', 'dropped'],
  done: [],
  dropped: [],
};

/** Whether an action may move from `from` to `to`. */
export function canMoveAction(from: ActionStatus, to: ActionStatus): boolean {
  return ACTION_MOVES[from].includes(to);
}

/** Why an action cannot move from `from` to `to`, or null when it can. */
export function refuseActionMove(from: ActionStatus, to: ActionStatus): Refusal | null {
  if (canMoveAction(from, to)) return null;
  if (from === to) {
    return { en: `the action is already ${to}; nothing to change`, id: `tindak lanjut ini sudah berstatus ${statusName(to, 'id')}; tidak ada yang perlu diubah` };
  }
  if (from !== 'open') {
    return {
      en: `the action is ${from}, and a ${from} action is final (it cannot become ${to}); add a new follow-up to the session if more work is needed`,
      id: `tindak lanjut ini berstatus ${statusName(from, 'id')}, dan status ${statusName(from, 'id')} bersifat final (tidak dapat menjadi ${statusName(to, 'id')}); tambahkan tindak lanjut baru pada sesi jika masih ada pekerjaan`,
    };
  }
  return { en: `an open action can become done or dropped, not ${to}`, id: `tindak lanjut yang terbuka dapat menjadi done atau dropped, bukan ${to}` };
}

/** Whether the principal's side may change an action: only marking its own (school-side) open actions done. */
export function schoolMayChange(ownerSide: ActionOwnerSide, change: { status?: ActionStatus; otherFields: boolean }): boolean {
  return ownerSide === 'school' && change.status === 'done' && !change.otherFields;
}

/** An open action is overdue from the day after its due date. */
export function isOverdue(status: ActionStatus, dueDate: string, today: string): boolean {
  return status === 'open' && dueDate < today;
}

/** The SQL of {@link isOverdue} for an action alias and a `today` parameter. */
export function overdueSql(alias: string, todayParam: string): string {
  return `(${alias}.status = 'open' AND ${alias}.due_date < CAST(${todayParam} AS date))`;
}

/** How many days without a confirmed session flag a school. */
export const NO_CONTACT_DAYS = 60;

const DAY_MS = 86_400_000;

/** The date `days` after `date` (before, when negative); dates are UTC calendar dates. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The earliest date a confirmed session may have and still count as recent contact on `today`. */
export function noContactCutoff(today: string): string {
  return addDays(today, -NO_CONTACT_DAYS);
}

/**
 * The 60-day rule: an active assignment is flagged when its school has had no confirmed session in
 * the program year (with any facilitator) on or after `today` − 60 days. Before the first confirmed
 * session, the count starts on the day the assignment began, so a new assignment has 60 days to
 * make its first contact. An ended assignment is never flagged.
 */
export function hasNoContact(facts: { active: boolean; schoolLastConfirmedOn: string | null; startedOn: string }, today: string): boolean {
  if (!facts.active) return false;
  return (facts.schoolLastConfirmedOn ?? facts.startedOn) < noContactCutoff(today);
}

/** The SQL of {@link hasNoContact}; `cutoffParam` is {@link noContactCutoff} of today. */
export function noContactSql(active: string, schoolLastConfirmedOn: string, startedOn: string, cutoffParam: string): string {
  return `(${active} AND COALESCE(${schoolLastConfirmedOn}, ${startedOn}) < CAST(${cutoffParam} AS date))`;
}

/** Planned hours (decimal) as whole minutes, the way they are stored: 1.5 → 90, 0.25 → 15. */
export function minutesOf(hours: number): number {
  return Math.round(hours * 60);
}

/** Minutes as decimal hours with 2 decimals, for answers: 90 → 1.5, 50 → 0.83. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}
