import { canMovePartnership, needsReason, PARTNERSHIP_STATUSES, partnershipMovesFrom } from '../../src/partnerships/partnership-status';
import type { PartnershipStatus } from '../../src/partnerships/partnership-status';

describe('partnership status', () => {
  it('allows prospective → active/ended, active → paused/ended, paused → active/ended, and nothing after ended', () => {
    const allowed: string[] = [];
    for (const from of PARTNERSHIP_STATUSES) for (const to of PARTNERSHIP_STATUSES) if (canMovePartnership(from, to)) allowed.push(`${from}→${to}`);
    expect(allowed).toEqual(['prospective→active', 'prospective→ended', 'active→paused', 'active→ended', 'paused→active', 'paused→ended']);
  });

  it('never moves a partnership to the status it has, nor back to prospective', () => {
    for (const s of PARTNERSHIP_STATUSES) {
      expect(canMovePartnership(s, s)).toBe(false);
      expect(canMovePartnership(s, 'prospective')).toBe(false);
    }
  });

  it('lists the moves it checks', () => {
    const moves: Record<PartnershipStatus, PartnershipStatus[]> = { prospective: ['active', 'ended'], active: ['paused', 'ended'], paused: ['active', 'ended'], ended: [] };
    for (const s of PARTNERSHIP_STATUSES) {
      expect(partnershipMovesFrom(s)).toEqual(moves[s]);
      for (const to of partnershipMovesFrom(s)) expect(canMovePartnership(s, to)).toBe(true);
    }
  });

  it('needs a reason to pause or end, not to start or resume', () => {
    expect(PARTNERSHIP_STATUSES.filter(needsReason)).toEqual(['paused', 'ended']);
  });
});
