import { evaluateTraining, mean, percent, round2, sampleSd, summarizeSatisfaction, summarizeScores } from '../../src/trainings/evaluation';
import type { ParticipantFacts } from '../../src/trainings/evaluation';

const QUESTIONNAIRE = [
  { id: 'q1', text: 'The material was useful' },
  { id: 'q2', text: 'The facilitator explained clearly' },
  { id: 'q3', text: 'I will use this in class' },
];

/**
 * Seven participants, worked by hand:
 *   P1 teacher   attended  40 → 70    (gain 30)    q1 5, q2 4, q3 3
 *   P2 teacher   attended  55 → 75    (gain 20)    q1 4, q2 4, q3 5
 *   P3 teacher   attended  60 → 60    (gain 0)     q1 3, q2 2, q3 4
 *   P4 principal attended  70 → 90    (gain 20)    q1 5, q2 5, q3 5
 *   P5 parent    attended  30 → 45.5  (gain 15.5)  q1 4, q2 3
 *   P6 parent    absent    35 → –                  –
 *   P7 teacher   not taken –  → –                  –
 */
const ROWS: ParticipantFacts[] = [
  { role: 'teacher', attended: true, pre: 40, post: 70, satisfaction: { q1: 5, q2: 4, q3: 3 } },
  { role: 'teacher', attended: true, pre: 55, post: 75, satisfaction: { q1: 4, q2: 4, q3: 5 } },
  { role: 'teacher', attended: true, pre: 60, post: 60, satisfaction: { q1: 3, q2: 2, q3: 4 } },
  { role: 'principal', attended: true, pre: 70, post: 90, satisfaction: { q1: 5, q2: 5, q3: 5 } },
  { role: 'parent', attended: true, pre: 30, post: 45.5, satisfaction: { q1: 4, q2: 3 } },
  { role: 'parent', attended: false, pre: 35, post: null, satisfaction: {} },
  { role: 'teacher', attended: null, pre: null, post: null, satisfaction: {} },
];

describe('training evaluation arithmetic', () => {
  it('takes means over the values present and nothing for none', () => {
    expect(mean([])).toBeNull();
    expect(mean([40, 55, 60, 70, 30, 35])).toBeCloseTo(290 / 6, 12);
  });

  it('uses the sample standard deviation (n − 1), and none below two values', () => {
    expect(sampleSd([])).toBeNull();
    expect(sampleSd([20])).toBeNull();
    // Gains 30, 20, 0, 20, 15.5: mean 17.1; squared deviations 166.41 + 8.41 + 292.41 + 8.41 + 2.56 = 478.2; 478.2 / 4 = 119.55.
    expect(sampleSd([30, 20, 0, 20, 15.5])).toBeCloseTo(Math.sqrt(119.55), 12);
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleSd([5, 5, 5])).toBe(0);
  });

  it('summarises pre and post over those who have each, and the gain over those who have both', () => {
    const s = summarizeScores(ROWS);
    expect(s).toMatchObject({ preCount: 6, postCount: 5, pairedCount: 5, improved: 4, unchanged: 1, declined: 0 });
    expect(s.meanPre).toBeCloseTo(290 / 6, 12); // 48.333…
    expect(s.meanPost).toBeCloseTo(340.5 / 5, 12); // 68.1
    expect(s.meanGain).toBeCloseTo(85.5 / 5, 12); // 17.1
    expect(s.gainSd).toBeCloseTo(Math.sqrt(478.2 / 4), 12); // 10.93389…
    expect(summarizeScores([{ role: 'teacher', attended: true, pre: 80, post: 70, satisfaction: {} }])).toMatchObject({ declined: 1, improved: 0, gainSd: null, meanGain: -10 });
    expect(summarizeScores([])).toEqual({ preCount: 0, meanPre: null, postCount: 0, meanPost: null, pairedCount: 0, meanGain: null, gainSd: null, improved: 0, unchanged: 0, declined: 0 });
  });

  it('summarises each questionnaire item: answers, mean, answers of 4 or 5 and their share', () => {
    expect(summarizeSatisfaction(ROWS, QUESTIONNAIRE)).toEqual([
      { itemId: 'q1', text: 'The material was useful', answers: 5, mean: 4.2, positive: 4, positiveShare: 0.8 },
      { itemId: 'q2', text: 'The facilitator explained clearly', answers: 5, mean: 3.6, positive: 3, positiveShare: 0.6 },
      { itemId: 'q3', text: 'I will use this in class', answers: 4, mean: 4.25, positive: 3, positiveShare: 0.75 },
    ]);
    expect(summarizeSatisfaction([], QUESTIONNAIRE)[0]).toEqual({ itemId: 'q1', text: 'The material was useful', answers: 0, mean: null, positive: 0, positiveShare: null });
  });

  it('evaluates everyone and each role present, in catalogue order', () => {
    const e = evaluateTraining(ROWS, QUESTIONNAIRE);
    expect(e.overall).toMatchObject({ participants: 7, attended: 5, attendanceNotRecorded: 1 });
    expect(e.overall.attendanceRate).toBeCloseTo(5 / 7, 12);
    expect(e.byRole.map((g) => g.role)).toEqual(['principal', 'teacher', 'parent']);

    const teacher = e.byRole[1];
    expect(teacher).toMatchObject({ participants: 4, attended: 3, attendanceNotRecorded: 1, attendanceRate: 0.75 });
    expect(teacher.scores.meanPre).toBeCloseTo(155 / 3, 12);
    expect(teacher.scores.meanPost).toBeCloseTo(205 / 3, 12);
    expect(teacher.scores.meanGain).toBeCloseTo(50 / 3, 12);
    // Gains 30, 20, 0: squared deviations (40/3)² + (10/3)² + (50/3)² = 4200/9; ÷ 2 = 233.33…
    expect(teacher.scores.gainSd).toBeCloseTo(Math.sqrt(4200 / 18), 12);
    expect(teacher.scores).toMatchObject({ improved: 2, unchanged: 1 });
    expect(teacher.satisfaction.map((i) => [i.answers, i.positive])).toEqual([
      [3, 2],
      [3, 2],
      [3, 2],
    ]);

    const principal = e.byRole[0];
    expect(principal).toMatchObject({ participants: 1, attended: 1, attendanceRate: 1, scores: { meanGain: 20, gainSd: null, improved: 1 } });

    const parent = e.byRole[2];
    expect(parent).toMatchObject({ participants: 2, attended: 1, attendanceRate: 0.5, scores: { preCount: 2, meanPre: 32.5, postCount: 1, meanPost: 45.5, pairedCount: 1, meanGain: 15.5, gainSd: null } });
    expect(parent.satisfaction[1]).toMatchObject({ answers: 1, mean: 3, positive: 0, positiveShare: 0 });
    expect(parent.satisfaction[2]).toMatchObject({ answers: 0, mean: null, positiveShare: null });

    expect(evaluateTraining([], QUESTIONNAIRE)).toMatchObject({ overall: { participants: 0, attendanceRate: null }, byRole: [] });
  });

  it('rounds only at the end, to 2 decimals, halves away from zero', () => {
    expect(round2(290 / 6)).toBe(48.33);
    expect(round2(Math.sqrt(119.55))).toBe(10.93);
    expect(round2(50 / 3)).toBe(16.67);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(-0.125)).toBe(-0.13);
    expect(round2(-0.001)).toBe(0);
    expect(round2(null)).toBeNull();
    expect(percent(5 / 7)).toBe(71.43);
    expect(percent(2 / 3)).toBe(66.67);
    expect(percent(0.285)).toBe(28.5);
    expect(percent(null)).toBeNull();
  });
});
