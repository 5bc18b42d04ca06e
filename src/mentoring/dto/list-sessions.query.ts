import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { SESSION_CONFIRMATIONS } from '../mentoring-status';
import type { SessionConfirmation } from '../mentoring-status';

/** Filters of the session list (newest first). */
export class ListSessionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000c1260001' })
  @IsOptional()
  @IsUUID()
  assignmentId?: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000201' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000826' })
  @IsOptional()
  @IsUUID()
  programYearId?: string;

  @ApiPropertyOptional({ enum: SESSION_CONFIRMATIONS, example: 'pending', description: 'pending: logged but not yet confirmed by the principal.' })
  @IsOptional()
  @IsIn(SESSION_CONFIRMATIONS)
  confirmation?: SessionConfirmation;
}
