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
