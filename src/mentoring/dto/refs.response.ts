import { ApiProperty } from '@nestjs/swagger';

/** An organisation named in a mentoring record. */
export class MentoringOrganizationRef {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  id: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;
}

/** A person named in a mentoring record. */
export class MentoringPersonRef {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  id: string;

  @ApiProperty({ nullable: true, type: String, example: 'Dewi Lestari (Fasilitator, Edukasi 101)' })
  fullName: string | null;
}
