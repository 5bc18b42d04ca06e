import { planAssignments } from '../../src/competitions/assignment-plan';
import { refuseWeights, weightSum } from '../../src/competitions/rubric';
import { awardFor, compareForRanking, computeResults, flagsFor, judgeZScores, mean, median, round, sampleStd, weightedTotal } from '../../src/competitions/scoring';
import type { EntryResult, JudgeTotal } from '../../src/competitions/scoring';

/** Rubric of the hand-computed case: A weight 60 of max 10, B weight 40 of max 5, so a total is 6a + 8b. */
const sheet = (a: number, b: number) => weightedTotal([{ score: a, maxScore: 10, weight: 60 }, { score: b, maxScore: 5, weight: 40 }]);

describe('weighted total', () => {
  it('is Σ score / max × weight on a 0–100 scale', () => {
    expect(sheet(10, 5)).toBe(100);
    expect(sheet(0, 0)).toBe(0);
    expect(sheet(4, 2)).toBeCloseTo(40, 12);
    expect(sheet(7, 1)).toBeCloseTo(50, 12);
    expect(weightedTotal([{ score: 17, maxScore: 20, weight: 30 }, { score: 3, maxScore: 10, weight: 70 }])).toBeCloseTo(25.5 + 21, 12);
  });
});

describe('mean, median, sample standard deviation', () => {
  it('computes them by hand-checked values', () => {
    expect(mean([100, 50, 70])).toBeCloseTo(73.333333, 6);
    expect(median([100, 50, 70])).toBe(70);
    expect(median([40, 60, 80, 10])).toBe(50);
    expect(sampleStd([100, 40, 70, 70])).toBeCloseTo(Math.sqrt(600), 12);
    expect(sampleStd([50])).toBe(0);
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
  });
});

/**
 * 3 judges × 4 entries of one category, totals computed by hand:
 *          E1   E2   E3   E4   judge mean   judge sample std
 *   J1    100   40   70   70       70        √600 = 24.494897
 *   J2     50   60   54   56       55        √(52/3) = 4.163332
 *   J3     70   80   60   70       70        √(200/3) = 8.164966
 * z:  J1 1.224745 −1.224745 0 0;  J2 −1.200961 1.200961 −0.240192 0.240192;  J3 0 1.224745 −1.224745 0
 * normalised (mean z): E1 0.007928, E2 0.400320, E3 −0.488312, E4 0.080064
 * mean: E1 73.333, E2 60, E3 61.333, E4 65.333; median: E1 70, E2 60, E3 60, E4 70
 * Ranked by normalised: E2, E4, E1, E3 — by the mean it would have been E1, E4, E3, E2.
 */
const HAND_CASE = {
  sheets: {
    J1: { E1: [10, 5], E2: [4, 2], E3: [9, 2], E4: [5, 5] },
    J2: { E1: [7, 1], E2: [10, 0], E3: [9, 0], E4: [8, 1] },
    J3: { E1: [9, 2], E2: [8, 4], E3: [6, 3], E4: [5, 5] },
  } as Record<string, Record<string, [number, number]>>,
};

function handTotals(): JudgeTotal[] {
  return Object.entries(HAND_CASE.sheets).flatMap(([judge, entries]) => Object.entries(entries).map(([entry, [a, b]]) => ({ judgeUserId: judge, entryId: entry, total: sheet(a, b) })));
}

const entry = (id: string, createdAt: string, categoryId = 'K') => ({ id, categoryId, createdAt });

