import {
  activation,
  addDays,
  amendmentComplete,
  canApplyMou,
  canMoveMou,
  daysBetween,
  isPastExpiry,
  missingSignatures,
  MOU_ACTIONS,
  MOU_STATUSES,
  periodsOverlap,
  refuseMouAction,
  reminderStep,
} from '../../src/mous/mou-status';
import type { ActivationFacts, MouStatus } from '../../src/mous/mou-status';

describe('MoU status rules', () => {
  it('moves only along draft → awaiting_signatures → active → expired | terminated | superseded', () => {
    const allowed: Array<[MouStatus, MouStatus]> = [
      ['draft', 'awaiting_signatures'],
      ['awaiting_signatures', 'active'],
      ['active', 'expired'],
      ['active', 'terminated'],
      ['active', 'superseded'],
      ['expired', 'superseded'],
    ];
    for (const from of MOU_STATUSES) {
      for (const to of MOU_STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect([from, to, canMoveMou(from, to)]).toEqual([from, to, expected]);
      }
    }
  });

  it('lets only a draft be edited or submitted, and names the status and the way out when refusing', () => {
    for (const status of MOU_STATUSES) {
      expect(canApplyMou('edit', status)).toBe(status === 'draft');
      expect(canApplyMou('submit', status)).toBe(status === 'draft');
      expect(canApplyMou('sign', status)).toBe(status === 'awaiting_signatures');
      expect(canApplyMou('amend', status)).toBe(status === 'active');
      expect(canApplyMou('terminate', status)).toBe(status === 'active');
      expect(canApplyMou('renew', status)).toBe(status === 'active' || status === 'expired');
    }
    expect(refuseMouAction('edit', 'draft')).toBeNull();
    const edit = refuseMouAction('edit', 'active');
    expect(edit?.en).toContain('(status active)');
    expect(edit?.en).toContain('amendment');
    expect(edit?.id).toContain('adendum');
    expect(refuseMouAction('sign', 'draft')?.en).toContain('submit it first');
    // Every refusal comes in both languages.
    for (const action of MOU_ACTIONS) {
      for (const status of MOU_STATUSES) {
        const r = refuseMouAction(action, status);
        if (r) expect(r.en.length * r.id.length).toBeGreaterThan(0);
      }
    }
  });

  it('counts days between UTC calendar dates, across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2027-03-01', '2027-02-28')).toBe(-1);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('treats both ends of a period as days in force', () => {
    const a = { effectiveDate: '2015-03-01', expiryDate: '2018-02-28' };
    expect(periodsOverlap(a, { effectiveDate: '2018-02-28', expiryDate: '2021-02-28' })).toBe(true);
    expect(periodsOverlap(a, { effectiveDate: '2018-03-01', expiryDate: '2021-02-28' })).toBe(false);
    expect(periodsOverlap(a, { effectiveDate: '2010-01-01', expiryDate: '2015-03-01' })).toBe(true);
    expect(periodsOverlap(a, { effectiveDate: '2016-01-01', expiryDate: '2016-02-01' })).toBe(true);
    expect(isPastExpiry('2027-02-28', '2027-02-28')).toBe(false);
    expect(isPastExpiry('2027-02-28', '2027-03-01')).toBe(true);
  });

  describe('activation', () => {
    const base: ActivationFacts = {
      status: 'awaiting_signatures',
      effectiveDate: '2024-03-01',
      expiryDate: '2027-02-28',
      requiredSigners: ['company', 'school', 'office'],
      signedBy: ['company', 'school', 'office'],
    };

    it('is ready once every required party signed and the effective date has come', () => {
      expect(activation(base, '2024-03-01')).toBe('ready');
      expect(activation(base, '2025-01-01')).toBe('ready');
    });

    it('waits for missing signatures, for the effective date, and never revives a lapsed MoU', () => {
      expect(activation({ ...base, signedBy: ['company', 'school'] }, '2024-03-01')).toBe('signatures_missing');
      expect(activation(base, '2024-02-29')).toBe('not_yet_effective');
      expect(activation(base, '2027-03-01')).toBe('past_expiry');
      expect(activation({ ...base, status: 'draft' }, '2024-03-01')).toBe('not_awaiting');
      expect(activation({ ...base, status: 'active' }, '2024-03-01')).toBe('not_awaiting');
    });

    it('ignores signatures of parties that need not sign', () => {
      expect(activation({ ...base, requiredSigners: ['company', 'school'], signedBy: ['company', 'school'] }, '2024-03-01')).toBe('ready');
      expect(missingSignatures(['a', 'b', 'c'], ['c', 'x'])).toEqual(['a', 'b']);
      expect(amendmentComplete(['a', 'b'], ['b', 'a'])).toBe(true);
      expect(amendmentComplete(['a', 'b'], ['a'])).toBe(false);
    });
  });

  it('reminds at the tightest step of 90, 30 and 7 days, and not after expiry', () => {
    const expiry = '2027-02-28';
    expect(reminderStep(expiry, addDays(expiry, -91))).toBeNull();
    expect(reminderStep(expiry, addDays(expiry, -90))).toBe(90);
    expect(reminderStep(expiry, addDays(expiry, -31))).toBe(90);
    expect(reminderStep(expiry, addDays(expiry, -30))).toBe(30);
    expect(reminderStep(expiry, addDays(expiry, -8))).toBe(30);
    expect(reminderStep(expiry, addDays(expiry, -7))).toBe(7);
    expect(reminderStep(expiry, expiry)).toBe(7);
    expect(reminderStep(expiry, addDays(expiry, 1))).toBeNull();
  });
});
