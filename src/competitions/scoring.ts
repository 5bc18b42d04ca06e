/**
 * The arithmetic of a competition's results, documented in docs/competitions-guide.md. Everything
 * is computed at full precision; only responses round.
 *
 * 1. Weighted total of one judge for one entry: Σ (score / max score × weight) over the rubric's
 *    criteria. Weights are percentages adding up to 100, so the total is on a 0–100 scale.
 * 2. Per entry: the mean and the median of its judges' totals.
 * 3. Normalisation: for each judge, z = (total − mean of that judge's totals) / sample standard
 *    deviation of that judge's totals, over every entry the judge scored in the competition (all
 *    categories). A judge who scored fewer than 2 entries, or gave every entry the same total, has
 *    no spread to compare against: their z is 0. The normalised score of an entry is the mean of
 *    its judges' z, so a harsh or a lenient judge moves every entry they scored alike.
 * 4. Ranking per category: normalised score (higher first); ties (within 1e-9) are broken by the
 *    higher mean, then the higher median, then more judges, then the earlier entry.
 * 5. Awards per category: rank 1 winner, rank 2 runner_up, rank 3 special_mention.
 * 6. Flags for the CSR officer before publishing: fewer judges than min_judges_per_entry
 *    (too_few_scores; no_scores when none), and high disagreement when the judges' totals of an
 *    entry span more than 25 points or their sample standard deviation is above 15.
 */

/** Above these, the judges of an entry disagree enough for the CSR officer to look again. */
export const DISAGREEMENT_LIMITS = { range: 25, sampleStd: 15 } as const;

/** Two scores closer than this are a tie (floating-point noise is not a difference). */
export const TIE_EPSILON = 1e-9;

export const AWARDS = ['winner', 'runner_up', 'special_mention'] as const;
export type Award = (typeof AWARDS)[number];

/**
 * no_scores, too_few_scores and high_disagreement come from the judges' totals (flagsFor);
 * conflict_excluded is added when a judge's scores were left out because the judge turned out to be
 * conflicted with the school after scoring.
 */
export const RESULT_FLAGS = ['no_scores', 'too_few_scores', 'high_disagreement', 'conflict_excluded'] as const;
export type ResultFlag = (typeof RESULT_FLAGS)[number];

/** One criterion's score with the rubric facts it is weighed by. */
export interface CriterionScore {
  score: number;
  maxScore: number;
  /** Percent of the total score. */
  weight: number;
}

/** Σ (score / max × weight): the judge's total for one entry, 0–100. */
export function weightedTotal(scores: readonly CriterionScore[]): number {
  return scores.reduce((sum, s) => sum + (s.score / s.maxScore) * s.weight, 0);
}

/** The arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The median (the mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The sample standard deviation (divided by n − 1); 0 for fewer than 2 values. */
export function sampleStd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values) as number;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}

/** One judge's weighted total for one entry. */
export interface JudgeTotal {
  entryId: string;
  judgeUserId: string;
  total: number;
}

/**
 * Each judge's z-score per entry they scored: (total − the judge's mean) / the judge's sample std;
 * 0 when the judge scored fewer than 2 entries or has no spread. Keyed by judge, then entry.
 */
export function judgeZScores(totals: readonly JudgeTotal[]): Map<string, Map<string, number>> {
  const byJudge = new Map<string, JudgeTotal[]>();
  for (const t of totals) byJudge.set(t.judgeUserId, [...(byJudge.get(t.judgeUserId) ?? []), t]);
  const out = new Map<string, Map<string, number>>();
  for (const [judge, own] of byJudge) {
    const values = own.map((t) => t.total);
    const m = mean(values) as number;
    const sd = sampleStd(values);
    const flat = own.length < 2 || sd <= TIE_EPSILON;
    out.set(judge, new Map(own.map((t) => [t.entryId, flat ? 0 : (t.total - m) / sd])));
  }
  return out;
}

/** What ranking needs to know about an entry. */
export interface RankedEntryFacts {
  id: string;
  categoryId: string;
  /** Creation time as a sortable string (ISO 8601 UTC with microseconds): the last tie-break. */
  createdAt: string;
}