describe('normalisation and ranking (hand-computed case)', () => {
  const entries = [entry('E1', '2025-10-01T00:00:01.000000Z'), entry('E2', '2025-10-01T00:00:02.000000Z'), entry('E3', '2025-10-01T00:00:03.000000Z'), entry('E4', '2025-10-01T00:00:04.000000Z')];

  it('gives every judge z-scores against their own mean and sample std', () => {
    const z = judgeZScores(handTotals());
    expect(z.get('J1')?.get('E1')).toBeCloseTo(1.224745, 6);
    expect(z.get('J1')?.get('E3')).toBeCloseTo(0, 12);
    expect(z.get('J2')?.get('E2')).toBeCloseTo(1.200961, 6);
    expect(z.get('J2')?.get('E3')).toBeCloseTo(-0.240192, 6);
    expect(z.get('J3')?.get('E3')).toBeCloseTo(-1.224745, 6);
  });

  it('computes mean, median and normalised score per entry and ranks by the normalised score', () => {
    const results = computeResults(entries, handTotals(), 3);
    const by = Object.fromEntries(results.map((r) => [r.entryId, r]));
    expect(by.E1.mean).toBeCloseTo(73.333333, 6);
    expect(by.E2.mean).toBeCloseTo(60, 12);
    expect(by.E3.mean).toBeCloseTo(61.333333, 6);
    expect(by.E4.mean).toBeCloseTo(65.333333, 6);
    expect([by.E1.median, by.E2.median, by.E3.median, by.E4.median]).toEqual([70, 60, 60, 70]);
    expect(by.E1.normalized).toBeCloseTo(0.007928, 6);
    expect(by.E2.normalized).toBeCloseTo(0.40032, 6);
    expect(by.E3.normalized).toBeCloseTo(-0.488312, 6);
    expect(by.E4.normalized).toBeCloseTo(0.080064, 6);
    expect(results.map((r) => [r.entryId, r.rank, r.award])).toEqual([
      ['E1', 3, 'special_mention'],
      ['E2', 1, 'winner'],
      ['E3', 4, null],
      ['E4', 2, 'runner_up'],
    ]);
    expect(by.E2.judges.map((j) => [j.judgeUserId, round(j.total, 2), round(j.z, 3)])).toEqual([
      ['J1', 40, -1.225],
      ['J2', 60, 1.201],
      ['J3', 80, 1.225],
    ]);
  });

  it('flags high disagreement when totals span more than 25 points or their sample std is above 15', () => {
    const by = Object.fromEntries(computeResults(entries, handTotals(), 3).map((r) => [r.entryId, r]));
    expect(by.E1.flags).toEqual(['high_disagreement']);
    expect(by.E1.range).toBeCloseTo(50, 12);
    expect(by.E2.flags).toEqual(['high_disagreement']);
    expect(by.E3.flags).toEqual([]);
    expect(by.E3.sampleStd).toBeCloseTo(Math.sqrt(392 / 3 / 2), 6);
    expect(by.E4.flags).toEqual([]);
    // Two judges: the sample std is range / √2, so it passes 15 before the range passes 25.
    expect(flagsFor([60, 81], 2)).toEqual([]);
    expect(flagsFor([60, 82], 2)).toEqual(['high_disagreement']);
    // Many judges close together but one far apart: the range (26) flags it, the std (6.96) would not.
    expect(sampleStd([50, 62, 62, 62, 62, 62, 62, 76])).toBeLessThan(15);
    expect(flagsFor([50, 62, 62, 62, 62, 62, 62, 76], 2)).toEqual(['high_disagreement']);
    expect(flagsFor([50, 62, 62, 62, 62, 62, 62, 75], 2)).toEqual([]);
  });

  it('flags too few scores below min_judges_per_entry, and no_scores with none; unscored entries get no rank', () => {
    const results = computeResults([...entries, entry('E5', '2025-10-01T00:00:05.000000Z')], handTotals().filter((t) => !(t.entryId === 'E4' && t.judgeUserId === 'J3')), 3);
    const by = Object.fromEntries(results.map((r) => [r.entryId, r]));
    expect(by.E4.flags).toContain('too_few_scores');
    expect(by.E5).toMatchObject({ judgeCount: 0, mean: null, median: null, normalized: null, rank: null, award: null, flags: ['no_scores', 'too_few_scores'] });
  });
});

describe('z-score edge cases', () => {
  it('gives 0 to a judge who scored fewer than 2 entries or gave every entry the same total', () => {
    const z = judgeZScores([
      { judgeUserId: 'single', entryId: 'A', total: 90 },
      { judgeUserId: 'flat', entryId: 'A', total: 70 },
      { judgeUserId: 'flat', entryId: 'B', total: 70 },
    ]);
    expect(z.get('single')?.get('A')).toBe(0);
    expect(z.get('flat')?.get('A')).toBe(0);
    expect(z.get('flat')?.get('B')).toBe(0);
  });

  it('normalises over all the entries a judge scored, across categories', () => {
    const z = judgeZScores([
      { judgeUserId: 'J', entryId: 'A', total: 80 },
      { judgeUserId: 'J', entryId: 'B', total: 60 },
    ]);
    const results = computeResults([entry('A', '1', 'K1'), entry('B', '2', 'K2')], [{ judgeUserId: 'J', entryId: 'A', total: 80 }, { judgeUserId: 'J', entryId: 'B', total: 60 }], 1);
    expect(z.get('J')?.get('A')).toBeCloseTo(1 / Math.sqrt(2), 12);
    expect(results.map((r) => [r.rank, r.award])).toEqual([[1, 'winner'], [1, 'winner']]);
  });
});

