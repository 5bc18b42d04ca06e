import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

/** The program years the school is explicitly in the cohort of: the whole set. */
export class SetCohortYearsDto {
  @ApiProperty({
    example: ['00000000-0000-4000-8000-000000000812', '00000000-0000-4000-8000-000000000813'],
    description: "Years of the partnership's program (GET /api/v1/programs/{id}/years). Replaces the explicit set; an empty list clears it. A closed year can be neither added nor removed.",
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'programYearIds must not repeat a year' })
  @IsUUID('all', { each: true })
  programYearIds: string[];
}
