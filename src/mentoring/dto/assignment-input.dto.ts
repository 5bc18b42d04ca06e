import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { trimmed } from '../../programs/dto/calendar-date';

/** The most sessions and hours one assignment can plan for a year. */
export const MAX_PLANNED_SESSIONS = 1000;
export const MAX_PLANNED_HOURS = 10000;

/** A facilitator assigned to a school for a program year, with the planned sessions and hours. */
export class CreateMentoringAssignmentDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000005', description: 'A user with role facilitator whose organisation works in the program of the year (GET /api/v1/programs/{id}: facilitators).' })
  @IsUUID()
  facilitatorUserId: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201', description: 'A school with a partnership in the program of the year.' })
  @IsUUID()
  schoolId: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000826', description: "A year of one of your company's programs that is not closed." })
  @IsUUID()
  programYearId: string;

  @ApiProperty({ example: 12, minimum: 0, maximum: MAX_PLANNED_SESSIONS, description: 'Sessions planned for the year (workshop, visits, meetings...).' })
  @IsInt()
  @Min(0)
  @Max(MAX_PLANNED_SESSIONS)
  plannedSessions: number;

  @ApiProperty({ example: 40.5, minimum: 0, maximum: MAX_PLANNED_HOURS, description: 'Hours planned for the year, decimal (at most 2 places); kept as whole minutes (40.5 → 2430).' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'plannedHours must be a number of hours with at most 2 decimals, e.g. 40.5' })
  @Min(0)
  @Max(MAX_PLANNED_HOURS)
  plannedHours: number;
}

/** Hands an assignment to another facilitator: this one ends, a new one takes over. */
export class ReassignMentoringAssignmentDto {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69', description: 'The facilitator who takes over: role facilitator, organisation working in the program, not the current one.' })
  @IsUUID()
  facilitatorUserId: string;

  @ApiProperty({ example: 'Dewi Lestari moves to the Surabaya schools; Budi Santoso takes over the Banjarmasin visits.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({ example: 8, minimum: 0, maximum: MAX_PLANNED_SESSIONS, description: 'Sessions planned for the new assignment; default: the same as the old one.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PLANNED_SESSIONS)
  plannedSessions?: number;

  @ApiPropertyOptional({ example: 24, minimum: 0, maximum: MAX_PLANNED_HOURS, description: 'Hours planned for the new assignment; default: the same as the old one.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'plannedHours must be a number of hours with at most 2 decimals, e.g. 24.5' })
  @Min(0)
  @Max(MAX_PLANNED_HOURS)
  plannedHours?: number;
}

/** Why an assignment ends without a successor. */
export class EndMentoringAssignmentDto {
  @ApiProperty({ example: 'The school left the program at the end of the school year.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
