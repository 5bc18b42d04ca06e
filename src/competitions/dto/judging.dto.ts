import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { RUBRIC_LIMITS } from '../rubric';
import { trimmed } from './instant';

/** A user with the judge role to put on the panel. */
export class AddJudgeDto {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69', description: 'A user with the role judge, of any organisation.' })
  @IsUUID()
  userId: string;
}

/** One judge for one entry. */
export class CreateAssignmentDto {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69', description: 'A judge on the panel.' })
  @IsUUID()
  judgeUserId: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000d01', description: 'An entry of this competition.' })
  @IsUUID()
  entryId: string;
}

/** Staff every entry of a category. */
export class AssignByCategoryDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000cc260101' })
  @IsUUID()
  categoryId: string;

  @ApiPropertyOptional({ type: [String], example: ['3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69'], description: 'Judges of the panel to choose from; the whole panel when left out.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'judgeUserIds must not repeat a judge' })
  @IsUUID('all', { each: true })
  judgeUserIds?: string[];

  @ApiProperty({ example: 3, minimum: 1, maximum: 20, description: 'Judges every entry should have, counting those it already has.' })
  @IsInt()
  @Min(1)
  @Max(20)
  judgesPerEntry: number;
}

/** A judge's own declaration of a conflict of interest with a school. */
export class DeclareConflictDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  @IsUUID()
  schoolId: string;

  @ApiProperty({ example: 'My sister teaches at this school.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** One criterion's score. */
export class ScoreItemDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000cc260201' })
  @IsUUID()
  criterionId: string;

  @ApiProperty({ example: 17, minimum: 0, description: "A whole number from 0 to the criterion's maxScore." })
  @IsInt()
  @Min(0)
  score: number;

  @ApiPropertyOptional({ example: 'Strong involvement of parents in the drills.', maxLength: 2000, nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}

/** A judge's full score sheet for an entry: every criterion of the rubric, once. */
export class PutScoresDto {
  @ApiProperty({ type: [ScoreItemDto], minItems: 1, maxItems: RUBRIC_LIMITS.maxCriteria })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RUBRIC_LIMITS.maxCriteria)
  @ValidateNested({ each: true })
  @Type(() => ScoreItemDto)
  scores: ScoreItemDto[];
}

/** Which judges to offer for a panel. */
export class ListJudgeCandidatesQuery {
  @ApiPropertyOptional({ example: 'Bambang', maxLength: 100, description: 'Part of the name or e-mail address (case-insensitive).' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50, example: 50, description: 'At most this many, by name.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
