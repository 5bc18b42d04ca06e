import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { GRANT_STATUSES } from '../grant-status';
import type { GrantStatus } from '../grant-status';

/** Filters of the grant list (newest first). */
export class ListGrantsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000826' })
  @IsOptional()
  @IsUUID()
  programYearId?: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000201' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ enum: GRANT_STATUSES, example: 'disbursing' })
  @IsOptional()
  @IsIn(GRANT_STATUSES)
  status?: GrantStatus;
}
