import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { toBool } from '../../mentoring/dto/list-assignments.query';
import { PageQueryDto } from '../../common/pagination/pagination';
import { PLAN_STATUSES } from '../plan-status';
import type { PlanStatus } from '../plan-status';

/** Filters of the plan list (newest program year first, then school name). */
export class ListPlansQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000826' })
  @IsOptional()
  @IsUUID()
  programYearId?: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000201' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ enum: PLAN_STATUSES, example: 'submitted' })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;

  @ApiPropertyOptional({
    example: true,
    description: "true: only late plans (first submitted after the program year's plan deadline, or never submitted and the deadline has passed), as counted in the portfolio report; false: only plans that are not late.",
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  late?: boolean;
}
