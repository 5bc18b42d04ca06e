import { ApiProperty } from '@nestjs/swagger';

/** An organisation named in a record (one shared schema, so Swagger shows one definition). */
export class OrganizationRefResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000101' })
  id: string;

  @ApiProperty({ example: 'PT Trakindo Utama' })
  name: string;
}
