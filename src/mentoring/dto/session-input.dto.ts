import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { IsCalendarDate, trimmed } from '../../programs/dto/calendar-date';
import { SESSION_MODES } from '../mentoring-status';
import type { SessionMode } from '../mentoring-status';

/** The longest session: one day (a two-day workshop is logged as one session per day, or as one long session of up to 24 hours). */
export const MAX_SESSION_MINUTES = 1440;
/** Most named attendees of one session. */
export const MAX_ATTENDEE_USERS = 200;
const MAX_COUNT = 10000;

/** Attendees counted by role; every count is a whole number, 0 or more. */
export class AttendeeCountsDto {
  @ApiPropertyOptional({ example: 1, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  principal?: number;

  @ApiPropertyOptional({ example: 12, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  teachers?: number;

  @ApiPropertyOptional({ example: 2, minimum: 0, description: 'Tenaga kependidikan: administration and library staff.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  education_staff?: number;

  @ApiPropertyOptional({ example: 1, minimum: 0, description: 'The school supervisor (pengawas).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  supervisor?: number;

  @ApiPropertyOptional({ example: 5, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  parents?: number;

  @ApiPropertyOptional({ example: 0, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  students?: number;
}

/** The parts of a session the facilitator writes, on create and on change. */
class SessionFields {
  @ApiProperty({ example: '2026-02-11', description: 'The day it was held (YYYY-MM-DD), today or earlier.' })
  @IsCalendarDate('heldOn')
  heldOn: string;

  @ApiProperty({ example: 120, minimum: 1, maximum: MAX_SESSION_MINUTES, description: 'How long it lasted, in minutes.' })
  @IsInt()
  @Min(1)
  @Max(MAX_SESSION_MINUTES)
  durationMinutes: number;

  @ApiProperty({ enum: SESSION_MODES, example: 'visit' })
  @IsIn(SESSION_MODES)
  mode: SessionMode;

  @ApiProperty({ enum: TOPICS, example: 'literacy', description: 'From the topic catalogue.' })
  @IsIn(TOPICS)
  topic: Topic;

  @ApiPropertyOptional({ example: null, nullable: true, type: String, description: "The school's plan for the assignment's program year that the session serves." })
  @IsOptional()
  @IsUUID()
  planId?: string | null;

  @ApiPropertyOptional({ example: null, nullable: true, type: String, description: 'The id of a program inside that plan (content.programs[].id); needs planId.' })
  @IsOptional()
  @IsUUID()
  planProgramId?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['00000000-0000-4000-8000-000000000003'],
    description: "Named attendees: users of the school or of the facilitator's organisation.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTENDEE_USERS)
  @ArrayUnique({ message: 'attendeeUserIds must not repeat a user' })
  @IsUUID(undefined, { each: true })
  attendeeUserIds?: string[];

  @ApiPropertyOptional({ type: AttendeeCountsDto, example: { principal: 1, teachers: 12, parents: 5 } })
  @IsOptional()
  @ValidateNested()
  @Type(() => AttendeeCountsDto)
  attendeeCounts?: AttendeeCountsDto;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Reviewed the reading-corner schedule with the grade 1–3 teachers; agreed on a weekly reading log.', maxLength: 10000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(10000)
  notes?: string | null;
}

/** A session the assigned facilitator logs. */
export class CreateMentoringSessionDto extends SessionFields {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000c1260001', description: 'Your active assignment at the school.' })
  @IsUUID()
  assignmentId: string;
}

/** Changes to a session while it is not confirmed; `version` is the one the change was based on. */
export class UpdateMentoringSessionDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: '2026-02-11' })
  @IsOptional()
  @IsCalendarDate('heldOn')
  heldOn?: string;

  @ApiPropertyOptional({ example: 150, minimum: 1, maximum: MAX_SESSION_MINUTES })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SESSION_MINUTES)
  durationMinutes?: number;

  @ApiPropertyOptional({ enum: SESSION_MODES, example: 'visit' })
  @IsOptional()
  @IsIn(SESSION_MODES)
  mode?: SessionMode;

  @ApiPropertyOptional({ enum: TOPICS, example: 'literacy' })
  @IsOptional()
  @IsIn(TOPICS)
  topic?: Topic;

  @ApiPropertyOptional({ nullable: true, type: String, example: null, description: 'null removes the link to a plan (and to its program).' })
  @IsOptional()
  @IsUUID()
  planId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  @IsOptional()
  @IsUUID()
  planProgramId?: string | null;

  @ApiPropertyOptional({ type: [String], example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTENDEE_USERS)
  @ArrayUnique({ message: 'attendeeUserIds must not repeat a user' })
  @IsUUID(undefined, { each: true })
  attendeeUserIds?: string[];

  @ApiPropertyOptional({ type: AttendeeCountsDto, description: 'Replaces the counts as a whole.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AttendeeCountsDto)
  attendeeCounts?: AttendeeCountsDto;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Corrected: the visit lasted two and a half hours.', maxLength: 10000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(10000)
  notes?: string | null;
}

/** Why the principal disputes a session. */
export class DisputeMentoringSessionDto {
  @ApiProperty({ example: 'No visit took place on this day: the school was closed for the district sports day.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
