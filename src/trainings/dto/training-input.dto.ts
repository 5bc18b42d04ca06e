import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { IsCalendarDate, trimmed } from '../../programs/dto/calendar-date';
import { TRAINING_LEVELS } from '../trainings.repository';
import type { TrainingLevel } from '../trainings.repository';

/** Most questionnaire items of one training. */
export const MAX_QUESTIONNAIRE_ITEMS = 20;
/** Most facilitators listed on one training. */
export const MAX_TRAINING_FACILITATORS = 20;
/** The widest score scale: scores are kept with 2 decimals below 100,000. */
export const SCORE_LIMIT = 10000;

/** One satisfaction question, answered 1–5; the server gives it an id. */
export class QuestionnaireItemDto {
  @ApiPropertyOptional({ example: 'c3f0a1b2-4d5e-4f60-8a7b-9c0d1e2f3a4b', description: 'On change only: the id of an existing item to keep it (and its answers); leave out for a new item.' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'The material is useful for my class.', maxLength: 300 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  text: string;
}

/** A training organised by the caller's organisation (a company or a facilitator organisation). */
export class CreateTrainingDto {
  @ApiProperty({ example: 'Pelatihan Nasional Literasi Kelas Awal', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: TRAINING_LEVELS, example: 'national' })
  @IsIn(TRAINING_LEVELS)
  level: TrainingLevel;

  @ApiProperty({ example: '2026-07-14' })
  @IsCalendarDate('startsOn')
  startsOn: string;

  @ApiProperty({ example: '2026-07-14', description: 'On or after startsOn; the same day for a one-day training.' })
  @IsCalendarDate('endsOn')
  endsOn: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000826', description: 'A program year you can see that is not closed.' })
  @IsOptional()
  @IsUUID()
  programYearId?: string;

  @ApiPropertyOptional({ type: [String], example: ['00000000-0000-4000-8000-000000000005'], description: 'Users with the facilitator role who lead it; they see the training.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TRAINING_FACILITATORS)
  @ArrayUnique({ message: 'facilitatorUserIds must not repeat a user' })
  @IsUUID(undefined, { each: true })
  facilitatorUserIds?: string[];

  @ApiProperty({ enum: TOPICS, example: 'teacher_training' })
  @IsIn(TOPICS)
  topic: Topic;

  @ApiPropertyOptional({ example: 'Hotel Rattan Inn, Banjarmasin', maxLength: 300, description: 'Where it is held; required unless online.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(300)
  venue?: string;

  @ApiPropertyOptional({ example: false, default: false })
  @IsOptional()
  @IsBoolean()
  online?: boolean;

  @ApiPropertyOptional({ example: 0, default: 0, minimum: 0, description: 'Lowest understanding score (pre and post).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SCORE_LIMIT)
  scoreMin?: number;

  @ApiPropertyOptional({ example: 100, default: 100, maximum: SCORE_LIMIT, description: 'Highest understanding score; above scoreMin.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(SCORE_LIMIT)
  scoreMax?: number;

  @ApiProperty({ type: [QuestionnaireItemDto], minItems: 1, maxItems: MAX_QUESTIONNAIRE_ITEMS, description: 'The satisfaction questionnaire, answered 1–5 (4 and 5 count as positive).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUESTIONNAIRE_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => QuestionnaireItemDto)
  questionnaire: QuestionnaireItemDto[];

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 1000, description: 'National trainings only: how many participants each school may send; enforced on every addition and nomination.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  quotaPerSchool?: number;
}

/** Changes to a training; `version` is the one the change was based on. */
export class UpdateTrainingDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: 'Pelatihan Nasional Literasi Kelas Awal 2026', maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ enum: TRAINING_LEVELS, example: 'national' })
  @IsOptional()
  @IsIn(TRAINING_LEVELS)
  level?: TrainingLevel;

  @ApiPropertyOptional({ example: '2026-07-14' })
  @IsOptional()
  @IsCalendarDate('startsOn')
  startsOn?: string;

  @ApiPropertyOptional({ example: '2026-07-15' })
  @IsOptional()
  @IsCalendarDate('endsOn')
  endsOn?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: null, description: 'null removes the program year.' })
  @IsOptional()
  @IsUUID()
  programYearId?: string | null;

  @ApiPropertyOptional({ type: [String], example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TRAINING_FACILITATORS)
  @ArrayUnique({ message: 'facilitatorUserIds must not repeat a user' })
  @IsUUID(undefined, { each: true })
  facilitatorUserIds?: string[];

  @ApiPropertyOptional({ enum: TOPICS, example: 'literacy' })
  @IsOptional()
  @IsIn(TOPICS)
  topic?: Topic;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Aula Dinas Pendidikan Kota Banjarmasin', maxLength: 300 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(300)
  venue?: string | null;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  online?: boolean;

  @ApiPropertyOptional({ example: 0, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SCORE_LIMIT)
  scoreMin?: number;

  @ApiPropertyOptional({ example: 100, maximum: SCORE_LIMIT })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(SCORE_LIMIT)
  scoreMax?: number;

  @ApiPropertyOptional({ type: [QuestionnaireItemDto], description: 'The whole questionnaire: send existing items with their id to keep them; an item that already has answers cannot be removed.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUESTIONNAIRE_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => QuestionnaireItemDto)
  questionnaire?: QuestionnaireItemDto[];

  @ApiPropertyOptional({ nullable: true, type: Number, example: 3, description: 'null removes the quota; it cannot go below what a school already has.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  quotaPerSchool?: number | null;
}
