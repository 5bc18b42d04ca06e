import { ApiProperty } from '@nestjs/swagger';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { PROGRAM_YEAR_STATUSES } from '../../programs/program-year-status';
import type { ProgramYearStatus } from '../../programs/program-year-status';
import { TRAINING_LEVELS } from '../trainings.repository';
import type { TrainingLevel, TrainingRow } from '../trainings.repository';

/** An organisation or person named in a training. */
export class TrainingOrganizationRef {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000101' })
  id: string;

  @ApiProperty({ example: 'PT Trakindo Utama' })
  name: string;
}

/** A facilitator of a training. */
export class TrainingFacilitatorRef {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000005' })
  id: string;

  @ApiProperty({ example: 'Dewi Lestari (Fasilitator, Edukasi 101)' })
  fullName: string;
}

/** The program year a training belongs to. */
export class TrainingYearRef {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000826' })
  id: string;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ enum: PROGRAM_YEAR_STATUSES, example: 'running' })
  status: ProgramYearStatus;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801' })
  programId: string;

  @ApiProperty({ example: 'Generasi Trakindo' })
  programName: string;
}

/** The scale of the understanding scores. */
export class TrainingScoreScale {
  @ApiProperty({ example: 0 })
  min: number;

  @ApiProperty({ example: 100 })
  max: number;
}

/** One satisfaction question. */
export class QuestionnaireItemResponse {
  @ApiProperty({ example: 'c3f0a1b2-4d5e-4f60-8a7b-9c0d1e2f3a4b' })
  id: string;

  @ApiProperty({ example: 'The material is useful for my class.' })
  text: string;
}

/** A training with its settings and participant counts. */
export class TrainingResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000c1263001' })
  id: string;

  @ApiProperty({ example: 'Pelatihan Nasional Literasi Kelas Awal' })
  title: string;

  @ApiProperty({ enum: TRAINING_LEVELS, example: 'national' })
  level: TrainingLevel;

  @ApiProperty({ example: '2026-07-14' })
  startsOn: string;

  @ApiProperty({ example: '2026-07-14' })
  endsOn: string;

  @ApiProperty({ type: TrainingOrganizationRef, description: 'The organisation running it.' })
  organiser: TrainingOrganizationRef;

  @ApiProperty({ type: TrainingYearRef, nullable: true })
  programYear: TrainingYearRef | null;

  @ApiProperty({ type: [TrainingFacilitatorRef] })
  facilitators: TrainingFacilitatorRef[];

  @ApiProperty({ enum: TOPICS, example: 'literacy' })
  topic: Topic;

  @ApiProperty({ nullable: true, type: String, example: 'Hotel Rattan Inn, Banjarmasin' })
  venue: string | null;

  @ApiProperty({ example: false })
  online: boolean;

  @ApiProperty({ type: TrainingScoreScale })
  scoreScale: TrainingScoreScale;

  @ApiProperty({ type: [QuestionnaireItemResponse] })
  questionnaire: QuestionnaireItemResponse[];

  @ApiProperty({ nullable: true, type: Number, example: 3 })
  quotaPerSchool: number | null;

  @ApiProperty({ example: 25 })
  participantCount: number;

  @ApiProperty({ example: 23 })
  attendedCount: number;

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you change the training.' })
  version: number;

  @ApiProperty({ example: '2026-06-01T02:00:00.000Z' })
  createdAt: string;

  static from(this: void, r: TrainingRow): TrainingResponse {
    return {
      id: r.id,
      title: r.title,
      level: r.level,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      organiser: { id: r.organiserId, name: r.organiserName },
      programYear:
        r.programYearId === null ? null : { id: r.programYearId, year: r.year as number, status: r.yearStatus as ProgramYearStatus, programId: r.programId as string, programName: r.programName as string },
      facilitators: r.facilitators,
      topic: r.topic,
      venue: r.venue,
      online: r.online,
      scoreScale: { min: r.scoreMin, max: r.scoreMax },
      questionnaire: r.questionnaire,
      quotaPerSchool: r.quotaPerSchool,
      participantCount: r.participantCount,
      attendedCount: r.attendedCount,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
    };
  }
}
