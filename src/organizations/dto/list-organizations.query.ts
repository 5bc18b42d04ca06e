import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { DISTRICT_CODE_PATTERN, ORGANIZATION_TYPES, REGION_CODE_PATTERN, SCHOOL_LEVELS } from '../organization-type';
import type { OrganizationType, SchoolLevel } from '../organization-type';

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === 'yes' ? true : value === 'false' || value === 'no' ? false : value);

export const ORGANIZATION_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
export type OrganizationSort = (typeof ORGANIZATION_SORTS)[number];

/** Filters and order of the organisation list. */
export class ListOrganizationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGANIZATION_TYPES, example: 'school' })
  @IsOptional()
  @IsIn(ORGANIZATION_TYPES)
  type?: OrganizationType;

  @ApiPropertyOptional({ example: '63', description: 'A province code (63) matches its regencies/cities too; a regency/city code (63.71) matches itself.' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a province code like 63 or a regency/city code like 63.71' })
  regionCode?: string;

  @ApiPropertyOptional({ example: '63.71.03', description: 'Schools in one district (kecamatan).' })
  @IsOptional()
  @Matches(DISTRICT_CODE_PATTERN, { message: 'districtCode must be a district (kecamatan) code like 63.71.03' })
  districtCode?: string;

  @ApiPropertyOptional({ enum: SCHOOL_LEVELS, example: 'SD', description: 'School level.' })
  @IsOptional()
  @IsIn(SCHOOL_LEVELS)
  level?: SchoolLevel;

  @ApiPropertyOptional({ example: 'Pelambuan', description: 'Part of the name, or an exact NPSN.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: false, description: 'Schools with (true) or without (false) an active CSR partner.' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  hasActivePartner?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Include archived organisations.' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  includeArchived?: boolean;

  @ApiPropertyOptional({ enum: ORGANIZATION_SORTS, default: 'name', example: 'name', description: 'Order; a leading minus sorts descending.' })
  @IsOptional()
  @IsIn(ORGANIZATION_SORTS)
  sort?: OrganizationSort;
}
