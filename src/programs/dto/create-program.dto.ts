import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { trimmed } from './calendar-date';
import { MAX_PROGRAM_YEAR, MIN_PROGRAM_YEAR, ProgramFields } from './program-fields';

/** A company's new CSR education program. */
export class CreateProgramDto extends ProgramFields {
  @ApiPropertyOptional({
    example: '00000000-0000-4000-8000-000000000101',
    description: "The owning company. Admins must give it; a CSR officer's program always belongs to their own company (leave it out, or give your own company's id).",
  })
  @IsOptional()
  @IsUUID()
  companyId?: string;

  @ApiProperty({ example: 'Generasi Trakindo', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 2012, minimum: MIN_PROGRAM_YEAR, maximum: MAX_PROGRAM_YEAR })
  @IsInt()
  @Min(MIN_PROGRAM_YEAR)
  @Max(MAX_PROGRAM_YEAR)
  startYear: number;
}
