import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { trimmed } from './calendar-date';
import { MAX_PROGRAM_YEAR, MIN_PROGRAM_YEAR, ProgramFields } from './program-fields';

/**
 * Changes to a program; `version` is the one the change was based on. `facilitatorIds` and
 * `regionCodes` replace the whole list; `endYear: null` opens the end.
 */
export class UpdateProgramDto extends ProgramFields {
  @ApiProperty({ example: 1, description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: 'Generasi Trakindo', maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 2012, minimum: MIN_PROGRAM_YEAR, maximum: MAX_PROGRAM_YEAR })
  @IsOptional()
  @IsInt()
  @Min(MIN_PROGRAM_YEAR)
  @Max(MAX_PROGRAM_YEAR)
  startYear?: number;
}
