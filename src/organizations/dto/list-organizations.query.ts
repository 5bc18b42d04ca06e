import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { ORGANIZATION_TYPES } from '../organization-type';
import type { OrganizationType } from '../organization-type';

/** Filters of the organisation list (sorted by name). */
export class ListOrganizationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGANIZATION_TYPES, example: 'school' })
  @IsOptional()
  @IsIn(ORGANIZATION_TYPES)
  type?: OrganizationType;

  @ApiPropertyOptional({ example: 'Pelambuan', description: 'Part of the name, or an NPSN.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: false, description: 'Include archived organisations.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeArchived?: boolean;
}
