import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { REGION_CODE_PATTERN } from '../../organizations/organization-type';
import { trimmed } from './calendar-date';

export const MIN_PROGRAM_YEAR = 1990;
export const MAX_PROGRAM_YEAR = 2100;

/** Fields of a program that creating and changing share; all optional here. */
export class ProgramFields {
  @ApiPropertyOptional({ example: 'A long-term school improvement program for elementary schools near our branches.', maxLength: 5000, nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ enum: TOPICS, isArray: true, example: ['teacher_training', 'literacy', 'child_friendly_school'], description: 'Topics from the catalogue the program works on.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TOPICS.length)
  @ArrayUnique({ message: 'focusAreas must not repeat a topic' })
  @IsIn(TOPICS, { each: true })
  focusAreas?: Topic[];

  @ApiPropertyOptional({ example: 2026, nullable: true, type: Number, minimum: MIN_PROGRAM_YEAR, maximum: MAX_PROGRAM_YEAR, description: 'The last year; null or left out while the program runs on with no planned end.' })
  @IsOptional()
  @IsInt()
  @Min(MIN_PROGRAM_YEAR)
  @Max(MAX_PROGRAM_YEAR)
  endYear?: number | null;

  @ApiPropertyOptional({ example: ['63', '64.71', '31'], description: 'Where the program works: known province (63) or regency/city (63.71) codes; see GET /api/v1/regions.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'regionCodes must not repeat a code' })
  @Matches(REGION_CODE_PATTERN, { each: true, message: 'each of regionCodes must be a province code like 63 or a regency/city code like 63.71' })
  regionCodes?: string[];

  @ApiPropertyOptional({ example: ['00000000-0000-4000-8000-000000000401'], description: 'Facilitator organisations that work in the program (type facilitator); they can read it.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'facilitatorIds must not repeat an organisation' })
  @IsUUID('all', { each: true })
  facilitatorIds?: string[];
}
