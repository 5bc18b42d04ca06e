import {
  ALLOWED_FROM,
  canApply,
  isFrozen,
  isLateSubmission,
  PLAN_ACTIONS,
  PLAN_STATUSES,
  refuseAction,
  statusAfter,
  versionOutcomes,
} from '../../src/plans/plan-status';

describe('plan transitions', () => {
  it.each([
    ['edit', ['draft', 'changes_requested']],
    ['submit', ['draft', 'changes_requested']],
    ['request_changes', ['submitted']],
    ['approve', ['submitted']],
    ['start', ['approved']],
    ['complete', ['in_progress']],
    ['withdraw', ['draft', 'submitted', 'changes_requested']],
    ['revise', ['approved', 'in_progress']],
    ['report', ['approved', 'in_progress']],
    ['comment', ['draft', 'submitted', 'changes_requested', 'approved', 'in_progress']],
  ] as const)('%s is allowed only from %j', (action, allowed) => {
    for (const status of PLAN_STATUSES) {
      const ok = (allowed as readonly string[]).includes(status);
      expect(canApply(action, status)).toBe(ok);
      expect(refuseAction(action, status) === null).toBe(ok);
    }
  });

  it('allows nothing on a completed or withdrawn plan', () => {
    for (const action of PLAN_ACTIONS) {
      expect(ALLOWED_FROM[action]).not.toContain('completed');
      expect(ALLOWED_FROM[action]).not.toContain('withdrawn');
    }
  });

  it('moves along the workflow', () => {
    expect(statusAfter('submit')).toBe('submitted');
    expect(statusAfter('request_changes')).toBe('changes_requested');
    expect(statusAfter('approve')).toBe('approved');
    expect(statusAfter('start')).toBe('in_progress');
    expect(statusAfter('complete')).toBe('completed');
    expect(statusAfter('withdraw')).toBe('withdrawn');
    expect(statusAfter('revise')).toBe('draft');
  });

  it('freezes an approved plan and points to a revision, in both languages', () => {
    expect(isFrozen('approved')).toBe(true);
    expect(isFrozen('in_progress')).toBe(true);
    expect(isFrozen('completed')).toBe(true);
    expect(isFrozen('draft')).toBe(false);
    expect(isFrozen('changes_requested')).toBe(false);
    expect(refuseAction('edit', 'approved', 0, 'abc')).toEqual({
      en: 'cannot change the plan: the plan is approved and frozen (approved); open a revision of the plan, change it there and submit it for review again',
      id: 'tidak dapat mengubah rencana: rencana sudah disetujui dan dibekukan (disetujui); buka revisi rencana, ubah di sana lalu ajukan lagi untuk ditelaah',
    });
    expect(refuseAction('submit', 'in_progress')?.en).toContain('open a revision of the plan first');
  });

  it('names the state when refusing', () => {
    expect(refuseAction('approve', 'changes_requested')?.en).toBe(
      'cannot approve the plan: changes were requested and the school has not resubmitted yet (returned for changes); wait until the school resubmits it with the requested changes',
    );
    expect(refuseAction('complete', 'approved', 0, 'p1')?.en).toContain('start carrying it out first');
    expect(refuseAction('report', 'draft')?.id).toContain('(draf)');
    // Plain words for a person: no API paths, no raw status values.
    for (const action of ['edit', 'submit', 'complete', 'approve'] as const) {
      for (const status of ['approved', 'in_progress', 'changes_requested'] as const) {
        const r = refuseAction(action, status, 0, 'p1');
        if (r) for (const text of [r.en, r.id]) expect(text).not.toMatch(/\/api\/|in_progress|changes_requested|status approved/);
      }
    }
  });

  it('does not withdraw a revision round: the approved plan still stands', () => {
    expect(canApply('withdraw', 'draft', 1)).toBe(false);
    expect(canApply('withdraw', 'submitted', 2)).toBe(false);
    expect(canApply('withdraw', 'draft', 0)).toBe(true);
    expect(refuseAction('withdraw', 'draft', 1)?.en).toContain('this is revision 1 of an approved plan');
    // Other actions of a revision round work as in the first round.
    expect(canApply('submit', 'draft', 1)).toBe(true);
  });

  it('flags only first-round submissions after the deadline as late', () => {
    expect(isLateSubmission('2026-03-01', '2026-02-28', 0)).toBe(true);
    expect(isLateSubmission('2026-02-28', '2026-02-28', 0)).toBe(false);
    expect(isLateSubmission('2026-02-01', '2026-02-28', 0)).toBe(false);
    expect(isLateSubmission('2026-06-01', '2026-02-28', 1)).toBe(false);
    expect(isLateSubmission('2026-06-01', null, 0)).toBe(false);
  });

  it('tells what became of every submitted version', () => {
    const v = (number: number, revision: number) => ({ number, revision });
    expect(versionOutcomes([v(1, 0)], 'submitted', 0)).toEqual(['pending']);
    expect(versionOutcomes([v(1, 0)], 'changes_requested', 0)).toEqual(['changes_requested']);
    expect(versionOutcomes([v(1, 0), v(2, 0)], 'approved', 0)).toEqual(['changes_requested', 'approved']);
    expect(versionOutcomes([v(1, 0), v(2, 0)], 'in_progress', 0)).toEqual(['changes_requested', 'approved']);
    // A revision was opened: the last version of round 0 was approved, whatever the plan is now.
    expect(versionOutcomes([v(1, 0), v(2, 0)], 'draft', 1)).toEqual(['changes_requested', 'approved']);
    expect(versionOutcomes([v(1, 0), v(2, 1)], 'submitted', 1)).toEqual(['approved', 'pending']);
    expect(versionOutcomes([v(1, 0), v(2, 1), v(3, 1)], 'completed', 1)).toEqual(['approved', 'changes_requested', 'approved']);
    expect(versionOutcomes([v(1, 0)], 'withdrawn', 0)).toEqual(['withdrawn']);
    expect(versionOutcomes([], 'draft', 0)).toEqual([]);
  });
});
