import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { TRAINING_LEVELS } from '../trainings.repository';
import type { TrainingLevel } from '../trainings.repository';

/** Filters of the training list (latest start first). */
export class ListTrainingsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000826' })
  @IsOptional()
  @IsUUID()
  programYearId?: string;

  @ApiPropertyOptional({ enum: TRAINING_LEVELS, example: 'national' })
  @IsOptional()
  @IsIn(TRAINING_LEVELS)
  level?: TrainingLevel;
}
