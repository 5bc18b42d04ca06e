import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { trimmed } from '../../programs/dto/calendar-date';
import { PARTICIPANT_ROLES } from '../training-participant.entity';
import type { ParticipantRole } from '../training-participant.entity';

const SCORE = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 };
const SATISFACTION_DOC =
  'Answers by questionnaire item id, each a whole number 1–5 (4 and 5 are positive), e.g. {"<itemId>": 4}; null removes an answer. Items not sent keep their answer.';

/** A participant the organiser adds: a user, or an external person named here. */
export class AddParticipantDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000003', description: "A user; their school is their organisation when it is a school. Leave out for an external person." })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ example: 'Ibu Nurhayati', maxLength: 200, description: 'An external person (no account): their name. Give either userId or externalName.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  externalName?: string;

  @ApiProperty({ enum: PARTICIPANT_ROLES, example: 'teacher' })
  @IsIn(PARTICIPANT_ROLES)
  role: ParticipantRole;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000201', description: 'The school they come from (for external people; for users of a school it is their school).' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: true, description: 'Attendance, when already known.' })
  @IsOptional()
  @IsBoolean()
  attended?: boolean;
}

/** A teacher the CSR officer nominates for a training, counted against the school's quota. */
export class NominateDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000003', description: "A user of a partner school of your company (in the training's program, when it has one)." })
  @IsUUID()
  userId: string;

  @ApiPropertyOptional({ enum: PARTICIPANT_ROLES, example: 'teacher', default: 'teacher' })
  @IsOptional()
  @IsIn(PARTICIPANT_ROLES)
  role?: ParticipantRole;
}

/** What the organiser records of a participant; `version` is the one the change was based on. */
export class UpdateParticipantDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ nullable: true, type: Boolean, example: true, description: 'null: attendance not taken.' })
  @IsOptional()
  @IsBoolean()
  attended?: boolean | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 55, description: 'Understanding before the training, within the training scale, at most 2 decimals; null clears it.' })
  @IsOptional()
  @IsNumber(SCORE, { message: 'preScore must be a number with at most 2 decimals, e.g. 72.5' })
  preScore?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 80, description: 'Understanding after the training, within the training scale; null clears it.' })
  @IsOptional()
  @IsNumber(SCORE, { message: 'postScore must be a number with at most 2 decimals, e.g. 85' })
  postScore?: number | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 5, nullable: true }, example: { 'c3f0a1b2-4d5e-4f60-8a7b-9c0d1e2f3a4b': 5 }, description: SATISFACTION_DOC })
  @IsOptional()
  @IsObject()
  satisfaction?: Record<string, number | null>;

  @ApiPropertyOptional({ enum: PARTICIPANT_ROLES, example: 'teacher' })
  @IsOptional()
  @IsIn(PARTICIPANT_ROLES)
  role?: ParticipantRole;
}

/** A participant's own answers: the pre/post understanding scores and the questionnaire. */
export class MyResponsesDto {
  @ApiPropertyOptional({ nullable: true, type: Number, example: 55, description: 'Leave out to keep; null clears.' })
  @IsOptional()
  @IsNumber(SCORE, { message: 'preScore must be a number with at most 2 decimals, e.g. 72.5' })
  preScore?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 80, description: 'Leave out to keep; null clears.' })
  @IsOptional()
  @IsNumber(SCORE, { message: 'postScore must be a number with at most 2 decimals, e.g. 85' })
  postScore?: number | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 5, nullable: true }, example: { 'c3f0a1b2-4d5e-4f60-8a7b-9c0d1e2f3a4b': 4 }, description: SATISFACTION_DOC })
  @IsOptional()
  @IsObject()
  satisfaction?: Record<string, number | null>;
}
