import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { trimmed } from './calendar-date';
import { MAX_PROGRAM_YEAR, MIN_PROGRAM_YEAR } from './program-fields';
import { BUDGET_ENVELOPE_PROPERTY, ProgramYearFields } from './program-year-fields';

/** A new year of a program; it starts in planning. */
export class CreateProgramYearDto extends ProgramYearFields {
  @ApiProperty({ example: 2026, minimum: MIN_PROGRAM_YEAR, maximum: MAX_PROGRAM_YEAR, description: "Within the program's start and end year; one record per year." })
  @IsInt()
  @Min(MIN_PROGRAM_YEAR)
  @Max(MAX_PROGRAM_YEAR)
  year: number;

  @ApiProperty({ example: 'Horizontal learning: schools share good practice', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  theme: string;

  @ApiProperty(BUDGET_ENVELOPE_PROPERTY)
  @IsDefined()
  budgetEnvelope: string | number;
}
