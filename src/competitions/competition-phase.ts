/** draft → open (for entries) → judging → published (results) → closed; forward only. */
export const COMPETITION_PHASES = ['draft', 'open', 'judging', 'published', 'closed'] as const;
export type CompetitionPhase = (typeof COMPETITION_PHASES)[number];
