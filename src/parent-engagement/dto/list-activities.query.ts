import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { PARENT_ENGAGEMENT_KINDS } from '../parent-engagement-kinds';
import type { ParentEngagementKind } from '../parent-engagement-kinds';

/** Filters of one school's activity list (newest first). */
export class ListParentEngagementQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000201', description: "The school; a principal's own school when left out (required for everyone else)." })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: 2025, description: 'Only activities held in this calendar year.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: PARENT_ENGAGEMENT_KINDS, example: 'parenting_class' })
  @IsOptional()
  @IsIn(PARENT_ENGAGEMENT_KINDS)
  kind?: ParentEngagementKind;
}
