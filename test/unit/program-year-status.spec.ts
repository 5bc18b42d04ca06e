import { canMoveYear, isYearReadOnly, nextYearStatus, PROGRAM_YEAR_STATUSES } from '../../src/programs/program-year-status';
import type { ProgramYearStatus } from '../../src/programs/program-year-status';

describe('program year status', () => {
  it('moves planning → running → evaluating → closed, and stops there', () => {
    expect(nextYearStatus('planning')).toBe('running');
    expect(nextYearStatus('running')).toBe('evaluating');
    expect(nextYearStatus('evaluating')).toBe('closed');
    expect(nextYearStatus('closed')).toBeNull();
  });

  it('allows exactly one step forward: never back, never a skip, never to itself', () => {
    const allowed: Array<[ProgramYearStatus, ProgramYearStatus]> = [];
    for (const from of PROGRAM_YEAR_STATUSES) for (const to of PROGRAM_YEAR_STATUSES) if (canMoveYear(from, to)) allowed.push([from, to]);
    expect(allowed).toEqual([
      ['planning', 'running'],
      ['running', 'evaluating'],
      ['evaluating', 'closed'],
    ]);
  });

  it('makes only a closed year read-only', () => {
    expect(PROGRAM_YEAR_STATUSES.filter(isYearReadOnly)).toEqual(['closed']);
  });
});
