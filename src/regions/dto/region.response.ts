import { ApiProperty } from '@nestjs/swagger';
import type { RegionLevel } from '../region.entity';

export class RegionResponse {
  @ApiProperty({ example: '63.71' })
  code: string;

  @ApiProperty({ example: 'regency', enum: ['province', 'regency', 'district'] })
  level: RegionLevel;

  @ApiProperty({ example: '63', nullable: true, type: String })
  provinceCode: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, description: 'Districts (kecamatan): their regency/city.' })
  regencyCode: string | null;

  @ApiProperty({ example: 'Kota Banjarmasin' })
  name: string;
}

export class RegionList {
  @ApiProperty({ type: [RegionResponse] })
  items: RegionResponse[];
}
