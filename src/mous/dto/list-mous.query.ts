import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { MOU_STATUSES } from '../mou-status';
import type { MouStatus } from '../mou-status';

export const MOU_SORTS = ['-createdAt', 'expiryDate'] as const;
export type MouSort = (typeof MOU_SORTS)[number];

/** Filters and order of the MoU list. */
export class ListMousQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000901' })
  @IsOptional()
  @IsUUID()
  partnershipId?: string;

  @ApiPropertyOptional({ enum: MOU_STATUSES, example: 'active' })
  @IsOptional()
  @IsIn(MOU_STATUSES)
  status?: MouStatus;

  @ApiPropertyOptional({
    example: 90,
    minimum: 0,
    maximum: 3650,
    description: 'Only active MoUs whose expiry date is today or within this many days (UTC dates). Sorted by expiry date unless `sort` says otherwise.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  expiringWithinDays?: number;

  @ApiPropertyOptional({ enum: MOU_SORTS, example: 'expiryDate', description: '-createdAt (newest first; the default) or expiryDate (soonest first; the default with expiringWithinDays).' })
  @IsOptional()
  @IsIn(MOU_SORTS)
  sort?: MouSort;
}
