import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { COMPETITION_PHASES } from '../competition-phase';
import type { CompetitionPhase } from '../competition-phase';

/** Filters of the competition list (newest first). */
export class ListCompetitionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000825' })
  @IsOptional()
  @IsUUID()
  programYearId?: string;

  @ApiPropertyOptional({ enum: COMPETITION_PHASES, example: 'published' })
  @IsOptional()
  @IsIn(COMPETITION_PHASES)
  phase?: CompetitionPhase;
}
