import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../programs/dto/calendar-date';

/** The statuses a partnership can be opened in. */
export const OPENING_STATUSES = ['prospective', 'active'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];

/** A new partnership of the program's company with one school. */
export class CreatePartnershipDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801', description: "A program of your company (admins: any program); the partnership belongs to the program's company." })
  @IsUUID()
  programId: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201', description: 'An organisation of type school; one partnership per school in a program.' })
  @IsUUID()
  schoolId: string;

  @ApiPropertyOptional({
    example: '00000000-0000-4000-8000-000000000701',
    description: "The accepted recommendation the partnership is born from: a recommendation of this school, accepted in a request by the program's company. Each recommendation opens at most one partnership.",
  })
  @IsOptional()
  @IsUUID()
  recommendationId?: string;

  @ApiPropertyOptional({ enum: OPENING_STATUSES, default: 'prospective', example: 'active', description: 'prospective (default) while the cooperation is being prepared, or active when it has started.' })
  @IsOptional()
  @IsIn(OPENING_STATUSES)
  status?: OpeningStatus;

  @ApiPropertyOptional({ example: '2012-03-10', description: 'Only with status active: when the cooperation started (default today; not in the future).' })
  @IsOptional()
  @IsCalendarDate('startedOn')
  startedOn?: string;
}