describe('tie-break', () => {
  const result = (id: string, createdAt: string, r: Partial<EntryResult>): EntryResult & { createdAt: string } => ({
    entryId: id,
    categoryId: 'K',
    createdAt,
    judges: [],
    judgeCount: 2,
    mean: 70,
    median: 70,
    normalized: 0,
    range: 0,
    sampleStd: 0,
    flags: [],
    rank: null,
    award: null,
    ...r,
  });
  const order = (...rs: Array<EntryResult & { createdAt: string }>) => [...rs].sort(compareForRanking).map((r) => r.entryId);

  it('breaks a tie on the normalised score by the higher mean, then median, then more judges, then the earlier entry', () => {
    expect(order(result('a', '1', { mean: 70 }), result('b', '2', { mean: 72 }))).toEqual(['b', 'a']);
    expect(order(result('a', '1', { median: 69 }), result('b', '2', { median: 71 }))).toEqual(['b', 'a']);
    expect(order(result('a', '1', { judgeCount: 2 }), result('b', '2', { judgeCount: 3 }))).toEqual(['b', 'a']);
    expect(order(result('b', '2025-10-01T00:00:00.000002Z', {}), result('a', '2025-10-01T00:00:00.000001Z', {}))).toEqual(['a', 'b']);
  });

  it('lets the normalised score decide first, and treats differences below 1e-9 as ties', () => {
    expect(order(result('a', '1', { normalized: 0.1, mean: 50 }), result('b', '2', { normalized: 0.2, mean: 40 }))).toEqual(['b', 'a']);
    expect(order(result('a', '1', { normalized: 0.1 + 1e-12, mean: 60 }), result('b', '2', { normalized: 0.1, mean: 61 }))).toEqual(['b', 'a']);
  });

  it('gives the awards to ranks 1 to 3 only', () => {
    expect([1, 2, 3, 4, null].map(awardFor)).toEqual(['winner', 'runner_up', 'special_mention', null, null]);
  });
});

describe('rubric weights', () => {
  it('must add up to 100 within 0.001, summed in hundredths', () => {
    expect(weightSum([33.33, 33.33, 33.34])).toBe(100);
    expect(refuseWeights([33.33, 33.33, 33.34])).toBeNull();
    expect(refuseWeights([30, 30, 25, 15])).toBeNull();
    const short = refuseWeights([30, 30, 25, 10]);
    expect(short).toMatchObject({ field: 'criteria', code: 'weights_must_total_100' });
    expect(short?.message.en).toBe('the weights of the criteria add up to 95, but they must add up to 100 (they are percentages of the total score); add 5 to the weights');
    expect(refuseWeights([60, 50.5])?.message.en).toContain('add up to 110.5');
  });
});

describe('assignment by category', () => {
  const none = () => [];
  it('gives each entry its judges, least-loaded first, counting the judges it already has', () => {
    const plan = planAssignments({
      entries: [
        { entryId: 'e1', schoolId: 's1', assignedJudgeIds: [] },
        { entryId: 'e2', schoolId: 's2', assignedJudgeIds: ['j3'] },
        { entryId: 'e3', schoolId: 's3', assignedJudgeIds: [] },
      ],
      judgeIds: ['j1', 'j2', 'j3'],
      conflictsOf: none,
      load: new Map([['j3', 1]]),
      judgesPerEntry: 2,
    });
    expect(plan.assigned).toEqual([
      { entryId: 'e1', judgeUserId: 'j1' },
      { entryId: 'e1', judgeUserId: 'j2' },
      { entryId: 'e2', judgeUserId: 'j1' },
      { entryId: 'e3', judgeUserId: 'j2' },
      { entryId: 'e3', judgeUserId: 'j3' },
    ]);
    expect(plan.skipped).toEqual([]);
    expect(plan.unfilled).toEqual([]);
  });

  it('never picks a conflicted judge, says why, and reports entries left short', () => {
    const reason = { code: 'belongs' as const, en: 'J1 belongs to S1', id: 'J1 bagian dari S1' };
    const plan = planAssignments({
      entries: [
        { entryId: 'e1', schoolId: 's1', assignedJudgeIds: [] },
        { entryId: 'e2', schoolId: 's2', assignedJudgeIds: [] },
      ],
      judgeIds: ['j1', 'j2'],
      conflictsOf: (judge, school) => (judge === 'j1' && school === 's1' ? [reason] : []),
      load: new Map(),
      judgesPerEntry: 2,
    });
    expect(plan.assigned).toEqual([
      { entryId: 'e1', judgeUserId: 'j2' },
      { entryId: 'e2', judgeUserId: 'j1' },
      { entryId: 'e2', judgeUserId: 'j2' },
    ]);
    expect(plan.skipped).toEqual([{ entryId: 'e1', judgeUserId: 'j1', reasons: [reason] }]);
    expect(plan.unfilled).toEqual([{ entryId: 'e1', wanted: 2, assigned: 1 }]);
  });

  it('keeps the load even over a category', () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({ entryId: `e${i}`, schoolId: `s${i}`, assignedJudgeIds: [] }));
    const plan = planAssignments({ entries, judgeIds: ['a', 'b', 'c', 'd', 'e'], conflictsOf: none, load: new Map(), judgesPerEntry: 3 });
    const counts = new Map<string, number>();
    for (const a of plan.assigned) counts.set(a.judgeUserId, (counts.get(a.judgeUserId) ?? 0) + 1);
    expect([...counts.values()]).toEqual([6, 6, 6, 6, 6]);
  });
});
