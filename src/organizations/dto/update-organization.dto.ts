import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { NPSN_PATTERN } from '../organization-type';
import { OrganizationProfileFields } from './organization-profile.fields';
import { says } from '../../common/errors/validation';

/**
 * Changes to an organisation; `version` is the one the change was based on. Its own users may
 * change the profile; only admins change the NPSN, the level of an office, the region or the
 * archived state.
 */
export class UpdateOrganizationDto extends OrganizationProfileFields {
  @ApiProperty({ example: 1, description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: 'SD Negeri Pelambuan 4 Banjarmasin', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: '30304122', description: 'Admins only.' })
  @IsOptional()
  @Matches(NPSN_PATTERN, { message: says('must be exactly 8 digits, e.g. 30304122', 'harus tepat 8 angka, misalnya 30304122') })
  npsn?: string;

  @ApiPropertyOptional({ example: false, description: 'Admins only: true archives the organisation (it leaves lists), false restores it.' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}
