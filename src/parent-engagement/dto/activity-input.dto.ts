import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, trimmed } from '../../programs/dto/calendar-date';
import { GRADES, PARENT_ENGAGEMENT_KINDS } from '../parent-engagement-kinds';
import type { ParentEngagementKind } from '../parent-engagement-kinds';

/** The most parents or teachers one activity can count. */
export const MAX_ACTIVITY_COUNT = 10000;

/** Parents of one grade. */
export class GradeCountDto {
  @ApiProperty({ example: 1, enum: GRADES, description: 'Grade (kelas) 1–6.' })
  @IsInt()
  @Min(1)
  @Max(6)
  grade: number;

  @ApiProperty({ example: 12, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_ACTIVITY_COUNT)
  parents: number;
}

/** What the principal writes about an activity. */
class ActivityFields {
  @ApiProperty({ enum: PARENT_ENGAGEMENT_KINDS, example: 'parenting_class', description: 'From the catalogue (GET /parent-engagement/kinds).' })
  @IsIn(PARENT_ENGAGEMENT_KINDS)
  kind: ParentEngagementKind;

  @ApiProperty({ example: '2025-08-16', description: 'The day it was held (YYYY-MM-DD), today or earlier.' })
  @IsCalendarDate('heldOn')
  heldOn: string;

  @ApiProperty({ example: 38, minimum: 0, maximum: MAX_ACTIVITY_COUNT, description: 'How many parents (or guardians) took part.' })
  @IsInt()
  @Min(0)
  @Max(MAX_ACTIVITY_COUNT)
  parentsReached: number;

  @ApiPropertyOptional({
    type: [GradeCountDto],
    nullable: true,
    example: [
      { grade: 1, parents: 20 },
      { grade: 2, parents: 18 },
    ],
    description: 'Optional split by grade: each grade at most once; the parents must add up to parentsReached. null or absent: not split.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => GradeCountDto)
  parentsByGrade?: GradeCountDto[] | null;

  @ApiPropertyOptional({ example: 4, minimum: 0, maximum: MAX_ACTIVITY_COUNT, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ACTIVITY_COUNT)
  teachersInvolved?: number;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 10000, example: 'Kelas parenting "Mendampingi anak membaca di rumah" bersama psikolog Puskesmas Pelambuan.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(10000)
  notes?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '00000000-0000-4000-8000-0000a1240000', description: "A plan of the school whose program the activity serves; needed with planProgramId." })
  @IsOptional()
  @IsUUID()
  planId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '00000000-0000-4000-8000-0000a1240001', description: 'The id of a program inside that plan (content.programs[].id).' })
  @IsOptional()
  @IsUUID()
  planProgramId?: string | null;
}

/** An activity the school's principal records. */
export class CreateParentEngagementActivityDto extends ActivityFields {}

/** Changes to an activity; `version` is the one the change was based on; absent fields stay. */
export class UpdateParentEngagementActivityDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ enum: PARENT_ENGAGEMENT_KINDS, example: 'home_visit' })
  @IsOptional()
  @IsIn(PARENT_ENGAGEMENT_KINDS)
  kind?: ParentEngagementKind;

  @ApiPropertyOptional({ example: '2025-08-16' })
  @IsOptional()
  @IsCalendarDate('heldOn')
  heldOn?: string;

  @ApiPropertyOptional({ example: 40, minimum: 0, maximum: MAX_ACTIVITY_COUNT })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ACTIVITY_COUNT)
  parentsReached?: number;

  @ApiPropertyOptional({ type: [GradeCountDto], nullable: true, example: null, description: 'Replaces the split as a whole; null removes it. Must add up to parentsReached (the new one, or the stored one).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => GradeCountDto)
  parentsByGrade?: GradeCountDto[] | null;

  @ApiPropertyOptional({ example: 5, minimum: 0, maximum: MAX_ACTIVITY_COUNT })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ACTIVITY_COUNT)
  teachersInvolved?: number;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 10000, example: 'Dihadiri juga oleh ketua komite sekolah.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(10000)
  notes?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: null, description: 'null removes the link to a plan (and to its program).' })
  @IsOptional()
  @IsUUID()
  planId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  @IsOptional()
  @IsUUID()
  planProgramId?: string | null;
}
