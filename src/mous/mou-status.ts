/**
 * draft → awaiting_signatures → active → expired; or terminated (with date and reason), or
 * superseded by a renewal.
 */
export const MOU_STATUSES = ['draft', 'awaiting_signatures', 'active', 'expired', 'terminated', 'superseded'] as const;
export type MouStatus = (typeof MOU_STATUSES)[number];

/** The roles of the parties to an MoU. */
export const MOU_PARTY_ROLES = ['first_party', 'second_party', 'witness', 'supporting'] as const;
export type MouPartyRole = (typeof MOU_PARTY_ROLES)[number];
