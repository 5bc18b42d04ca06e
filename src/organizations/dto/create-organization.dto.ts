import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NPSN_PATTERN, ORGANIZATION_TYPES } from '../organization-type';
import type { OrganizationType } from '../organization-type';
import { OrganizationProfileFields } from './organization-profile.fields';
import { says } from '../../common/errors/validation';

/**
 * A new organisation. Schools need an NPSN, a level and a regency/city; education offices a level
 * and their jurisdiction's region code.
 */
export class CreateOrganizationDto extends OrganizationProfileFields {
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
  @Matches(NPSN_PATTERN, { message: says('must be exactly 8 digits, e.g. 30304122', 'harus tepat 8 angka, misalnya 30304122') })
  npsn?: string;
}
