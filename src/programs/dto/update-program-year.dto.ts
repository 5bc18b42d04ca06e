import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { trimmed } from './calendar-date';
import { BUDGET_ENVELOPE_PROPERTY, ProgramYearFields } from './program-year-fields';

/** Changes to a program year that is not closed; `version` is the one the change was based on. */
export class UpdateProgramYearDto extends ProgramYearFields {
  @ApiProperty({ example: 1, description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: 'Horizontal learning: schools share good practice', maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  theme?: string;

  @ApiPropertyOptional(BUDGET_ENVELOPE_PROPERTY)
  @IsOptional()
  budgetEnvelope?: string | number;
}
