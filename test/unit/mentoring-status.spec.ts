import {
  ACTION_STATUSES,
  addDays,
  canMoveAction,
  confirmationAfter,
  confirmationAfterEdit,
  hasNoContact,
  hoursOf,
  isOverdue,
  minutesOf,
  NO_CONTACT_DAYS,
  noContactCutoff,
  refuseActionMove,
  refuseConfirmation,
  refuseSessionEdit,
  schoolMayChange,
  SESSION_CONFIRMATIONS,
} from '../../src/mentoring/mentoring-status';
import type { ActionStatus } from '../../src/mentoring/mentoring-status';

describe('mentoring status rules', () => {
  it('lets the principal confirm or dispute only a pending session', () => {
    for (const current of SESSION_CONFIRMATIONS) {
      for (const action of ['confirm', 'dispute'] as const) {
        expect(refuseConfirmation(action, current) === null).toBe(current === 'pending');
      }
    }
    expect(confirmationAfter('confirm')).toBe('confirmed');
    expect(confirmationAfter('dispute')).toBe('disputed');
    expect(refuseConfirmation('dispute', 'confirmed')?.en).toContain('already confirmed');
    expect(refuseConfirmation('confirm', 'disputed')?.en).toContain('facilitator must correct it first');
    expect(refuseConfirmation('confirm', 'disputed')?.id).toContain('fasilitator harus memperbaikinya');
  });

  it('lets the facilitator change a session until it is confirmed; a change answers a dispute', () => {
    expect(refuseSessionEdit('pending')).toBeNull();
    expect(refuseSessionEdit('disputed')).toBeNull();
    expect(refuseSessionEdit('confirmed')?.en).toContain('can no longer be changed');
    expect(confirmationAfterEdit('disputed')).toBe('pending');
    expect(confirmationAfterEdit('pending')).toBe('pending');
  });

  it('moves an action only from open to done or dropped', () => {
    const allowed: Array<[ActionStatus, ActionStatus]> = [
      ['open', 'done'],
      ['open', 'dropped'],
    ];
    for (const from of ACTION_STATUSES) {
      for (const to of ACTION_STATUSES) {
        const expected = allowed.some(([f, t2]) => f === from && t2 === to);
        expect(canMoveAction(from, to)).toBe(expected);
        expect(refuseActionMove(from, to) === null).toBe(expected);
      }
    }
    expect(refuseActionMove('done', 'done')?.en).toContain('already done');
    expect(refuseActionMove('dropped', 'done')?.en).toContain('final');
    expect(refuseActionMove('open', 'open')?.en).toContain('already open');
  });

  it('lets the school side only mark its own actions done', () => {
    expect(schoolMayChange('school', { status: 'done', otherFields: false })).toBe(true);
    expect(schoolMayChange('school', { status: 'dropped', otherFields: false })).toBe(false);
    expect(schoolMayChange('school', { status: 'done', otherFields: true })).toBe(false);
    expect(schoolMayChange('school', { otherFields: false })).toBe(false);
    expect(schoolMayChange('facilitator', { status: 'done', otherFields: false })).toBe(false);
  });

  it('makes an open action overdue from the day after its due date', () => {
    expect(isOverdue('open', '2026-03-01', '2026-03-01')).toBe(false);
    expect(isOverdue('open', '2026-03-01', '2026-03-02')).toBe(true);
    expect(isOverdue('done', '2026-03-01', '2026-04-01')).toBe(false);
    expect(isOverdue('dropped', '2026-03-01', '2026-04-01')).toBe(false);
  });

  it('flags an active assignment whose school had no confirmed session on or after today − 60 days', () => {
    expect(NO_CONTACT_DAYS).toBe(60);
    expect(addDays('2027-03-01', -60)).toBe('2026-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(noContactCutoff('2027-03-01')).toBe('2026-12-31');
    const facts = (schoolLastConfirmedOn: string | null, active = true) => ({ active, schoolLastConfirmedOn, startedOn: '2026-11-24' });
    expect(hasNoContact(facts('2026-12-31'), '2027-03-01')).toBe(false);
    expect(hasNoContact(facts('2026-12-30'), '2027-03-01')).toBe(true);
    expect(hasNoContact(facts('2026-12-30', false), '2027-03-01')).toBe(false);
    // Before the first confirmed session, the 60 days count from the day the assignment began.
    expect(hasNoContact(facts(null), '2027-01-23')).toBe(false);
    expect(hasNoContact(facts(null), '2027-01-24')).toBe(true);
  });

  it('keeps planned hours as whole minutes and shows minutes as hours with 2 decimals', () => {
    expect(minutesOf(40.5)).toBe(2430);
    expect(minutesOf(0.25)).toBe(15);
    expect(minutesOf(1.01)).toBe(61);
    expect(minutesOf(0)).toBe(0);
    expect(hoursOf(90)).toBe(1.5);
    expect(hoursOf(50)).toBe(0.83);
    expect(hoursOf(0)).toBe(0);
  });
});
