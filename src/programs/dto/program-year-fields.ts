import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, trimmed } from './calendar-date';

/** The budget envelope as the API documents it: whole rupiah, as an integer or a digit string. */
export const BUDGET_ENVELOPE_PROPERTY = {
  oneOf: [
    { type: 'string', pattern: '^[0-9]+$' },
    { type: 'integer', minimum: 0 },
  ],
  example: '1500000000',
  description:
    'Whole rupiah, as a digit string ("1500000000") or an integer; no decimals, no negatives, at most 9000000000000000000. ' +
    'Send amounts above 9007199254740991 as a string. Answers always give it as a string.',
};

/** Calendar and description fields of a program year; null clears a date on update. */
export class ProgramYearFields {
  @ApiPropertyOptional({ example: 'Themes are chosen with the schools at the planning workshop.', maxLength: 5000, nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ example: '2026-01-20', nullable: true, type: String, description: 'The planning workshop (about two days, led by the facilitator).' })
  @IsOptional()
  @IsCalendarDate('planningWorkshopDate')
  planningWorkshopDate?: string | null;

  @ApiPropertyOptional({ example: '2026-02-28', nullable: true, type: String, description: "When the schools' plans are due; not before the planning workshop." })
  @IsOptional()
  @IsCalendarDate('planDeadline')
  planDeadline?: string | null;

  @ApiPropertyOptional({ example: '2026-11-30', nullable: true, type: String, description: 'When the grant reports (expense reports) are due.' })
  @IsOptional()
  @IsCalendarDate('grantReportingDeadline')
  grantReportingDeadline?: string | null;

  @ApiPropertyOptional({ example: '2026-12-10', nullable: true, type: String, description: 'The innovation competition.' })
  @IsOptional()
  @IsCalendarDate('competitionDate')
  competitionDate?: string | null;
}
