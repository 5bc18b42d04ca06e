import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { ACTION_OWNER_SIDES, ACTION_STATUSES } from '../mentoring-status';
import type { ActionOwnerSide, ActionStatus } from '../mentoring-status';
import { toBool } from './list-assignments.query';

/** Filters of the follow-up list (earliest due first). */
export class ListActionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ACTION_STATUSES, example: 'open' })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;

  @ApiPropertyOptional({ example: true, description: 'true: only open actions past their due date (as of today); false: only those that are not.' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000c1260001' })
  @IsOptional()
  @IsUUID()
  assignmentId?: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000c1261001' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @ApiPropertyOptional({ enum: ACTION_OWNER_SIDES, example: 'school' })
  @IsOptional()
  @IsIn(ACTION_OWNER_SIDES)
  ownerSide?: ActionOwnerSide;
}
