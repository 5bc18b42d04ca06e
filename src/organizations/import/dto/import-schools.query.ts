import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/** Options of a school import. */
export class ImportSchoolsQuery {
  @ApiPropertyOptional({ example: false, description: 'true checks the file and answers with the report, without writing anything.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}
