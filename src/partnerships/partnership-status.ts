/** prospective → active → paused → ended (paused can resume to active; any open one can end). */
export const PARTNERSHIP_STATUSES = ['prospective', 'active', 'paused', 'ended'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

const ALLOWED: Record<PartnershipStatus, PartnershipStatus[]> = {
  prospective: ['active', 'ended'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
};

/** Whether a partnership may move from `from` to `to`. */
export function canMovePartnership(from: PartnershipStatus, to: PartnershipStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** The statuses a partnership may move to from `from`. */
export function partnershipMovesFrom(from: PartnershipStatus): PartnershipStatus[] {
  return ALLOWED[from];
}

/** Pausing and ending need a reason; the timeline shows it. */
export function needsReason(to: PartnershipStatus): boolean {
  return to === 'paused' || to === 'ended';
}
