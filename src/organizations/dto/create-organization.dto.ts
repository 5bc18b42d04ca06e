import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NPSN_PATTERN, OFFICE_LEVELS, ORGANIZATION_TYPES, REGION_CODE_PATTERN, SCHOOL_LEVELS } from '../organization-type';
import type { OfficeLevel, OrganizationType, SchoolLevel } from '../organization-type';

/** A new organisation. Schools need an NPSN and a level; education offices a level and a region code. */
export class CreateOrganizationDto {
  @ApiProperty({ enum: ORGANIZATION_TYPES, example: 'school' })
  @IsIn(ORGANIZATION_TYPES)
  type: OrganizationType;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '30304122', description: 'Schools only: the 8-digit national school number.' })
  @IsOptional()
  @Matches(NPSN_PATTERN, { message: 'npsn must be exactly 8 digits, e.g. 30304122' })
  npsn?: string;

  @ApiPropertyOptional({ enum: SCHOOL_LEVELS, example: 'SD', description: 'Schools only.' })
  @IsOptional()
  @IsIn(SCHOOL_LEVELS)
  schoolLevel?: SchoolLevel;

  @ApiPropertyOptional({ enum: OFFICE_LEVELS, example: 'regency', description: 'Education offices only.' })
  @IsOptional()
  @IsIn(OFFICE_LEVELS)
  officeLevel?: OfficeLevel;

  @ApiPropertyOptional({ example: '63.71', description: 'Province code (63) or regency/city code (63.71).' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a province code like 63 or a regency/city code like 63.71' })
  regionCode?: string;
}
