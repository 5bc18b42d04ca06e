import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';

/** Reads true/false (or yes/no) from a query string. */
export const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === 'yes' ? true : value === 'false' || value === 'no' ? false : value);

/** Filters of the assignment list (by school name). */
export class ListAssignmentsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000826' })
  @IsOptional()
  @IsUUID()
  programYearId?: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000201' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000005' })
  @IsOptional()
  @IsUUID()
  facilitatorUserId?: string;

  @ApiPropertyOptional({ example: true, default: false, description: 'true: ended assignments too (the reassignment history); by default only active ones.' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  includeEnded?: boolean;

  @ApiPropertyOptional({ example: true, description: 'true: only schools flagged by the 60-day rule (no confirmed session in the last 60 days); false: only those not flagged.' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  noContact?: boolean;
}

/** The program year whose assignment choices are asked for. */
export class AssignmentCandidatesQuery {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000826', description: "A year of one of your company's programs." })
  @IsUUID()
  programYearId: string;
}
