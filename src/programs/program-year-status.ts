/** planning → running → evaluating → closed; a closed year is read-only. */
export const PROGRAM_YEAR_STATUSES = ['planning', 'running', 'evaluating', 'closed'] as const;
export type ProgramYearStatus = (typeof PROGRAM_YEAR_STATUSES)[number];

const NEXT: Record<ProgramYearStatus, ProgramYearStatus | null> = {
  planning: 'running',
  running: 'evaluating',
  evaluating: 'closed',
  closed: null,
};

/** The status a year moves to next, or null when it is closed. */
export function nextYearStatus(status: ProgramYearStatus): ProgramYearStatus | null {
  return NEXT[status];
}

/** Whether a year may move from `from` to `to`: only one step forward. */
export function canMoveYear(from: ProgramYearStatus, to: ProgramYearStatus): boolean {
  return NEXT[from] === to;
}

/** A closed year's records are read-only. */
export function isYearReadOnly(status: ProgramYearStatus): boolean {
  return status === 'closed';
}
