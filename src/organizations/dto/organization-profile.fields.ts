import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { DISTRICT_CODE_PATTERN, OFFICE_LEVELS, REGION_CODE_PATTERN, SCHOOL_LEVELS, SCHOOL_OWNERSHIPS } from '../organization-type';
import type { OfficeLevel, SchoolLevel, SchoolOwnership } from '../organization-type';
import { says } from '../../common/errors/validation';

/** Profile fields shared by creating and changing an organisation; which apply depends on the type. */
export class OrganizationProfileFields {
  @ApiPropertyOptional({ enum: SCHOOL_LEVELS, example: 'SD', description: 'Schools only.' })
  @IsOptional()
  @IsIn(SCHOOL_LEVELS)
  schoolLevel?: SchoolLevel;

  @ApiPropertyOptional({ enum: SCHOOL_OWNERSHIPS, example: 'public', description: 'Schools only: public (negeri) or private (swasta).' })
  @IsOptional()
  @IsIn(SCHOOL_OWNERSHIPS)
  ownership?: SchoolOwnership;

  @ApiPropertyOptional({ enum: OFFICE_LEVELS, example: 'regency', description: 'Education offices only.' })
  @IsOptional()
  @IsIn(OFFICE_LEVELS)
  officeLevel?: OfficeLevel;

  @ApiPropertyOptional({
    example: '63.71',
    description: 'A known region code: a regency/city (63.71) for a school; the jurisdiction for an education office (63 for a province office). See GET /api/v1/regions.',
  })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: says('must be a province code like 63 or a regency/city code like 63.71', 'harus berupa kode provinsi seperti 63 atau kode kabupaten/kota seperti 63.71') })
  regionCode?: string;

  @ApiPropertyOptional({
    example: '63.71.03',
    nullable: true,
    type: String,
    description: 'Schools only: the district (kecamatan) inside the school\'s regency/city, e.g. 63.71.03 (Banjarmasin Barat); null clears it. See GET /api/v1/regions?regencyCode=63.71.',
  })
  @IsOptional()
  @Matches(DISTRICT_CODE_PATTERN, { message: says('must be a district (kecamatan) code like 63.71.03', 'harus berupa kode kecamatan seperti 63.71.03') })
  districtCode?: string | null;

  @ApiPropertyOptional({ example: 'Heavy equipment sales and rental', description: 'Companies only.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sector?: string;

  @ApiPropertyOptional({ example: 'Jl. Pelambuan, Banjarmasin Barat, Kota Banjarmasin' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: 412, description: 'Schools only.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  studentCount?: number;

  @ApiPropertyOptional({ example: 21, description: 'Schools only.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  teacherCount?: number;

  @ApiPropertyOptional({ example: 'Hj. Siti Rahmah, S.Pd.', description: 'Schools only: the principal as the school names them.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  principalName?: string;

  @ApiPropertyOptional({ enum: TOPICS, isArray: true, example: ['literacy', 'disaster_preparedness'], description: 'Schools only: needs from the topic catalogue; recommendations match on them.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TOPICS.length)
  @IsIn(TOPICS, { each: true })
  needs?: Topic[];
}
