import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { NPSN_PATTERN, OFFICE_LEVELS, REGION_CODE_PATTERN, SCHOOL_LEVELS } from '../organization-type';
import type { OfficeLevel, SchoolLevel } from '../organization-type';

/** Changes to an organisation; `version` is the one the change was based on. */
export class UpdateOrganizationDto {
  @ApiProperty({ example: 1, description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: 'SD Negeri Pelambuan 4 Banjarmasin' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: '30304122' })
  @IsOptional()
  @Matches(NPSN_PATTERN, { message: 'npsn must be exactly 8 digits, e.g. 30304122' })
  npsn?: string;

  @ApiPropertyOptional({ enum: SCHOOL_LEVELS, example: 'SD' })
  @IsOptional()
  @IsIn(SCHOOL_LEVELS)
  schoolLevel?: SchoolLevel;

  @ApiPropertyOptional({ enum: OFFICE_LEVELS, example: 'regency' })
  @IsOptional()
  @IsIn(OFFICE_LEVELS)
  officeLevel?: OfficeLevel;

  @ApiPropertyOptional({ example: '63.71' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a province code like 63 or a regency/city code like 63.71' })
  regionCode?: string;

  @ApiPropertyOptional({ example: false, description: 'true archives the organisation (it leaves lists), false restores it.' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}
