import { ApiProperty } from '@nestjs/swagger';

export class RegionResponse {
  @ApiProperty({ example: '63.71' })
  code: string;

  @ApiProperty({ example: 'regency', enum: ['province', 'regency'] })
  level: 'province' | 'regency';

  @ApiProperty({ example: '63', nullable: true, type: String })
  provinceCode: string | null;

  @ApiProperty({ example: 'Kota Banjarmasin' })
  name: string;
}

export class RegionList {
  @ApiProperty({ type: [RegionResponse] })
  items: RegionResponse[];
}
