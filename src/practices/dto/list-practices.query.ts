import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { PageQueryDto } from '../../common/pagination/pagination';
import { SCHOOL_LEVELS } from '../../organizations/organization-type';
import type { SchoolLevel } from '../../organizations/organization-type';
import { PRACTICE_EXAMPLE_IDS } from '../practice-examples';
import { PRACTICE_STATUSES } from '../practice-status';
import type { PracticeStatus } from '../practice-status';
import { RegionCode } from './practice-input.dto';

/** Search and filters of the library. */
export class ListPracticesQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: 'pojok baca', maxLength: 200, description: 'Words to find in the title, summary and what was done (each word also as the start of a longer one). With q the results are ranked best first; without, newest first.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: TOPICS, example: 'literacy' })
  @IsOptional()
  @IsIn(TOPICS)
  topic?: Topic;

  @ApiPropertyOptional({ enum: SCHOOL_LEVELS, example: 'SD' })
  @IsOptional()
  @IsIn(SCHOOL_LEVELS)
  schoolLevel?: SchoolLevel;

  @ApiPropertyOptional({ example: '63.71', description: "The school's province (63) or regency/city (63.71)." })
  @IsOptional()
  @RegionCode()
  regionCode?: string;

  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: PRACTICE_STATUSES, example: 'published', description: 'Only what you may see in that status: published for everyone; drafts for their school; proposed and returned for the school and its reviewers.' })
  @IsOptional()
  @IsIn(PRACTICE_STATUSES)
  status?: PracticeStatus;

  @ApiPropertyOptional({ example: PRACTICE_EXAMPLE_IDS.school, description: 'Practices of one school.' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;
}
