import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { RUBRIC_LIMITS } from '../rubric';
import { CategoryInputDto, CompetitionLevel, CriterionInputDto, LEVELS, MinJudgesField } from './competition-fields';
import { IsInstant, trimmed } from './instant';

/** A new competition of a program year; it starts as a draft. */
export class CreateCompetitionDto extends MinJudgesField {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000825', description: "A year of one of your company's programs (GET /api/v1/programs/{id}/years)." })
  @IsUUID()
  programYearId: string;

  @ApiProperty({ example: 'Generasi Trakindo National School Innovation Competition 2025', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: LEVELS, example: 'national' })
  @IsIn(LEVELS)
  level: CompetitionLevel;

  @ApiProperty({
    type: [CategoryInputDto],
    minItems: RUBRIC_LIMITS.minCategories,
    maxItems: RUBRIC_LIMITS.maxCategories,
    example: [{ name: 'Literacy innovation' }, { name: 'Child-friendly school' }, { name: 'Disaster preparedness' }],
    description: 'Each with its own name. A school submits at most one entry per category.',
  })
  @IsArray()
  @ArrayMinSize(RUBRIC_LIMITS.minCategories)
  @ArrayMaxSize(RUBRIC_LIMITS.maxCategories)
  @ValidateNested({ each: true })
  @Type(() => CategoryInputDto)
  categories: CategoryInputDto[];

  @ApiProperty({
    type: [CriterionInputDto],
    minItems: RUBRIC_LIMITS.minCriteria,
    maxItems: RUBRIC_LIMITS.maxCriteria,
    example: [
      { name: 'Innovation', description: 'How new the idea is for the school.', weight: 30, maxScore: 20 },
      { name: 'Impact on learners', weight: 30, maxScore: 20 },
      { name: 'Sustainability', weight: 25, maxScore: 10 },
      { name: 'Parent and community involvement', weight: 15, maxScore: 10 },
    ],
    description: 'The rubric. Weights are percentages and must add up to 100 (± 0.001); otherwise 422 on `criteria` with the sum.',
  })
  @IsArray()
  @ArrayMinSize(RUBRIC_LIMITS.minCriteria)
  @ArrayMaxSize(RUBRIC_LIMITS.maxCriteria)
  @ValidateNested({ each: true })
  @Type(() => CriterionInputDto)
  criteria: CriterionInputDto[];

  @ApiProperty({ example: '2025-09-01T00:00:00+07:00', description: 'Entries are taken from this moment (once the competition is open).' })
  @IsInstant('entriesOpenAt')
  entriesOpenAt: string;

  @ApiProperty({ example: '2025-10-31T23:59:59+07:00', description: 'The entry deadline: later entries and changes are refused. After entriesOpenAt.' })
  @IsInstant('entriesCloseAt')
  entriesCloseAt: string;

  @ApiProperty({ example: '2025-11-30T23:59:59+07:00', description: 'Scores can be given and changed until this moment. After entriesCloseAt.' })
  @IsInstant('judgingEndsAt')
  judgingEndsAt: string;
}
