import type { QuestionnaireItem } from './training.entity';
import { PARTICIPANT_ROLES } from './training-participant.entity';
import type { ParticipantRole } from './training-participant.entity';

/**
 * The arithmetic of a training's evaluation, as pure functions over the participants' records.
 * Nothing is rounded here: answers round to 2 decimals at the very end (round2), so a mean of
 * means never carries rounding errors. Documented in docs/mentoring-guide.md.
 */

/** What the evaluation reads of one participant. */
export interface ParticipantFacts {
  role: ParticipantRole;
  /** null: attendance not taken yet (counts as not attended). */
  attended: boolean | null;
  pre: number | null;
  post: number | null;
  /** Questionnaire item id → answer 1..5. */
  satisfaction: Record<string, number>;
}

/** Pre/post understanding scores of a group. */
export interface ScoreSummary {
  /** Participants with a pre-training score; meanPre is over them. */
  preCount: number;
  meanPre: number | null;
  /** Participants with a post-training score; meanPost is over them. */
  postCount: number;
  meanPost: number | null;
  /** Participants with both scores: the gain (post − pre) is taken over them only. */
  pairedCount: number;
  meanGain: number | null;
  /** Sample standard deviation of the gains (divides by n − 1); null below 2 paired participants. */
  gainSd: number | null;
  /** Paired participants whose post score is above their pre score. */
  improved: number;
  unchanged: number;
  declined: number;
}

/** The answers to one questionnaire item. */
export interface ItemSummary {
  itemId: string;
  text: string;
  /** How many answered it. */
  answers: number;
  mean: number | null;
  /** Answers of 4 or 5. */
  positive: number;
  /** positive ÷ answers, a fraction 0..1; null when nobody answered. */
  positiveShare: number | null;
}

/** The evaluation of a group of participants (all of them, or those of one role). */
export interface GroupEvaluation {
  participants: number;
  attended: number;
  /** Participants whose attendance was not taken yet. */
  attendanceNotRecorded: number;
  /** attended ÷ participants, a fraction 0..1 (attendance not taken counts as absent); null for no participants. */
  attendanceRate: number | null;
  scores: ScoreSummary;
  satisfaction: ItemSummary[];
}

/** A training's evaluation: everyone, and the same by participant role (roles present only, in catalogue order). */
export interface TrainingEvaluation {
  overall: GroupEvaluation;
  byRole: Array<GroupEvaluation & { role: ParticipantRole }>;
}

/** An answer of 4 or 5 on the 1–5 scale is positive. */
export const POSITIVE_FROM = 4;

/** The arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The sample standard deviation (n − 1 in the denominator), two-pass; null for fewer than 2 values. */
export function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = mean(values) as number;
  const squares = values.reduce((sum, v) => sum + (v - m) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/** The pre/post summary of a group. */
export function summarizeScores(rows: readonly ParticipantFacts[]): ScoreSummary {
  const pre = rows.flatMap((r) => (r.pre === null ? [] : [r.pre]));
  const post = rows.flatMap((r) => (r.post === null ? [] : [r.post]));
  const paired = rows.flatMap((r) => (r.pre !== null && r.post !== null ? [{ pre: r.pre, post: r.post }] : []));
  const gains = paired.map((p) => p.post - p.pre);
  return {
    preCount: pre.length,
    meanPre: mean(pre),
    postCount: post.length,
    meanPost: mean(post),
    pairedCount: paired.length,
    meanGain: mean(gains),
    gainSd: sampleSd(gains),
    improved: paired.filter((p) => p.post > p.pre).length,
    unchanged: paired.filter((p) => p.post === p.pre).length,
    declined: paired.filter((p) => p.post < p.pre).length,
  };
}

/** The answers of a group to each questionnaire item, in questionnaire order. */
export function summarizeSatisfaction(rows: readonly ParticipantFacts[], questionnaire: readonly QuestionnaireItem[]): ItemSummary[] {
  return questionnaire.map((item) => {
    const answers = rows.flatMap((r) => (typeof r.satisfaction[item.id] === 'number' ? [r.satisfaction[item.id]] : []));
    const positive = answers.filter((a) => a >= POSITIVE_FROM).length;
    return { itemId: item.id, text: item.text, answers: answers.length, mean: mean(answers), positive, positiveShare: answers.length === 0 ? null : positive / answers.length };
  });
}

/** The whole evaluation of one group. */
export function evaluateGroup(rows: readonly ParticipantFacts[], questionnaire: readonly QuestionnaireItem[]): GroupEvaluation {
  const attended = rows.filter((r) => r.attended === true).length;
  return {
    participants: rows.length,
    attended,
    attendanceNotRecorded: rows.filter((r) => r.attended === null).length,
    attendanceRate: rows.length === 0 ? null : attended / rows.length,
    scores: summarizeScores(rows),
    satisfaction: summarizeSatisfaction(rows, questionnaire),
  };
}

/** The evaluation of a training: everyone, then each participant role that has participants. */
export function evaluateTraining(rows: readonly ParticipantFacts[], questionnaire: readonly QuestionnaireItem[]): TrainingEvaluation {
  return {
    overall: evaluateGroup(rows, questionnaire),
    byRole: PARTICIPANT_ROLES.flatMap((role) => {
      const group = rows.filter((r) => r.role === role);
      return group.length === 0 ? [] : [{ role, ...evaluateGroup(group, questionnaire) }];
    }),
  };
}

/**
 * Rounds to 2 decimals, halves away from zero (12.345 → 12.35, −0.125 → −0.13), correcting for
 * binary fractions (1.005 is stored as 1.00499999…, and still rounds to 1.01). Only answers round.
 */
export function round2(value: number): number;
export function round2(value: number | null): number | null;
export function round2(value: number | null): number | null {
  if (value === null) return null;
  const rounded = Math.round(Math.abs(value) * 100 * (1 + Number.EPSILON)) / 100;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** A fraction as a percentage with 2 decimals (0.714285… → 71.43). */
export function percent(fraction: number | null): number | null {
  return fraction === null ? null : round2(fraction * 100);
}
