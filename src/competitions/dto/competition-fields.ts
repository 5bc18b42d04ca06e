import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { trimmed } from './instant';

export const LEVELS = ['regional', 'national'] as const;
export type CompetitionLevel = (typeof LEVELS)[number];

/** One category of a competition. */
export class CategoryInputDto {
  @ApiProperty({ example: 'Literacy innovation', maxLength: 120 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;
}

/** One weighted criterion of the rubric. */
export class CriterionInputDto {
  @ApiProperty({ example: 'Innovation', maxLength: 120 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiPropertyOptional({ example: 'How new the idea is for the school and its surroundings.', maxLength: 2000, nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiProperty({ example: 30, minimum: 0.01, maximum: 100, description: 'Percent of the total score, at most 2 decimals; the weights of a rubric add up to 100.' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(100)
  weight: number;

  @ApiProperty({ example: 20, minimum: 1, maximum: 1000, description: 'Judges score this criterion with a whole number from 0 to maxScore.' })
  @IsInt()
  @Min(1)
  @Max(1000)
  maxScore: number;
}

/** How many judges' scores an entry needs before it is published without a flag. */
export const MIN_JUDGES_PROPERTY = { example: 3, minimum: 1, maximum: 20, default: 2, description: 'Entries scored by fewer judges are flagged too_few_scores before publishing.' };

/** Checks of minJudgesPerEntry. */
export class MinJudgesField {
  @ApiPropertyOptional(MIN_JUDGES_PROPERTY)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  minJudgesPerEntry?: number;
}