/** One judge's part in an entry's result. */
export interface JudgePart {
  judgeUserId: string;
  total: number;
  z: number;
}

/** An entry's computed result. Unscored entries have no scores, no rank and no award. */
export interface EntryResult {
  entryId: string;
  categoryId: string;
  judges: JudgePart[];
  judgeCount: number;
  mean: number | null;
  median: number | null;
  normalized: number | null;
  /** Highest minus lowest judge total; 0 with fewer than 2 judges. */
  range: number;
  /** Sample std of the judges' totals; 0 with fewer than 2 judges. */
  sampleStd: number;
  flags: ResultFlag[];
  rank: number | null;
  award: Award | null;
}

/** The award of a rank in its category: 1 winner, 2 runner_up, 3 special_mention, else none. */
export function awardFor(rank: number | null): Award | null {
  return rank !== null && rank >= 1 && rank <= AWARDS.length ? AWARDS[rank - 1] : null;
}

/** The flags of an entry: too few judges, and high disagreement between them. */
export function flagsFor(totals: readonly number[], minJudges: number): ResultFlag[] {
  const flags: ResultFlag[] = [];
  if (totals.length === 0) flags.push('no_scores');
  if (totals.length < minJudges) flags.push('too_few_scores');
  if (totals.length >= 2 && (Math.max(...totals) - Math.min(...totals) > DISAGREEMENT_LIMITS.range || sampleStd(totals) > DISAGREEMENT_LIMITS.sampleStd)) {
    flags.push('high_disagreement');
  }
  return flags;
}

function byScore(a: number, b: number): number {
  return Math.abs(a - b) <= TIE_EPSILON ? 0 : b - a;
}

/**
 * Ranking order within a category: normalised score, mean and median (each higher first), then more
 * judges, then the earlier entry, then the id, so the order is total.
 */
export function compareForRanking(a: EntryResult & { createdAt: string }, b: EntryResult & { createdAt: string }): number {
  return (
    byScore(a.normalized ?? 0, b.normalized ?? 0) ||
    byScore(a.mean ?? 0, b.mean ?? 0) ||
    byScore(a.median ?? 0, b.median ?? 0) ||
    b.judgeCount - a.judgeCount ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
    (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0)
  );
}

/**
 * The results of a competition: per entry the judges' totals and z-scores, mean, median, normalised
 * score and flags; per category the ranks and awards of the scored entries. Entries come back in the
 * order given.
 */
export function computeResults(entries: readonly RankedEntryFacts[], totals: readonly JudgeTotal[], minJudgesPerEntry: number): EntryResult[] {
  const z = judgeZScores(totals);
  const results = entries.map((entry) => {
    const own = totals.filter((t) => t.entryId === entry.id);
    const judges = own.map((t) => ({ judgeUserId: t.judgeUserId, total: t.total, z: z.get(t.judgeUserId)?.get(entry.id) ?? 0 }));
    const values = judges.map((j) => j.total);
    const result: EntryResult & { createdAt: string } = {
      entryId: entry.id,
      categoryId: entry.categoryId,
      createdAt: entry.createdAt,
      judges,
      judgeCount: judges.length,
      mean: mean(values),
      median: median(values),
      normalized: mean(judges.map((j) => j.z)),
      range: values.length >= 2 ? Math.max(...values) - Math.min(...values) : 0,
      sampleStd: sampleStd(values),
      flags: flagsFor(values, minJudgesPerEntry),
      rank: null,
      award: null,
    };
    return result;
  });
  const categories = [...new Set(results.map((r) => r.categoryId))];
  for (const category of categories) {
    const ranked = results.filter((r) => r.categoryId === category && r.judgeCount > 0).sort(compareForRanking);
    ranked.forEach((r, i) => {
      r.rank = i + 1;
      r.award = awardFor(r.rank);
    });
  }
  return results.map(({ createdAt: _createdAt, ...r }) => r);
}

/** Rounds for a response: totals, means and medians to 2 decimals, z and normalised scores to 3. */
export function round(value: number, decimals: 2 | 3): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
