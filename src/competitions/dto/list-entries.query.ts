import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';

/** Filters of a competition's entries (by category, then school name). */
export class ListEntriesQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000cc260101' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;
}
