import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, trimmed } from '../../programs/dto/calendar-date';
import { ACTION_OWNER_SIDES } from '../mentoring-status';
import type { ActionOwnerSide } from '../mentoring-status';

/** A follow-up agreed at a session. */
export class CreateMentoringActionDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000c1261001', description: 'The session it follows from (one of your sessions, under an active assignment).' })
  @IsUUID()
  sessionId: string;

  @ApiProperty({ example: 'Put up a reading corner in every grade 1–3 classroom.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;

  @ApiProperty({ enum: ACTION_OWNER_SIDES, example: 'school', description: 'Who owes it: the school or the facilitator.' })
  @IsIn(ACTION_OWNER_SIDES)
  ownerSide: ActionOwnerSide;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000003', description: "The person who owes it: a user of the school (ownerSide school) or of the facilitator's organisation (ownerSide facilitator). Without one, overdue notices go to the school's principals or to the facilitator." })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string;

  @ApiProperty({ example: '2026-03-15', description: 'YYYY-MM-DD, not before the session.' })
  @IsCalendarDate('dueDate')
  dueDate: string;
}

/** The states an action can be moved to. */
export const ACTION_TARGET_STATUSES = ['done', 'dropped'] as const;

/** A change to an action; `version` is the one the change was based on. */
export class UpdateMentoringActionDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ enum: ACTION_TARGET_STATUSES, example: 'done', description: 'done, or dropped with a reason; both are final. The school side may only mark its own actions done.' })
  @IsOptional()
  @IsIn(ACTION_TARGET_STATUSES)
  status?: (typeof ACTION_TARGET_STATUSES)[number];

  @ApiPropertyOptional({ example: 'The school chose a lending library instead.', maxLength: 2000, description: 'Why it is dropped; required with status dropped.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ example: '2026-04-15', description: 'A new due date for an open action (facilitator).' })
  @IsOptional()
  @IsCalendarDate('dueDate')
  dueDate?: string;

  @ApiPropertyOptional({ example: 'Put up a reading corner in every grade 1–4 classroom.', maxLength: 2000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description?: string;
}
