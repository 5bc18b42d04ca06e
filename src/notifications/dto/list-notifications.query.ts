import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === 'yes' ? true : value === 'false' || value === 'no' ? false : value);

/** Filters of the caller's notification list (newest first). */
export class ListNotificationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: true, description: 'true: only notifications not read yet; false: only read ones.' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  unread?: boolean;
}
