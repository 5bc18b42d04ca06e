import type { Topic } from '../common/catalog/topics';
import type { SchoolLevel } from '../organizations/organization-type';

/**
 * The candidate score, documented in docs/partners-guide.md and the OpenAPI description:
 * +40 when the school has no active CSR partner yet; +25 when its level is one the request asks for
 * (or the request asks for any level); +10 for each need the school states that the request asks
 * for, at most +30. Ties are broken by name, then id.
 */
export const CANDIDATE_POINTS = { noActivePartner: 40, level: 25, perNeed: 10, needsCap: 30 } as const;

/** What the score of one candidate school is computed from. */
export interface CandidateFacts {
  hasActivePartner: boolean;
  schoolLevel: SchoolLevel | null;
  levelsAsked: readonly SchoolLevel[];
  needsAsked: readonly Topic[];
  /** The requested needs the school states, in the request's order. */
  matchedNeeds: readonly Topic[];
}

/** One line of a score's explanation; the points of all lines add up to the score. */
export interface ScoreReason {
  code: 'no_active_partner' | 'has_active_partner' | 'level_matches' | 'any_level' | 'level_not_asked' | 'states_need' | 'no_need_matches';
  points: number;
  reason: string;
}

/** The score of a candidate and the reasons for it, line by line. */
export function explainCandidate(f: CandidateFacts): { score: number; reasons: ScoreReason[] } {
  const P = CANDIDATE_POINTS;
  const reasons: ScoreReason[] = [];
  reasons.push(
    f.hasActivePartner
      ? { code: 'has_active_partner', points: 0, reason: 'already has an active CSR partner' }
      : { code: 'no_active_partner', points: P.noActivePartner, reason: 'no active CSR partner yet' },
  );
  if (f.levelsAsked.length === 0) reasons.push({ code: 'any_level', points: P.level, reason: 'any level was asked for' });
  else if (f.schoolLevel && f.levelsAsked.includes(f.schoolLevel)) reasons.push({ code: 'level_matches', points: P.level, reason: `level ${f.schoolLevel} matches the request` });
  else reasons.push({ code: 'level_not_asked', points: 0, reason: `level ${f.schoolLevel ?? 'unknown'} was not asked for` });
  let needPoints = 0;
  for (const topic of f.matchedNeeds) {
    const points = Math.min(P.perNeed, P.needsCap - needPoints);
    needPoints += points;
    reasons.push({ code: 'states_need', points, reason: points > 0 ? `states need: ${topic}` : `states need: ${topic} (need points are capped at ${P.needsCap})` });
  }
  if (f.needsAsked.length > 0 && f.matchedNeeds.length === 0) reasons.push({ code: 'no_need_matches', points: 0, reason: 'states none of the needs the request asks for' });
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/**
 * The same score as SQL, for ranking in the database. `hasPartner` and `matchedNeeds` are SQL
 * expressions of the facts; `levelsParam` is the request's levels as a varchar[] parameter.
 */
export function candidateScoreSql(schoolAlias: string, hasPartner: string, matchedNeeds: string, levelsParam: string): string {
  const P = CANDIDATE_POINTS;
  return `((CASE WHEN ${hasPartner} THEN 0 ELSE ${P.noActivePartner} END)
    + (CASE WHEN cardinality(${levelsParam}) = 0 OR ${schoolAlias}.school_level = ANY(${levelsParam}) THEN ${P.level} ELSE 0 END)
    + LEAST(${P.perNeed} * cardinality(${matchedNeeds}), ${P.needsCap}))`;
}
