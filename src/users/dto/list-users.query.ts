import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { ROLES } from '../role';
import type { Role } from '../role';

/** Filters of the user list (sorted by email). */
export class ListUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000201', description: 'Admins only; others always see their own organisation.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: ROLES, example: 'principal' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}
