import { ApiProperty } from '@nestjs/swagger';
import { percent, round2 } from '../evaluation';
import type { GroupEvaluation, TrainingEvaluation } from '../evaluation';
import { PARTICIPANT_ROLES } from '../training-participant.entity';
import type { ParticipantRole } from '../training-participant.entity';
import { TrainingScoreScale } from './training.response';

/** Pre/post understanding of a group; means and the spread rounded to 2 decimals. */
export class TrainingScoreEvaluation {
  @ApiProperty({ example: 24, description: 'Participants with a pre-training score.' })
  preCount: number;

  @ApiProperty({ nullable: true, type: Number, example: 52.4, description: 'Mean of the pre-training scores present.' })
  meanPre: number | null;

  @ApiProperty({ example: 23 })
  postCount: number;

  @ApiProperty({ nullable: true, type: Number, example: 78.9 })
  meanPost: number | null;

  @ApiProperty({ example: 23, description: 'Participants with both scores: the gain is taken over them only.' })
  pairedCount: number;

  @ApiProperty({ nullable: true, type: Number, example: 26.35, description: 'Mean of post − pre over the paired participants.' })
  meanGain: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 8.12, description: 'Sample standard deviation of the gains (divides by n − 1); null below 2 paired participants.' })
  gainSd: number | null;

  @ApiProperty({ example: 22, description: 'Paired participants whose post score is above their pre score.' })
  improved: number;

  @ApiProperty({ example: 1 })
  unchanged: number;

  @ApiProperty({ example: 0 })
  declined: number;
}

/** The answers to one questionnaire item. */
export class TrainingItemEvaluation {
  @ApiProperty({ example: 'c3f0a1b2-4d5e-4f60-8a7b-9c0d1e2f3a4b' })
  itemId: string;

  @ApiProperty({ example: 'The material is useful for my class.' })
  text: string;

  @ApiProperty({ example: 23, description: 'How many answered it.' })
  answers: number;

  @ApiProperty({ nullable: true, type: Number, example: 4.3 })
  mean: number | null;

  @ApiProperty({ example: 20, description: 'Answers of 4 or 5.' })
  positive: number;

  @ApiProperty({ nullable: true, type: Number, example: 86.96, description: 'positive ÷ answers, as a percentage with 2 decimals.' })
  positivePercent: number | null;
}

/** The evaluation of a group of participants. */
export class TrainingGroupEvaluationResponse {
  @ApiProperty({ example: 25 })
  participants: number;

  @ApiProperty({ example: 23 })
  attended: number;

  @ApiProperty({ example: 0, description: 'Participants whose attendance was not taken; they count as absent in the rate.' })
  attendanceNotRecorded: number;

  @ApiProperty({ nullable: true, type: Number, example: 92, description: 'attended ÷ participants, as a percentage with 2 decimals.' })
  attendanceRatePercent: number | null;

  @ApiProperty({ type: TrainingScoreEvaluation })
  scores: TrainingScoreEvaluation;

  @ApiProperty({ type: [TrainingItemEvaluation] })
  satisfaction: TrainingItemEvaluation[];

  static from(this: void, g: GroupEvaluation): TrainingGroupEvaluationResponse {
    return {
      participants: g.participants,
      attended: g.attended,
      attendanceNotRecorded: g.attendanceNotRecorded,
      attendanceRatePercent: percent(g.attendanceRate),
      scores: {
        preCount: g.scores.preCount,
        meanPre: round2(g.scores.meanPre),
        postCount: g.scores.postCount,
        meanPost: round2(g.scores.meanPost),
        pairedCount: g.scores.pairedCount,
        meanGain: round2(g.scores.meanGain),
        gainSd: round2(g.scores.gainSd),
        improved: g.scores.improved,
        unchanged: g.scores.unchanged,
        declined: g.scores.declined,
      },
      satisfaction: g.satisfaction.map((i) => ({ itemId: i.itemId, text: i.text, answers: i.answers, mean: round2(i.mean), positive: i.positive, positivePercent: percent(i.positiveShare) })),
    };
  }
}

/** The evaluation of one participant role. */
export class TrainingRoleEvaluationResponse extends TrainingGroupEvaluationResponse {
  @ApiProperty({ enum: PARTICIPANT_ROLES, example: 'teacher' })
  role: ParticipantRole;
}

/** A training's evaluation: everyone, then by participant role; computed unrounded, rounded only here. */
export class TrainingEvaluationResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000c1263001' })
  trainingId: string;

  @ApiProperty({ type: TrainingScoreScale })
  scoreScale: TrainingScoreScale;

  @ApiProperty({ type: TrainingGroupEvaluationResponse })
  overall: TrainingGroupEvaluationResponse;

  @ApiProperty({ type: [TrainingRoleEvaluationResponse], description: 'Each participant role that has participants, in the order principal, teacher, education_staff, supervisor, parent, other.' })
  byRole: TrainingRoleEvaluationResponse[];

  static of(this: void, trainingId: string, scale: TrainingScoreScale, e: TrainingEvaluation): TrainingEvaluationResponse {
    return {
      trainingId,
      scoreScale: scale,
      overall: TrainingGroupEvaluationResponse.from(e.overall),
      byRole: e.byRole.map((g) => ({ role: g.role, ...TrainingGroupEvaluationResponse.from(g) })),
    };
  }
}
