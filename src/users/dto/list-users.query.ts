import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { ROLES } from '../role';
import type { Role } from '../role';

/** Filters of the user list (sorted by email). */
export class ListUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '0b6a4f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b', description: 'Admins only; others always see their own organisation.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: ROLES, example: 'principal' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}
