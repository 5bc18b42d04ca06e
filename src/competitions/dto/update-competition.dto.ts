import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { RUBRIC_LIMITS } from '../rubric';
import { CategoryInputDto, CompetitionLevel, CriterionInputDto, LEVELS, MinJudgesField } from './competition-fields';
import { IsInstant, trimmed } from './instant';

/** Changes to a draft competition; `categories` and `criteria` replace the whole list. */
export class UpdateCompetitionDto extends MinJudgesField {
  @ApiProperty({ example: 1, description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: 'Generasi Trakindo National School Innovation Competition 2025', maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ enum: LEVELS, example: 'national' })
  @IsOptional()
  @IsIn(LEVELS)
  level?: CompetitionLevel;

  @ApiPropertyOptional({ type: [CategoryInputDto], minItems: RUBRIC_LIMITS.minCategories, maxItems: RUBRIC_LIMITS.maxCategories, description: 'Replaces every category.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(RUBRIC_LIMITS.minCategories)
  @ArrayMaxSize(RUBRIC_LIMITS.maxCategories)
  @ValidateNested({ each: true })
  @Type(() => CategoryInputDto)
  categories?: CategoryInputDto[];

  @ApiPropertyOptional({ type: [CriterionInputDto], minItems: RUBRIC_LIMITS.minCriteria, maxItems: RUBRIC_LIMITS.maxCriteria, description: 'Replaces the whole rubric; the weights must add up to 100.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(RUBRIC_LIMITS.minCriteria)
  @ArrayMaxSize(RUBRIC_LIMITS.maxCriteria)
  @ValidateNested({ each: true })
  @Type(() => CriterionInputDto)
  criteria?: CriterionInputDto[];

  @ApiPropertyOptional({ example: '2025-09-01T00:00:00+07:00' })
  @IsOptional()
  @IsInstant('entriesOpenAt')
  entriesOpenAt?: string;

  @ApiPropertyOptional({ example: '2025-10-31T23:59:59+07:00' })
  @IsOptional()
  @IsInstant('entriesCloseAt')
  entriesCloseAt?: string;

  @ApiPropertyOptional({ example: '2025-11-30T23:59:59+07:00' })
  @IsOptional()
  @IsInstant('judgingEndsAt')
  judgingEndsAt?: string;
}
