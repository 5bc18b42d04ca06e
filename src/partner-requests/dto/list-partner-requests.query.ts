import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { PARTNER_REQUEST_STATUSES } from '../partner-request-status';
import type { PartnerRequestStatus } from '../partner-request-status';

/** Filters of the partner request list (newest first). */
export class ListPartnerRequestsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARTNER_REQUEST_STATUSES, example: 'open', description: 'The status as shown: an open request past its due date is expired.' })
  @IsOptional()
  @IsIn(PARTNER_REQUEST_STATUSES)
  status?: PartnerRequestStatus;
}
